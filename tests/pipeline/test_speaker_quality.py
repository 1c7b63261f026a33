"""How often sayso_speakers names the right speaker, on whole sets, as floors against regressions.

Three sets (see docs/cli.md, ``sayso eval``, and ``bench/RESULTS.md``, "Speakers"): our own invented
passages (``bench/labels/own-news.jsonl``, always here), the world-news set and the labelled
PolNeAR dev articles (both from ``../shared``). The floors sit a little under today's figures, so
a change that makes sayso name the wrong people fails here before it reaches the figures.
"""

import json
from pathlib import Path

from sayso.eval_records import apply_speaker_labels
from sayso.evaluate import evaluate, predict, resolution_report

LABELS = Path(__file__).resolve().parents[2] / "bench" / "labels"


def _speaker(report: dict) -> float:
    return report["resolution"]["accuracy"]["speaker"]


def test_own_news_speakers_and_genders_are_mostly_right(nlp):
    report = evaluate(LABELS / "own-news.jsonl", nlp=nlp)
    assert _speaker(report) >= 0.89
    assert report["resolution"]["speaker_gender"]["accuracy"] >= 0.85


def test_world_news_speakers_and_genders_are_mostly_right(nlp, worldnews_dev_path):
    report = evaluate(worldnews_dev_path, nlp=nlp)
    assert report["attribution"]["who-said-what"]["f1"] >= 0.79
    assert _speaker(report) >= 0.89
    assert report["resolution"]["speaker_gender"]["accuracy"] >= 0.96


def test_polnear_labels_cover_every_dev_attribution(polnear_dev):
    labelled = apply_speaker_labels(polnear_dev, LABELS / "polnear-dev-speakers.jsonl")
    assert len(labelled) == len(polnear_dev) == 84
    assert sum(len(d["attributions"]) for d in labelled) == 2192


def test_polnear_dev_speakers_are_mostly_right(nlp, polnear_dev):
    gold = apply_speaker_labels(polnear_dev, LABELS / "polnear-dev-speakers.jsonl")
    report = resolution_report(gold, list(predict(gold, nlp=nlp)))
    assert report["accuracy"]["speaker"] >= 0.89


def test_own_news_set_is_valid_gold():
    for line in (LABELS / "own-news.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for a in record["attributions"]:
            assert a["source"] or a["speaker"] is None, record["doc_id"]
            assert a["speaker_gender"] in (None, "female", "male")

"""The canonical example article against a careful reader's annotation of it.

``tests/data/bakhmut.gold.jsonl`` gives every attribution of
``examples/bakhmut-newsweek-2022-12-27.txt`` with its speaker, role, channel and
hedges. The issue's bar: who-said-what F1 >= 0.90, the right speaker for all but
at most one attribution, roles, channels and hedges each >= 80 % right.
"""

import json
from pathlib import Path

import pytest

from sayso.evaluate import evaluate
from sayso.resolution import score_fields

GOLD = Path(__file__).parent / "data" / "bakhmut.gold.jsonl"


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD)


def test_example_who_said_what_meets_bar(report):
    assert report["attribution"]["who-said-what"]["f1"] >= 0.90


def test_example_nested_view_finds_all_17_with_their_speakers():
    nested = evaluate(GOLD, nested=True)
    assert nested["attribution"]["who-said-what"]["tp"] == nested["attribution"]["who-said-what"]["gold"] == 17
    assert nested["resolution"]["speaker_grades"]["right"] == 17


def test_example_speakers_all_but_one_right(report):
    res = report["resolution"]
    assert res["gold"] - res["right"]["speaker"] <= 1


@pytest.mark.parametrize("field", ["speaker_role", "channel", "hedges"])
def test_example_resolved_fields_meet_bar(report, field):
    assert report["resolution"]["accuracy"][field] >= 0.80


def test_resolution_counts_a_wrong_speaker():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pred = [dict(a) for a in gold["attributions"]]
    pred[0] = {**pred[0], "speaker": "Somebody Else", "hedges": []}
    scores = score_fields(gold["text"], gold["attributions"], pred)
    assert scores.matched == len(pred)
    assert scores.right["speaker"] == len(pred) - 1
    assert scores.right["hedges"] == len(pred) - 1
    assert scores.right["channel"] == len(pred)


def test_resolution_ignores_unmatched_predictions():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    scores = score_fields(gold["text"], gold["attributions"], gold["attributions"][:5])
    assert scores.matched == 5 and scores.gold == len(gold["attributions"])

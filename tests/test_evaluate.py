"""sayso.evaluate gives the referee's figures, bit for bit, on PolNeAR dev.

Every comparison is against ``../shared/bench/score.py`` run in its own process,
on predictions that exercise each rule: dropped attributions and sources, shifted,
trimmed, widened and merged spans, punctuation cues, swapped roles, duplicates,
empty contents and documents without a prediction line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sayso.evaluate import EvalInputError, format_report, score, score_files

ROLES = ("source", "cue", "content")
# Text between a pair of double quotation marks of one style, on one line.
QUOTED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”|' + r"''([^\n]+?)''")


# A one-attribution gold document without a quotation mark.
GOOD = {
    "doc_id": "a",
    "text": "He said it rains.",
    "attributions": [{"source": [[0, 2]], "cue": [[3, 7]], "content": [[8, 16]]}],
}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def quotation_baseline(gold: list[dict]) -> list[dict]:
    """The bench README's baseline: every quotation is a content, with no source and no cue."""
    return [
        {"doc_id": doc["doc_id"], "attributions": [{"content": [list(m.span())]} for m in QUOTED.finditer(doc["text"])]}
        for doc in gold
    ]


def _perturbed_attributions(attribution: dict, k: int, text_len: int) -> list[dict]:
    """What the k-th prediction makes of one gold attribution: none, one or two attributions."""
    a = {role: [list(span) for span in attribution[role]] for role in ROLES}

    def moved(spans: list[list[int]], by: int) -> list[list[int]]:
        return [[min(max(s + by, 0), text_len), min(max(e + by, 0), text_len)] for s, e in spans]

    match k % 8:
        case 0:
            return []
        case 1:
            a["content"] = moved(a["content"], 3)
        case 2:
            a["content"] = [[s, s + (e - s) // 3] for s, e in a["content"]]
        case 3:
            a["source"] = None
        case 4:
            a["source"], a["cue"] = a["cue"], a["source"]
        case 5:
            a["content"] = [[min(s for s, _ in a["content"]), max(e for _, e in a["content"])], [0, 0]]
            a["cue"] = moved(a["cue"], 1)
        case 6:
            return [a, {**a, "content": [], "cue": None}]
        case 7:
            a["content"] = [[max(s - 1, 0), min(e + 1, text_len)] for s, e in reversed(a["content"])]
            a["source"] = moved(a["source"], -2)
    return [a]


def perturbed(gold: list[dict]) -> list[dict]:
    """Gold changed deterministically in every way the scorer distinguishes; every tenth document unpredicted."""
    out = []
    for n, doc in enumerate(gold):
        if n % 10 == 9:
            continue
        found = [
            changed
            for k, attribution in enumerate(doc["attributions"])
            for changed in _perturbed_attributions(attribution, k + n, len(doc["text"]))
        ]
        out.append({"doc_id": doc["doc_id"], "attributions": found})
    return out


def figures(report: dict) -> list[float]:
    return [m[key] for section in ("token", "span_strict", "span_soft", "attribution")
            for m in report[section].values() for key in ("p", "r", "f1")]


def test_evaluate_gold_against_itself_scores_one_everywhere(polnear_dev, polnear_dev_path, referee):
    report = score(polnear_dev, polnear_dev)
    assert set(figures(report)) == {1.0}
    assert {v for group in report["recall_by_quote"].values() for k, v in group.items() if k != "n"} == {1.0}
    assert report == referee(polnear_dev_path, polnear_dev_path)


@pytest.mark.parametrize("make_predictions", [perturbed, quotation_baseline, lambda gold: []],
                         ids=["perturbed", "quotation-baseline", "no-predictions"])
@pytest.mark.parametrize("max_docs", [None, 7])
def test_evaluate_matches_referee_exactly(polnear_dev, polnear_dev_path, referee, tmp_path, make_predictions, max_docs):
    predictions = make_predictions(polnear_dev)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", predictions)
    options = () if max_docs is None else ("--docs", str(max_docs))
    expected = referee(polnear_dev_path, pred_path, *options)
    report = score(polnear_dev, predictions, max_docs=max_docs)
    # json.dumps also compares key order and float reprs, i.e. the printed output.
    assert json.dumps(report) == json.dumps(expected)
    assert score_files(polnear_dev_path, pred_path, max_docs=max_docs) == report


def test_evaluate_perturbed_predictions_are_imperfect_at_every_level(polnear_dev):
    report = score(polnear_dev, perturbed(polnear_dev))
    assert all(0.0 < f < 1.0 for f in figures(report))


def test_evaluate_report_table_is_the_referees(polnear_dev, polnear_dev_path, referee, tmp_path):
    pred_path = write_jsonl(tmp_path / "pred.jsonl", perturbed(polnear_dev))
    assert format_report(score_files(polnear_dev_path, pred_path)) + "\n" == referee(
        polnear_dev_path, pred_path, table=True
    )


def test_evaluate_empty_quote_group_reports_null():
    report = score([GOOD], [])
    assert report["recall_by_quote"]["quoted"]["detection"] is None
    assert report["recall_by_quote"]["unquoted"]["detection"] == 0.0
    assert "-" in format_report(report).splitlines()[-1]


@pytest.mark.parametrize(
    ("gold_lines", "pred_lines", "where", "reason"),
    [
        ([json.dumps(GOOD), "{not json"], [], "gold.jsonl line 2", "not valid JSON"),
        (["[1, 2]"], [], "gold.jsonl line 1", "expected a JSON object"),
        ([json.dumps({**GOOD, "text": None})], [], "gold.jsonl line 1", "no 'text' string"),
        ([json.dumps(GOOD), json.dumps(GOOD)], [], "gold.jsonl line 2", "appears twice"),
        ([json.dumps({**GOOD, "attributions": [{"content": []}]})], [], "gold.jsonl line 1", "non-empty 'content'"),
        ([json.dumps(GOOD)], ["", json.dumps({"doc_id": "b", "attributions": []})],
         "pred.jsonl line 2", "not in the gold file"),
        ([json.dumps(GOOD)], [json.dumps({"doc_id": "a", "attributions": [{"content": [[8, 99]]}]})],
         "pred.jsonl line 1", "outside the text"),
        ([json.dumps(GOOD)], [json.dumps({"doc_id": "a", "attributions": [{"cue": [[3, 7]]}]})],
         "pred.jsonl line 1", "missing key 'content'"),
    ],
    ids=["bad-json", "not-object", "no-text", "repeated-id", "empty-gold-content",
         "unknown-id", "span-outside", "no-content"],
)
def test_evaluate_malformed_input_names_file_line_and_reason(tmp_path, gold_lines, pred_lines, where, reason):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    pred.write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=re.escape(reason)) as caught:
        score_files(gold, pred)
    assert str(caught.value).startswith(f"{tmp_path / where}:")


def test_evaluate_in_memory_records_are_checked_too():
    with pytest.raises(EvalInputError, match=r"prediction record 0: attribution 0: 'source'"):
        score([GOOD], [{"doc_id": "a", "attributions": [{"content": [[8, 16]], "source": [[2, 1]]}]}])

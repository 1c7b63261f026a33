"""``sayso eval`` prints the referee's figures for the very predictions it writes."""

from __future__ import annotations

import json

from sayso.cli import main

DOCS = 3


def run_eval(gold, pred, *options: str) -> int:
    return main(["eval", str(gold), "--docs", str(DOCS), "--output", str(pred), *options])


def test_eval_cli_json_equals_referee_on_its_own_predictions(polnear_dev_path, referee, tmp_path, capsys):
    pred = tmp_path / "pred.jsonl"
    assert run_eval(polnear_dev_path, pred, "--json") == 0
    assert json.loads(capsys.readouterr().out) == referee(polnear_dev_path, pred, "--docs", str(DOCS))


def test_eval_cli_table_equals_referee_table(polnear_dev_path, referee, tmp_path, capsys):
    pred = tmp_path / "pred.jsonl"
    assert run_eval(polnear_dev_path, pred) == 0
    assert capsys.readouterr().out == referee(polnear_dev_path, pred, "--docs", str(DOCS), table=True)


def test_eval_cli_output_has_one_prediction_line_per_scored_document(polnear_dev_path, polnear_dev, tmp_path):
    pred = tmp_path / "pred.jsonl"
    assert run_eval(polnear_dev_path, pred) == 0
    lines = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert [line["doc_id"] for line in lines] == [doc["doc_id"] for doc in polnear_dev[:DOCS]]
    assert all(isinstance(line["attributions"], list) for line in lines)


def test_eval_cli_malformed_gold_names_file_and_line_and_exits_2(polnear_dev, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(polnear_dev[0]) + "\n" + '{"doc_id": "x", "text": 1}\n', encoding="utf-8")
    assert main(["eval", str(gold)]) == 2
    assert f"{gold} line 2: gold document 'x' has no 'text' string" in capsys.readouterr().err


def test_eval_cli_missing_gold_file_exits_2(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl: cannot open" in capsys.readouterr().err


def test_eval_cli_rejects_negative_docs(polnear_dev_path, capsys):
    assert main(["eval", str(polnear_dev_path), "--docs", "-1"]) == 2
    assert "(--docs) must be >= 0" in capsys.readouterr().err

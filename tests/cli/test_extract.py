"""``sayso extract``: inputs, output formats, bad input, exit status, --db."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import sayso.batch
from sayso.cli import main


def _extract(capsys, *args: str) -> tuple[int, list[dict], str]:
    """Run ``sayso extract ARGS --format jsonl``; exit status, output objects, stderr."""
    status = main(["extract", *args, "--format", "jsonl"])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


@pytest.fixture
def dev3(tmp_path, articles) -> Path:
    """The first three test articles, with their metadata, as a JSONL file."""
    path = tmp_path / "dev3.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in articles[:3]), encoding="utf-8")
    return path


def test_extract_text_file_gives_one_object_named_after_the_file(capsys, example_path):
    status, docs, err = _extract(capsys, str(example_path))
    assert status == 0
    assert [d["doc_id"] for d in docs] == ["bakhmut-newsweek-2022-12-27"]
    assert isinstance(docs[0]["attributions"], list)
    assert "1 extracted, 0 failed" in err


def test_extract_directory_gives_every_txt_file_in_sorted_order(capsys, tmp_path, example_path):
    for rel in ("2022/12/bakhmut.txt", "2022/11/kherson.txt", "readme.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(example_path, tmp_path / rel)
    status, docs, _ = _extract(capsys, str(tmp_path))
    assert status == 0
    assert [d["doc_id"] for d in docs] == ["kherson", "bakhmut"]


def test_extract_stdin_is_the_document_stdin(capsys, monkeypatch, bakhmut_text):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bakhmut_text.encode())))
    status, docs, _ = _extract(capsys, "-")
    assert (status, [d["doc_id"] for d in docs]) == (0, ["stdin"])


def test_extract_jsonl_keeps_the_doc_ids(capsys, dev3, articles):
    status, docs, _ = _extract(capsys, str(dev3))
    assert status == 0
    assert [d["doc_id"] for d in docs] == [d["doc_id"] for d in articles[:3]]


def test_extract_jsonl_output_is_accepted_by_the_referee(tmp_path, referee):
    gold = Path(__file__).resolve().parents[1] / "data" / "bakhmut.gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold), "--format", "jsonl", "--output", str(pred)]) == 0
    figures = referee(gold, pred)  # raises unless score.py exits 0
    assert figures


def test_extract_documents_go_through_the_pipeline_in_batches(capsys, monkeypatch, dev3, example_path):
    sizes = []

    def spy(texts, nlp=None, batch_size=16):
        texts = list(texts)
        sizes.append(len(texts))
        return sayso.nlp.parse_many(texts, nlp, batch_size)

    monkeypatch.setattr(sayso.batch, "parse_many", spy)
    status, docs, _ = _extract(capsys, str(dev3), str(example_path), str(dev3), "--batch-size", "3")
    assert (status, len(docs), sizes) == (0, 7, [3, 3, 1])


@pytest.mark.parametrize("name", ["empty", "blank", "binary", "latin-1", "huge", "just-over"])
def test_extract_bad_file_is_named_on_stderr_and_the_others_still_run(capsys, bad_inputs, example_path, name):
    path, code = bad_inputs[name]
    status, docs, err = _extract(capsys, str(path), str(example_path))
    assert status == 1
    assert [d["doc_id"] for d in docs] == ["bakhmut-newsweek-2022-12-27"]
    assert f"[{code}] {path}: " in err
    assert "1 extracted, 1 failed" in err


def test_extract_bad_jsonl_lines_are_named_by_line_and_good_lines_still_run(capsys, bad_jsonl, articles):
    path, codes = bad_jsonl
    status, docs, err = _extract(capsys, str(path))
    assert status == 1
    assert [d["doc_id"] for d in docs] == [d["doc_id"] for d in articles[:3]]
    for line, code in codes.items():
        assert f"[{code}] {path}:{line}: " in err


def test_extract_missing_path_is_an_error_and_the_others_still_run(capsys, tmp_path, example_path):
    missing = tmp_path / "no-such-article.txt"
    status, docs, err = _extract(capsys, str(missing), str(example_path))
    assert (status, len(docs)) == (1, 1)
    assert f"[E010] {missing}: no such file or directory" in err


def test_extract_json_format_is_one_array_of_documents(capsys, example_path, dev3):
    assert main(["extract", str(example_path), str(dev3), "--format", "json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["doc_id"] for d in docs][:1] == ["bakhmut-newsweek-2022-12-27"]
    assert len(docs) == 4


def test_extract_json_format_of_nothing_is_an_empty_array(capsys, bad_inputs):
    assert main(["extract", str(bad_inputs["empty"][0]), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_extract_table_is_the_default_at_a_terminal(capsys, monkeypatch, example_path):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["extract", str(example_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== bakhmut-newsweek-2022-12-27 ({example_path}): ")
    assert not out.lstrip().startswith("{")


def test_extract_output_file_gets_the_results(tmp_path, capsys, example_path):
    target = tmp_path / "out.jsonl"
    assert main(["extract", str(example_path), "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["doc_id"] == "bakhmut-newsweek-2022-12-27"


@pytest.mark.parametrize(("option", "code", "reason"), [
    ("--output", "E032", "cannot write output"), ("--db", "E148", "the folder {folder} does not exist"),
])
def test_extract_unwritable_destination_stops_the_run_with_status_2(tmp_path, capsys, example_path, option, code,
                                                                    reason):
    target = tmp_path / "missing-dir" / "out"
    assert main(["extract", str(example_path), option, str(target)]) == 2
    said = reason.format(folder=target.parent)
    assert capsys.readouterr().err.startswith(f"sayso: error: [{code}] {target}: {said}")
    assert not target.parent.exists()


def test_extract_rerun_into_the_same_db_does_not_duplicate(tmp_path, capsys, example_path, dev3, bad_inputs):
    db = tmp_path / "sayso.db"
    args = ["extract", str(example_path), str(dev3), str(bad_inputs["binary"][0]), "--db", str(db)]
    assert main(args) == 1
    first = capsys.readouterr().out
    assert main(args) == 1
    assert capsys.readouterr().out == first
    found = sum(len(json.loads(line)["attributions"]) for line in first.splitlines())
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM articles").fetchone() == (4, 4)
        assert conn.execute("SELECT count(*) FROM attributions").fetchone()[0] == found
        assert conn.execute("SELECT DISTINCT origin FROM errors").fetchall() == [(str(bad_inputs["binary"][0]),)]


def test_extract_console_script_reads_a_pipe_and_writes_jsonl(bakhmut_text):
    script = Path(sys.executable).with_name("sayso")
    done = subprocess.run([str(script), "extract", "-"], input=bakhmut_text.encode(), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["doc_id"] == "stdin"


def test_extract_without_paths_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract"])
    assert exit_.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_extract_nested_adds_the_inner_statements_with_their_parent(tmp_path, capsys):
    path = tmp_path / "wire.txt"
    path.write_text("Amina Diallo said the border would reopen on Monday, Radio Kaya reported.\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    flat_view = json.loads(capsys.readouterr().out)["attributions"]
    assert main(["extract", str(path), "--format", "jsonl", "--nested"]) == 0
    nested_view = json.loads(capsys.readouterr().out)["attributions"]
    assert [a["text"]["cue"] for a in flat_view] == ["reported"]
    assert [(a["text"]["cue"], a.get("parent")) for a in nested_view] == [("reported", None), ("said", 0)]


def test_extract_db_document_the_store_refuses_is_named_with_e123_and_the_others_are_stored(
    tmp_path, capsys, monkeypatch, dev3, articles
):
    from sayso.store import Store

    write = Store._write_article

    def refusing(store, result, now):  # what a database may refuse in one document's values
        if result.document.doc_id == articles[1]["doc_id"]:
            raise sqlite3.DataError("string or blob too big")
        write(store, result, now)

    monkeypatch.setattr(Store, "_write_article", refusing)
    db = tmp_path / "sayso.db"
    status, _, err = _extract(capsys, str(dev3), "--db", str(db))
    assert status == 1
    assert f"sayso: [E123] {dev3}:2: cannot be stored (string or blob too big)" in err
    assert "Traceback" not in err
    with sqlite3.connect(db) as conn:
        stored = {doc_id for (doc_id,) in conn.execute("SELECT doc_id FROM articles")}
    assert stored == {articles[0]["doc_id"], articles[2]["doc_id"]}


def test_extract_db_stores_names_and_dates_that_once_crashed_the_store(tmp_path, capsys, articles):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "edge.jsonl").write_text(
        json.dumps({"id": "a\ud800b", "text": articles[0]["text"], "date": "0001-01-01T00:00:00+14:00"}) + "\n"
        + json.dumps({"id": "late", "text": articles[1]["text"], "date": "9999-12-31T23:59:59-12:00"}) + "\n"
    )
    with open(bytes(folder) + b"/caf\xe9.txt", "wb") as f:
        f.write(articles[2]["text"].encode())
    db = tmp_path / "sayso.db"
    status, docs, err = _extract(capsys, str(folder), "--db", str(db))
    assert (status, [d["doc_id"] for d in docs]) == (0, ["caf\\xe9", "a\\ud800b", "late"])
    with sqlite3.connect(db) as conn:
        assert sorted(conn.execute("SELECT doc_id, published FROM articles")) == [
            ("a\\ud800b", None), ("caf\\xe9", None), ("late", None)
        ]

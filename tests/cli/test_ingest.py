"""``sayso ingest``: good and hostile files, progress lines, resuming after kill -9, exit status."""

from __future__ import annotations

import html
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from sayso.cli import main
from sayso.store import open_store

SAYSO = Path(sys.executable).with_name("sayso")


def _ingest(capsys, *args: str) -> tuple[int, str]:
    """Run ``sayso ingest ARGS``; exit status and stderr."""
    status = main(["ingest", *args])
    return status, capsys.readouterr().err


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def short_articles(articles) -> list[dict]:
    """Four of our test articles (under 1,000 characters each), their doc_id and text only."""
    return [{"doc_id": d["doc_id"], "text": d["text"]} for d in articles[:4]]


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _hits(db: Path) -> list[dict]:
    with open_store(db) as store:
        return sorted((asdict(hit) for hit in store.export()), key=lambda h: (h["article_id"], h["idx"]))


def test_ingest_folder_of_good_and_hostile_files_stores_the_good_and_names_the_bad(
    capsys, tmp_path, example_path, short_articles, bad_inputs
):
    folder = bad_inputs["empty"][0].parent  # where bad_inputs wrote its empty, binary, latin-1, huge … files
    shutil.copy(example_path, folder / "bakhmut.txt")
    (folder / "ferry.txt").write_text(short_articles[0]["text"], encoding="utf-8")
    title, *paragraphs = short_articles[3]["text"].split("\n\n")
    page = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    (folder / "bridge.html").write_text(
        f"<html><head><title>{html.escape(title)}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{page}</article><script>alert('x')</script></body></html>",
        encoding="utf-8",
    )
    hostile = folder / "nested.html"  # no text, 60,000 nested elements and a script
    hostile.write_text("<html><body>" + "<div>" * 60_000 + "<script>alert(1)</script>" + "</div>" * 60_000)
    lines = [json.dumps(short_articles[1]), '{"doc_id": "cut", "text": "Clinton said', json.dumps(short_articles[2])]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "store" / "corpus.db"
    db.parent.mkdir()

    status, err = _ingest(capsys, str(folder), "--db", str(db), "--log-every", "0")

    assert status == 1
    for path, code in bad_inputs.values():
        assert f"sayso: [{code}] {path}: " in err
    assert f"sayso: [E005] {folder / 'wire.jsonl'}:2: malformed JSON" in err
    assert re.search(rf"sayso: \[E0\d\d\] {re.escape(str(hostile))}: ", err)
    good = ["bakhmut", "ferry", "bridge", short_articles[1]["doc_id"], short_articles[2]["doc_id"]]
    assert _count(db, "articles") == len(good)
    with open_store(db) as store:
        assert [store.find_article(doc_id).doc_id for doc_id in good] == good
        failed = {e.origin for e in store.errors()}
    assert failed == {str(p) for p, _ in bad_inputs.values()} | {f"{folder / 'wire.jsonl'}:2", str(hostile)}
    *_, last_progress, summary, index = err.rstrip().splitlines()
    assert re.fullmatch(r"sayso: ingested 13/13 articles, \d+\.\d articles/s, 8 failed", last_progress)
    assert summary.startswith("sayso: 13 read: 5 stored (")
    assert ", 0 already stored, 8 failed, in " in summary
    counts = re.fullmatch(r"sayso: corpus index: \d+ speakers, (\d+) quotes \((\d+) run by two or more outlets\), "
                          r"built in \d+\.\d s", index)
    assert counts, index
    with open_store(db) as store:  # the quotes that spread, not every quote, as the clusters page says
        assert [int(n) for n in counts.groups()] == [store.clusters(min_outlets=n, limit=1, offset=0)[1] for n in (0, 2)]


def test_ingest_prints_progress_lines_when_stderr_is_not_a_terminal(capsys, tmp_path, short_articles):
    corpus = _jsonl(tmp_path / "articles.jsonl", short_articles[:3])
    status, err = _ingest(capsys, str(corpus), "--db", str(tmp_path / "x.db"), "--batch-size", "1", "--log-every", "0")
    assert status == 0
    progress = [line for line in err.splitlines() if line.startswith("sayso: ingested")]
    assert [re.fullmatch(r"sayso: ingested (\d)/3 articles, \d+\.\d articles/s, 0 failed", line)[1]
            for line in progress] == ["1", "2", "3"]
    assert "sayso: 3 read: 3 stored" in err


def test_ingest_again_skips_every_article_and_exits_0(capsys, tmp_path, short_articles):
    corpus, db = _jsonl(tmp_path / "articles.jsonl", short_articles[:3]), tmp_path / "x.db"
    assert _ingest(capsys, str(corpus), "--db", str(db))[0] == 0
    before = _hits(db)
    status, err = _ingest(capsys, str(corpus), "--db", str(db))
    assert status == 0
    assert "3 read: 0 stored (0 attributions), 3 already stored, 0 failed" in err
    assert _hits(db) == before


def test_ingest_default_store_is_sayso_db_in_the_working_directory(capsys, tmp_path, monkeypatch, short_articles):
    corpus = _jsonl(tmp_path / "articles.jsonl", short_articles[:1])
    monkeypatch.chdir(tmp_path)
    assert _ingest(capsys, str(corpus))[0] == 0
    assert _count(tmp_path / "sayso.db", "articles") == 1


def test_ingest_field_option_reads_other_jsonl_keys(capsys, tmp_path, short_articles):
    corpus = _jsonl(tmp_path / "dump.jsonl", [{"key": d["doc_id"], "body": d["text"]} for d in short_articles[:3]])
    db = tmp_path / "x.db"
    status, err = _ingest(capsys, str(corpus), "--db", str(db))
    assert status == 2  # nothing read: no store is made (E147)
    assert err.count("[E007]") == 3 and "[E147]" in err and not db.exists()
    status, _ = _ingest(capsys, str(corpus), "--db", str(db), "--field", "text=body", "--field", "doc_id=key")
    assert status == 0
    with open_store(db) as store:
        assert [store.find_article(d["doc_id"]).doc_id for d in short_articles[:3]] == [d["doc_id"] for d in short_articles[:3]]


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [("--db", ".", "E030"), ("--models", ".", "E047"), ("--field", "body", "E050")],
    ids=["db-is-a-directory", "models-dir-without-models", "field-without-key"],
)
def test_ingest_that_cannot_start_exits_2(capsys, tmp_path, monkeypatch, short_articles, option, value, code):
    corpus = _jsonl(tmp_path / "articles.jsonl", short_articles[:1])
    monkeypatch.chdir(tmp_path)
    status, err = _ingest(capsys, str(corpus), option, value)
    assert status == 2
    assert err.startswith(f"sayso: error: [{code}]")
    assert not (tmp_path / "sayso.db").exists() or option == "--db"


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie left for a parent to reap is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_articles(db: Path, at_least: int, process: subprocess.Popen, timeout: float = 600) -> int:
    """Poll the store with a connection of our own (WAL lets it read during the run)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            count = _count(db, "articles")
        except sqlite3.OperationalError:  # not created yet, or the schema is being written
            count = 0
        if count >= at_least:
            return count
        time.sleep(0.1)
    raise AssertionError(f"the run ended or stalled before storing {at_least} articles")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_ingest_killed_with_sigkill_then_run_again_stores_every_article_once(capsys, tmp_path, articles):
    # Thirty articles: ours in turn, each edition's text its own (a closing line names the edition).
    editions = [{"doc_id": f"{articles[i % 8]['doc_id']}-{i}", "text": f"{articles[i % 8]['text']}\n\nEdition {i}."}
                for i in range(30)]
    corpus = _jsonl(tmp_path / "editions.jsonl", editions)
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [str(SAYSO), "ingest", str(corpus), "--db", str(killed), "--batch-size", "2"]

    run = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.DEVNULL)
    try:
        _wait_for_articles(killed, 4, run)
        workers = _children(run.pid)
        run.send_signal(signal.SIGKILL)
        assert run.wait(timeout=60) == -signal.SIGKILL
    finally:
        run.kill()
    at_kill = _count(killed, "articles")
    assert 4 <= at_kill < 30
    deadline = time.monotonic() + 30  # the workers notice that the main process is gone
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not any(_running(pid) for pid in workers)

    again = subprocess.run(command, check=False, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert f"30 read: {30 - at_kill} stored" in again.stderr
    assert f"{at_kill} already stored, 0 failed" in again.stderr

    assert _ingest(capsys, str(corpus), "--db", str(clean))[0] == 0
    assert _count(killed, "articles") == _count(clean, "articles") == 30
    with sqlite3.connect(killed) as a, sqlite3.connect(clean) as b:
        rows = [conn.execute("SELECT article_id, idx FROM attributions").fetchall() for conn in (a, b)]
    assert len(rows[0]) == len(set(rows[0])) == len(rows[1]) > 0
    assert set(rows[0]) == set(rows[1])
    assert _hits(killed) == _hits(clean)


def test_ingest_stopped_with_ctrl_c_says_what_is_stored_and_a_rerun_resumes(tmp_path, articles):
    editions = [{"doc_id": f"{articles[i % 8]['doc_id']}-{i}", "text": f"{articles[i % 8]['text']}\n\nEdition {i}."}
                for i in range(24)]
    corpus = _jsonl(tmp_path / "editions.jsonl", editions)
    db = tmp_path / "stopped.db"
    command = [str(SAYSO), "ingest", str(corpus), "--db", str(db), "--batch-size", "2"]
    # A shell starts background jobs with SIGINT ignored, and Python then raises no KeyboardInterrupt:
    # the run gets the default disposition back, as a command typed in a terminal has it.
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _wait_for_articles(db, 4, run)
        run.send_signal(signal.SIGINT)  # what Ctrl-C sends
        _, err = run.communicate(timeout=120)
    finally:
        run.kill()
    assert run.returncode == 130, err
    stored = _count(db, "articles")
    assert 4 <= stored < 24
    said = re.search(r"sayso: interrupted: (\d+) articles stored by this run, 0 failed; .*"
                     r"Run the same command again to resume", err)
    assert said, err
    assert stored - 2 <= int(said.group(1)) <= stored  # whole batches of 2; the last may end as the signal comes
    again = subprocess.run(command, check=False, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert f"24 read: {24 - stored} stored" in again.stderr and f"{stored} already stored" in again.stderr
    assert _count(db, "articles") == 24

"""Running a corpus into a store: skipping what is stored, failures kept, worker processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import asdict

import pytest

from sayso.ingest import Document, IngestError, read
from sayso.records import flat
from sayso.runner import IngestReport, ingest, store_results
from sayso.store import Store, open_store


@pytest.fixture(scope="module")
def short_docs(articles) -> list[Document]:
    """Five of our test articles (under 1,000 characters each)."""
    return [Document(d["doc_id"], d["text"], f"articles.jsonl:{d['doc_id']}") for d in articles[:5]]


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'corpus.db'}"


def _ingest(db: str, documents, **options) -> IngestReport:
    with open_store(db) as store:
        return ingest(documents, store, **options)


def _rows(db: str) -> list[dict]:
    """Every stored attribution, in (article id, index) order."""
    with open_store(db) as store:
        return sorted((asdict(hit) for hit in store.export()), key=lambda h: (h["article_id"], h["idx"]))


def _articles(db: str) -> int:
    with sqlite3.connect(db.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_corpus_stores_every_document_with_its_attributions(nlp, db, short_docs):
    report = _ingest(db, short_docs, batch_size=2)
    assert (report.read, report.stored, report.skipped, report.failed) == (5, 5, 0, 0)
    found = {d.article_id: [a.to_dict()["text"] for a in flat(nlp(d.text)._.attributions)] for d in short_docs}
    rows = _rows(db)
    assert report.attributions == len(rows) == sum(len(texts) for texts in found.values()) > 0
    for row in rows:
        expected = found[row["article_id"]][row["idx"]]
        assert (row["source"], row["cue"], row["content"]) == (expected["source"], expected["cue"], expected["content"])
    assert _articles(db) == 5


def test_corpus_ingest_again_is_a_no_op(db, short_docs):
    _ingest(db, short_docs)
    before = _rows(db)
    again = _ingest(db, short_docs)
    assert (again.read, again.stored, again.skipped, again.failed, again.attributions) == (5, 0, 5, 0, 0)
    assert _rows(db) == before
    assert _articles(db) == 5


def test_corpus_skips_the_articles_already_stored(db, short_docs):
    _ingest(db, short_docs[:2])
    report = _ingest(db, short_docs)
    assert (report.stored, report.skipped) == (3, 2)
    assert _articles(db) == 5


@pytest.mark.parametrize("batch_size", [1, 8])
def test_corpus_stores_an_article_read_twice_in_one_run_once(db, short_docs, batch_size):
    first = short_docs[0]
    # The same article again, saved with Windows line ends: the same stable id.
    copy = Document("copy", first.text.replace("\n", "\r\n"), "copy.txt")
    assert copy.article_id == first.article_id
    report = _ingest(db, [first, short_docs[1], copy, first], batch_size=batch_size)
    assert (report.stored, report.skipped) == (2, 2)
    assert _articles(db) == 2
    assert len({(r["article_id"], r["idx"]) for r in _rows(db)}) == len(_rows(db))


def test_store_results_skips_stored_articles_and_second_copies_as_ingest_does(db, corpus):
    with open_store(db) as store:
        first = store_results([corpus[:2]], store)
        seen: list[IngestReport] = []
        again = store_results([corpus[:3], [corpus[0], corpus[2]]], store, progress=lambda r, _: seen.append(r))
        stored = store.current_state().articles
    assert (first.read, first.stored, first.skipped) == (2, 2, 0)
    assert (again.read, again.stored, again.skipped) == (5, 1, 4)
    assert stored == 3 and seen[-1].done == 5


def test_corpus_failures_are_recorded_and_the_others_stored(db, short_docs, bad_inputs):
    bad = [str(path) for path, _ in bad_inputs.values()]
    seen: list[IngestError] = []
    documents = [short_docs[0], *read(bad), short_docs[1]]
    report = _ingest(db, documents, batch_size=3, progress=lambda _, failures: seen.extend(failures))
    assert (report.stored, report.failed) == (2, len(bad))
    assert sorted(f.origin for f in seen) == sorted(bad)
    for path, code in bad_inputs.values():
        [failure] = [f for f in seen if f.origin == str(path)]
        assert failure.reason.startswith(f"[{code}] {path}: ")
    with open_store(db) as store:
        assert sorted((e.origin, e.reason) for e in store.errors()) == sorted((f.origin, f.reason) for f in seen)
    assert _articles(db) == 2


def test_corpus_reads_the_documents_a_batch_at_a_time(db, short_docs):
    pulled = []

    def documents():
        for doc in short_docs:
            pulled.append(doc.doc_id)
            yield doc

    seen_at_first_write = []
    report = _ingest(
        db, documents(), batch_size=2,
        progress=lambda report, _: seen_at_first_write.append(len(pulled)) if report.stored else None,
    )
    assert report.stored == 5
    assert seen_at_first_write[0] == 2


def test_corpus_two_workers_store_the_same_rows_as_one(tmp_path, short_docs):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    report_one = _ingest(one, short_docs, batch_size=1)
    report_two = _ingest(two, short_docs, batch_size=1, workers=2)
    assert (report_two.stored, report_two.failed, report_two.attributions) == (5, 0, report_one.attributions)
    assert _rows(two) == _rows(one)


def _kill_workers(every: bool = False) -> bool:
    """SIGKILL one (or every) of this process's pool workers, as the out-of-memory killer would; False if none is alive."""
    workers = multiprocessing.active_children()
    for worker in workers if every else workers[:1]:
        os.kill(worker.pid, signal.SIGKILL)
    return bool(workers)


def test_corpus_killed_worker_loses_no_document(tmp_path, short_docs):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    _ingest(one, short_docs, batch_size=1)
    kills = []

    def kill_once(report: IngestReport, _) -> None:
        if report.stored and not kills and _kill_workers():
            kills.append(report.stored)

    report = _ingest(two, short_docs, batch_size=1, workers=2, progress=kill_once)
    assert kills
    assert (report.stored, report.failed) == (5, 0)
    assert _rows(two) == _rows(one)


def test_corpus_document_whose_worker_dies_is_named_and_the_run_goes_on(db, articles):
    # Eight one-document batches, four in flight: the batch submitted after the
    # first kill is lost with those behind it, and they are run again one at a
    # time, each after a kill of every worker, so every other one dies alone.
    documents = [Document(d["doc_id"], d["text"], f"articles.jsonl:{d['doc_id']}") for d in articles]
    failures: list[IngestError] = []

    def kill_every_time(report: IngestReport, new: list[IngestError]) -> None:
        failures.extend(new)
        _kill_workers(every=True)

    report = _ingest(db, documents, batch_size=1, workers=2, progress=kill_every_time)
    assert report.failed == len(failures) >= 1
    assert report.stored + report.failed == 8
    origins = {d.origin for d in documents}
    for failure in failures:
        assert failure.origin in origins
        assert failure.reason.startswith(f"[E070] {failure.origin}: the worker process died")
    assert _articles(db) == report.stored


def test_corpus_workers_that_cannot_start_stop_the_run_with_e071(tmp_path, short_docs):
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        from sayso.runner import ingest
        from sayso.ingest import Document
        from sayso.store import open_store

        # No `if __name__ == "__main__":`: each worker runs this script again, starts a pool and dies.
        with open_store({str(tmp_path / "unguarded.db")!r}) as store:
            ingest([Document("a", {short_docs[0].text!r}, "a.txt")], store, workers=2)
    """))
    done = subprocess.run([sys.executable, str(script)], check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1
    assert "sayso.errors.SaysoError: [E071] the worker processes died on starting" in done.stderr
    assert "E070" not in done.stderr


@pytest.mark.parametrize("workers", [1, 2], ids=["inline", "pool"])
def test_corpus_document_the_store_refuses_fails_alone_with_e123_and_its_batch_is_stored(
    db, short_docs, workers, monkeypatch
):
    # What a database may refuse in one document's values (the readers let nothing known through).
    write = Store._write_article

    def refusing(store, result, now):
        if result.document.doc_id == short_docs[2].doc_id:
            raise sqlite3.DataError("string or blob too big")
        write(store, result, now)

    monkeypatch.setattr(Store, "_write_article", refusing)
    seen: list[IngestError] = []
    report = _ingest(db, short_docs, batch_size=8, workers=workers, progress=lambda _, failures: seen.extend(failures))
    assert (report.read, report.stored, report.failed) == (5, 4, 1)
    origin = short_docs[2].origin
    assert [e.reason for e in seen] == [f"[E123] {origin}: cannot be stored (string or blob too big); "
                                        "the other documents of its batch are"]
    assert _articles(db) == 4
    with open_store(db) as store:
        assert [e.reason for e in store.errors()] == [seen[0].reason]

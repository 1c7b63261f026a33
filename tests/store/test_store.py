"""Writing to a store, on SQLite and PostgreSQL: replace on re-write, one transaction per batch,
errors kept once, readers beside a writer, and the URLs and failures of opening one."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime

import pytest

from sayso.batch import Extracted
from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError
from sayso.store import DEFAULT_URL, open_store


def _count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _total(results: list[Extracted]) -> int:
    return sum(len(r.attributions) for r in results)


def test_store_keeps_article_metadata_text_and_records_that_round_trip(store_url, corpus):
    bakhmut = corpus[0]
    with open_store(store_url) as store:
        store.write(corpus)
        stored = store.article(bakhmut.document.article_id)
    doc = bakhmut.document
    assert (stored.doc_id, stored.origin, stored.url, stored.outlet, stored.title, stored.authors) == (
        doc.doc_id, doc.origin, doc.url, "Newsweek", None, ("Nick Mordowanec",)
    )
    assert stored.text == doc.text
    # 10:00 in New York is 15:00 UTC: the same instant, given back in UTC.
    assert stored.published == doc.published
    assert stored.published.tzinfo == UTC and stored.published.hour == 15
    assert [a.to_dict() for a in stored.attributions] == [a.to_dict() for a in bakhmut.attributions]
    assert stored.created.tzinfo is not None


def test_store_rewriting_articles_replaces_them_never_duplicates(store_url, corpus):
    bakhmut = corpus[0]
    fewer = Extracted(bakhmut.document, bakhmut.attributions[:2])
    with open_store(store_url) as store:
        store.write(corpus)
        store.write(corpus)
        store.write(corpus[::-1])
        assert (_count(store, "articles"), _count(store, "attributions")) == (len(corpus), _total(corpus))
        store.write([fewer])
        assert _count(store, "articles") == len(corpus)
        assert _count(store, "attributions") == _total(corpus) - len(bakhmut.attributions) + 2
        assert [a.to_dict() for a in store.article(bakhmut.document.article_id).attributions] == [
            a.to_dict() for a in fewer.attributions
        ]
        # Its speakers are counted again from what is now stored.
        assert {s.name for s in store.speakers(outlet="Newsweek")} == {
            a.speaker for a in fewer.attributions if a.speaker
        }


def test_store_same_text_read_again_with_other_line_ends_is_the_same_article(store_url, corpus):
    doc = corpus[0].document
    again = dataclasses.replace(doc, text=doc.text.replace("\n", "\r\n"), origin="copy/bakhmut.txt")
    with open_store(store_url) as store:
        store.write([corpus[0]])
        store.write([Extracted(again, [])])
        assert _count(store, "articles") == 1
        assert store.article(doc.article_id).origin == "copy/bakhmut.txt"


def test_store_existing_gives_the_stored_ids_among_many(store_url, corpus):
    ids = [r.document.article_id for r in corpus]
    unknown = [f"{n:064x}" for n in range(1200)]  # more than one chunk of bound parameters
    with open_store(store_url) as store:
        store.write(corpus[:2])
        assert store.existing(unknown[:600] + ids + unknown[600:]) == set(ids[:2])
        assert store.existing([]) == set()


def test_store_document_it_cannot_write_fails_alone_with_e123_and_the_rest_of_its_batch_is_stored(store_url, corpus):
    # A lone surrogate cannot be stored; ingest refuses such text, built here by hand to fail late.
    unstorable = Extracted(Document("broken", "Haidai said \ud800.", "broken.txt"), [])
    empty = IngestError("a.txt", "[E001] a.txt: empty document (no text)")
    with open_store(store_url) as store:
        store.write(corpus[:1])
        refused = store.write([corpus[1], empty, unstorable, corpus[2]])
        assert [(e.origin, e.reason[:6]) for e in refused] == [("broken.txt", "[E123]")]
        assert "surrogates not allowed" in refused[0].reason
        assert _count(store, "articles") == 3
        assert _count(store, "attributions") == sum(len(r.attributions) for r in corpus[:3])
        assert sorted((e.origin, e.reason) for e in store.errors()) == [
            ("a.txt", empty.reason), ("broken.txt", refused[0].reason)
        ]
        assert store.write(corpus[3:4]) == []  # the store is still usable


def test_store_keeps_each_error_once_and_forgets_it_when_the_input_is_read(store_url, corpus):
    empty = IngestError("in/empty.txt", "[E001] in/empty.txt: empty document (no text)")
    latin = IngestError("in/latin1.txt", "[E003] in/latin1.txt: not valid UTF-8 (byte 0xe9 at offset 32)")
    fixed = IngestError(corpus[0].document.origin, "[E011] cannot read (Permission denied)")
    with open_store(store_url) as store:
        store.write([empty, latin, fixed])
        store.write([empty, latin])
        assert [(e.origin, e.reason) for e in sorted(store.errors(), key=lambda e: e.origin)] == [
            (fixed.origin, fixed.reason), (empty.origin, empty.reason), (latin.origin, latin.reason)
        ]
        store.write(corpus[:1])
        errors = store.errors()
    assert {e.origin for e in errors} == {"in/empty.txt", "in/latin1.txt"}
    assert all(isinstance(e.created, datetime) and e.created.tzinfo for e in errors)


def test_store_reader_queries_while_a_batch_is_being_written(store_url, corpus):
    """A second connection reads the last committed state, without waiting, in the middle of a write."""
    seen = []
    with open_store(store_url) as writer, open_store(store_url) as reader:
        writer.write(corpus[:1])

        def batch():
            yield corpus[1]
            seen.append((reader.existing(r.document.article_id for r in corpus), len(list(reader.export()))))
            yield corpus[2]

        writer.write(batch())
        assert seen == [({corpus[0].document.article_id}, len(corpus[0].attributions))]
        assert len(list(reader.export())) == _total(corpus[:3])


def test_store_sqlite_file_is_in_wal_mode(tmp_path, corpus):
    with open_store(tmp_path / "s.db") as store:
        store.write(corpus[:1])
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_urls_plain_path_sqlite_url_and_default(tmp_path, monkeypatch, corpus):
    monkeypatch.chdir(tmp_path)
    assert DEFAULT_URL == "sqlite:///sayso.db"
    with open_store() as store:
        store.write(corpus[:1])
    with open_store("sayso.db") as plain, open_store(f"sqlite:///{tmp_path / 'sayso.db'}") as absolute:
        assert plain.existing([corpus[0].document.article_id]) == absolute.existing([corpus[0].document.article_id])
        assert len(plain.existing([corpus[0].document.article_id])) == 1


def test_store_unknown_url_scheme_is_refused_without_its_credentials():
    with pytest.raises(SaysoError, match=r"^\[E034\] mysql://…: not a store") as error:
        open_store("mysql://root:hunter2@db/sayso")
    assert "hunter2" not in str(error.value)


def test_store_missing_sqlite_file_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(SaysoError, match=r"^\[E035\] .*/none\.db: no such store"):
        open_store(f"sqlite:///{tmp_path / 'none.db'}", create=False)
    assert not (tmp_path / "none.db").exists()


def test_store_in_a_folder_that_does_not_exist_is_an_error_and_no_folder_is_made(tmp_path):
    with pytest.raises(SaysoError, match=r"^\[E148\] .*/missing/s\.db: the folder .*/missing does not exist; make it"):
        open_store(tmp_path / "missing" / "s.db")
    assert not (tmp_path / "missing").exists()


def test_store_that_cannot_be_opened_names_the_path(tmp_path):
    (tmp_path / "notes.db").write_text("Kivinen said so.\n" * 200)
    with pytest.raises(SaysoError, match=r"^\[E030\] .*/notes\.db: cannot open the store \(file is not a database"):
        open_store(tmp_path / "notes.db")


def test_store_postgres_server_that_is_not_there_is_named_without_password(free_port):
    port = free_port  # nothing listens here
    url = f"postgresql://sayso:hunter2@127.0.0.1:{port}/corpus?sslmode=disable"
    with pytest.raises(SaysoError, match=rf"^\[E030\] postgresql://sayso@127\.0\.0\.1:{port}/corpus: cannot open") as e:
        open_store(url)
    assert "hunter2" not in str(e.value)


def test_store_failing_database_is_named_in_a_coded_error(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus[:1])
        store.conn.execute("DROP TABLE article_speakers")
        with pytest.raises(SaysoError, match=r"^\[E033\] .*: cannot write to the store \(.*article_speakers"):
            store.write(corpus[1:2])
        assert _count(store, "articles") == 1
        with pytest.raises(SaysoError, match=r"^\[E061\] .*: cannot read the store \(.*article_speakers"):
            store.speakers()

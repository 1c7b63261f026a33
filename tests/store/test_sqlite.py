"""The SQLite store: schema, replacing on re-run, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sayso.batch import Extracted
from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError
from sayso.records import Attribution
from sayso.store import SCHEMA_VERSION, open_store


@pytest.fixture
def bakhmut(bakhmut_text, kivinen_attribution) -> Extracted:
    document = Document("bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt")
    return Extracted(document, [kivinen_attribution, kivinen_attribution])


def _count(path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_keeps_article_and_full_record_that_round_trips(tmp_path, bakhmut, kivinen_attribution):
    with open_store(tmp_path / "s.db") as store:
        store.write([bakhmut])
    conn = sqlite3.connect(tmp_path / "s.db")
    article_id, doc_id, text = conn.execute("SELECT id, doc_id, text FROM articles").fetchone()
    assert (article_id, doc_id, text) == (bakhmut.document.article_id, "bakhmut-newsweek-2022-12-27", bakhmut.document.text)
    row = conn.execute(
        "SELECT kind, speaker, speaker_type, speaker_role, channel_type, channel_outlet, content_text, record_json"
        " FROM attributions WHERE idx = 0"
    ).fetchone()
    assert row[:7] == ("direct", "Markku Kivinen", "person", "director of the Aleksanteri Institute",
                       "interview", "Newsweek", kivinen_attribution.content[0].text)
    assert Attribution.from_dict(json.loads(row[7]), text) == kivinen_attribution


def test_store_rewriting_an_article_replaces_its_attributions(tmp_path, bakhmut, kivinen_attribution):
    with open_store(tmp_path / "s.db") as store:
        store.write([bakhmut])
        store.write([bakhmut])
        assert (_count(tmp_path / "s.db", "articles"), _count(tmp_path / "s.db", "attributions")) == (1, 2)
        store.write([Extracted(bakhmut.document, [kivinen_attribution])])
    assert (_count(tmp_path / "s.db", "articles"), _count(tmp_path / "s.db", "attributions")) == (1, 1)


def test_store_records_ingest_errors_with_origin_and_reason(tmp_path, bakhmut):
    error = IngestError("in/empty.txt", "[E001] in/empty.txt: empty document (no text)")
    with open_store(tmp_path / "s.db") as store:
        store.write([error, bakhmut])
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT origin, reason FROM errors").fetchall() == [(error.origin, error.reason)]


def test_store_batch_is_one_transaction_rolled_back_whole_on_failure(tmp_path, bakhmut):
    # A lone surrogate cannot be stored; ingest refuses such text, built here by hand to fail late.
    unstorable = Extracted(Document("broken", "Haidai said \ud800.", "broken.txt"), [])
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(UnicodeEncodeError):
            store.write([bakhmut, unstorable])
    assert _count(tmp_path / "s.db", "articles") == 0


def test_store_schema_version_wal_and_reopen(tmp_path, bakhmut):
    with open_store(tmp_path / "s.db") as store:
        store.write([bakhmut])
    with open_store(tmp_path / "s.db"):
        pass
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert _count(tmp_path / "s.db", "articles") == 1


def test_store_from_a_newer_sayso_is_refused(tmp_path):
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SaysoError, match=r"^\[E031\] .*s\.db: store schema version 2 is newer"):
        open_store(tmp_path / "s.db")


def test_store_that_cannot_be_opened_names_the_path(tmp_path):
    with pytest.raises(SaysoError, match=r"^\[E030\] .*/missing/s\.db: cannot open the store"):
        open_store(tmp_path / "missing" / "s.db")

"""The store's schema versions: a version 1 file (sayso 0.1) upgraded in place, a newer store refused."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from sayso.batch import Extracted
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.store import SCHEMA_VERSION, open_store
from sayso.store.migrations import MIGRATIONS

V1_DUMP = Path(__file__).resolve().parents[1] / "data" / "store-v1.sql"


@pytest.fixture
def v1_file(tmp_path) -> Path:
    """A store file exactly as sayso 0.1 wrote it (see the head of tests/data/store-v1.sql)."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.close()
    return path


def _rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def test_migrations_run_from_one_to_the_current_version_on_every_backend():
    for dialect, migrations in MIGRATIONS.items():
        versions = [m.version for m in migrations]
        assert versions == list(range(versions[0], SCHEMA_VERSION + 1)), dialect


def test_migrations_upgrade_a_version_1_file_in_place_keeping_its_records(v1_file):
    before = _rows(v1_file, "SELECT article_id, idx, speaker, content_text, record_json FROM attributions"
                            " ORDER BY article_id, idx")
    articles = _rows(v1_file, "SELECT id, doc_id, origin, text, created FROM articles ORDER BY id")
    assert _rows(v1_file, "PRAGMA user_version") == [(1,)] and len(before) > 10
    with open_store(v1_file):
        pass
    assert _rows(v1_file, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _rows(v1_file, "SELECT id, doc_id, origin, text, created FROM articles ORDER BY id") == articles
    assert _rows(v1_file, "SELECT article_id, idx, speaker, content_text, record_json FROM attributions"
                          " ORDER BY article_id, idx") == before
    # The new columns are read out of each stored record.
    for hedged, hedges, source, cue, content, cue_text, confidence, record in _rows(
        v1_file, "SELECT hedged, hedges, source_spans, cue_spans, content_spans, cue_text, confidence, record_json"
                 " FROM attributions"
    ):
        record = json.loads(record)
        assert (bool(hedged), json.loads(hedges)) == (bool(record["hedges"]), record["hedges"])
        assert [json.loads(source), json.loads(cue), json.loads(content)] == [
            record["source"], record["cue"], record["content"]
        ]
        assert (cue_text, confidence) == (record["text"]["cue"], record["confidence"])
    # The error recorded by two runs is kept once.
    assert len(_rows(v1_file, "SELECT * FROM errors")) == 1


def test_migrations_give_an_old_file_what_writing_its_articles_anew_gives(v1_file, tmp_path):
    with open_store(v1_file) as old:
        ids = [row[0] for row in old.conn.execute("SELECT id FROM articles ORDER BY id")]
        stored = [old.article(i) for i in ids]
        speakers = old.speakers()
        hits = old.search("Bakhmut", limit=1000)
        errors = [(e.origin, e.reason) for e in old.errors()]
    rewritten = [Extracted(Document(a.doc_id, a.text, a.origin), a.attributions) for a in stored]
    with open_store(tmp_path / "new.db") as new:
        new.write(rewritten)
        assert new.speakers() == speakers and speakers
        assert [(h.article_id, h.idx, h.content, h.rank) for h in new.search("Bakhmut", limit=1000)] == [
            (h.article_id, h.idx, h.content, h.rank) for h in hits
        ] and hits
    assert errors == [("news/latin1.txt", "[E003] news/latin1.txt: not valid UTF-8 (byte 0xe9 at offset 32)")]


def test_migrations_an_upgraded_file_replaces_rewritten_articles(v1_file):
    with open_store(v1_file) as store:
        count = store.conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
        article = store.find_article("bakhmut-newsweek-2022-12-27")
        store.write([Extracted(Document(article.doc_id, article.text, article.origin), article.attributions[:3])])
        after = store.conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
        assert after == count - len(article.attributions) + 3
        assert len(store.search("", limit=1000)) == after
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_migrations_refuse_a_store_from_a_newer_sayso(store_url):
    with open_store(store_url) as store:
        if store.dialect == "sqlite":
            store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            store.conn.execute("UPDATE sayso_schema SET version = %s", (SCHEMA_VERSION + 1,))
    newer = rf"^\[E031\] .*: store schema version {SCHEMA_VERSION + 1} is newer than this sayso \({SCHEMA_VERSION}\)"
    with pytest.raises(SaysoError, match=newer):
        open_store(store_url)


def test_migrations_stores_opened_at_once_on_a_new_database_build_it_once(store_url, corpus):
    barrier = threading.Barrier(4)
    failures: list[BaseException] = []

    def open_and_write(result: Extracted) -> None:
        barrier.wait()
        try:
            with open_store(store_url) as store:
                store.write([result])
        except BaseException as e:  # noqa: BLE001  (reported by the assertion below)
            failures.append(e)

    threads = [threading.Thread(target=open_and_write, args=(r,)) for r in corpus]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with open_store(store_url) as store:
        assert store.existing(r.document.article_id for r in corpus) == {r.document.article_id for r in corpus}

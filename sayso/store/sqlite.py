"""The SQLite store: articles, their attributions, and the inputs that failed.

Small on purpose (a full store with search and PostgreSQL comes later), but with
the properties that matter from the start: articles are keyed by the hash of
their normalised text so a re-run replaces instead of duplicating, each batch is
one transaction, SQL is parameterised, and WAL lets readers work while a run
writes. ``record_json`` keeps the full public record; the other attribution
columns are copies of its fields for querying.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sayso.batch import Extracted, Result
from sayso.errors import Errors, SaysoError
from sayso.ingest import IngestError
from sayso.records import Attribution

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    doc_id TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT,
    speaker TEXT,
    speaker_type TEXT,
    speaker_role TEXT,
    channel_type TEXT,
    channel_outlet TEXT,
    content_text TEXT,
    record_json TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS errors (
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    created TEXT NOT NULL
);
"""


class SQLiteStore:
    """One SQLite file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self.conn.close()
                raise SaysoError(Errors.E031.format(path=path, found=version, supported=SCHEMA_VERSION))
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(f"BEGIN; {_SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
        except sqlite3.Error as e:
            raise SaysoError(Errors.E030.format(path=path, detail=e)) from None

    def write(self, results: Iterable[Result]) -> None:
        """Store a batch of results in one transaction: all of it or, on failure, none."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._transaction():
                for result in results:
                    if isinstance(result, IngestError):
                        self.conn.execute(
                            "INSERT INTO errors (origin, reason, created) VALUES (?, ?, ?)",
                            (result.origin, result.reason, now),
                        )
                    else:
                        self._write_article(result, now)
        except sqlite3.Error as e:
            raise SaysoError(Errors.E033.format(path=self.path, detail=e)) from None

    def existing(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` already stored, so a restarted run can skip them."""
        ids = list(article_ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def _write_article(self, result: Extracted, now: str) -> None:
        """Insert or replace the article and all its attributions."""
        doc = result.document
        article_id = doc.article_id
        self.conn.execute(
            "INSERT INTO articles (id, doc_id, origin, text, created) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, origin = excluded.origin,"
            " text = excluded.text",
            (article_id, doc.doc_id, doc.origin, doc.text, now),
        )
        self.conn.execute("DELETE FROM attributions WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO attributions (article_id, idx, kind, speaker, speaker_type, speaker_role,"
            " channel_type, channel_outlet, content_text, record_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_row(article_id, idx, a) for idx, a in enumerate(result.attributions)],
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _row(article_id: str, idx: int, attribution: Attribution) -> tuple[object, ...]:
    record = attribution.to_dict()
    return (
        article_id, idx, attribution.kind, attribution.speaker, attribution.speaker_type,
        attribution.speaker_role, attribution.channel.type, attribution.channel.outlet,
        record["text"]["content"], json.dumps(record, ensure_ascii=False),
    )

"""The SQLite backend: one file, WAL so readers work while a run writes, FTS5 for search.

What is SQLite's own: the schema version lives in ``PRAGMA user_version`` (as
sayso's version 1 files have it), a write transaction is ``BEGIN IMMEDIATE`` so
two writers queue instead of failing half-way, and search goes through the FTS5
index ``attributions_fts`` (porter-stemmed, ranked by BM25) that triggers keep
in step with the ``attributions`` table.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sayso.errors import Errors, SaysoError
from sayso.store.base import Store

# How long a writer waits for another one's transaction before giving up.
BUSY_TIMEOUT_S = 60.0


SERVED_MMAP = 1 << 30  # bytes of a store a server maps into memory at most


class SQLiteStore(Store):
    """A store in the SQLite file at ``path``; created when missing unless ``create`` is False.

    Raises:
        SaysoError: the file is missing and ``create`` is False (E035), cannot be
            opened (E030), or was written by a newer sayso (E031).
    """

    dialect = "sqlite"
    bytewise = "BINARY"
    db_errors = (sqlite3.Error,)
    value_errors = (*Store.value_errors, sqlite3.DataError, sqlite3.IntegrityError, sqlite3.InterfaceError,
                    sqlite3.ProgrammingError)

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        super().__init__(str(path))
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise SaysoError(Errors.E035.format(path=path))
        if not self.path.parent.is_dir():  # SQLite would say only "unable to open database file"
            raise SaysoError(Errors.E148.format(path=path, folder=self.path.parent))
        # Transactions are explicit (isolation_level=None): one per written batch.
        self._open(self._connect, "PRAGMA foreign_keys=ON")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            _use_wal(conn)
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def serve_reads(self) -> None:
        # Every server thread reads the same file over and over: map it instead of copying pages in (a
        # third faster on searches); the mapping is the operating system's page cache, shared by all threads.
        self.conn.execute(f"PRAGMA mmap_size = {SERVED_MMAP}")

    def _month(self, column: str) -> str:
        return f"substr({column}, 1, 7)"  # stored as UTC ISO 8601 text

    def _sql(self, sql: str) -> str:
        return sql

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _set_version(self, version: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(version)}")

    def _schema_lock(self) -> AbstractContextManager[None]:
        return nullcontext()  # the migrating transaction's BEGIN IMMEDIATE holds the one write lock

    def _json_text(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def _fulltext(self, phrases: list[list[str]]) -> tuple[str, str, str, list[Any]]:
        # Each group quoted, as an FTS5 phrase (one word, or several in a row): FTS5 then reads
        # AND, NEAR, * or a column name as plain words.
        query = " ".join(f'"{" ".join(words)}"' for words in phrases)
        source = (
            "attributions_fts JOIN attributions t ON t.id = attributions_fts.rowid"
            " JOIN articles a ON a.id = t.article_id"
        )
        return source, "attributions_fts MATCH ?", "-bm25(attributions_fts, 1.0, 0.5)", [query]

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        return iter(self.conn.execute(sql, params))

    def close(self) -> None:
        self.conn.close()


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL, waiting for other connections as a writer would.

    The switch needs the file to itself, and SQLite answers "locked" at once
    instead of calling the busy handler: several processes opening a new store
    together (``sayso ingest --workers``, a server and an ingest) would fail.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)

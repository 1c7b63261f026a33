"""The PostgreSQL backend: the same store on a server, for a team sharing one corpus.

What is PostgreSQL's own: psycopg's ``%s`` placeholders, the schema version in
a one-row table ``sayso_schema``, an advisory lock so that two processes opening
a new database do not both create it, full-text search on the generated
``tsvector`` column ``attributions.search`` (English stemming, no stop words, GIN index,
ranked by ``ts_rank``), and a server-side stream for large exports. The session
time zone is UTC so times come back as the SQLite backend gives them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from urllib.parse import urlsplit

import psycopg

from sayso.store.base import JOINED, Store

# Any fixed number will do: it names the lock all sayso processes take to migrate.
_SCHEMA_LOCK = 5_741_180


class PostgresStore(Store):
    """A store in the PostgreSQL database at ``url`` (``postgresql://USER@HOST:PORT/DATABASE``).

    The database must exist; its tables are created on first use.

    Raises:
        SaysoError: the server or database cannot be reached (E030), or the
            store was written by a newer sayso (E031).
    """

    dialect = "postgresql"
    bytewise = '"C"'
    db_errors = (psycopg.Error,)
    value_errors = (*Store.value_errors, psycopg.DataError, psycopg.IntegrityError)

    def __init__(self, url: str) -> None:
        super().__init__(redact(url))
        # Transactions are explicit (autocommit=True): one per written batch.
        self._open(lambda: psycopg.connect(url, autocommit=True), "SET TIME ZONE 'UTC'")

    def _month(self, column: str) -> str:
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')"

    def _sql(self, sql: str) -> str:
        # The shared SQL has no literal "?" or "%": only placeholders change.
        return sql.replace("?", "%s")

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.conn.transaction()

    def _version(self) -> int:
        if self.conn.execute("SELECT to_regclass('sayso_schema')").fetchone()[0] is None:
            return 0
        return int(self.conn.execute("SELECT version FROM sayso_schema").fetchone()[0])

    def _set_version(self, version: int) -> None:
        self.conn.execute("UPDATE sayso_schema SET version = %s", (version,))

    @contextmanager
    def _schema_lock(self) -> Iterator[None]:
        # Taken before the transaction begins, so that the transaction sees the
        # catalogue as the previous holder left it (a lock taken inside it would not).
        self.conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
        try:
            yield
        finally:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))

    def _json_text(self, column: str, key: str) -> str:
        return f"({column}::jsonb ->> '{key}')"

    def _fulltext(self, phrases: list[list[str]]) -> tuple[str, str, str, list[Any]]:
        # The loose words as plainto_tsquery reads them, each phrase a phraseto_tsquery (its words
        # in a row, stop words keeping their place), all of them required.
        words = [words[0] for words in phrases if len(words) == 1]
        runs = [" ".join(words) for words in phrases if len(words) > 1]
        parts = ["plainto_tsquery('sayso_english', ?)"] * bool(words) + ["phraseto_tsquery('sayso_english', ?)"] * len(runs)
        source = f"{JOINED} CROSS JOIN (SELECT {' && '.join(parts)} AS q) AS query"
        return source, "t.search @@ query.q", "ts_rank(t.search, query.q)", [" ".join(words)] * bool(words) + runs

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        with self.conn.cursor() as cursor:
            yield from cursor.stream(sql, params)

    def close(self) -> None:
        self.conn.close()


def redact(url: str) -> str:
    """``url`` as messages may show it: without its password or query string."""
    parts = urlsplit(url)
    if parts.password is None and not parts.query:
        return url
    user = f"{parts.username}@" if parts.username else ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"

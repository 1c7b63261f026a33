"""Where extraction results are kept: a SQLite file by default, PostgreSQL for a team.

:func:`open_store` chooses the backend from the URL; both give the same
:class:`Store` (one schema, the same queries and results), so callers never
depend on which one they got.

    with open_store("sqlite:///sayso.db") as store:
        store.write(batch)                        # one transaction per batch
        hits = store.search("breakthrough", speaker="Kivinen")
"""

from __future__ import annotations

from pathlib import Path

from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.store.base import Store
from sayso.store.migrations import SCHEMA_VERSION
from sayso.store.results import Filters, Hit, SpeakerCount, SpeakerRef, StoredArticle, StoredError
from sayso.store.sqlite import SQLiteStore

__all__ = [
    "DEFAULT_URL", "SCHEMA_VERSION", "Filters", "Hit", "SQLiteStore", "SpeakerCount", "SpeakerRef", "Store",
    "StoredArticle", "StoredError", "open_store",
]

DEFAULT_URL = "sqlite:///sayso.db"
SQLITE_PREFIX = "sqlite:///"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def open_store(url: str | Path = DEFAULT_URL, *, create: bool = True) -> Store:
    """The store at ``url``: ``sqlite:///PATH`` or a plain path (a SQLite file), or
    ``postgresql://USER@HOST:PORT/DATABASE``. Its schema is created or upgraded on opening.

    Args:
        create: make a missing SQLite file; False for commands that only read.

    Raises:
        SaysoError: the URL names no store (E034), the SQLite file is missing and
            ``create`` is False (E035), the store cannot be opened (E030) or was
            written by a newer sayso (E031), or psycopg is missing for PostgreSQL (E120).
    """
    text = str(url)
    if text.startswith(POSTGRES_PREFIXES):
        require("psycopg", Errors.E120)
        from sayso.store.postgres import PostgresStore  # here: psycopg comes with sayso[postgres]

        return PostgresStore(text)
    if text.startswith(SQLITE_PREFIX):
        return SQLiteStore(text[len(SQLITE_PREFIX):], create=create)
    if "://" in text:
        raise SaysoError(Errors.E034.format(url=text.split("://", 1)[0] + "://…"))
    return SQLiteStore(text, create=create)

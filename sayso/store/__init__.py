"""Where extraction results are kept: for now one SQLite file.

``open_store(path)`` is the entry point so that a PostgreSQL backend can be
chosen by the same call later without changing its callers.
"""

from __future__ import annotations

from pathlib import Path

from sayso.store.sqlite import SCHEMA_VERSION, SQLiteStore

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "open_store"]


SQLITE_PREFIX = "sqlite:///"


def open_store(url: str | Path) -> SQLiteStore:
    """The store at ``url`` (``sqlite:///PATH`` or a plain path), created when missing.

    Raises:
        SaysoError: the file cannot be opened or was written by a newer sayso.
    """
    text = str(url)
    return SQLiteStore(text[len(SQLITE_PREFIX):] if text.startswith(SQLITE_PREFIX) else text)

"""CLI fixtures: a small store, filled once by ``sayso extract --db`` for the query commands to read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.cli import main


@pytest.fixture(scope="session")
def query_db(nlp, tmp_path_factory, example_path, articles) -> str:
    """The URL of a SQLite store holding the example article (no metadata) and three of our
    test articles with their outlet, date, title and author. Tests only read it."""
    root = tmp_path_factory.mktemp("query-db")
    dev3 = root / "dev3.jsonl"
    keys = ("doc_id", "text", "publisher", "date", "title", "author")
    dev3.write_text("".join(json.dumps({k: d[k] for k in keys}) + "\n" for d in articles[:3]), encoding="utf-8")
    path = root / "sayso.db"
    status = main(["extract", str(example_path), str(dev3), "--db", str(path), "--output", str(root / "out.jsonl")])
    assert status == 0
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def query_store(query_db):
    """The store behind :func:`query_db`, opened for tests to work out what the commands should print."""
    from sayso.store import open_store

    with open_store(query_db, create=False) as store:
        yield store


@pytest.fixture
def run(capsys):
    """Run ``sayso ARGS``; its exit status, stdout and stderr."""

    def call(*args: str | Path) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return call

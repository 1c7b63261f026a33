"""Serve fixtures: a small store (the example, three of our test articles, a hostile article)
and apps over it.

The hostile article tries every way article text could get into a page as markup:
a ``<script>`` in its text, title, doc id and author, attribute injection in its
outlet and in a quote, an ``<img onerror>``, and a ``javascript:`` URL. Had any of
it run, it would set ``window.__pwned`` or change the page's title. It also
reprints the example's Kivinen quote, so that one quote cluster spans two outlets,
under another form of his name ("Markku J. Kivinen"), which the corpus index joins.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

import pytest

from sayso.batch import extract_documents
from sayso.corpus.index import rebuild
from sayso.ingest import Document
from sayso.serve import create_app
from sayso.store import open_store

with warnings.catch_warnings():
    # Starlette now prefers the httpx2 fork; httpx still works and is what is installed.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-0123456789abcdef"
PWNED = "window.__pwned = 1; document.title = 'pwned'"
HOSTILE_ID = "hostile-<script>window.__pwned=1</script>"
HOSTILE_URL = "javascript:window.__pwned=1"
HOSTILE_OUTLET = 'Evil" onmouseover="window.__pwned=1" data-x="'
HOSTILE_TEXT = (
    f"<script>{PWNED}</script> Breaking news from the front.\n\n"
    "“<img src=x onerror=\"window.__pwned=1\"> is how we will win,” said John Smith, "
    "a spokesman for the <b onmouseover='window.__pwned=1'>Evil</b> campaign.\n\n"
    "“Bakhmut is a limited breakthrough but having lost several fights, Russia has to show strength "
    "somewhere,” Markku J. Kivinen said, as Newsweek reported.\n\n"
    "Smith told reporters that the \" onclick=\"window.__pwned=1\" plan would go ahead </textarea></div>."
)


@pytest.fixture(scope="session")
def serve_documents(bakhmut_text, articles) -> list[Document]:
    bakhmut = Document(
        "bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt",
        title="Russia's Bakhmut push", url="https://www.newsweek.com/bakhmut", outlet="Newsweek",
        published=datetime.fromisoformat("2022-12-27T10:00:00-05:00"), authors=("Nick Mordowanec",),
    )
    dev = [
        Document(
            d["doc_id"], d["text"], f"articles.jsonl:{line}", title=d["title"], outlet=d["publisher"],
            published=datetime.fromisoformat(d["date"]).replace(tzinfo=UTC), authors=(d["author"],),
        )
        for line, d in enumerate(articles[:3], start=1)
    ]
    hostile = Document(
        HOSTILE_ID, HOSTILE_TEXT, "hostile.jsonl:1", title=f"<script>{PWNED}</script>Hostile", url=HOSTILE_URL,
        outlet=HOSTILE_OUTLET, published=datetime(2022, 12, 29, tzinfo=UTC), authors=("<img src=x onerror=alert(1)>",),
    )
    return [bakhmut, *dev, hostile]


@pytest.fixture(scope="session")
def hostile(serve_documents) -> Document:
    """The hostile article as it was stored."""
    return serve_documents[-1]


@pytest.fixture(scope="session")
def token() -> str:
    """The bearer token of the apps that accept articles."""
    return TOKEN


@pytest.fixture(scope="session")
def serve_db(nlp, tmp_path_factory, serve_documents) -> str:
    """The URL of a SQLite store holding :func:`serve_documents`. Tests that write use their own copy."""
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'serve.db'}"
    with open_store(url) as store:
        for batch in extract_documents(serve_documents, nlp=nlp):
            store.write(batch)
        rebuild(store)
    return url


@pytest.fixture(scope="session")
def serve_store(serve_db):
    with open_store(serve_db, create=False) as store:
        yield store


@pytest.fixture(scope="session")
def client(serve_db) -> TestClient:
    """A read-only app (no token) with the corpus index built."""
    with TestClient(create_app(serve_db)) as c:
        yield c


@pytest.fixture
def writable_db(serve_db, tmp_path) -> str:
    """A copy of the store that a test may write to."""
    import sqlite3

    path = tmp_path / "copy.db"
    source, target = sqlite3.connect(serve_db.removeprefix("sqlite:///")), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{path}"


@pytest.fixture
def unindexed_db(writable_db) -> str:
    """A copy of the store as one written before the corpus index existed: no index at all."""
    import sqlite3

    from sayso.store.migrations import CORPUS_INDEX_COLUMNS

    with sqlite3.connect(writable_db.removeprefix("sqlite:///")) as conn:
        for table in [*reversed(CORPUS_INDEX_COLUMNS), "corpus_index_state"]:
            conn.execute(f"DELETE FROM {table}")
    return writable_db


@pytest.fixture
def make_client():
    """``make_client(url, **options)``: a TestClient over a new app; 500s come back as responses."""
    clients = []

    def make(url: str, **options) -> TestClient:
        c = TestClient(create_app(url, **options), raise_server_exceptions=False)
        c.__enter__()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.__exit__(None, None, None)

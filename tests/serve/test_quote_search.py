"""Issue 18's bar for the web: over a store of the example article and an article with a headline,
a quoted phrase finds only the attributions holding it, and the search page's CSV opens with the
same rows and a gender column."""

from __future__ import annotations

import csv
import io
import re
import warnings
from html import unescape

import pytest

from sayso.batch import extract_documents
from sayso.corpus.index import rebuild
from sayso.ingest import Document
from sayso.serve import create_app
from sayso.store import open_store

from .test_pages import get_page

# Our own writing: the phrase once as words in a row, and its words apart in another quote.
COUNCIL = (
    "Council Votes to Rebuild Flooded Valley\n\n"
    "The county council voted on Tuesday to rebuild the flooded valley's roads first.\n\n"
    "“We will reopen the schools and clinics before anything else,” said Maria Lund, the council's chair.\n\n"
    "“Clinics need power, and the schools need roads more than they need new roofs,” said Tomas Berg, "
    "the county engineer.\n\n"
    "She said the work would take a year."
)


@pytest.fixture(scope="module")
def bar_client(nlp, bakhmut_text, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('bar') / 'bar.db'}"
    documents = [
        Document("bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt",
                 title="Russia's Bakhmut push", outlet="Newsweek"),
        Document("council", COUNCIL, "council.txt", title=COUNCIL.split("\n")[0], outlet="Valley Times"),
    ]
    with open_store(url) as store:
        for batch in extract_documents(documents, nlp=nlp):
            store.write(batch)
        rebuild(store)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as in conftest: Starlette prefers the httpx2 fork
        from fastapi.testclient import TestClient
    with TestClient(create_app(url)) as client:
        yield client


def test_quoted_phrase_finds_only_the_attributions_holding_it_and_its_csv_has_the_same_rows(bar_client):
    words = bar_client.get("/api/attributions", params={"q": "schools clinics", "limit": 100}).json()["items"]
    phrase = bar_client.get("/api/attributions", params={"q": '"schools and clinics"', "limit": 100}).json()["items"]
    holding = [h for h in words if re.search(r"schools\W+and\W+clinics", h["content"], re.IGNORECASE)]
    assert len(words) > len(holding) >= 1  # Berg's quote holds both words, apart
    assert [(h["article_id"], h["idx"]) for h in phrase] == [(h["article_id"], h["idx"]) for h in holding]
    html, page = get_page(bar_client, "/search?q=%22schools+and+clinics%22")
    assert "<mark>schools</mark> <mark>and</mark> <mark>clinics</mark>" in html
    [link] = [unescape(a["href"]) for a in page.find("a") if "format=csv" in (a.get("href") or "")]
    rows = list(csv.DictReader(io.StringIO(bar_client.get(link).text)))
    assert [(r["article_id"], int(r["idx"])) for r in rows] == [(h["article_id"], h["idx"]) for h in phrase]
    assert "speaker_gender" in rows[0] and rows[0]["title"] == "Council Votes to Rebuild Flooded Valley"

"""Downloads: every list page links to a CSV and a JSON file of exactly the rows its filters allow,
with the columns a researcher groups and cites by (speaker id and canonical name, gender, outlet…)."""

from __future__ import annotations

import csv
import io
import json
from html import unescape

import pytest

from sayso.serve.download import EXPORT_LIMIT
from sayso.store import Filters
from sayso.store.export import COLUMNS

from .test_pages import get_page

NEEDED = ("speaker_id", "speaker_canonical", "speaker_role", "speaker_gender", "channel_type", "hedges", "kind",
          "outlet", "published", "url", "title")


def _links(page) -> dict[str, str]:
    """The page's download links by format."""
    return {a["href"].rsplit("format=", 1)[1]: unescape(a["href"]) for a in page.find("a") if "download" in a
            and "format=" in (a.get("href") or "")}


def _rows(client, href: str) -> list[dict[str, str]]:
    response = client.get(href)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["x-sayso-limit"] == str(EXPORT_LIMIT)
    return list(csv.DictReader(io.StringIO(response.text)))


def _keys(rows) -> list[tuple[str, int]]:
    return [(r["article_id"], int(r["idx"])) for r in rows]


def test_search_page_links_to_a_csv_and_json_of_the_same_rows_with_a_gender_column(client, serve_store):
    _, page = get_page(client, "/search?q=Russia&outlet=Newsweek")
    links = _links(page)
    assert set(links) == {"csv", "json"}
    expected = serve_store.export(Filters("Russia", outlet="Newsweek"))
    expected_keys = [(h.article_id, h.idx) for h in expected]
    rows = _rows(client, links["csv"])
    assert set(NEEDED) <= set(rows[0]) and tuple(rows[0]) == COLUMNS
    assert _keys(rows) == expected_keys and len(rows) > 1
    assert {r["outlet"] for r in rows} == {"Newsweek"}
    kivinen = [r for r in rows if "Kivinen" in r["speaker"]]
    assert kivinen and kivinen[0]["speaker_id"] and kivinen[0]["speaker_canonical"]
    assert {r["speaker_gender"] for r in rows} & {"female", "male"}
    data = client.get(links["json"]).json()
    assert [(d["article_id"], d["idx"]) for d in data] == expected_keys
    assert data[0]["title"] == "Russia's Bakhmut push"


def test_speaker_article_and_cluster_pages_download_exactly_their_attributions(client, serve_store):
    [haidai] = serve_store.speakers(speaker="Serhiy Haidai")
    _, page = get_page(client, f"/speakers/{haidai.id}")
    rows = _rows(client, _links(page)["csv"])
    assert len(rows) == haidai.attributions and {r["speaker_id"] for r in rows} == {haidai.id}

    stored = serve_store.find_article("bakhmut-newsweek-2022-12-27")
    _, page = get_page(client, f"/articles/{stored.id}")
    rows = _rows(client, _links(page)["csv"])
    assert _keys(rows) == [(stored.id, i) for i in range(len(stored.attributions))]
    assert [r["content"] for r in rows] == [" ".join(s.text for s in a.content) for a in stored.attributions]

    [cluster], _ = serve_store.clusters(min_outlets=2, limit=5, offset=0)
    _, page = get_page(client, f"/clusters/{cluster.id}")
    rows = _rows(client, _links(page)["csv"])
    assert _keys(rows) == [(q.article_id, q.idx) for q in cluster.quotes]
    assert len({r["outlet"] for r in rows}) == 2


def test_api_gives_format_csv_and_refuses_an_unknown_format(client):
    response = client.get("/api/attributions", params={"q": "Bakhmut", "format": "csv"})
    assert response.status_code == 200 and response.text.splitlines()[0] == ",".join(COLUMNS)
    assert client.get("/api/attributions", params={"format": "xml"}).status_code == 422


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_download_of_no_rows_is_an_empty_file_not_an_error(client, fmt):
    response = client.get("/api/attributions", params={"q": "zzzzqqq", "format": fmt})
    assert response.status_code == 200
    assert (response.text.strip() == ",".join(COLUMNS)) if fmt == "csv" else (json.loads(response.text) == [])

"""The outlets page and ``/api/outlets``: outlets side by side over a chosen period, with charts and downloads."""

from __future__ import annotations

import csv
import io
from html import unescape

from sayso.corpus.stats import corpus_stats

from .test_pages import get_page


def test_outlets_api_gives_the_figures_of_sayso_stats_most_attributions_first(client, serve_store):
    rows = client.get("/api/outlets").json()
    everything, *outlets = corpus_stats(serve_store, top=5)
    assert rows[0]["all_outlets"] and rows[0]["attributions"] == everything.attributions == serve_store.count()
    assert sorted(r["attributions"] for r in rows[1:]) == sorted(o.attributions for o in outlets)
    assert [r["attributions"] for r in rows[1:]] == sorted((r["attributions"] for r in rows[1:]), reverse=True)
    newsweek = next(r for r in rows if r["outlet"] == "Newsweek")
    assert {"anonymous_share", "direct_share", "women_share", "men_share", "top_speakers", "channels"} <= set(newsweek)
    assert newsweek["men_share"] > 0


def test_outlets_period_keeps_only_the_articles_published_in_it(client, serve_store, hostile):
    rows = client.get("/api/outlets", params={"since": "2022-12-28", "until": "2022-12-31"}).json()
    assert [r["outlet"] for r in rows[1:]] == [hostile.outlet]
    assert rows[0]["articles"] == 1


def test_outlets_page_compares_outlets_with_charts_and_a_csv_of_the_table(client, serve_store):
    html, page = get_page(client, "/outlets")
    assert "<h1>Outlets side by side</h1>" in html
    assert page.find("a", href="/search?outlet=Newsweek")
    labels = {svg["aria-label"] for svg in page.find("svg")}
    assert {"share of anonymous sources by outlet", "share of direct quotes by outlet",
            "shares of women and men among named people quoted, by outlet"} <= labels
    assert page.find("rect", **{"class": "share men"})
    [csv_link] = [unescape(a["href"]) for a in page.find("a") if "format=csv" in (a.get("href") or "")]
    table = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    assert table[0]["all_outlets"] == "True" and "Newsweek" in {r["outlet"] for r in table}
    home, _ = get_page(client, "/")
    assert 'href="/outlets"' in home


def test_outlets_page_with_a_bad_date_says_so(client):
    html, _ = get_page(client, "/outlets?since=soon", status=422)
    assert "since: &#39;soon&#39; is not a date" in html


def test_outlets_of_a_period_without_articles_are_none_not_an_error(client):
    rows = client.get("/api/outlets", params={"until": "1990-01-01"}).json()
    assert len(rows) == 1 and rows[0]["all_outlets"] and rows[0]["articles"] == 0
    html, _ = get_page(client, "/outlets?until=1990-01-01")
    assert "0 outlets, 0 attributions in 0 articles" in html

"""The HTML pages: each renders from the real store, and nothing an article holds becomes markup."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from sayso.ingest.web import Fetcher
from sayso.serve.render import query_string, safe_url
from sayso.store import Filters

EVENT_ATTRIBUTES = ("onmouseover", "onerror", "onclick", "onload")


class Page(HTMLParser):
    """A parsed page: every element (tag, attributes) in order, and the text inside ``#text``."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self._depth_in_text = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if self._depth_in_text:
            self._depth_in_text += 1
        elif attributes.get("id") == "text":
            self._depth_in_text = 1

    def handle_endtag(self, tag):
        if self._depth_in_text:
            self._depth_in_text -= 1

    def handle_data(self, data):
        if self._depth_in_text:
            self.text_parts.append(data)

    @property
    def article_text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def get_page(client, path: str, status: int = 200) -> tuple[str, Page]:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text, Page(response.text)


def test_pages_home_shows_the_corpus_figures(client, serve_store):
    html, page = get_page(client, "/")
    assert f"<b>{serve_store.count():,}</b> attributions" in html
    assert "<b>5</b> articles" in html
    assert page.find("svg", **{"class": "chart"})  # articles per month, drawn server-side
    [haidai] = serve_store.speakers(speaker="Serhiy Haidai")
    assert page.find("a", href=f"/speakers/{haidai.id}") and f'{haidai.id}">Serhiy Haidai</a>' in html  # by registry id
    assert page.find("form", action="/search")


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_article_text_is_whole_and_every_attribution_is_marked(client, serve_store):
    stored = serve_store.find_article("bakhmut-newsweek-2022-12-27")
    html, page = get_page(client, f"/articles/{stored.id}")
    assert page.article_text == stored.text  # cut into segments and escaped, but nothing lost or added
    marks = page.find("mark")
    assert {int(m["data-a"]) for m in marks if "data-a" in m} == set(range(len(stored.attributions)))
    for index, attribution in enumerate(stored.attributions):
        card = page.find("li", id=f"attr-{index}")
        assert card, index
        if attribution.speaker:
            assert f'title="{attribution.speaker} · ' in html
    kivinen = next(i for i, a in enumerate(stored.attributions) if a.speaker == "Markku Kivinen")
    assert any(m.get("data-a") == str(kivinen) and m["class"].startswith("r-source") for m in marks)


def test_pages_hostile_article_is_escaped(client, hostile, serve_store):
    stored = serve_store.find_article(hostile.doc_id)
    assert stored.attributions  # the quotes with markup in them were found, so they are highlighted too
    html, page = get_page(client, f"/articles/{stored.id}")
    assert [a for t, a in page.elements if t == "script"] == [{"src": "/static/sayso.js", "defer": None}]
    assert not [a for t, a in page.elements for name in a if name in EVENT_ATTRIBUTES]
    assert not [a for t, a in page.elements if t == "img"]
    assert not [a for t, a in page.elements if (a.get("href") or "").lower().startswith("javascript")]
    assert page.article_text == hostile.text
    assert "&lt;script&gt;window.__pwned = 1" in html
    assert '<span class="unsafe-url">javascript:window.__pwned=1</span>' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the author


def test_pages_hostile_names_are_escaped_everywhere(client, hostile):
    for path in ["/", "/articles", "/speakers", "/search?q=plan", f"/articles?outlet={quote(hostile.outlet)}"]:
        html, page = get_page(client, path)
        assert not [a for t, a in page.elements for name in a if name in EVENT_ATTRIBUTES], path
        assert "<script>window" not in html and "<img" not in html, path


def test_pages_speaker_page_has_profile_and_chart(client):
    html, page = get_page(client, "/speakers/Markku%20Kivinen")
    assert "<h1>Markku Kivinen</h1>" in html
    assert "<li>Markku J. Kivinen</li>" in html  # the other name form, the same person's page
    assert "director of the Aleksanteri Institute" in html
    [chart] = page.find("svg", **{"class": "chart"})
    assert "attributions per month of Markku Kivinen" in chart["aria-label"]
    assert len(page.find("rect", **{"class": "bar"})) == 1  # one month: December 2022
    assert "Bakhmut is a limited breakthrough" in html


def test_pages_speakers_list_finds_by_name(client):
    html, page = get_page(client, "/speakers?name=haidai")
    assert '">Serhiy Haidai</a>' in html
    assert "Kivinen" not in html


def test_pages_search_takes_the_form_as_sent(client):
    # A form sends its empty fields as "": they mean "any".
    html, page = get_page(client, "/search?q=breakthrough&speaker=&outlet=&since=&until=&kind=direct&channel=&hedged=")
    assert "2 attributions" in html
    assert page.find("option", selected=None) and '<option selected>direct</option>' in html
    html, _ = get_page(client, "/search?q=breakthrough&outlet=Newsweek&hedged=false")
    assert "1 attribution<" in html


def test_pages_search_with_a_bad_date_says_so(client):
    html, _ = get_page(client, "/search?q=x&since=yesterday", status=422)
    assert "since: &#39;yesterday&#39; is not a date (YYYY-MM-DD)" in html


def test_pages_clusters_and_one_cluster_with_its_timeline(client, hostile):
    html, page = get_page(client, "/clusters")
    [link] = [a for a in page.find("a") if (a.get("href") or "").startswith("/clusters/")]
    html, page = get_page(client, link["href"])
    assert "First in <b>Newsweek</b> on 2022-12-27" in html
    assert len(page.find("circle")) == 2 and page.find("circle", **{"class": "dot first"})
    assert [a["href"] for a in page.find("a") if a["href"].startswith("/articles/")]
    assert "Evil&#34; onmouseover=&#34;window.__pwned=1&#34;" in html  # the outlet, as text in the lane label


def test_pages_clusters_without_an_index_explain_why(unindexed_db, make_client):
    response = make_client(unindexed_db).get("/clusters")
    assert "sayso ingest" in response.text


def test_pages_paste_extracts_without_storing(client, serve_store):
    before = serve_store.count()
    html, page = get_page(client, "/paste")
    assert page.find("textarea", name="text")
    text = "“We will hold the line,” said Serhiy Haidai, governor of the Luhansk region.\n\n<script>x()</script>"
    response = client.post("/paste", data={"text": text})
    assert response.status_code == 200
    result = Page(response.text)
    assert result.article_text == text
    sources = [m["title"] for m in result.find("mark") if "data-a" in m and m["class"].startswith("r-source")]
    assert sources == ["Serhiy Haidai · source"]
    assert "&lt;script&gt;x()&lt;/script&gt;" in response.text
    assert serve_store.count() == before


def test_pages_paste_refuses_too_much_or_the_wrong_form(client):
    response = client.post("/paste", data={"text": "a" * 250_000})
    assert response.status_code == 413 and "[E102]" in response.text
    assert response.headers["content-type"].startswith("text/html")
    wrong = client.post("/paste", json={"text": "Haidai said so."})
    assert wrong.status_code == 400 and "application/x-www-form-urlencoded" in wrong.text


def test_pages_paste_fetches_an_articles_url(serve_db, make_client, web_server, serve_store):
    # The test server is on loopback, which a server's fetcher refuses: this app is told to allow it.
    local = make_client(serve_db, fetcher=Fetcher(private=True, timeout=2))
    before = serve_store.count()
    for form in ({"url": f"{web_server}/bakhmut.html", "text": ""}, {"text": f" {web_server}/moved\r\n"}):
        response = local.post("/paste", data=form)
        assert response.status_code == 200, response.text[:500]
        page = Page(response.text)
        assert "Russia Suffers Heavy Losses in Bakhmut" in response.text and "Newsweek" in response.text
        assert "Haidai" in page.article_text  # the page's article text, highlighted
        sources = {m["title"] for m in page.find("mark") if "data-a" in m and m["class"].startswith("r-source")}
        assert "Serhiy Haidai · source" in sources
    assert serve_store.count() == before


def test_pages_paste_shows_a_url_that_cannot_be_fetched_as_its_coded_error(client, serve_db, make_client, web_server):
    refused = client.post("/paste", data={"url": f"{web_server}/bakhmut.html"})  # a server's guard is on
    assert refused.status_code == 422
    assert "[E140]" in refused.text and "local or private network; this server does not fetch those" in refused.text
    assert Page(refused.text).find("input", name="url", value=f"{web_server}/bakhmut.html")
    local = make_client(serve_db, fetcher=Fetcher(private=True, timeout=2))
    missing = local.post("/paste", data={"url": f"{web_server}/<script>x()</script>"})
    assert missing.status_code == 422 and "[E141]" in missing.text and "HTTP 404" in missing.text
    assert "<script>x()" not in missing.text and "&lt;script&gt;x()" in missing.text
    assert "[E143]" in local.post("/paste", data={"url": f"{web_server}/report.pdf"}).text


def test_pages_paste_says_an_empty_form_is_empty(client):
    response = client.post("/paste", data={"text": "  ", "url": ""})
    assert response.status_code == 422 and "[E001]" in response.text
    assert Page(response.text).find("textarea", name="text")  # on the form, to fill in


def test_pages_unknown_page_is_a_404_page(client):
    html, _ = get_page(client, "/nowhere/<script>", status=404)
    assert "[E104] no such page: /nowhere/&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.newsweek.com/bakhmut", "https://www.newsweek.com/bakhmut"),
        ("HTTP://example.org/a", "HTTP://example.org/a"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("http:///no-host", None),
        (None, None),
    ],
)
def test_pages_only_http_urls_become_links(url, expected):
    assert safe_url(url) == expected


def test_pages_query_string_drops_empty_values():
    assert query_string({"q": "a b", "speaker": "", "kind": None}, offset=20) == "?q=a+b&offset=20"


def test_pages_search_marks_the_matched_words_and_reads_a_quoted_phrase_as_one(client, serve_store):
    html, page = get_page(client, "/search?q=%22limited+breakthrough%22")
    expected = serve_store.search_page(Filters('"limited breakthrough"'), 100)[0]
    assert expected and all("limited breakthrough" in h.content for h in expected)
    assert f"{len(expected)} attribution" in html
    assert "<mark>limited</mark> <mark>breakthrough</mark>" in html
    _, reversed_order = get_page(client, "/search?q=%22breakthrough+limited%22")
    assert not reversed_order.find("blockquote")
    assert "No attribution matches." in get_page(client, "/search?q=%22breakthrough+limited%22")[0]


def test_pages_search_marks_words_in_hostile_text_without_letting_it_become_markup(client, hostile):
    html, page = get_page(client, "/search?q=win+onerror")
    assert "<mark>win</mark>" in html
    assert not page.find("img")
    assert "&lt;img src=x <mark>onerror</mark>=&#34;window.__pwned=1&#34;&gt;" in html


def test_pages_speaker_page_shows_the_gender_the_text_gives_and_search_filters_by_it(client, serve_store):
    women = serve_store.search_page(Filters(gender="female"), 100)[0]
    men = serve_store.search_page(Filters(gender="male"), 100)[0]
    assert men
    named = next(h for h in men if h.speaker_id)
    html, page = get_page(client, f"/speakers/{named.speaker_id}")
    assert '<span class="gender">male</span>' in html
    for gender, hits in (("male", men), ("female", women)):
        html, _ = get_page(client, f"/search?gender={gender}")
        assert f"{len(hits)} attribution" in html
    assert get_page(client, "/search?gender=other", status=422)[0]


def test_pages_clusters_count_those_run_by_several_outlets_apart_from_all_quotes(client, serve_store):
    _, spanning = serve_store.clusters(min_outlets=2, limit=1, offset=0)
    _, indexed = serve_store.clusters(min_outlets=1, limit=1, offset=0)
    assert spanning == 1 < indexed
    html, _ = get_page(client, "/clusters")
    assert f"1 quote run by 2 outlets or more, of the {indexed:,} quotes the corpus index holds" in html
    html, page = get_page(client, "/clusters?min_outlets=9")
    assert "No quote was run by that many outlets." in html and not page.find("li", **{"class": "muted"})


def test_pages_lists_without_a_row_say_so_outside_the_numbered_list(client):
    html, page = get_page(client, "/search?q=zzzzqqq")
    assert "No attribution matches." in html and not page.find("li", **{"class": "muted"})

"""Reading HTML pages: main text and metadata through trafilatura, any encoding, hostile markup."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.ingest import Document, IngestError, read
from sayso.ingest.html import MAX_ELEMENTS

EXAMPLES = settings(max_examples=50, deadline=None)


def _read_one(path):
    [item] = read([str(path)])
    return item


def _page_with_body(page: str, body: str) -> str:
    """``page`` with the article's paragraphs replaced by ``body``."""
    start = page.index('<div class="article-body">')
    end = page.index('<div class="article-tags">')
    return page[:start] + f'<div class="article-body">{body}</div>\n      ' + page[end:]


def test_html_news_page_gives_the_article_paragraphs_exactly(news_page_path, article_body):
    doc = _read_one(news_page_path)
    assert doc.text == article_body
    assert (doc.doc_id, doc.origin) == ("bakhmut-newsweek", str(news_page_path))


@pytest.mark.parametrize(
    "boilerplate",
    ["Subscribe for $1", "Advertisement", "googletag", "Read more", "Bunker Grandpa", "Sign up",
     "Get the latest world news", "Share on Twitter", "Getty Images", "Related Stories",
     "Map Shows Where Russia", "Great reporting", "Newsweek Digital LLC", "Privacy Policy", "Staff Reporter"],
)
def test_html_news_page_leaves_out_navigation_ads_related_links_comments_and_footer(news_page_path, boilerplate):
    assert boilerplate not in _read_one(news_page_path).text


def test_html_news_page_metadata_title_authors_outlet_canonical_url_and_aware_date(news_page_path):
    doc = _read_one(news_page_path)
    assert doc.title == "Russia Suffers Heavy Losses in Bakhmut as Kremlin Seeks Symbolic Win"
    assert doc.authors == ("Nick Mordowanec",)
    assert doc.outlet == "Newsweek"
    assert doc.url == "https://www.newsweek.com/russia-bakhmut-losses-kremlin-symbolic-win-1769821"
    assert doc.published == datetime(2022, 12, 27, 12, 41, 3, tzinfo=timezone(timedelta(hours=-5)))
    assert doc.published.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("2022-12-27T12:41:03", datetime(2022, 12, 27, 12, 41, 3, tzinfo=UTC)),
        ("2022-12-27", datetime(2022, 12, 27, tzinfo=UTC)),
    ],
)
def test_html_date_without_zone_is_taken_as_utc(tmp_path, news_page, stamp, published):
    path = tmp_path / "nozone.html"
    path.write_text(news_page.replace("2022-12-27T12:41:03-05:00", stamp), encoding="utf-8")
    assert _read_one(path).published == published


def test_html_page_without_any_date_has_none_not_the_copyright_year(tmp_path, news_page):
    page = news_page.replace("2022-12-27T12:41:03-05:00", "").replace("2022-12-28T09:02:11-05:00", "")
    path = tmp_path / "undated.html"
    path.write_text(page.replace("Dec 27, 2022 at 12:41 PM EST", ""), encoding="utf-8")
    doc = _read_one(path)
    assert "&copy; 2022" in page and doc.published is None
    assert "Kivinen said" in doc.text


@pytest.mark.parametrize("declared", ['<meta charset="windows-1252">', '<meta charset="iso-8859-1">',
                                      '<meta http-equiv="Content-Type" content="text/html; charset=latin1">', ""])
def test_html_windows_1252_page_reads_without_mojibake_declared_or_not(tmp_path, news_page, article_body, declared):
    path = tmp_path / "cp1252.html"
    path.write_bytes(news_page.replace('<meta charset="utf-8">', declared).encode("cp1252"))
    doc = _read_one(path)
    assert doc.text == article_body
    assert "Russia’s key intention" in doc.text and "â€" not in doc.text


def test_html_declared_charset_is_honoured(tmp_path):
    quote = "\"Бахмут - это ограниченный прорыв\", - сказал Кивинен в интервью."
    more = "Он добавил, что Россия должна где-то показать силу."
    page = (f'<html><head><meta charset="koi8-r"><title>Бахмут</title></head>'
            f"<body><article><p>{quote}</p><p>{more}</p></article></body></html>")
    path = tmp_path / "koi8.html"
    path.write_bytes(page.encode("koi8-r"))
    assert _read_one(path).text == f"{quote}\n\n{more}"


def test_html_utf8_page_that_declares_latin1_reads_as_utf8(tmp_path, news_page, article_body):
    path = tmp_path / "mislabelled.html"
    path.write_text(news_page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">'), encoding="utf-8")
    assert _read_one(path).text == article_body


def test_html_utf16_page_with_byte_order_mark_reads(tmp_path, news_page, article_body):
    path = tmp_path / "utf16.html"
    path.write_bytes(news_page.encode("utf-16"))
    assert _read_one(path).text == article_body


def test_html_fragment_without_html_element_still_gives_its_text(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text("<p>“It is symbolic,” Haidai said.</p><p>Kivinen disagreed.</p>", encoding="utf-8")
    assert _read_one(path).text == "“It is symbolic,” Haidai said.\n\nKivinen disagreed."


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty", b"", "E001"),
        ("blank", b"  \n\t\n", "E001"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "E002"),
        ("no-article", b"<html><head><title>Home</title></head><body><img src=logo.png></body></html>", "E014"),
        ("too-complex", b"<html><body>" + b"<i></i>" * (MAX_ELEMENTS + 1) + b"</body></html>", "E015"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_html_bad_page_is_an_error_naming_file_and_reason(tmp_path, name, data, code):
    path = tmp_path / f"{name}.html"
    path.write_bytes(data)
    error = _read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert error.reason.startswith(f"[{code}] {path}: ")


def test_html_page_with_only_its_headline_has_no_article(tmp_path, news_page):
    path = tmp_path / "headline.html"
    path.write_text(_page_with_body(news_page, ""), encoding="utf-8")
    assert _read_one(path).reason == f"[E014] {path}: no article text found in the HTML"


def test_html_huge_page_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.truncate(5_000_000)  # sparse: only the size is checked
    assert _read_one(path).reason.startswith(f"[E004] {path}: text too long (over 4,000,000 bytes")


HOSTILE = [
    '<script>document.write("SECRET-SCRIPT")</script>',
    "<style>.SECRET-STYLE { color: red }</style>",
    '<p onclick="SECRET-HANDLER()" onmouseover="SECRET-HANDLER()">Reno disagreed with that view entirely.</p>',
    '<p>See <a href="javascript:SECRET-URL()">the video</a> Grozev posted on Monday.</p>',
    '<img src="x" onerror="SECRET-HANDLER()">',
    '<svg><script>SECRET-SCRIPT</script></svg>',
    "<p>Before <script>SECRET-SCRIPT</script> after, Haidai said again.</p>",
    "<noscript><p>SECRET-NOSCRIPT enable JavaScript</p></noscript>",
    '<iframe srcdoc="<p>SECRET-IFRAME</p>"></iframe>',
]


def test_html_script_style_handlers_and_javascript_urls_never_reach_the_text(tmp_path, news_page, article_body):
    paragraphs = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in article_body.split("\n\n"))
    path = tmp_path / "hostile.html"
    path.write_text(_page_with_body(news_page, "\n".join(HOSTILE) + paragraphs + "<script>SECRET-SCRIPT"),
                    encoding="utf-8")
    doc = _read_one(path)
    assert "SECRET" not in doc.text
    assert "Kivinen said" in doc.text and "Reno disagreed with that view entirely." in doc.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body>" + "<div>" * 100_000 + "<p>Haidai said so.</p>",
        "<html><body>" + "<b><i>" * 20_000 + "Haidai said so, and said it again, at length.",
        "<html><body><p>Haidai <b>said <i>so</b> and </p></div></span><p>Kivinen <table><td>agreed<",
        "<html><body><p>" + "&#0;&#xD800;&#x110000;&bogus;" * 100 + "Haidai said so.</p></body></html>",
        '<?xml version="1.0" encoding="utf-16"?><html><body><p>Haidai said so.</p></body></html>',
        "<html><body><p>Kivinen said " + "x" * 500_000 + "</p></body></html>",
    ],
    ids=["deep-blocks", "deep-inline", "broken", "bad-references", "xml-declaration", "long-word"],
)
def test_html_hostile_markup_never_crashes_the_reader(tmp_path, markup):
    path = tmp_path / "hostile.html"
    path.write_text(markup, encoding="utf-8")
    item = _read_one(path)
    assert isinstance(item, Document | IngestError)
    if isinstance(item, Document):
        assert "said" in item.text
        item.text.encode("utf-8")


def test_html_reading_the_same_page_again_gives_the_same_article_id(news_page_path, tmp_path, news_page):
    copy = tmp_path / "copy.html"
    copy.write_bytes(news_page.replace("\n", "\r\n").encode("utf-8"))
    assert _read_one(news_page_path).article_id == _read_one(copy).article_id


def _assert_only_documents_and_errors(items: list) -> None:
    assert items
    for item in items:
        assert isinstance(item, Document | IngestError)
        if isinstance(item, Document):
            assert item.text.strip()
            item.text.encode("utf-8")
            assert item.published is None or item.published.tzinfo is not None


@EXAMPLES
@given(data=st.binary(max_size=2000))
def test_html_arbitrary_bytes_give_a_document_or_an_error(scratch, data):
    path = scratch / "bytes.html"
    path.write_bytes(data)
    _assert_only_documents_and_errors(list(read([str(path)])))


_FRAGMENTS = st.one_of(
    st.sampled_from(["p", "div", "article", "b", "a", "table", "td", "li", "h1", "title", "script", "style",
                     "html", "body", "head", "template", "noscript", "svg", "br"]).flatmap(
        lambda tag: st.sampled_from([f"<{tag}>", f"</{tag}>", f'<{tag} onclick="x()" href="javascript:y()">'])),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "&#0;", "&#xD800;", "&amp;", '<meta charset="koi8-r">',
                     '<meta property="article:published_time" content="2022-13-45T99:00">', "\ufeff", "\x00"]),
    st.text(max_size=40),
)


@EXAMPLES
@given(soup=st.lists(_FRAGMENTS, max_size=60).map("".join), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_html_arbitrary_tag_soup_gives_a_document_or_an_error(scratch, soup, encoding):
    path = scratch / "soup.html"
    path.write_bytes(soup.encode(encoding, errors="replace"))
    _assert_only_documents_and_errors(list(read([str(path)])))


_SECRETS = ["<script>SECRET()</script>", "<style>.SECRET{}</style>"]
_ATTRIBUTES = ["", ' class="story"', ' onclick="SECRET()"', ' href="javascript:SECRET()"', ' style="SECRET"']
_ELEMENTS = st.recursive(
    st.one_of(st.text(max_size=30).map(lambda t: html.escape(t.replace("SECRET", ""))), st.sampled_from(_SECRETS)),
    lambda children: st.tuples(st.sampled_from(["p", "div", "article", "span", "b", "a", "li", "section", "h2"]),
                               st.sampled_from(_ATTRIBUTES), st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"),
    max_leaves=25,
)


@EXAMPLES
@given(body=_ELEMENTS)
def test_html_script_and_style_anywhere_in_a_page_never_reach_the_text(scratch, body):
    path = scratch / "scripted.html"
    path.write_text(f"<html><head><title>t</title>{_SECRETS[0]}</head><body>{body}</body></html>", encoding="utf-8")
    items = list(read([str(path)]))
    _assert_only_documents_and_errors(items)
    assert not any("SECRET" in item.text for item in items if isinstance(item, Document))

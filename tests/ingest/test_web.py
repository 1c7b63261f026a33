"""Articles fetched from URLs, from a web server on loopback (``web_server``): the page, and each way a fetch fails."""

from __future__ import annotations

import pytest

from sayso.errors import SaysoError
from sayso.ingest import Document, IngestError, read
from sayso.ingest.web import Fetcher, url_list

LOCAL = Fetcher(private=True, timeout=1)  # the test server is on loopback, which is refused by default


def test_url_of_a_news_page_gives_its_article_named_by_the_url(web_server, article_body):
    url = f"{web_server}/bakhmut.html"
    [doc] = read([url], fetch=LOCAL)
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.origin, doc.url) == (url, url, url)
    assert (doc.title, doc.outlet) == ("Russia Suffers Heavy Losses in Bakhmut", "Newsweek")
    assert doc.published is not None and doc.published.date().isoformat() == "2022-12-27"
    assert article_body in doc.text
    assert "Home" not in doc.text and "©" not in doc.text


def test_url_served_as_plain_text_is_read_as_a_text_file_with_its_front_matter(web_server):
    [doc] = read([f"{web_server}/schools.txt"], fetch=LOCAL)
    assert (doc.title, doc.outlet, doc.url) == (
        "Minister: schools will stay open", "The Daily Ledger", "https://ledger.example/2024/03/05/schools-stay-open")
    assert doc.text.startswith("Minister: schools will stay open\n\nThe education minister")


def test_redirect_is_followed_and_the_url_is_where_the_page_was_found(web_server, article_body):
    [doc] = read([f"{web_server}/moved"], fetch=LOCAL)
    assert (doc.doc_id, doc.url) == (f"{web_server}/moved", f"{web_server}/bakhmut.html")
    assert article_body in doc.text


@pytest.mark.parametrize(("path", "fetcher", "reason"), [
    ("/nowhere", LOCAL, "[E141] {url}: the server answered HTTP 404 Not Found"),
    ("/big", Fetcher(private=True, max_bytes=4_000), "[E142] {url}: the page is larger than 4,000 bytes: not fetched"),
    ("/slow", LOCAL, "[E140] {url}: cannot fetch the page (timed out)"),
    ("/report.pdf", LOCAL, "[E143] {url}: the page is application/pdf, not HTML or plain text"),
    ("/loop", LOCAL, "[E140] {url}: cannot fetch the page (more than 5 redirects)"),
    ("/bakhmut.html", Fetcher(), "[E140] {url}: cannot fetch the page (the address is on a local or private "
     "network; --allow-private-urls fetches it)"),
], ids=["not-found", "too-large", "timeout", "pdf", "redirect-loop", "private-address"])
def test_url_that_cannot_be_fetched_is_a_coded_error_and_the_batch_goes_on(web_server, article_body, path,
                                                                           fetcher, reason):
    url = f"{web_server}{path}"
    error, doc = read([url, f"{web_server}/moved"], fetch=fetcher if path != "/bakhmut.html" else None)
    assert isinstance(error, IngestError)
    assert error.reason == reason.format(url=url)
    assert isinstance(doc, Document if fetcher.private else IngestError)


def test_url_of_a_host_that_does_not_resolve_is_e140():
    [error] = read(["http://no-such-host.invalid/news"], fetch=LOCAL)
    assert error.reason == "[E140] http://no-such-host.invalid/news: cannot fetch the page (the host name does not resolve)"


def test_url_list_skips_blanks_and_comments(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# morning papers\nhttps://a.example/one\n\n  http://b.example/two?x=1  \n", encoding="utf-8")
    assert url_list(str(path)) == ["https://a.example/one", "http://b.example/two?x=1"]


def test_url_list_with_a_line_that_is_no_url_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("https://a.example/one\nwww.b.example/two\n", encoding="utf-8")
    with pytest.raises(SaysoError, match=r"^\[E146\] .*urls.txt: line 2: not an http:// or https:// URL \('www.b"):
        url_list(str(path))


def test_url_list_that_cannot_be_read_is_e145(tmp_path):
    with pytest.raises(SaysoError, match=r"^\[E145\] .*nosuch.txt: cannot read the list of URLs \(No such file"):
        url_list(str(tmp_path / "nosuch.txt"))

"""Reading WARC files: HTML response records as documents, damaged files up to the damage."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.ingest import Document, IngestError, read

EXAMPLES = settings(max_examples=50, deadline=None)
URL = "https://www.newsweek.com/russia-bakhmut-losses-kremlin-symbolic-win-1769821"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def crawl(request, tmp_path, write_warc, news_page):
    """A crawl of the news page: its request, the HTML response and an image; returns path and offsets."""
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    offsets = write_warc(path, [
        {"kind": "request", "uri": URL},
        {"kind": "response", "uri": URL, "payload": news_page.encode("utf-8")},
        {"kind": "response", "uri": "https://www.newsweek.com/logo.png", "payload": PNG, "content_type": "image/png"},
    ], gzip=request.param)
    return path, offsets


def test_warc_html_response_is_the_only_document_named_by_file_and_offset(crawl, news_page_path):
    path, offsets = crawl
    [doc] = read([str(path)])
    assert doc.origin == f"{path}@{offsets[1]}"
    [page] = read([str(news_page_path)])
    assert doc.text == page.text


def test_warc_document_has_the_target_uri_as_id_and_url_and_the_page_metadata(crawl):
    path, _ = crawl
    [doc] = read([str(path)])
    assert doc.doc_id == doc.url == URL
    assert (doc.title, doc.outlet, doc.authors) == (
        "Russia Suffers Heavy Losses in Bakhmut as Kremlin Seeks Symbolic Win", "Newsweek", ("Nick Mordowanec",))
    assert doc.published.isoformat() == "2022-12-27T12:41:03-05:00"


def test_warc_record_and_html_file_of_the_same_page_have_the_same_article_id(crawl, news_page_path):
    path, _ = crawl
    from_warc, from_file = read([str(path), str(news_page_path)])
    assert from_warc.article_id == from_file.article_id
    assert from_warc.doc_id != from_file.doc_id


def test_warc_page_without_a_date_takes_the_crawl_date(tmp_path, write_warc):
    path = tmp_path / "undated.warc"
    page = "<html><body><article><p>“It is symbolic,” Haidai said on Telegram.</p></article></body></html>"
    write_warc(path, [{"kind": "response", "uri": URL, "payload": page.encode(), "date": "2022-12-27T18:05:00Z"}])
    [doc] = read([str(path)])
    assert doc.published == datetime(2022, 12, 27, 18, 5, tzinfo=UTC)


def test_warc_charset_of_the_http_header_is_honoured(tmp_path, write_warc):
    quote = "\"Бахмут - это ограниченный прорыв\", - сказал Кивинен."
    page = f"<html><body><article><p>{quote}</p></article></body></html>"
    path = tmp_path / "koi8.warc"
    write_warc(path, [{"kind": "response", "uri": URL, "payload": page.encode("koi8-r"),
                       "content_type": "text/html; charset=KOI8-R"}])
    [doc] = read([str(path)])
    assert doc.text == quote


def test_warc_skips_redirects_errors_and_other_types_silently(tmp_path, write_warc, news_page):
    path = tmp_path / "mixed.warc"
    offsets = write_warc(path, [
        {"kind": "response", "uri": "https://www.newsweek.com/old", "status": "301 Moved Permanently"},
        {"kind": "response", "uri": "https://www.newsweek.com/gone", "payload": news_page.encode(),
         "status": "404 Not Found"},
        {"kind": "response", "uri": "https://www.newsweek.com/feed.json", "payload": b'{"text": "Haidai said."}',
         "content_type": "application/json"},
        {"kind": "response", "uri": URL, "payload": news_page.encode(), "content_type": "application/xhtml+xml"},
    ])
    assert [d.origin for d in read([str(path)])] == [f"{path}@{offsets[3]}"]


def test_warc_record_without_article_is_an_error_naming_it_and_later_records_still_read(tmp_path, write_warc,
                                                                                      news_page):
    path = tmp_path / "two.warc"
    offsets = write_warc(path, [
        {"kind": "response", "uri": "https://www.newsweek.com/", "payload": b"<html><body><img src=x></body></html>"},
        {"kind": "response", "uri": URL, "payload": news_page.encode()},
    ])
    error, doc = read([str(path)])
    assert error == IngestError(f"{path}@{offsets[0]}",
                                f"[E014] {path}@{offsets[0]}: no article text found in the HTML")
    assert doc.origin == f"{path}@{offsets[1]}"


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_warc_truncated_file_gives_the_records_before_the_cut_and_says_where_it_broke(tmp_path, write_warc,
                                                                                    news_page, gzip):
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    offsets = write_warc(whole, [
        {"kind": "response", "uri": URL, "payload": news_page.encode()},
        {"kind": "response", "uri": URL + "?page=2", "payload": news_page.replace("Kivinen", "Reno").encode()},
    ], gzip=gzip)
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    data = whole.read_bytes()
    cut.write_bytes(data[: (offsets[1] + len(data)) // 2])
    doc, error = read([str(cut)])
    assert doc.origin == f"{cut}@{offsets[0]}" and "Kivinen said" in doc.text
    assert error.origin == str(cut)
    assert error.reason.startswith(f"[E017] {cut}: WARC file damaged at byte {offsets[1]:,} (")


def test_warc_garbage_in_the_middle_stops_there_with_one_error(tmp_path, write_warc, news_page):
    path = tmp_path / "garbled.warc"
    offsets = write_warc(path, [
        {"kind": "response", "uri": URL, "payload": news_page.encode()},
        {"kind": "response", "uri": URL + "?page=2", "payload": news_page.encode()},
        {"kind": "response", "uri": URL + "?page=3", "payload": news_page.encode()},
    ])
    data = bytearray(path.read_bytes())
    data[offsets[1]:offsets[1] + 8] = b"\x00GARBAGE"
    path.write_bytes(bytes(data))
    doc, error = read([str(path)])
    assert doc.origin == f"{path}@{offsets[0]}"
    assert error.reason == (f"[E017] {path}: WARC file damaged at byte {offsets[1]:,} (Invalid WARC record, "
                            f"first line: ?GARBAGE); the records after it cannot be read")


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E018"), (b"<html><body><p>Haidai said.</p></body></html>", "E017"), (PNG, "E017")],
    ids=["empty", "html-not-warc", "binary"],
)
def test_warc_file_that_is_no_warc_is_one_error_naming_it(tmp_path, data, code):
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    [error] = read([str(path)])
    assert error.origin == str(path)
    assert error.reason.startswith(f"[{code}] {path}: ")


def test_warc_without_html_responses_says_so(tmp_path, write_warc):
    path = tmp_path / "images.warc.gz"
    write_warc(path, [{"kind": "request", "uri": URL},
                      {"kind": "response", "uri": URL, "payload": PNG, "content_type": "image/png"}], gzip=True)
    assert list(read([str(path)])) == [
        IngestError(str(path), f"[E018] {path}: WARC file holds no HTML response records")]


def _check(items: list) -> None:
    assert items
    for item in items:
        assert isinstance(item, Document | IngestError)
        if isinstance(item, Document):
            assert item.text.strip()
            item.text.encode("utf-8")
            assert item.published is None or item.published.tzinfo is not None


@EXAMPLES
@given(data=st.binary(max_size=3000), gzip=st.booleans())
def test_warc_arbitrary_bytes_give_documents_or_errors(scratch, data, gzip):
    path = scratch / ("bytes.warc.gz" if gzip else "bytes.warc")
    path.write_bytes(data)
    _check(list(read([str(path)])))


@pytest.fixture(scope="module")
def intact(tmp_path_factory, write_warc, news_page):
    """A three-record crawl: its bytes, and each HTML record's (start, end) with the text read from it whole."""
    path = tmp_path_factory.mktemp("intact") / "crawl.warc"
    offsets = write_warc(path, [
        {"kind": "request", "uri": URL},
        {"kind": "response", "uri": URL, "payload": news_page.encode()},
        {"kind": "response", "uri": URL + "?amp", "payload": news_page.replace("Haidai", "Gaidai").encode()},
    ])
    data = path.read_bytes()
    ends = [*offsets[1:], len(data)]
    texts = {int(d.origin.rsplit("@", 1)[1]): d.text for d in read([str(path)])}
    return data, {(start, end): texts[start] for start, end in zip(offsets, ends, strict=True) if start in texts}


@EXAMPLES
@given(cut=st.floats(0, 1), position=st.floats(0, 1), garbage=st.binary(max_size=12))
def test_warc_damaged_copy_gives_every_record_before_the_damage_then_at_most_one_damage_error(
        scratch, intact, cut, position, garbage):
    data, records = intact
    at = int(position * len(data))
    damaged = (data[:at] + garbage + data[at + len(garbage):])[: int(cut * len(data))]
    path = scratch / "damaged.warc"
    path.write_bytes(damaged)
    items = list(read([str(path)]))
    _check(items)
    docs = {int(i.origin.rsplit("@", 1)[1]): i.text for i in items if isinstance(i, Document)}
    before = {start: text for (start, end), text in records.items() if end <= min(at, len(damaged))}
    assert {start: docs.get(start) for start in before} == before
    assert sum(isinstance(i, IngestError) and i.reason.startswith("[E017]") for i in items) <= 1


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [b"\x00", b"W"], ids=["nul-bomb", "header-bomb"])
def test_warc_gzip_bomb_of_one_endless_line_is_one_error_in_bounded_time(tmp_path, line):
    # 200 MB without a line end, in 200 kB: warcio read it as one line, in time growing with its square.
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n" * (line == b"W") + line * 200_000_000, compresslevel=1))
    [error] = read([str(path)])
    assert isinstance(error, IngestError) and error.reason[:6] in ("[E017]", "[E018]")

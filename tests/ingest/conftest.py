"""Fixtures of the reader tests: a real news page, the article it holds, WARC files written by warcio."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML_DATA = Path(__file__).resolve().parents[1] / "data" / "html"


@dataclass(frozen=True)
class Record:
    """One WARC record to write: a ``response`` (with an HTTP status and type) or a ``request``."""

    kind: str
    uri: str
    payload: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2022-12-27T18:05:00Z"


@pytest.fixture(scope="session")
def news_page_path() -> Path:
    """The example article as Newsweek served it: nav, byline, ads, related links, footer, JSON-LD."""
    return HTML_DATA / "bakhmut-newsweek.html"


@pytest.fixture(scope="session")
def news_page(news_page_path) -> str:
    return news_page_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_body(bakhmut_text) -> str:
    """The example article's paragraphs after its byline and date, one blank line apart."""
    paragraphs = [p.strip() for p in bakhmut_text.split("\n\n") if p.strip()]
    assert paragraphs[:2] == ["By Nick Mordowanec", "Dec 27, 2022"]
    return "\n\n".join(paragraphs[2:])


@pytest.fixture(scope="session")
def write_warc():
    """``write_warc(path, records, gzip=...)`` writes the records with warcio; returns their offsets.

    Each record is a dict of :class:`Record` fields.
    """

    def write(path: Path, records: list[dict], gzip: bool = False) -> list[int]:
        offsets = []
        with path.open("wb") as f:
            writer = WARCWriter(f, gzip=gzip)
            for r in (Record(**spec) for spec in records):
                offsets.append(f.tell())
                if r.kind == "request":
                    host = urlsplit(r.uri).netloc
                    headers = StatusAndHeaders(f"GET {urlsplit(r.uri).path} HTTP/1.1", [("Host", host)],
                                               is_http_request=True)
                else:
                    headers = StatusAndHeaders(r.status, [("Content-Type", r.content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(r.uri, r.kind, payload=io.BytesIO(r.payload),
                                                   http_headers=headers, warc_headers_dict={"WARC-Date": r.date})
                writer.write_record(record)
        return offsets

    return write


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A folder for hypothesis examples, which cannot use a fresh ``tmp_path`` each."""
    return tmp_path_factory.mktemp("examples")

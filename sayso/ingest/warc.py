"""WARC files: the HTML pages a crawler stored, as Common Crawl's CC-NEWS ships them.

Every ``response`` record holding an HTML page served with HTTP 200 becomes a
document through the same extraction as an HTML file (:mod:`sayso.ingest.html`);
requests, metadata, redirects, images and the like are skipped without a word.
A record is named ``path@offset`` in messages, the offset ``warcio extract``
takes to show it. Crawls get cut off and disks fail, so a damaged file gives
every record before the damage and then one error saying at which byte it
broke: a reader never raises.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.utils import BUFF_SIZE

from sayso.errors import Errors, SaysoError
from sayso.ingest.dates import parse_date
from sayso.ingest.document import MAX_BYTES, Document, IngestError
from sayso.ingest.html import extract_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The longest header line read: a WARC or HTTP header is a few kilobytes at most, and warcio
# reads a line whole (in time that grows with its square): a gzip bomb of one 300 MB line of
# NULs took it 8 minutes and 14 GB before.
MAX_LINE = 1 << 20


class _BoundedLines(DecompressingBufferedReader):
    """warcio's reader, reading no line longer than :data:`MAX_LINE` (the rest comes as the next line)."""

    def readline(self, length: int | None = None) -> bytes:
        return super().readline(MAX_LINE if length is None else min(length, MAX_LINE))


class _Damaged(Exception):
    """The file ends or breaks inside the record at ``offset``."""

    def __init__(self, offset: int, detail: str) -> None:
        super().__init__(detail)
        self.offset = offset


def read_warc(path: Path) -> Iterator[Document | IngestError]:
    """A document (or error) for each HTML response record of ``path``, in file order."""
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as e:
        yield IngestError(origin, Errors.E011.format(origin=origin, detail=e.strerror or e))
        return
    with stream:
        pages = 0
        try:
            for item in _pages(stream, origin):
                pages += 1
                yield item
        except _Damaged as e:
            yield IngestError(origin, Errors.E017.format(origin=origin, offset=e.offset, detail=e))
            return
        if not pages:
            yield IngestError(origin, Errors.E018.format(origin=origin))


def _pages(stream: BinaryIO, origin: str) -> Iterator[Document | IngestError]:
    """The HTML responses of ``stream``; raises :class:`_Damaged` where the file cannot be read on."""
    records = ArchiveIterator(stream)
    records.reader = _BoundedLines(records.fh, block_size=BUFF_SIZE)  # before it reads anything
    while True:
        try:
            record = next(records, None)
        except Exception as e:  # noqa: BLE001  (warcio raises anything on a broken file)
            raise _Damaged(records.offset, _describe(e)) from None
        if record is None:
            return
        where = f"{origin}@{records.offset}"
        content_type = _html_content_type(record)
        try:
            data = record.content_stream().read(MAX_BYTES + 1) if content_type else None
        except Exception as e:  # noqa: BLE001  (a bad HTTP gzip or chunked encoding: this record only)
            _check_complete(record, records.offset)
            yield IngestError(where, Errors.E052.format(origin=where, detail=_describe(e)))
            continue
        _check_complete(record, records.offset)
        if data is not None and content_type:  # (data is read only for an HTML record)
            yield _page(record, data, where, content_type)


def _page(record: ArcWarcRecord, data: bytes, where: str, content_type: str) -> Document | IngestError:
    """The article in one HTML record: its URL is the record's, its date the page's or the crawl's."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = uri or record.rec_headers.get_header("WARC-Record-ID") or where
    try:
        doc = extract_html(data, doc_id, where, url=uri, content_type=content_type)
    except SaysoError as e:
        return IngestError(where, str(e))
    crawled = parse_date(record.rec_headers.get_header("WARC-Date"))
    return dataclasses.replace(doc, url=uri or doc.url, published=doc.published or crawled)


def _html_content_type(record: ArcWarcRecord) -> str | None:
    """The ``Content-Type`` of an HTML page served with HTTP 200, or None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type")
                    or record.rec_headers.get_header("WARC-Identified-Payload-Type") or "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    return content_type if media_type in HTML_TYPES else None


def _check_complete(record: ArcWarcRecord, offset: int) -> None:
    """Read the rest of the record and raise :class:`_Damaged` if the file ends before it does."""
    stream = record.raw_stream
    try:
        while stream.read(1 << 16):
            pass
    except Exception as e:  # noqa: BLE001  (a corrupt compressed block)
        raise _Damaged(offset, _describe(e)) from None
    if isinstance(stream, LimitReader) and stream.limit > 0:
        raise _Damaged(offset, f"the record is cut short, {stream.limit:,} bytes missing")


def _describe(error: Exception) -> str:
    """A short, one-line, plain-ASCII account of ``error``: warcio quotes raw bytes of the broken file."""
    message = " ".join(str(error).split())
    if not isinstance(error, ArchiveLoadFailed):  # warcio's own messages say what they are about
        message = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return "".join(c if c.isascii() and c.isprintable() else "?" for c in message)[:120]

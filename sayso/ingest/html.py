"""HTML pages: the article's main text and metadata, through trafilatura.

A saved news page is mostly not the article: navigation, bylines, related links,
ads, scripts. trafilatura keeps the main text and reads the title, authors,
date, site name and canonical URL from the page's meta tags and JSON-LD. This
module adds what a batch over scraped pages needs around it:

- bytes are decoded as the page says (byte-order mark, the HTTP header a WARC
  record carries, ``<meta charset>``), preferring UTF-8 whenever the bytes are
  valid UTF-8, and falling back to Windows-1252, so a Latin-1 page reads right;
- pages too large or too complex to be an article are refused before
  trafilatura spends seconds on them, and nothing it does can stop a batch;
- the text keeps one blank line between paragraphs, as the example article and
  PolNeAR do, so the pipeline sees the paragraphs it was trained on;
- the date is timezone-aware (see :mod:`sayso.ingest.dates`).
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as ExtractedPage

from sayso.errors import Errors, SaysoError
from sayso.ingest.dates import parse_date
from sayso.ingest.document import Document, IngestError, check_size, checked

# trafilatura and htmldate log a warning or error for every page without an article;
# sayso reports those pages itself, as IngestErrors naming them.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# A news page has a few thousand elements; trafilatura's time grows faster than
# their number (about 1.5 s for 20,000, 15 s for 80,000), so bigger trees are refused.
MAX_ELEMENTS = 50_000

# How trafilatura reads dates: the full timestamp and zone where the page gives one (it keeps
# only the day by default); no search of the whole page for a date, which finds copyright years.
_DATES = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": False}

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Browsers read these labels as Windows-1252, and so do pages that declare them.
_AS_WINDOWS_1252 = {"ascii", "iso8859-1"}


def read_html_file(path: Path) -> Document | IngestError:
    """The article in the HTML file ``path``; its ``doc_id`` is the file name without suffix."""
    origin = str(path)
    try:
        check_size(path.stat().st_size, origin)  # before reading a huge file into memory
        return extract_html(path.read_bytes(), path.stem, origin)
    except SaysoError as e:
        return IngestError(origin, str(e))
    except OSError as e:
        return IngestError(origin, Errors.E011.format(origin=origin, detail=e.strerror or e))


def extract_html(data: bytes, doc_id: str, origin: str, *, url: str | None = None,
                 content_type: str | None = None) -> Document:
    """The article in the page ``data``, or a SaysoError saying why there is none.

    Args:
        data: the page as served.
        doc_id, origin: name the document and, in messages, where it came from.
        url: where the page was fetched from, when known; trafilatura resolves
            relative links against it. The page's canonical URL wins.
        content_type: the HTTP ``Content-Type`` header the page was served with, if
            known; its ``charset`` says how the page is encoded.
    """
    check_size(len(data), origin)
    markup = decode_html(data, origin, content_type)
    if not markup.strip():
        raise SaysoError(Errors.E001.format(origin=origin))
    page = _extract(markup, url, origin)
    text = _paragraphs(page.text) if page is not None and page.text else ""
    if page is None or not text or text == _clean(page.title):  # a headline alone is no article
        raise SaysoError(Errors.E014.format(origin=origin))
    return Document(
        doc_id=doc_id,
        text=checked(text, origin),
        origin=origin,
        title=_clean(page.title),
        url=_clean(page.url) or url,
        published=parse_date(page.date),
        outlet=_clean(page.sitename),
        authors=tuple(a.strip() for a in (page.author or "").split(";") if a.strip()),
    )


def decode_html(data: bytes, origin: str, content_type: str | None = None) -> str:
    """The text of a page: by its byte-order mark, as UTF-8 when valid, as declared, or as Windows-1252.

    Valid UTF-8 is trusted over a declaration because pages often declare
    ISO-8859-1 while serving UTF-8, and text in another encoding is almost
    never valid UTF-8 by chance. The last resort, Latin-1, decodes any bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        raise SaysoError(Errors.E002.format(origin=origin))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (*_declared(data, content_type), "cp1252"):
        try:
            return data.decode(encoding)
        except (UnicodeError, LookupError):  # LookupError: a declared codec such as base64 is no text encoding
            continue
    return data.decode("latin-1")


def _declared(data: bytes, header: str | None) -> list[str]:
    """Python codec names of the encodings the HTTP header and the page's ``<meta>`` declare."""
    labels = []
    if header and (match := _HEADER_CHARSET.search(header)):
        labels.append(match.group(1))
    if meta := _META_CHARSET.search(data[:4096]):
        labels.append(meta.group(1).decode("ascii"))
    names = []
    for label in labels:
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue
        # A page without a byte-order mark that says UTF-16 is ASCII-compatible after all.
        if not name.startswith(("utf-16", "utf-32")):
            names.append("cp1252" if name in _AS_WINDOWS_1252 else name)
    return names


def _extract(markup: str, url: str | None, origin: str) -> ExtractedPage | None:
    """trafilatura's reading of the page: None when it finds no main text."""
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:  # a fragment without <html>, which trafilatura takes for no HTML at all
            tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
        if tree is None:
            return None
        _check_complexity(tree, origin)
        page = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            favor_precision=True,  # leave out boilerplate rather than risk it in the text
            date_extraction_params=_DATES,
        )
        return page if isinstance(page, ExtractedPage) else None  # (a dict only when asked for one)
    except SaysoError:
        raise
    except Exception as e:  # noqa: BLE001  (a parser bug on hostile markup must not stop a batch)
        detail = f"{type(e).__name__}: {e}"[:120]
        raise SaysoError(Errors.E016.format(origin=origin, detail=detail)) from None


def _check_complexity(tree: HtmlElement, origin: str) -> None:
    count = sum(1 for _ in tree.iter())
    if count > MAX_ELEMENTS:
        raise SaysoError(Errors.E015.format(origin=origin, count=count, limit=MAX_ELEMENTS))


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def _paragraphs(text: str) -> str:
    """trafilatura's one line per block, as paragraphs separated by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())

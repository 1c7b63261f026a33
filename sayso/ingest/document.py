"""What a reader yields: a :class:`Document` to process, or an :class:`IngestError`.

Readers turn every problem with one input into an ``IngestError`` instead of
raising, so one bad file or line never stops a batch of thousands. The checks
that apply to every format (encoding, binary data, empty or oversized text) live
here so that all readers reject the same inputs with the same messages.

Both records also make their values safe as they are made, whoever makes them
(a reader, the API, a loader of Parquet): every store and output must be able to
write what they hold. A name (``doc_id``, ``origin``, and so every message) is
kept in the escaped form :func:`sayso.records.escaped` gives when it is not valid Unicode or
holds control characters; metadata that cannot be written is left out, as
metadata that cannot be read is (:mod:`sayso.ingest.dates`).
"""

from __future__ import annotations

import re

from sayso.errors import Errors, SaysoError
from sayso.records import MAX_CHARS, Document, IngestError, escaped

__all__ = ["MAX_BYTES", "Document", "IngestError", "check_size", "checked", "decode", "escaped", "headline"]

# A UTF-8 character takes at most 4 bytes, so more bytes than this is surely too long.
MAX_BYTES = 4 * MAX_CHARS
# A headline: the text's first line, a blank line after it, no sentence-final punctuation.
_HEADLINE = re.compile(r"\A[ \t]*(?P<line>[^\n]{1,200}?)[ \t]*\n[ \t]*\n\s*\S")
_FINAL = ".!?;,:\"”’'»)…"
_HEADLINE_WORDS = 25
_BYLINE = re.compile(r"(?i)by\s")  # "By Nick Mordowanec" opens many saved articles too


def headline(text: str) -> str | None:
    """The headline a plain text opens with, or None.

    Articles pasted or saved as text keep their headline as a first line: no final
    punctuation (a sentence ends with a full stop; a headline does not), a blank line after,
    the story under it. Readers give it as the document's title when the input names none;
    the text itself is left as read, and the pipeline parses the line apart from the lead
    (:mod:`sayso.pipeline.breaks`).
    """
    match = _HEADLINE.match(text)
    if match is None:
        return None
    line = match.group("line").strip()
    if line[-1] in _FINAL or not 2 <= len(line.split()) <= _HEADLINE_WORDS or _BYLINE.match(line):
        return None
    return line


def decode(data: bytes, origin: str) -> str:
    """The text of ``data``, refusing binary data and invalid UTF-8.

    A leading byte-order mark is dropped: it is not part of the article and would
    shift every offset by one.
    """
    if b"\x00" in data:
        raise SaysoError(Errors.E002.format(origin=origin))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        detail = f"byte 0x{data[e.start]:02x} at offset {e.start}"
        raise SaysoError(Errors.E003.format(origin=origin, detail=detail)) from None
    return text


def checked(text: str, origin: str) -> str:
    """``text`` itself when the pipeline can take it; else a SaysoError saying why not."""
    if not text.strip():
        raise SaysoError(Errors.E001.format(origin=origin))
    if "\x00" in text:  # a JSON "\\u0000" escape: binary data, and no text PostgreSQL can store
        raise SaysoError(Errors.E002.format(origin=origin))
    try:
        text.encode("utf-8")  # a JSON "\\ud800" escape decodes to a string no file or database can hold
    except UnicodeEncodeError as e:
        raise SaysoError(Errors.E013.format(origin=origin, position=e.start)) from None
    if len(text) > MAX_CHARS:
        size = f"{len(text):,} characters"
        raise SaysoError(Errors.E004.format(origin=origin, size=size, limit=MAX_CHARS))
    return text


def check_size(size: int, origin: str) -> None:
    """Refuse input of ``size`` bytes, too large to be a document, before decoding it."""
    if size > MAX_BYTES:
        size_text = f"over {MAX_BYTES:,} bytes"
        raise SaysoError(Errors.E004.format(origin=origin, size=size_text, limit=MAX_CHARS))

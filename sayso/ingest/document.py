"""What a reader yields: a :class:`Document` to process, or an :class:`IngestError`.

Readers turn every problem with one input into an ``IngestError`` instead of
raising, so one bad file or line never stops a batch of thousands. The checks
that apply to every format (encoding, binary data, empty or oversized text) live
here so that all readers reject the same inputs with the same messages.

Both records also make their values safe as they are made, whoever makes them
(a reader, the API, a loader of Parquet): every store and output must be able to
write what they hold. A name (``doc_id``, ``origin``, and so every message) is
kept in the escaped form :func:`escaped` gives when it is not valid Unicode or
holds control characters; metadata that cannot be written is left out, as
metadata that cannot be read is (:mod:`sayso.ingest.dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sayso.errors import Errors, SaysoError
from sayso.ingest.dates import usable
from sayso.ingest.identity import article_id
from sayso.nlp import MAX_CHARS

# A UTF-8 character takes at most 4 bytes, so more bytes than this is surely too long.
MAX_BYTES = 4 * MAX_CHARS
# What a name is never kept with: lone surrogates, which no file or database can hold (Python
# reads a file-name byte that is not UTF-8 as one, and JSON's "\\ud800" escape makes one), and
# control characters, which would break a message's line or drive the terminal showing it.
_UNSAFE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# What metadata is never kept with: lone surrogates, and NUL, which PostgreSQL cannot store.
_UNSAFE_IN_METADATA = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class Document:
    """One text to extract from, exactly as read: attribution offsets point into ``text``.

    ``origin`` says where it came from (``path`` or ``path:line``) for messages.
    The metadata fields are whatever the source gave (an HTML page's title, a
    JSONL record's ``outlet``); ``published`` is always timezone-aware. Made
    safe on creation: ``doc_id`` and ``origin`` :func:`escaped`; a metadata
    string with a lone surrogate or NUL, and a date outside the range
    :func:`sayso.ingest.dates.usable` keeps, left out. The text is the readers'
    to check (:func:`checked`): a document without usable text is no document.
    """

    doc_id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        safe = object.__setattr__  # frozen: values are made safe once, here
        safe(self, "doc_id", escaped(self.doc_id))
        safe(self, "origin", escaped(self.origin))
        for name in ("title", "url", "outlet"):
            safe(self, name, _metadata(getattr(self, name)))
        safe(self, "authors", tuple(a for a in map(_metadata, self.authors) if a is not None))
        safe(self, "published", usable(self.published))

    @property
    def article_id(self) -> str:
        """Stable id of the text, the same for the same article read again."""
        return article_id(self.text)


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read; ``reason`` is the coded message naming it."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", escaped(self.origin))
        object.__setattr__(self, "reason", escaped(self.reason))


def escaped(name: str) -> str:
    """``name`` as sayso keeps and shows it: each character no store or terminal can take as a backslash escape.

    A file-name byte that is not UTF-8 (which Python reads as the surrogate
    U+DC80 + byte) becomes ``\\xe9``, as in ``caf\\xe9.txt``; another lone
    surrogate ``\\ud800``; a control character ``\\x0a``. Every other
    character, backslashes included, is kept, so the form is for reading, not
    for turning back into the bytes. A valid name is returned as it is.
    """
    return _UNSAFE_IN_NAMES.sub(_escape, name)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code >= 0xD800 else f"\\x{code:02x}"


def _metadata(value: str | None) -> str | None:
    return None if value is None or _UNSAFE_IN_METADATA.search(value) else value


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

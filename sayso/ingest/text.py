"""Plain-text input: one article per file, or stdin, with optional front matter (:mod:`sayso.ingest.frontmatter`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sayso.errors import Errors, SaysoError
from sayso.ingest import frontmatter
from sayso.ingest.document import MAX_BYTES, Document, IngestError, check_size, checked, decode, headline

STDIN_ID = "stdin"
STDIN_ORIGIN = "<stdin>"


def read_text_file(path: Path) -> Document | IngestError:
    """The file as one document whose id is the file name without its suffix."""
    return _document(path.stem, str(path), lambda: _read_file(path))


def read_stdin(stream: BinaryIO) -> Document | IngestError:
    """All of ``stream`` as one document with the id ``stdin``."""
    # Bounded: a pipe can be endless, and one byte over the limit is enough to refuse it.
    return _document(STDIN_ID, STDIN_ORIGIN, lambda: stream.read(MAX_BYTES + 1))


def _read_file(path: Path) -> bytes:
    check_size(path.stat().st_size, str(path))  # before reading a huge file into memory
    return path.read_bytes()


def text_document(data: bytes, doc_id: str, origin: str, url: str | None = None) -> Document:
    """The article in the text ``data``: its front matter's metadata, the text after it, and the
    headline it opens with as its title when the front matter gives none; ``url`` is where it was
    fetched from, when the front matter names no other.

    Raises:
        SaysoError: the text cannot be used (E001-E004, E013) or its front matter cannot (E144).
    """
    check_size(len(data), origin)
    text = decode(data, origin)
    meta = frontmatter.split(text, origin)
    body = checked(text[meta.body_start:], origin)
    return Document(doc_id, body, origin, title=meta.title or headline(body), url=meta.url or url,
                    published=meta.published, outlet=meta.outlet)


def _document(doc_id: str, origin: str, read: Callable[[], bytes]) -> Document | IngestError:
    try:
        return text_document(read(), doc_id, origin)
    except SaysoError as e:
        return IngestError(origin, str(e))
    except OSError as e:
        return IngestError(origin, Errors.E011.format(origin=origin, detail=e.strerror or e))

"""Reading articles: text, HTML, JSONL and WARC files, directories, globs, stdin and web pages.

:func:`read` takes what a user names on the command line and yields, in order,
a :class:`Document` for each article or an :class:`IngestError` for each input
that could not be read. It never raises for bad input, so one broken file does
not stop a batch, and it opens only regular files (:mod:`sayso.ingest.files`),
so no FIFO, device or link loop can hang it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sayso.errors import Errors
from sayso.ingest import files
from sayso.ingest.document import Document, IngestError
from sayso.ingest.html import read_html_file
from sayso.ingest.jsonl import Fields, read_jsonl
from sayso.ingest.text import read_stdin, read_text_file
from sayso.ingest.warc import read_warc
from sayso.ingest.web import Fetcher, is_url

STDIN = "-"
# The files a directory or a glob is read for; any other file there is not an article.
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
_GLOB_CHARACTERS = frozenset("*?[")

__all__ = ["STDIN", "SUFFIXES", "Document", "Fetcher", "Fields", "IngestError", "read"]


def read(
    sources: Iterable[str], stdin: BinaryIO | None = None, fields: Fields | None = None, follow_links: bool = False,
    fetch: Fetcher | None = None,
) -> Iterator[Document | IngestError]:
    """Documents from each source, in order.

    A source is ``-`` (one text article from stdin), a directory (every file
    with one of :data:`SUFFIXES` below it, recursively, in sorted path order), a
    glob pattern that is not itself a path (``news/**/*.html``: its matches,
    sorted, read as a directory's files are) or a file, read by its suffix:
    ``.html``/``.htm`` pages, ``.jsonl`` records, ``.warc``/``.warc.gz``
    archives, and anything else as plain text. An ``http://`` or ``https://`` URL is
    fetched (:mod:`sayso.ingest.web`).

    Args:
        sources: paths as the user wrote them; they name the documents in messages.
        stdin: the stream ``-`` reads, ``sys.stdin.buffer`` by default.
        fields: the keys JSONL records are read with, :class:`Fields` by default.
        follow_links: follow symbolic links out of the directories walked (see
            :mod:`sayso.ingest.files`); by default they are errors, never read.
        fetch: how URLs are fetched, :class:`Fetcher` by default.
    """
    for source in sources:
        path = Path(source)
        if source == STDIN:
            yield read_stdin(stdin or sys.stdin.buffer)
        elif is_url(source):
            yield (fetch or Fetcher())(source)
        elif path.is_dir():
            yield from _read_directory(path, fields, follow_links)
        elif path.exists() or path.is_symlink():
            yield from _read_named(path, fields)
        elif _GLOB_CHARACTERS.intersection(source):
            yield from _read_glob(source, fields, follow_links)
        else:
            yield IngestError(source, Errors.E010.format(origin=source))


def _read_named(path: Path, fields: Fields | None) -> Iterator[Document | IngestError]:
    """The file at ``path`` once it is known to be a regular file, never opening anything else."""
    problem = files.named(path)
    yield from [problem] if problem else _read_file(path, fields)


def _read_file(path: Path, fields: Fields | None) -> Iterator[Document | IngestError]:
    suffix = _suffix(path)
    if suffix in (".html", ".htm"):
        yield read_html_file(path)
    elif suffix == ".jsonl":
        yield from read_jsonl(path, fields)
    elif suffix in (".warc", ".warc.gz"):
        yield from read_warc(path)
    else:
        yield read_text_file(path)


def _read_directory(path: Path, fields: Fields | None, follow_links: bool) -> Iterator[Document | IngestError]:
    found = list(files.walk(path, lambda p: _suffix(p) is not None, follow_links))
    if not found:
        yield IngestError(str(path), Errors.E012.format(origin=path, suffixes=_listed()))
    for item in found:
        yield from [item] if isinstance(item, IngestError) else _read_file(item, fields)


def _read_glob(pattern: str, fields: Fields | None, follow_links: bool) -> Iterator[Document | IngestError]:
    matches = files.glob(pattern, follow_links) or []
    usable = [m for m in matches if isinstance(m, IngestError) or m.is_dir() or _suffix(m)]
    if not usable:
        yield IngestError(pattern, Errors.E019.format(origin=pattern, suffixes=_listed()))
    for match in usable:
        if isinstance(match, IngestError):
            yield match
        else:
            yield from _read_directory(match, fields, follow_links) if match.is_dir() else _read_named(match, fields)


def _suffix(path: Path) -> str | None:
    """Which of :data:`SUFFIXES` the file name ends with, in any case."""
    name = path.name.lower()
    return next((suffix for suffix in SUFFIXES if name.endswith(suffix)), None)


def _listed() -> str:
    return ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]

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
        if source == STDIN:
            yield read_stdin(stdin or sys.stdin.buffer)
            continue
        if is_url(source):
            yield (fetch or Fetcher())(source)
            continue
        for item in files.expand(source, SUFFIXES, follow_links):
            yield from [item] if isinstance(item, IngestError) else _read_named(item, fields)


def _read_named(path: Path, fields: Fields | None) -> Iterator[Document | IngestError]:
    """The file at ``path`` once it is known to be a regular file, never opening anything else."""
    problem = files.named(path)
    yield from [problem] if problem else _read_file(path, fields)


def _read_file(path: Path, fields: Fields | None) -> Iterator[Document | IngestError]:
    suffix = files.suffix_of(path, SUFFIXES)
    if suffix in (".html", ".htm"):
        yield read_html_file(path)
    elif suffix == ".jsonl":
        yield from read_jsonl(path, fields)
    elif suffix in (".warc", ".warc.gz"):
        yield from read_warc(path)
    else:
        yield read_text_file(path)

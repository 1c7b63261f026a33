"""Reading articles: text files, directories of them, stdin and JSONL.

:func:`read` takes what a user names on the command line and yields, in order,
a :class:`Document` for each article or an :class:`IngestError` for each input
that could not be read. It never raises for bad input, so one broken file does
not stop a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sayso.errors import Errors
from sayso.ingest.document import Document, IngestError
from sayso.ingest.jsonl import read_jsonl
from sayso.ingest.text import read_directory, read_stdin, read_text_file

STDIN = "-"

__all__ = ["STDIN", "Document", "IngestError", "read"]


def read(sources: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | IngestError]:
    """Documents from each source: ``-`` (stdin), a directory, a ``.jsonl`` file or a text file.

    Args:
        sources: paths as the user wrote them; they name the documents in messages.
        stdin: the stream ``-`` reads, ``sys.stdin.buffer`` by default.
    """
    for source in sources:
        path = Path(source)
        if source == STDIN:
            yield read_stdin(stdin or sys.stdin.buffer)
        elif path.is_dir():
            yield from read_directory(path)
        elif not path.exists():
            yield IngestError(source, Errors.E010.format(origin=source))
        elif path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_text_file(path)

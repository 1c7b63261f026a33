"""JSONL input: one article a line as ``{"doc_id": ..., "text": ...}``.

This is the shape of the PolNeAR files and of the referee's gold, so a gold file
can be fed straight to ``sayso extract``; other keys are ignored. The file is
read line by line in binary, so a bad line (invalid JSON or UTF-8, a missing or
non-string ``text``) is reported with its line number and the rest still runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sayso.errors import Errors, SaysoError
from sayso.ingest.document import Document, IngestError, checked, decode


def read_jsonl(path: Path) -> Iterator[Document | IngestError]:
    """Each non-blank line of ``path`` as a document; ``doc_id`` defaults to ``<stem>-<line>``."""
    empty = True
    try:
        with path.open("rb") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                empty = False
                yield _record(line, f"{path}:{number}", f"{path.stem}-{number}")
    except OSError as e:
        yield IngestError(str(path), Errors.E011.format(origin=path, detail=e.strerror or e))
        return
    if empty:
        yield IngestError(str(path), Errors.E001.format(origin=path))


def _record(line: bytes, origin: str, default_id: str) -> Document | IngestError:
    try:
        record = _parse(line, origin)
        if "text" not in record:
            raise SaysoError(Errors.E007.format(origin=origin))
        text, doc_id = record["text"], record.get("doc_id", default_id)
        if not isinstance(text, str):
            raise SaysoError(Errors.E008.format(origin=origin, kind=_kind(text)))
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise SaysoError(Errors.E009.format(origin=origin, kind=_kind(doc_id)))
        return Document(str(doc_id), checked(text, origin), origin)
    except SaysoError as e:
        return IngestError(origin, str(e))


def _parse(line: bytes, origin: str) -> dict[str, Any]:
    try:
        record = json.loads(decode(line.rstrip(b"\r\n"), origin))
    except json.JSONDecodeError as e:
        raise SaysoError(Errors.E005.format(origin=origin, detail=f"{e.msg}: column {e.colno}")) from None
    if not isinstance(record, dict):
        raise SaysoError(Errors.E006.format(origin=origin, kind=_kind(record)))
    return record


def _kind(value: object) -> str:
    """How JSON would name the type of ``value``, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

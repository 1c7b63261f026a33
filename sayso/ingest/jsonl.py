"""JSONL input: one article a line, its text and metadata under named keys.

By default a record is read as PolNeAR and most news dumps write it:
``text``; ``doc_id`` or ``id``; ``url``; ``title``; ``date`` or ``published``;
``outlet``, ``publisher`` or ``site``; ``author`` or ``authors`` (a string or
a list). :class:`Fields` maps other names (``text=body``), so a dump can be read
as it is. Other keys are ignored. The file is read line by line in binary, so a
bad line (invalid JSON or UTF-8, a missing or non-string text) is reported with
its line number and the rest still runs. Metadata in a form sayso cannot use
(a title that is a number, a date it cannot read) is left out, never a reason
to drop the article.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sayso.errors import Errors, SaysoError
from sayso.ingest.dates import parse_date
from sayso.ingest.document import MAX_BYTES, Document, IngestError, checked, decode, headline
from sayso.records import MAX_CHARS


@dataclass(frozen=True)
class Fields:
    """The keys each document field is read from, the first present key winning."""

    text: tuple[str, ...] = ("text",)
    doc_id: tuple[str, ...] = ("doc_id", "id")
    url: tuple[str, ...] = ("url",)
    title: tuple[str, ...] = ("title",)
    published: tuple[str, ...] = ("date", "published")
    outlet: tuple[str, ...] = ("outlet", "publisher", "site")
    authors: tuple[str, ...] = ("author", "authors")

    @classmethod
    def from_options(cls, options: list[str]) -> Fields:
        """The default keys with each ``NAME=KEY`` option's key in place of ``NAME``'s.

        ``["text=body", "outlet=source"]`` reads the text from ``body`` and the
        outlet from ``source``; giving a name twice tries its keys in that order.
        """
        names = [f.name for f in dataclasses.fields(cls)]
        chosen: dict[str, tuple[str, ...]] = {}
        for option in options:
            name, equals, key = option.partition("=")
            name = name.strip()
            if not equals or not name or not key:
                raise SaysoError(Errors.E050.format(option=option))
            if name not in names:
                raise SaysoError(Errors.E051.format(option=option, name=name, names=", ".join(names)))
            chosen[name] = (*chosen.get(name, ()), key)
        return dataclasses.replace(cls(), **chosen)


def read_jsonl(path: Path, fields: Fields | None = None) -> Iterator[Document | IngestError]:
    """Each non-blank line of ``path`` as a document; ``doc_id`` defaults to ``<stem>-<line>``."""
    fields = fields or Fields()
    empty = True
    try:
        with path.open("rb") as f:
            for number, line in enumerate(lines(f), start=1):
                if line is not None and not line.strip():
                    continue
                empty = False
                origin = f"{path}:{number}"
                if line is None:
                    size = f"a line of over {MAX_BYTES:,} bytes"
                    yield IngestError(origin, Errors.E004.format(origin=origin, size=size, limit=MAX_CHARS))
                else:
                    yield _record(line, fields, origin, f"{path.stem}-{number}")
    except OSError as e:
        yield IngestError(str(path), Errors.E011.format(origin=path, detail=e.strerror or e))
        return
    if empty:
        yield IngestError(str(path), Errors.E001.format(origin=path))


def lines(f: BinaryIO) -> Iterator[bytes | None]:
    """Each line of ``f``; None for a line too long to hold a document, read through without being kept.

    A JSONL file may be one line of gigabytes: memory stays bounded by :data:`MAX_BYTES` a line.
    """
    while line := f.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _record(line: bytes, fields: Fields, origin: str, default_id: str) -> Document | IngestError:
    try:
        record = _parse(line, origin)
        text_key = _first_key(record, fields.text)
        if text_key is None:
            raise SaysoError(Errors.E007.format(origin=origin, key=_quoted(fields.text)))
        text = record[text_key]
        if not isinstance(text, str):
            raise SaysoError(Errors.E008.format(origin=origin, key=_quoted((text_key,)), kind=_kind(text)))
        id_key = _first_key(record, fields.doc_id)
        doc_id = default_id if id_key is None else record[id_key]
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise SaysoError(Errors.E009.format(origin=origin, key=_quoted(fields.doc_id if id_key is None else (id_key,)), kind=_kind(doc_id)))
        return Document(
            doc_id=str(doc_id),
            text=checked(text, origin),
            origin=origin,
            title=_string(record, fields.title) or headline(text),
            url=_string(record, fields.url),
            published=parse_date(_value(record, fields.published)),
            outlet=_string(record, fields.outlet),
            authors=_authors(_value(record, fields.authors)),
        )
    except SaysoError as e:
        return IngestError(origin, str(e))


def _parse(line: bytes, origin: str) -> dict[str, Any]:
    try:
        record = json.loads(decode(line.rstrip(b"\r\n"), origin))
    except json.JSONDecodeError as e:
        raise SaysoError(Errors.E005.format(origin=origin, detail=f"{e.msg}: column {e.colno}")) from None
    except (ValueError, RecursionError) as e:  # a number of 5,000 digits; "[[[[..." deeper than the stack
        raise SaysoError(Errors.E005.format(origin=origin, detail=str(e).split(";")[0])) from None
    if not isinstance(record, dict):
        raise SaysoError(Errors.E006.format(origin=origin, kind=_kind(record)))
    return record


def _first_key(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` the record has, whatever its value: a wrong one is an error."""
    return next((key for key in keys if key in record), None)


def _value(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The value of the first of ``keys`` that is not missing or null: metadata has fallbacks."""
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first value among ``keys``, stripped, when it is a non-blank string."""
    return _usable(_value(record, keys)) or None


def _authors(value: Any) -> tuple[str, ...]:
    """One author per string: a name, or a list of names (non-strings and blanks left out)."""
    values = value if isinstance(value, list) else [value]
    return tuple(name for name in map(_usable, values) if name)


def _usable(value: Any) -> str:
    """``value`` stripped when it is a string that can be stored, else ``""``."""
    if not isinstance(value, str):
        return ""
    try:
        value.encode("utf-8")  # a lone surrogate from a "\\ud800" escape
    except UnicodeEncodeError:
        return ""
    return value.strip()


def _quoted(keys: tuple[str, ...]) -> str:
    return " or ".join(f'"{key}"' for key in keys)


def _kind(value: object) -> str:
    """How JSON would name the type of ``value``, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

"""What the corpus job reads: the inputs named, listed file by file, and each file's documents.

An engine spreads the reading over its workers one file at a time, so the
inputs are first listed as files (:func:`expand`): a directory becomes the files
below it, a glob its matches, a **manifest** (a file named ``*.paths`` or
``*.paths.gz``, one path a line, as Common Crawl lists a crawl's WARC files in
``warc.paths.gz``) the files it lists. Each file is then read where its task runs
(:func:`read_source`) by :func:`sayso.ingest.read`, exactly as ``sayso extract``
reads it, or, for Parquet, by :func:`read_parquet`. A path that cannot be read is
passed on as it is, so that the reader names the problem as it always does.
"""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sayso.errors import Errors, SaysoError
from sayso.ingest import STDIN, SUFFIXES, Document, Fields, IngestError, read
from sayso.ingest import files as safe_files
from sayso.ingest.dates import parse_date
from sayso.ingest.document import checked
from sayso.records import DEFAULT_BATCH_SIZE
from sayso.scale.rows import input_batch

PARQUET = ".parquet"
MANIFESTS = (".paths", ".paths.gz")


@dataclass(frozen=True)
class Sources:
    """The inputs as files to read (absolute paths, in order), and the manifests that could not be read."""

    files: tuple[str, ...]
    errors: tuple[IngestError, ...]


def expand(sources: Iterable[str]) -> Sources:
    """The files ``sources`` name, in order: each is read whole by one task.

    Raises:
        SaysoError: a source is ``-``: standard input cannot be shared out (E093).
    """
    files: list[str] = []
    errors: list[IngestError] = []
    for source in sources:
        if source == STDIN:
            raise SaysoError(Errors.E093)
        if _suffix(Path(source)) in MANIFESTS and Path(source).is_file():
            for line in _manifest(Path(source), errors):
                files += _files(line, errors)
        else:
            files += _files(source, errors)
    return Sources(tuple(files), tuple(errors))


def read_source(path: str, fields: Fields | None = None) -> Iterator[Document | IngestError]:
    """The documents (or failures) of one file that :func:`expand` listed."""
    if _suffix(Path(path)) == PARQUET:
        yield from read_parquet(Path(path), fields)
    else:
        yield from read([path], fields=fields)


def read_task(
    batches: Iterable[pa.RecordBatch], fields: Fields | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[pa.RecordBatch]:
    """Input rows for the files named in the ``path`` column of ``batches``: what a reading task does."""
    for batch in batches:
        for path in batch.column("path").to_pylist():
            items = read_source(path, fields)
            while chunk := list(islice(items, batch_size)):
                yield input_batch(chunk)


def read_parquet(path: Path, fields: Fields | None = None) -> Iterator[Document | IngestError]:
    """Each row of a Parquet file as a document, its columns read as a JSONL record's keys are.

    The text column is needed; ``doc_id`` defaults to ``<stem>-<row>``, rows are
    named ``path:row`` (from 1) in messages, and metadata sayso cannot use is left
    out. A file that is not Parquet, or is damaged, is one failure (E094).
    """
    fields = fields or Fields()
    origin = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except OSError as e:
        yield IngestError(origin, Errors.E011.format(origin=origin, detail=e.strerror or e))
        return
    except pa.ArrowException as e:
        yield IngestError(origin, Errors.E094.format(origin=origin, detail=e))
        return
    names = parquet.schema_arrow.names
    columns = {f.name: next((k for k in getattr(fields, f.name) if k in names), None) for f in dataclasses.fields(fields)}
    if columns["text"] is None:
        detail = f"no {' or '.join(fields.text)} column"
        yield IngestError(origin, Errors.E094.format(origin=origin, detail=detail))
        return
    number = 0
    try:
        for batch in parquet.iter_batches(columns=[c for c in columns.values() if c is not None]):
            for row in batch.to_pylist():
                number += 1
                values = {name: row[column] if column else None for name, column in columns.items()}
                yield _parquet_document(values, f"{path}:{number}", f"{path.stem}-{number}")
    except (OSError, pa.ArrowException) as e:  # damaged after the rows given so far
        yield IngestError(origin, Errors.E094.format(origin=origin, detail=f"after row {number}: {e}"))


def _parquet_document(values: dict[str, Any], origin: str, default_id: str) -> Document | IngestError:
    text, doc_id = values["text"], values["doc_id"]
    try:
        if not isinstance(text, str):
            raise SaysoError(Errors.E008.format(origin=origin, key='"text"', kind=_kind(text)))
        if doc_id is None:
            doc_id = default_id
        elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise SaysoError(Errors.E009.format(origin=origin, key='"doc_id"', kind=_kind(doc_id)))
        return Document(
            doc_id=str(doc_id), text=checked(text, origin), origin=origin, title=_string(values["title"]),
            url=_string(values["url"]), published=_time(values["published"]), outlet=_string(values["outlet"]),
            authors=tuple(filter(None, map(_string, _listed(values["authors"])))),
        )
    except SaysoError as e:
        return IngestError(origin, str(e))


def _files(source: str, errors: list[IngestError]) -> list[str]:
    """The readable files ``source`` names (:func:`sayso.ingest.files.expand`), absolute; the
    source itself when it names none, for the reader to report (E010, E012, E019).

    What a folder holds that is not safe to read (:mod:`sayso.ingest.files`) goes to ``errors``.
    """
    found = safe_files.expand(source, (*SUFFIXES, PARQUET))
    readable = [_absolute(p) for p in found if isinstance(p, Path)]
    if not readable:
        return [_absolute(Path(source))]
    errors += [item for item in found if isinstance(item, IngestError)]
    return readable


def _manifest(path: Path, errors: list[IngestError]) -> list[str]:
    """The paths a manifest lists, relative ones taken from the manifest's folder."""
    origin = str(path)
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            lines = [line.strip() for line in f if line.strip()]
    except (OSError, UnicodeDecodeError, EOFError) as e:
        errors.append(IngestError(origin, Errors.E011.format(origin=origin, detail=getattr(e, "strerror", None) or e)))
        return []
    if not lines:
        errors.append(IngestError(origin, Errors.E001.format(origin=origin)))
    return [str(path.parent / line) for line in lines]


def _absolute(path: Path) -> str:
    # Absolute: a task may run on another machine, or in another working directory.
    return str(path.absolute())


def _suffix(path: Path) -> str | None:
    return safe_files.suffix_of(path, (*MANIFESTS, PARQUET, *SUFFIXES))


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return parse_date(value)


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__

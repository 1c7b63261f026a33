"""Writing stored attributions out as files other tools read: JSONL, CSV and Parquet.

Every format has one row per attribution with the same columns, the fields of
:class:`~sayso.store.results.Hit` in order: the article's id and metadata, then
the attribution's kind, speaker (as written, then the corpus registry's ``speaker_id``
and ``speaker_canonical``, to group by person), channel, hedges, texts, spans and confidence.
Rows are written as they come from :meth:`Store.export`, so a corpus larger than
memory exports in constant memory (Parquet one row group per
:data:`PARQUET_ROWS` rows).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import islice
from typing import Any, BinaryIO

from sayso.store.results import Hit

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = tuple(f.name for f in fields(Hit))
PARQUET_ROWS = 10_000


def write_hits(hits: Iterable[Hit], fmt: str, out: BinaryIO) -> int:
    """Write ``hits`` to ``out`` in ``fmt`` (one of :data:`FORMATS`); the number of rows written."""
    if fmt == "jsonl":
        return _write_jsonl(hits, out)
    if fmt == "csv":
        return _write_csv(hits, out)
    if fmt == "parquet":
        return _write_parquet(hits, out)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _write_jsonl(hits: Iterable[Hit], out: BinaryIO) -> int:
    count = 0
    for hit in hits:
        out.write(json.dumps(hit.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def _write_csv(hits: Iterable[Hit], out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    count = 0
    for hit in hits:
        writer.writerow(csv_row(hit))
        count += 1
    text.flush()
    text.detach()  # leave ``out`` open for the caller
    return count


def csv_row(hit: Hit) -> list[Any]:
    """The cells of ``hit`` under :data:`COLUMNS`: lists (hedges, spans) as JSON text, a missing value empty."""
    return [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in hit.to_dict().values()]


def _parquet_schema() -> Any:
    import pyarrow as pa

    spans = pa.list_(pa.list_(pa.int32()))
    types = {
        "idx": pa.int32(), "published": pa.timestamp("us", tz="UTC"), "hedges": pa.list_(pa.string()),
        "source_spans": spans, "cue_spans": spans, "content_spans": spans,
        "confidence": pa.float64(), "rank": pa.float64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _write_parquet(hits: Iterable[Hit], out: BinaryIO) -> int:
    import pyarrow as pa  # imported here: only Parquet export needs it
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for rows in _batches(hits, PARQUET_ROWS):
            writer.write_table(pa.Table.from_pylist([vars(hit) for hit in rows], schema=schema))
            count += len(rows)
    return count


def _batches(hits: Iterable[Hit], size: int) -> Iterator[list[Hit]]:
    iterator = iter(hits)
    while batch := list(islice(iterator, size)):
        yield batch

"""The rows of the corpus job, defined once as Arrow schemas, and their conversions.

Every engine moves the same kinds of row: an **input** row (a document read,
or the reason it could not be), a **result** row (the document with its
attributions and relays nested, or its failure), and the four tables written as
Parquet: **articles**, **attributions**, **relays** and **failures**. An
attribution row is the attribution's public JSON form
(:meth:`~sayso.records.Attribution.to_dict`, what ``sayso extract --format
jsonl`` prints) column for column, behind the article's id, doc id and position,
so output can be compared with ``sayso extract`` and read back into records
exactly. A relay row is one step of a relay chain, as the store's ``relays``
table keeps it, so a store loaded from a run holds what ``sayso ingest`` stores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.ingest.document import checked
from sayso.records import Attribution, Provenance, Result
from sayso.scale.layout import TABLE_NAMES

_STRING = pa.string()
_PAIRS = pa.list_(pa.list_(pa.int64()))  # a role's [start, end] fragments
_TIME = pa.timestamp("us", tz="UTC")

# The columns of Attribution.to_dict(), in its order.
ATTRIBUTION = pa.struct([
    ("content", _PAIRS),
    ("cue", _PAIRS),
    ("source", _PAIRS),
    ("text", pa.struct([("content", _STRING), ("cue", _STRING), ("source", _STRING)])),
    ("kind", _STRING),
    ("speaker", _STRING),
    ("speaker_type", _STRING),
    ("speaker_role", _STRING),
    ("speaker_gender", _STRING),
    ("gender_evidence", _STRING),
    ("channel", pa.struct([("type", _STRING), ("outlet", _STRING), ("evidence", _PAIRS)])),
    ("hedges", pa.list_(_STRING)),
    ("confidence", pa.float64()),
])
ATTRIBUTION_FIELDS = tuple(field.name for field in ATTRIBUTION)
# One step of an attribution's relay chain (:meth:`~sayso.records.Provenance.steps`).
RELAY = pa.struct([
    ("idx", pa.int32()), ("position", pa.int32()), ("item", _STRING), ("step", _STRING), ("name", _STRING),
    ("mention", _STRING), ("role", _STRING), ("platform", _STRING), ("evidence", pa.list_(pa.int64())),
])
RELAY_FIELDS = tuple(field.name for field in RELAY)

_DOCUMENT = [
    ("doc_id", _STRING), ("origin", _STRING), ("title", _STRING), ("url", _STRING),
    ("published", _TIME), ("outlet", _STRING), ("authors", pa.list_(_STRING)),
]

# A document as read (``error`` null), or an input that could not be read (only ``origin`` and ``error``).
INPUT = pa.schema([*_DOCUMENT[:1], ("text", _STRING), *_DOCUMENT[1:], ("error", _STRING)])
# One row per input row: the document, its id and its attributions, or the reason it failed.
RESULT = pa.schema([
    ("article_id", _STRING), *_DOCUMENT, ("text", _STRING), ("attributions", pa.list_(ATTRIBUTION)),
    ("relays", pa.list_(RELAY)), ("error", _STRING),
])
ARTICLES = pa.schema([("article_id", _STRING), *_DOCUMENT, ("text", _STRING)])
ATTRIBUTIONS = pa.schema([("article_id", _STRING), ("doc_id", _STRING), ("idx", pa.int32()), *ATTRIBUTION])
RELAYS = pa.schema([("article_id", _STRING), ("doc_id", _STRING), *RELAY])
FAILURES = pa.schema([("origin", _STRING), ("code", _STRING), ("reason", _STRING)])
# The schema of each table a run writes.
TABLES = dict(zip(TABLE_NAMES, (ARTICLES, ATTRIBUTIONS, RELAYS, FAILURES), strict=True))
# A message's error code, its first group: what a failure row's ``code`` is.
CODE_PATTERN = r"\[([EW]\d{3})\]"
_CODE = re.compile(CODE_PATTERN)
# What Arrow raises for a value it cannot hold (a string that is not valid Unicode, say).
_REFUSED = (pa.ArrowException, ValueError, TypeError, OverflowError)


def input_batch(items: Sequence[Document | IngestError]) -> pa.RecordBatch:
    """Input rows for what a reader yielded, in order."""
    return _rows([_input_row(item) for item in items], INPUT)


def input_items(batch: pa.RecordBatch) -> list[Document | IngestError]:
    """The documents (or failures) of input rows, each text checked as the readers check it.

    Rows need not come from sayso's readers (a Spark user's own DataFrame), so a
    missing doc id or text, or a text the pipeline cannot take, becomes the
    failure of that row rather than of the batch.
    """
    return [_item(row, number) for number, row in enumerate(batch.to_pylist(), start=1)]


def result_batch(results: Sequence[Result]) -> pa.RecordBatch:
    """Result rows for one batch's results, in order."""
    return _rows([_result_row(result) for result in results], RESULT)


def _rows(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    """``rows`` as a batch of ``schema``; a row Arrow refuses becomes its document's failure row (E123), alone."""
    try:
        return pa.RecordBatch.from_pylist(rows, schema=schema)
    except _REFUSED:
        return pa.RecordBatch.from_pylist([_convertible(row, schema) for row in rows], schema=schema)


def _convertible(row: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    try:
        pa.RecordBatch.from_pylist([row], schema=schema)
    except _REFUSED as e:
        origin = str(row.get("origin"))
        detail = (str(e).strip().splitlines() or [type(e).__name__])[0]
        error = IngestError(origin, Errors.E123.format(origin=origin, detail=detail))
        return {"origin": error.origin, "error": error.reason}
    return row


def table(batch: pa.RecordBatch, name: str) -> pa.RecordBatch:
    """The rows of the table ``name`` (a key of :data:`TABLES`) that result rows hold."""
    failed = batch.column("error").is_valid()
    if name == "failures":
        reasons = batch.column("error").filter(failed)
        codes = [_code(reason) for reason in reasons.to_pylist()]
        return _cast([batch.column("origin").filter(failed), pa.array(codes, _STRING), reasons], FAILURES)
    if name == "articles":
        kept = batch.filter(pc.invert(failed))
        return _cast([kept.column(field.name) for field in ARTICLES], ARTICLES)
    lists = batch.column(name)  # "attributions" or "relays": one row for each item of an article's list
    parents = pc.list_parent_indices(lists)
    ids = [pc.take(batch.column(key), parents) for key in ("article_id", "doc_id")]
    found = pc.list_flatten(lists).flatten()
    if name == "relays":
        return _cast([*ids, *found], RELAYS)
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_pylist()
    positions = pa.array([i for length in lengths for i in range(length)], pa.int32())
    return _cast([*ids, positions, *found], ATTRIBUTIONS)


def counts(batch: pa.RecordBatch) -> tuple[int, int, int]:
    """Documents extracted, documents failed and attributions found in result rows."""
    failed = batch.num_rows - batch.column("error").null_count
    attributions = pc.sum(pc.list_value_length(batch.column("attributions"))).as_py() or 0
    return batch.num_rows - failed, failed, attributions


def attribution_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An attribution row's record in its JSON form, as ``Attribution.to_dict()`` gives it."""
    return {name: row[name] for name in ATTRIBUTION_FIELDS}


def document(row: dict[str, Any]) -> Document:
    """The document of an article row (or of an input row; its metadata columns are optional)."""
    published = row.get("published")
    if published is not None and published.tzinfo is None:  # a timestamp without a zone: UTC, as the readers take it
        published = published.replace(tzinfo=UTC)
    return Document(
        doc_id=str(row["doc_id"]), text=row["text"], origin=row["origin"], title=row.get("title"),
        url=row.get("url"), published=published, outlet=row.get("outlet"), authors=tuple(row.get("authors") or ()),
    )


def records(rows: Sequence[dict[str, Any]], text: str) -> list[Attribution]:
    """The attributions of one article's rows, in their order (``idx``)."""
    return [Attribution.from_dict(attribution_dict(row), text) for row in sorted(rows, key=lambda r: r["idx"])]


def _relay_rows(relays: Sequence[Provenance]) -> list[dict[str, Any]]:
    return [
        {"idx": provenance.attribution, "position": position, "item": provenance.item, "step": step,
         **posting.to_dict()}
        for provenance in relays for position, (step, posting) in enumerate(provenance.steps())
    ]


def _input_row(item: Document | IngestError) -> dict[str, Any]:
    if isinstance(item, IngestError):
        return {"origin": item.origin, "error": item.reason}
    return {**_document_row(item), "text": item.text}


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "origin": doc.origin, "title": doc.title, "url": doc.url,
        "published": doc.published, "outlet": doc.outlet, "authors": list(doc.authors),
    }


def _result_row(result: Result) -> dict[str, Any]:
    if isinstance(result, IngestError):
        return {"origin": result.origin, "error": result.reason}
    doc = result.document
    return {
        "article_id": doc.article_id, **_document_row(doc), "text": doc.text,
        "attributions": [a.to_dict() for a in result.attributions], "relays": _relay_rows(result.relays),
    }


def _item(row: dict[str, Any], number: int) -> Document | IngestError:
    origin = row.get("origin") or (str(row["doc_id"]) if row.get("doc_id") is not None else f"row {number}")
    if row.get("error") is not None:
        return IngestError(origin, row["error"])
    try:
        if row.get("doc_id") is None:
            raise SaysoError(Errors.E009.format(origin=origin, key='"doc_id"', kind="null"))
        if row.get("text") is None:
            raise SaysoError(Errors.E008.format(origin=origin, key='"text"', kind="null"))
        return document({**row, "origin": origin, "text": checked(row["text"], origin)})
    except SaysoError as e:
        return IngestError(origin, str(e))


def _code(reason: str) -> str | None:
    match = _CODE.search(reason)
    return match.group(1) if match else None


def _cast(columns: list[pa.Array], schema: pa.Schema) -> pa.RecordBatch:
    """Columns as a batch of ``schema``, whatever names and nullability an engine gave their types."""
    return pa.RecordBatch.from_arrays(columns, names=schema.names).cast(schema)

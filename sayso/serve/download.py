"""Downloads: the attributions a list shows as a CSV or JSON file, streamed.

Every list page (search, a speaker's quotes, an article, a quote cluster) links to
its API route with ``format=csv`` or ``format=json``: the rows the page's filters
allow, all of them rather than one page, in the page's order, up to
:data:`EXPORT_LIMIT` (narrow the filters, or use ``sayso export``, for more; the
``X-Sayso-Limit`` header says the limit). The columns are ``sayso export``'s
(:data:`sayso.store.export.COLUMNS`): the article's id, title, URL, outlet and date,
the attribution's kind, the speaker as written with the corpus registry's id and
canonical name, gender, role, channel, hedges and texts.

The rows are read :data:`BATCH` at a time, each batch through the store connection
of the thread that runs that step (a SQLite connection belongs to its thread), and
written out as they come.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Annotated, Literal

from fastapi import Query
from fastapi.responses import StreamingResponse

from sayso.serve.backend import Backend
from sayso.store import Filters, Store
from sayso.store.export import COLUMNS, csv_row
from sayso.store.results import Hit

EXPORT_LIMIT = 10_000
BATCH = 500
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

Format = Annotated[Literal["csv", "json"] | None, Query(
    description=f"a file of every row the filters allow (up to {EXPORT_LIMIT:,}) instead of a JSON page")]

# Reads rows ``offset`` to ``offset + limit`` of a list from a store.
Rows = Callable[[Store, int, int], list[Hit]]


def download(backend: Backend, rows: Rows, fmt: str, name: str) -> StreamingResponse:
    """The rows ``rows`` reads, as a ``fmt`` file called ``name``.``fmt``."""
    encode = _csv if fmt == "csv" else _json
    headers = {
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"',
        "X-Sayso-Limit": str(EXPORT_LIMIT),
    }
    return StreamingResponse(encode(_batches(backend, rows)), media_type=MEDIA[fmt], headers=headers)


def filtered(filters: Filters) -> Rows:
    """:data:`Rows` of the attributions ``filters`` allow, in search order (best match, else latest, first)."""
    return lambda store, limit, offset: store.search_page(filters, limit, offset)[0]


def keyed(keys: list[tuple[str, int]]) -> Rows:
    """:data:`Rows` of the attributions ``keys`` names (an article's, a cluster's), in that order."""
    return lambda store, limit, offset: list(store.hits(keys[offset:offset + limit]))


def _batches(backend: Backend, rows: Rows) -> Iterator[list[Hit]]:
    for offset in range(0, EXPORT_LIMIT, BATCH):
        batch = rows(backend.store(), min(BATCH, EXPORT_LIMIT - offset), offset)
        yield batch
        if len(batch) < BATCH:
            return


def _csv(batches: Iterator[list[Hit]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for batch in batches:
        writer.writerows(csv_row(hit) for hit in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _json(batches: Iterator[list[Hit]]) -> Iterator[str]:
    yield "["
    first = True
    for batch in batches:
        for hit in batch:
            yield ("\n" if first else ",\n") + json.dumps(hit.to_dict(), ensure_ascii=False)
            first = False
    yield "\n]\n"

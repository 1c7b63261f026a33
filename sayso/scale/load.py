"""Reading a corpus job's Parquet output back as records, to load it into a store.

What a run wrote (``OUTPUT/run=<id>/articles``, ``attributions``, ``relays``,
``failures``) comes back as the batches :mod:`sayso.batch` makes: each article's
:class:`~sayso.ingest.Document` with its :class:`~sayso.records.Attribution`
records and relays, and each failure, so that the store takes them as if ``sayso ingest``
had extracted them on this machine. Articles are joined to their attributions a
slice of article ids at a time (ids are hex digests, so their first digits cut the
output into even slices), so memory follows the slice, not the whole output.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from itertools import islice, product
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.dataset as ds

from sayso.errors import Errors, SaysoError
from sayso.ingest import IngestError
from sayso.records import DEFAULT_BATCH_SIZE, Extracted, Result, provenances
from sayso.runner import IngestReport, store_results
from sayso.scale.layout import runs
from sayso.scale.rows import TABLES, document, records
from sayso.store import Store

# Results in a batch given back (and written by a store in one transaction), as many as an ingest
# writes at a time by default: the one default batch size.
BATCH_SIZE = DEFAULT_BATCH_SIZE
# Articles joined to their attributions at a time, at most: beyond, the output is read in id slices.
SLICE_ROWS = 50_000
_HEX = "0123456789abcdef"


def read_output(path: str | Path) -> Iterator[list[Result]]:
    """Batches of the results a corpus job wrote to ``path``: every run in it, or the one run it is.

    Raises:
        SaysoError: ``path`` holds no run's tables (E092).
    """
    found = runs(Path(path))
    if not found:
        raise SaysoError(Errors.E092.format(path=path, missing="articles/"))
    for run in found:
        yield from _chunks(failures(run))
        yield from _articles(run)


def load_output(
    paths: Iterable[str | Path], store: Store, progress: Callable[[IngestReport, list[IngestError]], None] | None = None
) -> IngestReport:
    """Write what corpus jobs wrote to ``paths`` into ``store``, skipping the articles it holds already.

    As in ``sayso ingest``, an article read twice (the same text under two doc ids)
    is stored once, under the doc id it has in the first row that holds it: the
    first read, for the local engine, whose tables keep the order of the inputs.

    The report and ``progress`` are those of :func:`sayso.runner.ingest`, so a
    front end shows a load as it shows an ingest.

    Raises:
        SaysoError: a path holds no run's tables (E092).
    """
    return store_results((batch for path in paths for batch in read_output(path)), store, progress=progress)


def _dataset(run: Path, name: str) -> ds.Dataset:
    # Read as the schema sayso writes, whichever engine wrote the files (Spark names list items otherwise).
    return ds.dataset(run / name, format="parquet", schema=TABLES[name])


def failures(path: str | Path) -> Iterator[IngestError]:
    """The inputs a corpus job could not use, with their reasons: every run's at ``path``."""
    for run in runs(Path(path)):
        for batch in _dataset(run, "failures").to_batches(batch_size=BATCH_SIZE):
            yield from (IngestError(row["origin"], row["reason"]) for row in batch.to_pylist())


def _articles(run: Path) -> Iterator[list[Result]]:
    """Each article with its attributions and relays, a slice of article ids at a time."""
    articles, attributions, relays = (_dataset(run, name) for name in ("articles", "attributions", "relays"))
    digits = max(0, math.ceil(math.log(articles.count_rows() / SLICE_ROWS, 16))) if articles.count_rows() else 0
    for prefix in ("".join(p) for p in product(_HEX, repeat=digits)):
        where = pc.starts_with(ds.field("article_id"), prefix) if prefix else None
        found = _by_article(attributions.to_table(filter=where).to_pylist(), ("idx",))
        chains = _by_article(relays.to_table(filter=where).to_pylist(), ("idx", "position"))
        for batch in articles.to_batches(filter=where, batch_size=BATCH_SIZE):
            yield [
                Extracted(
                    document(row), records(found.get(key := row["article_id"], []), row["text"]),
                    provenances(chains.get(key, []), row["text"]),
                )
                for row in batch.to_pylist()
            ]


def _chunks(items: Iterator[Result]) -> Iterator[list[Result]]:
    while chunk := list(islice(items, BATCH_SIZE)):
        yield chunk


def _by_article(rows: list[dict[str, Any]], key: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """Attribution or relay rows by article id, once for each ``key``: an article read twice
    (the same text under two doc ids) was extracted twice, to the same rows."""
    unique: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for row in rows:
        unique.setdefault(row["article_id"], {})[tuple(row[k] for k in key)] = row
    return {article_id: list(by_key.values()) for article_id, by_key in unique.items()}

"""The corpus job's unit of work, free of any engine: input rows in, result rows out.

:func:`partition` is what every engine maps over its share of the corpus: Spark
through ``DataFrame.mapInArrow``, the local engine in each worker process, a test
directly. The pipeline is cached here, in an installed module, once per process:
an engine ships the function to its workers by reference, so each worker process
loads the model the first time it needs it and keeps it for every later batch,
in :func:`sayso.nlp.load`'s cache, the one every front end shares. (A cache kept
in a job script would be pickled with the function and load the model again for
every partition.) ``sayso.nlp.LOADS`` counts those loads, so a run can report
them and a test can check there is one per worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyarrow as pa

from sayso.batch import extract_batch
from sayso.ingest import Document
from sayso.nlp import load
from sayso.scale import DEFAULT_BATCH_SIZE
from sayso.scale.rows import input_items, result_batch


def partition(
    batches: Iterable[pa.RecordBatch], *, models: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[pa.RecordBatch]:
    """Result rows (:data:`~sayso.scale.rows.RESULT`) for input rows (:data:`~sayso.scale.rows.INPUT`), in order.

    Each input batch is cut into pieces of ``batch_size`` rows, each run through
    one ``nlp.pipe`` and given back as soon as it is done, so that an engine's
    large batches (Spark hands over 10,000 rows at a time) neither wait long nor
    hold many results. A row that cannot be used, or that breaks the pipeline,
    becomes a failed result row; the others go on. The model is loaded only when
    a piece holds a document.
    """
    for batch in batches:
        for start in range(0, batch.num_rows, batch_size):
            items = input_items(batch.slice(start, batch_size))
            if not any(isinstance(item, Document) for item in items):
                yield result_batch(extract_batch(items))
                continue
            nlp = load(models=models)
            # The words these texts add to the vocabulary are dropped afterwards, so a worker
            # that runs through millions of articles stays the size it was after the first few.
            with nlp.memory_zone():
                yield result_batch(extract_batch(items, nlp, batch_size))

"""Running the pipeline over ingested documents, batch by batch, keeping every failure.

This is what ``sayso extract`` does between reading and writing, kept in the
library so that other front ends share it. Each yielded batch holds, in input
order, an :class:`Extracted` per document or the :class:`IngestError` that took
its place; a batch is also the unit the store writes in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from sayso.errors import Errors
from sayso.nlp import DEFAULT_BATCH_SIZE, load, parse_many
from sayso.records import Document, Extracted, IngestError, Result, flat

__all__ = ["Extracted", "Result", "extract_batch", "extract_documents"]


def extract_documents(
    items: Iterable[Document | IngestError], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[list[Result]]:
    """Batches of ``batch_size`` results, each batch's documents run through one ``nlp.pipe``.

    The pipeline (:func:`sayso.load`, cached per process) is loaded only when a
    document arrives, so a run whose inputs all fail costs no model load.
    """
    batch: list[Document | IngestError] = []
    for item in items:
        batch.append(item)
        if len(batch) == batch_size:
            yield extract_batch(batch, nlp, batch_size)
            batch = []
    if batch:
        yield extract_batch(batch, nlp, batch_size)


def extract_batch(
    batch: Sequence[Document | IngestError], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[Result]:
    """One batch's results in input order: its documents through one ``nlp.pipe``, its errors in place.

    The unit of work of :func:`extract_documents` and of :mod:`sayso.runner`'s
    worker processes: a document that breaks the pipeline becomes its E020 error
    instead of raising.
    """
    documents = [item for item in batch if isinstance(item, Document)]
    found = iter(_extract(documents, nlp or load(), batch_size) if documents else [])
    return [item if isinstance(item, IngestError) else next(found) for item in batch]


def _extract(documents: list[Document], nlp: Language, batch_size: int) -> list[Result]:
    try:
        docs = parse_many((d.text for d in documents), nlp, batch_size)
        return [_extracted(d, doc) for d, doc in zip(documents, docs, strict=True)]
    except Exception:  # noqa: BLE001  (a component failed: find the document, keep the others)
        return [_extract_one(d, nlp) for d in documents]


def _extract_one(document: Document, nlp: Language) -> Result:
    try:
        return _extracted(document, nlp(document.text))
    except Exception as e:  # noqa: BLE001  (reported per document, never out of the batch)
        detail = f"{type(e).__name__}: {e}"
        return IngestError(document.origin, Errors.E020.format(origin=document.origin, detail=detail))


def _extracted(document: Document, doc: Doc) -> Extracted:
    return Extracted(document, flat(doc._.attributions), list(doc._.relays or []), doc._.attributions)

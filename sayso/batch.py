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
from sayso.records import Attribution, Document, Extracted, IngestError, Provenance, Result, flat

__all__ = ["BATCH_CHARS", "SECTION_CHARS", "Extracted", "Result", "extract_batch", "extract_documents", "sections"]

# Longer texts run through the pipeline in sections of at most this many characters (see
# :func:`sections`); the longest PolNeAR article has 33,672.
SECTION_CHARS = 50_000
# At most this many characters go through one ``nlp.pipe`` batch (see :func:`_parsed`):
# about 20 news articles of average length (PolNeAR: 4,900 characters).
BATCH_CHARS = 100_000


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
        cuts = [sections(d.text) for d in documents]
        docs = _parsed([d.text[start:end] for d, parts in zip(documents, cuts) for start, end in parts],
                       nlp, batch_size)
        return [_extracted(d, [(start, next(docs)) for start, _ in parts]) for d, parts in zip(documents, cuts)]
    except Exception:  # noqa: BLE001  (a component failed: find the document, keep the others)
        return [_extract_one(d, nlp) for d in documents]


def _parsed(texts: list[str], nlp: Language, batch_size: int) -> Iterator[Doc]:
    """The docs of ``texts`` in order, through ``nlp.pipe`` in groups of at most ``batch_size``
    texts and :data:`BATCH_CHARS` characters (a text longer than that alone): the parser's
    memory grows with the words of a batch, a third of a gigabyte per 100,000 characters."""
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and chars + len(text) > BATCH_CHARS:
            yield from parse_many(group, nlp, batch_size)
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    yield from parse_many(group, nlp, batch_size)


def _extract_one(document: Document, nlp: Language) -> Result:
    try:
        return _extracted(document, [(start, nlp(document.text[start:end])) for start, end in sections(document.text)])
    except Exception as e:  # noqa: BLE001  (reported per document, never out of the batch)
        detail = f"{type(e).__name__}: {e}"
        return IngestError(document.origin, Errors.E020.format(origin=document.origin, detail=detail))


def sections(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the sections ``text`` runs through the pipeline in: the whole text
    when it has at most ``limit`` (:data:`SECTION_CHARS`) characters, as every news article has.

    A longer text is cut before each ``limit`` characters at its last paragraph break (a blank
    line, else a line end, else a sentence end, else a space). Some resolution steps compare
    every attribution of a document with every other, so a megabyte of text in one piece would
    take the pipeline hours; in sections of at most ``limit`` it takes a time that grows with
    its length. A pronoun cannot reach a name in an earlier section: nothing real is that long.
    """
    limit = limit or SECTION_CHARS
    cuts, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        end = next((start + i + len(mark) for mark in ("\n\n", "\n", ". ", " ") if (i := window.rfind(mark)) > 0),
                   start + limit)
        cuts.append((start, end))
        start = end
    return [*cuts, (start, len(text))]


def _extracted(document: Document, parts: list[tuple[int, Doc]]) -> Extracted:
    """The extraction of ``document`` from its sections' docs, each with the offset it starts at."""
    every: list[Attribution] = []
    relays: list[Provenance] = []
    for start, doc in parts:
        found = doc._.attributions or []
        relays += [p.moved(start, len(flat(every))) for p in doc._.relays or []]
        every += [a.moved(start, len(every)) for a in found]
    return Extracted(document, flat(every), relays, every)

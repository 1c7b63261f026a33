"""The one road into the store: read lazily, skip what is stored, extract, write batch by batch.

:func:`ingest` is ``sayso ingest`` without the command line, and what ``POST
/api/articles`` runs for its one article; :func:`store_results` writes results
extracted elsewhere (``sayso extract --db``, which prints every result, and the
output of a corpus job, ``sayso scale``) the same way, with the same skipping,
counting and progress. The main process reads the
documents and writes the results; with ``workers > 1`` the pipeline runs in
that many processes, each loading the model once, fed a bounded number of
batches at a time so that memory stays flat however large the corpus. Each
batch is written in one transaction keyed by the articles' stable ids, so a run
killed at any moment leaves only whole articles behind, and running it again
skips them: an interrupted ingest is resumed by repeating it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from typing import TypeVar

from sayso import pools
from sayso.batch import Extracted, Result, extract_batch
from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.nlp import DEFAULT_BATCH_SIZE, load
from sayso.store import Store

__all__ = ["DEFAULT_BATCH_SIZE", "IngestReport", "Progress", "ingest", "store_results"]

Item = Document | IngestError
_Input = TypeVar("_Input", bound=Document | IngestError | Extracted)
Done = tuple[list[Item], list[Result]]

# Pools in a row whose workers die before their first task: then they cannot start at all.
FALSE_STARTS = 2


@dataclass
class IngestReport:
    """What a run has done so far; its final state is what :func:`ingest` returns.

    ``read`` counts documents and unreadable inputs; each of them ends up
    ``skipped`` (already in the store, or read earlier in the same run),
    ``stored`` or ``failed`` (unreadable, or the pipeline failed on it).
    """

    read: int = 0
    skipped: int = 0
    stored: int = 0
    failed: int = 0
    attributions: int = 0
    seconds: float = 0.0

    @property
    def done(self) -> int:
        """Inputs dealt with: skipped, stored or failed."""
        return self.skipped + self.stored + self.failed

    @property
    def per_second(self) -> float:
        """Articles stored per second of the run."""
        return self.stored / self.seconds if self.seconds else 0.0


# Called after every stored batch and every skipped stretch with the totals so far
# and the failures new since the last call, so a front end can show progress.
Progress = Callable[[IngestReport, list[IngestError]], None]


def ingest(
    documents: Iterable[Item],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    models: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Extract and store every document of ``documents`` not in ``store`` yet.

    Args:
        documents: what :func:`sayso.ingest.read` yields; read lazily, a batch at a time.
        store: where results go, one transaction per batch of ``batch_size`` results.
        workers: processes running the pipeline; 1 runs it in this process. Each
            worker imports the main module, so a script must call this under
            ``if __name__ == "__main__":``.
        batch_size: documents per ``nlp.pipe`` batch and per transaction.
        models: learned models built by ``sayso train`` (default: the shipped ones).
        progress: called as the run goes (see :data:`Progress`).

    Failures of documents never stop the run: each becomes an :class:`IngestError`
    that is written to the store's errors table and counted in the report, and so
    does a document the store refuses to take (E123, :meth:`Store.write`).

    Raises:
        SaysoError: the store failed while writing (E033), or the worker processes
            cannot start (E071).
    """
    run = _Run(store, batch_size, progress)
    extractor = _Inline(models, batch_size) if workers == 1 else _Pool(workers, models, batch_size)
    with extractor:
        for batch, results in extractor.run(run.pending(documents)):
            run.write(batch, results)
    return run.finish()


def store_results(batches: Iterable[list[Result]], store: Store, *, progress: Progress | None = None) -> IngestReport:
    """Write results extracted elsewhere into ``store``, batch by batch, as :func:`ingest` writes its own.

    An article the store holds already is skipped, and so is a second copy of one
    (the same text under another doc id) in the batches: the first one read is
    kept. Each batch is one transaction. The report and ``progress`` are those of
    :func:`ingest`, so a front end shows a load as it shows an ingest.

    Raises:
        SaysoError: the store failed while writing (E033).
    """
    run = _Run(store, DEFAULT_BATCH_SIZE, progress)
    for batch in batches:
        run.report.read += len(batch)
        new = run.new(batch)
        if len(new) < len(batch):
            run.notify([])
        run.write([r.document if isinstance(r, Extracted) else r for r in new], new)
    return run.finish()


class _Run:
    """One run's bookkeeping: what to skip, what is in flight, the counts."""

    def __init__(self, store: Store, batch_size: int, progress: Progress | None) -> None:
        self.store, self.batch_size, self.progress = store, batch_size, progress
        self.report = IngestReport()
        self.started = time.monotonic()
        # Ids handed to the pipeline and not written yet. Once written, the store itself
        # knows them, so this stays as small as the batches in flight.
        self.in_flight: set[str] = set()

    def pending(self, documents: Iterable[Item]) -> Iterator[list[Item]]:
        """Batches of ``batch_size`` inputs still to do: new documents, and inputs that failed to read."""
        items = iter(documents)
        batch: list[Item] = []
        while chunk := list(islice(items, self.batch_size)):
            self.report.read += len(chunk)
            new = self.new(chunk)
            if len(new) < len(chunk):
                self.notify([])
            batch += new
            if len(batch) >= self.batch_size:
                yield batch[:self.batch_size]
                batch = batch[self.batch_size:]
        if batch:
            yield batch

    def new(self, chunk: list[_Input]) -> list[_Input]:
        """``chunk`` (documents, or their results) without the articles stored or in flight; the
        others are in flight from now on.

        The whole chunk is sorted out at once, against one look-up in the store, so
        that no write can fall between the look-up and the decision.
        """
        keys = [_article_id(item) for item in chunk]
        stored = self.store.existing({key for key in keys if key} - self.in_flight)
        new: list[_Input] = []
        for item, key in zip(chunk, keys, strict=True):
            if key is not None and (key in stored or key in self.in_flight):
                self.report.skipped += 1
                continue
            if key is not None:
                self.in_flight.add(key)
            new.append(item)
        return new

    def write(self, batch: list[Item], results: list[Result]) -> None:
        """Store one batch's results in one transaction and count them; a document the store refuses fails alone."""
        refused = self.store.write(results)
        self.in_flight.difference_update(item.article_id for item in batch if isinstance(item, Document))
        failures = [r for r in results if isinstance(r, IngestError)] + refused
        lost = {error.origin for error in refused}
        self.report.failed += len(failures)
        self.report.stored += len(results) - len(failures)
        self.report.attributions += sum(
            len(r.attributions) for r in results if isinstance(r, Extracted) and r.document.origin not in lost
        )
        self.notify(failures)

    def finish(self) -> IngestReport:
        self.report.seconds = time.monotonic() - self.started
        return self.report

    def notify(self, failures: list[IngestError]) -> None:
        if self.progress:
            self.report.seconds = time.monotonic() - self.started
            self.progress(replace(self.report), failures)


def _article_id(item: Item | Result) -> str | None:
    """The id of the article an input or result is about; None for an input that failed."""
    if isinstance(item, Extracted):
        return item.document.article_id
    return item.article_id if isinstance(item, Document) else None


def _extract(batch: list[Item], models: str | None, batch_size: int) -> list[Result]:
    """The results of one batch, loading the pipeline (once per process) only if it holds a document.

    The batch runs in a spaCy memory zone: the words and strings its texts add to
    the vocabulary are dropped afterwards, so a process that reads millions of
    articles stays the size it was after the first few. The results keep no spaCy
    object, so nothing points into what is dropped.
    """
    if not any(isinstance(item, Document) for item in batch):
        return extract_batch(batch)
    nlp = load(models=models)
    with nlp.memory_zone():
        return extract_batch(batch, nlp, batch_size)


class _Inline:
    """The pipeline in this process, one batch after the other."""

    def __init__(self, models: str | None, batch_size: int) -> None:
        self.models, self.batch_size = models, batch_size

    def run(self, batches: Iterable[list[Item]]) -> Iterator[Done]:
        for batch in batches:
            yield batch, _extract(batch, self.models, self.batch_size)

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Pool:
    """The pipeline in worker processes (:class:`sayso.pools.Workers`), results given back in
    the order the batches went in.

    A worker that dies (killed, out of memory, a crash in native code) takes the
    batches in flight with it. Their documents are then run again one at a time,
    so that only a document that kills its worker on its own becomes an error (E070).
    """

    def __init__(self, workers: int, models: str | None, batch_size: int) -> None:
        self.args = (models, batch_size)
        self.false_starts = 0
        self.workers: pools.Workers[list[Item], list[Result]] = pools.Workers(
            workers, _extract, initializer=_start_worker)

    def run(self, batches: Iterable[list[Item]]) -> Iterator[Done]:
        return self.workers.run(batches, self.args, self._again)

    def _again(self, lost: list[list[Item]], _error: BrokenProcessPool) -> Iterator[Done]:
        """The results of the batches a dead worker took with it, document by document."""
        self._restart()
        for batch in lost:
            yield batch, [self._alone(item) for item in batch]

    def _alone(self, item: Item) -> Result:
        """``item``'s result with nothing else in flight, so that a worker dying can only be its doing."""
        if isinstance(item, IngestError):
            return item
        while True:
            try:
                return self.workers.submit([item], *self.args).result()[0]
            except BrokenProcessPool:
                if not self._restart():
                    return IngestError(item.origin, Errors.E070.format(origin=item.origin))

    def _restart(self) -> bool:
        """Start a new pool after a worker died; True when the old one died before doing anything.

        Such a death says nothing of the documents the pool was given. Once it is
        bad luck (the system killed a worker as it started); several times in a row,
        the workers cannot start at all (E071).
        """
        false_start = self.workers.false_start()
        self.false_starts = self.false_starts + 1 if false_start else 0
        if self.false_starts == FALSE_STARTS:
            raise SaysoError(Errors.E071)
        self.workers.restart()
        return false_start

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.workers.close()


def _start_worker() -> None:
    """Set up a worker: Ctrl-C stops it at once and quietly, and so does the main process's death."""
    signal.signal(signal.SIGINT, _stop)
    threading.Thread(target=_exit_with_parent, daemon=True).start()


def _stop(signum: int, _frame: object) -> None:
    """End this worker at once, without a traceback.

    Ctrl-C at a terminal reaches every process of the run; the main process stops
    the run, and a batch still running here would not be written anyway.
    """
    os._exit(128 + signum)


def _exit_with_parent() -> None:
    """Wait for the main process to end, then end this worker.

    A main process killed with -9 cannot tell its pool to stop, and idle workers
    would otherwise wait for work forever, each holding a loaded pipeline.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)

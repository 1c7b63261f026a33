"""The corpus job on one machine: :func:`~sayso.scale.partition.partition` in a pool of processes.

The same function Spark maps over its partitions runs here in ``workers``
processes, each loading the pipeline once as it starts; the main process reads
the inputs, hands out batches (a bounded number at a time, so memory stays flat)
and writes the four tables as Parquet in the layout a Spark run writes. The run
is written to a hidden folder beside its final place and moved there when
complete, replacing an earlier run of the same id, so an interrupted run leaves
no partial output where readers look.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import signal
import time
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sayso import nlp as worker_state
from sayso import pools
from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.records import DEFAULT_BATCH_SIZE
from sayso.scale.job import Job, ScaleReport
from sayso.scale.partition import partition
from sayso.scale.rows import TABLES, counts, input_batch, table
from sayso.scale.sources import read_source

# Documents in a batch handed to a worker: the one default batch size.
TASK_ROWS = DEFAULT_BATCH_SIZE
# Rows a Parquet row group gathers before it is written.
ROW_GROUP = 4096
# Seconds to wait for the workers to load the pipeline before checking they are alive.
_READY_POLL = 1.0

Done = tuple[list[pa.RecordBatch], int, int]


def run_local(job: Job, workers: int = 1) -> ScaleReport:
    """Run ``job`` in ``workers`` processes and write its tables under ``job.run_dir``."""
    with LocalEngine(workers, job.models) as engine:
        return engine.run(job)


class LocalEngine:
    """``workers`` processes, each with the pipeline loaded once, ready for runs.

    The workers are started and their pipelines loaded when the engine is made,
    so a run's time is the job's alone, as on a Spark cluster that is up.
    """

    def __init__(self, workers: int, models: str | None = None) -> None:
        self.workers, self.models = workers, models
        ready = multiprocessing.get_context("spawn").Queue()
        self.pool: pools.Workers[pa.RecordBatch, Done] = pools.Workers(workers, _work, _start_worker, (models, ready))
        self.loads: dict[int, int] = {}
        while len(self.loads) < workers:
            try:
                pid, loads = ready.get(timeout=_READY_POLL)
                self.loads[pid] = loads
            except queue.Empty:
                for future in self.pool.started:
                    if future.done() and future.exception() is not None:
                        self.close()
                        raise SaysoError(Errors.E095.format(detail=f"on starting: {future.exception()}")) from None

    def run(self, job: Job) -> ScaleReport:
        """Read, extract and write ``job``.

        The report's ``model_loads`` counts the pipelines the workers have loaded
        so far: one each, unless runs used other models.
        """
        report = ScaleReport(job.run_id, job.run_dir, engine=_engine(self.workers))
        started = time.monotonic()
        final = Path(job.run_dir)
        partial = final.with_name(f".{final.name}.incomplete")
        shutil.rmtree(partial, ignore_errors=True)
        with _Tables(partial) as tables:
            for results in self._extract(_batches(job), job):
                tables.write(results)
                _count(report, results)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(partial, final)
        report.model_loads = sum(self.loads.values())
        report.seconds = time.monotonic() - started
        return report

    def _extract(self, batches: Iterable[pa.RecordBatch], job: Job) -> Iterator[pa.RecordBatch]:
        """Result rows for each input batch, in order (:meth:`sayso.pools.Workers.run`)."""
        for _, (results, pid, loads) in self.pool.run(batches, (job.models, job.batch_size), _give_up):
            self.loads[pid] = loads
            yield from results

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Tables:
    """The tables of a run being written, one Parquet file each, in row groups of ``ROW_GROUP`` rows."""

    def __init__(self, folder: Path) -> None:
        self.pending: dict[str, list[pa.RecordBatch]] = {name: [] for name in TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        try:
            for name, schema in TABLES.items():
                (folder / name).mkdir(parents=True)
                self.writers[name] = pq.ParquetWriter(folder / name / "part-00000.parquet", schema)
        except OSError as e:
            self.close()
            raise SaysoError(Errors.E032.format(path=folder.parent, detail=e.strerror or e)) from None

    def write(self, results: pa.RecordBatch) -> None:
        for name, pending in self.pending.items():
            pending.append(table(results, name))
            if sum(batch.num_rows for batch in pending) >= ROW_GROUP:
                self._flush(name)

    def _flush(self, name: str) -> None:
        rows = pa.Table.from_batches(self.pending[name], schema=TABLES[name])
        if rows.num_rows:
            self.writers[name].write_table(rows, row_group_size=rows.num_rows)
        self.pending[name] = []

    def close(self) -> None:
        for name, writer in self.writers.items():
            self._flush(name)
            writer.close()

    def __enter__(self) -> _Tables:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _batches(job: Job) -> Iterator[pa.RecordBatch]:
    """Input rows of ``TASK_ROWS`` documents: the failures found while listing the inputs, then each file's."""
    items: Iterator[Document | IngestError] = chain(
        job.errors, (item for path in job.files for item in read_source(path, job.fields))
    )
    while chunk := list(islice(items, TASK_ROWS)):
        yield input_batch(chunk)


def _engine(workers: int) -> str:
    return f"local, {workers} worker{'s' if workers > 1 else ''}"


def _count(report: ScaleReport, results: pa.RecordBatch) -> None:
    extracted, failed, attributions = counts(results)
    report.extracted += extracted
    report.failed += failed
    report.attributions += attributions


def _give_up(lost: list[pa.RecordBatch], error: BrokenProcessPool) -> Iterator[tuple[pa.RecordBatch, Done]]:
    """A worker died: the run stops (a corpus job is run again whole, as on Spark)."""
    raise SaysoError(Errors.E095.format(detail=error)) from None


def _work(batch: pa.RecordBatch, models: str | None, batch_size: int) -> Done:
    """A worker's task: the result rows of one batch, with this process's id and pipeline loads."""
    results = list(partition([batch], models=models, batch_size=batch_size))
    return results, os.getpid(), worker_state.LOADS


def _start_worker(models: str | None, ready: multiprocessing.queues.Queue) -> None:
    """Set up a worker: the main process alone decides when to stop; the pipeline loaded before any task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_state.load(models=models)
    ready.put((os.getpid(), worker_state.LOADS))

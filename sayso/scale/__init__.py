"""The corpus job at scale: the same per-article function on a process pool or on Apache Spark.

    from sayso.scale import run

    report = run(["crawl/warc.paths"], "out/", engine="spark", master="local[2]")
    report = run(["news.jsonl"], "out/", engine="local", workers=4)

Either engine reads the inputs (:mod:`sayso.scale.sources`), runs
:func:`sayso.scale.partition.partition` over them and writes Parquet tables
under ``out/run=<run id>/`` (:mod:`sayso.scale.job`); both write the same rows.
:func:`sayso.scale.load.read_output` reads them back as records, which is how
``sayso ingest`` loads them into a store. Both engines need PyArrow (``sayso[parquet]``),
Spark PySpark as well (``sayso[spark]``); they are imported only when a job runs, so that
``sayso scale --help`` works without them and a run without them stops with a coded error.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sayso.errors import Errors
from sayso.extras import require
from sayso.ingest import Fields
from sayso.records import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from sayso.scale.job import ScaleReport

ENGINES = ("local", "spark")
# Documents per nlp.pipe batch in a worker.

__all__ = ["DEFAULT_BATCH_SIZE", "ENGINES", "run"]


def run(
    sources: Iterable[str],
    output: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    master: str | None = None,
    session: SparkSession | None = None,
    partitions: int | None = None,
    run_id: str | None = None,
    fields: Fields | None = None,
    models: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ScaleReport:
    """Extract every article of ``sources`` on ``engine`` into Parquet under ``output``.

    Args:
        sources: files, folders, globs and manifests (``*.paths``) as ``sayso extract`` takes them.
        output: the folder (for Spark, any path or URI it writes to) the run's folder goes in.
        engine: ``local`` (a process pool) or ``spark``.
        workers: local processes (default: one a core); for Spark without a ``master``, ``local[workers]``.
        master: the Spark master (``local[2]``, ``spark://HOST:7077``, ``yarn``).
        session: a Spark session to run in instead of starting one.
        partitions: Spark partitions the documents are dealt out to (default: from the cores and the corpus).
        run_id: the run's id (default: derived from the inputs, see :mod:`sayso.scale.job`).
        fields: the keys JSONL records and the columns Parquet rows are read with.
        models: learned models built by ``sayso train`` (default: the shipped ones).
        batch_size: documents per ``nlp.pipe`` batch.

    Raises:
        SaysoError: PySpark (E090) or PyArrow (E121) is not installed, or the job cannot run.
    """
    if engine == "spark":
        require("pyspark.sql", Errors.E090)
    require("pyarrow.parquet", Errors.E121.format(what="sayso scale"))
    from sayso.scale.job import plan

    job = plan(sources, output, run_id=run_id, fields=fields, models=models, batch_size=batch_size)
    if engine == "spark":
        from sayso.scale.spark import run_spark

        if master is None and session is None and workers is not None:
            master = f"local[{workers}]"
        return run_spark(job, session, master=master, partitions=partitions)
    from sayso.scale.local import run_local

    return run_local(job, workers or os.cpu_count() or 1)

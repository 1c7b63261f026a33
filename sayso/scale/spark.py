"""The corpus job on Apache Spark: files read by tasks, :func:`~sayso.scale.partition.partition` through ``mapInArrow``.

The plan is the one cc-pyspark follows for Common Crawl: the driver lists the
input files (a manifest of WARC paths, folders, globs, JSONL and Parquet files),
each task reads its share of them with sayso's own readers, the documents are
dealt out evenly over ``partitions`` partitions, and each partition runs through
the engine-free partition function in Arrow batches. Python workers are reused
(Spark's default), so each loads the pipeline once and keeps it. The results are
kept on disk while the four tables are written, each with ``mode("overwrite")``
to ``OUTPUT/run=<run id>/<table>``: a job restarted with the same run id
replaces its own output. Accumulators count documents extracted and failed,
attributions found and pipelines loaded; the tables themselves are the exact
record (a task that Spark retries adds to the accumulators twice).

PySpark is imported only here, and only when a Spark run is asked for.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sayso import nlp as worker_state
from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.scale.job import Job, ScaleReport
from sayso.scale.partition import partition
from sayso.scale.rows import ATTRIBUTION_FIELDS, CODE_PATTERN, INPUT, RELAY_FIELDS, RESULT, TABLES, counts, input_batch
from sayso.scale.sources import read_task

if TYPE_CHECKING:
    from pyspark import Accumulator
    from pyspark.sql import DataFrame, SparkSession

# Partitions of documents per core Spark offers, unless told: enough that the cores
# stay busy to the end of the job even when partitions take unequal times...
PARTITIONS_PER_CORE = 8
# ...but no fewer documents than this in each, beyond one partition a core: every task
# costs Spark a fraction of a second, as much as extracting a short article.
MIN_PARTITION_ROWS = 16
# What every run needs of its session: Parquet timestamps that other readers (pyarrow,
# DuckDB, pandas) take as UTC instants, not Spark's legacy INT96.
RUN_CONFIG = {"spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS"}
COUNTERS = ("extracted", "failed", "attributions", "model_loads")


def spark_session(master: str | None = None, config: dict[str, str] | None = None) -> SparkSession:
    """A Spark session for ``master`` (``local[2]``, ``spark://HOST:7077``, ``yarn``; None: as configured).

    With a local master, the workers run this Python (the one with sayso
    installed) unless ``PYSPARK_PYTHON`` says otherwise, and the driver listens
    on the loopback interface only. Under ``spark-submit`` the session is made
    as its options say.

    Raises:
        SaysoError: PySpark is not installed (E090), or no Java runtime can be found (E091).
    """
    pyspark_sql = require("pyspark.sql", Errors.E090)
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit, which has set up Java and Python
        _require_java()
        if master is None or master.startswith("local"):  # None: Spark's default, local[*]
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = pyspark_sql.SparkSession.builder.appName("sayso scale")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def run_spark(
    job: Job, session: SparkSession | None = None, *, master: str | None = None, partitions: int | None = None
) -> ScaleReport:
    """Run ``job`` on Spark and write its tables under ``job.run_dir``.

    Args:
        session: the session to run in; by default :func:`spark_session` (``master``).
        partitions: partitions the documents are dealt out to; by default
            ``PARTITIONS_PER_CORE`` per core of the session, or fewer for a small corpus.

    Raises:
        SaysoError: Spark cannot start (E090, E091) or the job failed (E097).
    """
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    spark = session or spark_session(master)
    for key, value in RUN_CONFIG.items():
        spark.conf.set(key, value)
    report = ScaleReport(job.run_id, job.run_dir, engine=f"spark, {spark.sparkContext.master}")
    counters = {name: spark.sparkContext.accumulator(0) for name in COUNTERS}
    started = time.monotonic()
    cached: list[DataFrame] = []
    try:
        inputs = _cache(_inputs(spark, job), cached)
        parts = partitions or _partitions(inputs.count(), spark.sparkContext.defaultParallelism)
        extract = partial(_extract_task, counters=counters, models=job.models, batch_size=job.batch_size)
        results = _cache(inputs.repartition(parts).mapInArrow(extract, _spark_schema(RESULT)), cached)
        for name, rows in _tables(results).items():
            rows.write.mode("overwrite").parquet(f"{job.run_dir}/{name}")
    except (PySparkException, Py4JError) as e:
        raise SaysoError(Errors.E097.format(detail=_first_line(e))) from None
    finally:
        for frame in cached:
            frame.unpersist()
    for name, counter in counters.items():
        setattr(report, name, counter.value)
    report.seconds = time.monotonic() - started
    return report


def _inputs(spark: SparkSession, job: Job) -> DataFrame:
    """Input rows of every input: the files read by tasks, and the failures found while listing them."""
    paths = spark.createDataFrame([(path,) for path in job.files], "path string")
    readers = max(1, min(len(job.files), spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE))
    inputs = paths.repartition(readers).mapInArrow(partial(read_task, fields=job.fields), _spark_schema(INPUT))
    if job.errors:
        listed = input_batch(list(job.errors)).to_pylist()
        inputs = inputs.union(spark.createDataFrame(listed, _spark_schema(INPUT)))
    return inputs


def _partitions(documents: int, cores: int) -> int:
    """Partitions for ``documents``: ``PARTITIONS_PER_CORE`` per core, fewer when each would hold only a few."""
    wanted = max(cores, math.ceil(documents / MIN_PARTITION_ROWS))
    return max(1, min(cores * PARTITIONS_PER_CORE, wanted))


def _cache(frame: DataFrame, cached: list[DataFrame]) -> DataFrame:
    """``frame`` kept on local disk once computed, so that later jobs read it instead of computing it again.

    On disk: rows kept in memory could be evicted and extracted again, and counted twice.
    """
    from pyspark import StorageLevel

    cached.append(frame.persist(StorageLevel.DISK_ONLY))
    return frame


def _extract_task(
    batches: Iterable[pa.RecordBatch], counters: dict[str, Accumulator[int]], models: str | None, batch_size: int
) -> Iterator[pa.RecordBatch]:
    """A Spark task: :func:`partition` over its batches, counted in the run's accumulators."""
    loads = worker_state.LOADS
    for results in partition(batches, models=models, batch_size=batch_size):
        for name, value in zip(COUNTERS, (*counts(results), worker_state.LOADS - loads)):
            counters[name].add(value)
        loads = worker_state.LOADS
        yield results


def _tables(results: DataFrame) -> dict[str, DataFrame]:
    """The four tables of result rows, as :func:`sayso.scale.rows.table` makes them, in Spark SQL.

    The same projection as the local engine's, kept in the JVM: sending every
    result through Python again for each table cost more than the tables' writing.
    The rows are checked equal to the local engine's by the tests.
    """
    from pyspark.sql import functions as F

    failed = F.col("error").isNotNull()
    code = F.regexp_extract("error", CODE_PATTERN, 1)
    found = results.select("article_id", "doc_id", F.posexplode("attributions").alias("idx", "attribution"))
    relays = results.select("article_id", "doc_id", F.explode("relays").alias("relay"))
    return {
        "articles": results.where(~failed).select(*TABLES["articles"].names),
        "attributions": found.select(
            "article_id", "doc_id", F.col("idx").cast("int"), *(f"attribution.{f}" for f in ATTRIBUTION_FIELDS)
        ),
        "relays": relays.select("article_id", "doc_id", *(f"relay.{f}" for f in RELAY_FIELDS)),
        "failures": results.where(failed).select(
            "origin", F.when(code != "", code).alias("code"), F.col("error").alias("reason")
        ),
    }


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _require_java() -> None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        if not os.access(os.path.join(java_home, "bin", "java"), os.X_OK):
            raise SaysoError(Errors.E091.format(where=f"in JAVA_HOME ({java_home})"))
    elif shutil.which("java") is None:
        raise SaysoError(Errors.E091.format(where="on PATH and JAVA_HOME is not set"))


def _first_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


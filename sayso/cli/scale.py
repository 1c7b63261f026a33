"""``sayso scale``: a corpus into Parquet, on a process pool or on Apache Spark.

A translation only: :func:`sayso.scale.run` lists the inputs, runs the job on
the engine asked for and writes the tables; this prints what it did. Documents
that failed are counted here and kept, with their reasons, in the run's
``failures`` table; the exit status is then 1. ``sayso ingest OUTPUT`` loads the
output into a store.
"""

from __future__ import annotations

import argparse
import sys
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sayso import scale
from sayso.cli.options import add_field_option, add_models_option, check_models, positive
from sayso.ingest import Fields
from sayso.scale import DEFAULT_BATCH_SIZE, ENGINES

if TYPE_CHECKING:
    from sayso.scale.job import ScaleReport

# Failures named on stderr at the end of a run; all of them are in the run's failures table.
SHOW_FAILURES = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``scale`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "scale",
        help="extract a corpus into Parquet files, on a process pool or on Apache Spark",
        description="Extract the attributions of every article in the INPUTs into Parquet tables "
        "(articles, attributions, failures) under OUTPUT/run=<run id>/. The run id comes from the inputs, "
        "so running the same command again replaces that run's output instead of adding to it. "
        "'sayso ingest OUTPUT' loads the tables into a store.",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="a text, HTML, JSONL, WARC or Parquet file, a folder, a glob, or a manifest "
        "(a *.paths or *.paths.gz file listing one path a line, such as Common Crawl's warc.paths.gz)",
    )
    parser.add_argument("--output", required=True, metavar="DIR", help="where the run's folder is written")
    parser.add_argument(
        "--engine", choices=ENGINES, default="local",
        help="local: a pool of processes on this machine (default); spark: Apache Spark (needs sayso[spark] and Java)",
    )
    parser.add_argument(
        "--master", metavar="URL",
        help="Spark master: local[2], spark://HOST:7077, yarn… (default: as spark-submit or Spark's "
        "configuration says, else local[N] with --workers, else local[*])",
    )
    parser.add_argument(
        "--workers", type=positive, metavar="N",
        help="processes for --engine local (default: one a core); local[N] for Spark without --master",
    )
    parser.add_argument("--run-id", metavar="ID", help="the run's id (default: derived from the inputs)")
    parser.add_argument(
        "--partitions", type=positive, metavar="N",
        help="Spark partitions the documents are dealt out to (default: 8 a core, fewer for a small corpus)",
    )
    parser.add_argument(
        "--batch-size", type=positive, default=DEFAULT_BATCH_SIZE, metavar="N",
        help=f"documents per spaCy batch (default {DEFAULT_BATCH_SIZE})",
    )
    add_field_option(parser, "a JSONL record's (or Parquet row's)")
    add_models_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the job and report it; 0 when every document was extracted, 1 when any failed."""
    check_models(args.models)
    report = scale.run(
        args.inputs, args.output, engine=args.engine, workers=args.workers, master=args.master,
        partitions=args.partitions, run_id=args.run_id, fields=Fields.from_options(args.field),
        models=args.models, batch_size=args.batch_size,
    )
    if report.failed and Path(report.run_dir).is_dir():  # an output on this machine: name the first failures
        from sayso.scale.load import failures  # here: PyArrow is there once a run has been made

        for failure in islice(failures(report.run_dir), SHOW_FAILURES):
            print(f"sayso: {failure.reason}", file=sys.stderr)
    print(f"sayso: {_summary(report)}", file=sys.stderr)
    return 1 if report.failed else 0


def _summary(report: ScaleReport) -> str:
    where = f" (all in {report.run_dir}/failures)" if report.failed else ""
    return (
        f"run {report.run_id} on {report.engine}: {report.extracted} extracted ({report.attributions} attributions), "
        f"{report.failed} failed{where}, in {report.seconds:.1f} s ({report.per_second:.1f} documents/s), "
        f"{report.model_loads} pipeline loads; written to {report.run_dir}"
    )

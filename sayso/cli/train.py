"""``sayso train``: build sayso's learned models from annotated documents.

A translation only: :func:`sayso.formats.read_annotated` reads JSONL or a brat
folder, :func:`sayso.train.train` builds the models (and scores them on dev);
this prints the steps on stderr and what was built on stdout. Both files are
read and checked before training starts, so bad dev data does not cost a run.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from sayso.cli.options import positive
from sayso.errors import Errors
from sayso.evaluate import format_report
from sayso.extras import require
from sayso.formats import read_annotated

if TYPE_CHECKING:
    from sayso.train import TrainReport

ANNOTATED = "a .jsonl file of gold records or a folder of brat .txt/.ann pairs"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``train`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "train",
        help="build the learned models from your own annotated documents (JSONL or brat)",
        description="Build sayso's learned models from annotated documents into DIR; use them with "
        "'sayso extract --models DIR' or sayso.load(models=DIR). The same data gives the same models.",
    )
    parser.add_argument("--train", required=True, metavar="PATH", help=f"training documents: {ANNOTATED}")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="the model directory to write")
    parser.add_argument("--dev", metavar="PATH", help=f"documents to score the new models on: {ANNOTATED}")
    parser.add_argument(
        "--n-process", type=positive, default=1, metavar="N", help="processes for parsing the texts (default 1)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read, train and report; unusable data or a missing scikit-learn ends the run (exit 2)."""
    require("sklearn", Errors.E048)
    from sayso.train import train  # here: the pipeline's components load only when training runs

    train_records = read_annotated(args.train)
    dev_records = read_annotated(args.dev) if args.dev else None
    report = train(train_records, args.out, dev_records, n_process=args.n_process, progress=_progress)
    print(json.dumps(asdict(report), indent=1, default=str) if args.json else _summary(report))
    return 0


def _progress(step: str) -> None:
    print(f"sayso: {step}", file=sys.stderr, flush=True)


def _summary(report: TrainReport) -> str:
    models = ", ".join(f"{name} model ({count} weights)" for name, count in report.weights.items())
    built = f"built {models} from {report.train_docs} documents in {report.seconds:.0f} s into {report.out}"
    return built if report.dev is None else f"{built}\n\ndev:\n{format_report(report.dev)}"

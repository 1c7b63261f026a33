"""``sayso eval``: run sayso on a gold file and print the referee's figures.

A translation only: :func:`sayso.evaluate.evaluate` does the work. A gold file
that cannot be scored raises an error naming the file and line, which
:func:`sayso.cli.main` prints before exiting with status 2.
"""

from __future__ import annotations

import argparse
import json

from sayso.cli.options import add_accurate_option, add_models_option, pipeline
from sayso.evaluate import evaluate, format_report


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "eval",
        help="score sayso's attributions against gold JSONL (the referee's figures)",
        description="Run sayso on the texts of a gold JSONL file (e.g. PolNeAR dev) and print "
        "the figures the referee score.py would give its output.",
    )
    parser.add_argument("gold", help='gold JSONL: {"doc_id", "text", "attributions"} per line')
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--output", metavar="PRED.jsonl", help="also write the predictions there, to score elsewhere")
    parser.add_argument("--docs", type=int, metavar="N", help="only the first N gold documents")
    parser.add_argument(
        "--nested", action="store_true",
        help="score every attribution, statements nested in another's content included (for gold that "
        "annotates them); default: the flat view PolNeAR annotates and the referee scores",
    )
    parser.add_argument(
        "--speakers", metavar="LABELS.jsonl",
        help='speaker labels for some gold documents ({"doc_id", "content_start", "speaker"} per line, '
        "as bench/labels/polnear-dev-speakers.jsonl); only those documents are scored",
    )
    add_models_option(parser)
    add_accurate_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the figures; a gold file that cannot be scored ends the run (exit 2)."""
    report = evaluate(args.gold, nlp=pipeline(args.models, args.accurate), max_docs=args.docs, predictions_path=args.output,
                      speakers_path=args.speakers, nested=args.nested)
    print(json.dumps(report, indent=1) if args.json else format_report(report))
    return 0

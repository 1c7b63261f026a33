"""The ``sayso`` command: one subcommand a module, each a thin translation of a library call.

Each module in :data:`COMMANDS` has ``register(subparsers)``, which adds its
parser and ``set_defaults(func=run)``, and ``run(args) -> int``. Here only the
shared part lives: a :class:`~sayso.errors.SaysoError` that ends a whole run
becomes its message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys

from sayso import __version__
from sayso.cli import evaluate, export, extract, ingest, scale, search, serve, show, speakers, stats, train
from sayso.errors import SaysoError

COMMANDS = (extract, ingest, scale, search, speakers, stats, show, export, serve, evaluate, train)

EXIT_CODES = """\
exit status:
  0  every input was processed
  1  some inputs failed (each is named on stderr); the others were processed
  2  usage error, or the run could not start (store or output not writable,
     unusable training data, no models in --models DIR)
"""


def build_parser() -> argparse.ArgumentParser:
    """The ``sayso`` parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="sayso",
        description="On whose say-so? Attributions (who said what, cue, source, content) from news text.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sayso {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``sayso`` with ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SaysoError as e:
        print(f"sayso: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`sayso extract … | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130

"""``sayso export``: the stored attributions as a JSONL, CSV or Parquet file.

A translation of :meth:`sayso.store.Store.export` written by
:func:`sayso.store.export.write_hits`; the same filters as ``sayso search``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from sayso.cli.query import (
    add_filter_options,
    add_store_options,
    filters,
    open_existing,
)
from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.store.export import FORMATS, write_hits


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "export",
        help="export the stored attributions as JSONL, CSV or Parquet",
        description="One row per stored attribution with its article's metadata, latest article "
        "first (best match first with --query). Parquet needs --output.",
    )
    parser.add_argument("--query", default="", metavar="WORDS", help="only attributions holding these words (as in search)")
    add_filter_options(parser)
    parser.add_argument("--output", metavar="FILE", help="write there instead of stdout")
    add_store_options(parser, formats=FORMATS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the rows and count them on stderr."""
    if args.format == "parquet":
        if args.output is None:
            raise SaysoError(Errors.E060)
        require("pyarrow.parquet", Errors.E121.format(what="--format parquet"))
    with open_existing(args.db) as store, _open_output(args.output) as out:
        count = write_hits(store.export(filters(args, args.query)), args.format, out)
    print(f"sayso: {count} attribution{'' if count == 1 else 's'} exported", file=sys.stderr)
    return 0


@contextmanager
def _open_output(path: str | None) -> Iterator[BinaryIO]:
    """The file at ``path`` (created or truncated), or stdout's bytes when no path is given."""
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        with open(path, "wb") as f:
            yield f
    except OSError as e:
        raise SaysoError(Errors.E032.format(path=path, detail=e.strerror or e)) from None

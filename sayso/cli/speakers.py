"""``sayso speakers``: the named speakers in the store, most quoted first.

A translation of :meth:`sayso.store.Store.speakers`. Listing is what the bare
command does; actions on speakers (``sayso speakers merge A B``, ``split``) are
to be added as sub-parsers of this parser (``add_subparsers(dest="action",
required=False)``), so that ``sayso speakers --top 10`` keeps working unchanged.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from sayso.cli.options import positive
from sayso.cli.output import grid
from sayso.cli.query import (
    add_filter_options,
    add_store_options,
    open_existing,
    print_json,
)
from sayso.store import SpeakerCount

_COLUMNS = ("#", "speaker", "type", "attributions", "articles", "role")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``speakers`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "speakers",
        help="list the stored speakers, most quoted first",
        description="Named speakers with how many attributions and articles quote them, and the "
        "type and role the articles give them most often. Anonymous sources are not listed.",
    )
    parser.add_argument("--top", type=positive, metavar="N", help="only the N most quoted")
    add_filter_options(parser, kind=False)
    add_store_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the speakers as a table or a JSON array."""
    with open_existing(args.db) as store:
        found = store.speakers(args.top, speaker=args.speaker, outlet=args.outlet, since=args.since, until=args.until)
    if args.format == "json":
        print_json([s.to_dict() for s in found])
    elif found:
        sys.stdout.write(table(found, shutil.get_terminal_size().columns))
    else:
        print("sayso: no speakers stored", file=sys.stderr)
    return 0


def table(speakers: list[SpeakerCount], width: int) -> str:
    """One line per speaker; the role takes the width the other columns leave."""
    caps = {"#": 5, "speaker": 30, "type": 12, "attributions": 12, "articles": 8}
    rows = [
        {
            "#": str(number),
            "speaker": s.name,
            "type": s.type,
            "attributions": str(s.attributions),
            "articles": str(s.articles),
            "role": s.role or "",
        }
        for number, s in enumerate(speakers, start=1)
    ]
    return grid(rows, _COLUMNS, caps, width)

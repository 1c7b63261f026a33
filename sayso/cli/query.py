"""What the commands that read a store share: ``--db``, ``--format``, the filters, opening the store.

``sayso search``, ``speakers``, ``show`` and ``export`` take the same options
with the same meaning, so they are defined once here. A query command never
creates a store: a mistyped ``--db`` path is an error (E035), not an empty answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from sayso.records import CHANNEL_TYPES, KINDS
from sayso.store import DEFAULT_URL, Filters, Store, open_store
from sayso.store.results import GENDERS

FORMATS = ("table", "json")


def add_store_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """``--db URL`` and ``--format`` (the first of ``formats`` is the default)."""
    parser.add_argument(
        "--db", metavar="URL", default=DEFAULT_URL,
        help=f"the store: sqlite:///PATH, a file path, or postgresql://USER@HOST:PORT/DB (default {DEFAULT_URL})",
    )
    parser.add_argument("--format", choices=formats, default=formats[0], help=f"default {formats[0]}")


def add_filter_options(parser: argparse.ArgumentParser, *, kind: bool = True, speaker: bool = True) -> None:
    """``--speaker`` (with ``speaker``), ``--outlet``, ``--since``, ``--until`` and, with ``kind``, the
    attribution's own ``--kind``, ``--channel``, ``--hedged``/``--unhedged`` and ``--gender``."""
    if speaker:
        parser.add_argument(
            "--speaker", metavar="NAME",
            help="a speaker of the corpus registry by its id or a name form, any case ('Trump' is Donald "
            "Trump, whatever name form an article used); failing those, every speaker with a name form holding NAME",
        )
    parser.add_argument("--outlet", metavar="NAME", help="articles from this outlet (any case)")
    parser.add_argument("--since", type=moment, metavar="DATE", help="published on or after DATE (YYYY-MM-DD or ISO time)")
    parser.add_argument("--until", type=moment, metavar="DATE", help="published on or before DATE (a time: before it)")
    if kind:
        parser.add_argument("--kind", choices=KINDS, help="only attributions of this kind")
        parser.add_argument("--channel", choices=CHANNEL_TYPES, help="only attributions through this channel")
        hedged = parser.add_mutually_exclusive_group()
        hedged.add_argument("--hedged", dest="hedged", action="store_const", const=True,
                            help="only attributions with hedges ('reportedly', 'alleged', ...)")
        hedged.add_argument("--unhedged", dest="hedged", action="store_const", const=False,
                            help="only attributions without hedges")
        parser.add_argument("--gender", choices=GENDERS,
                            help="only attributions whose speaker the text shows to be a woman (female) or a man (male)")


def moment(value: str) -> date | datetime:
    """An argparse type: ``YYYY-MM-DD`` as a date, a longer ISO 8601 text as a time (UTC when it has no zone)."""
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD) or ISO 8601 time") from None


def filters(args: argparse.Namespace, query: str = "") -> Filters:
    """The :class:`Filters` the parsed filter options describe."""
    return Filters(
        query, args.speaker, args.outlet, args.since, args.until, getattr(args, "kind", None),
        getattr(args, "channel", None), getattr(args, "hedged", None), getattr(args, "gender", None),
    )


def open_existing(url: str) -> Store:
    """The store at ``url``, which must exist already (E035 for a missing SQLite file)."""
    return open_store(url, create=False)


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, non-ASCII text as it is."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

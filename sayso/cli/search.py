"""``sayso search``: stored attributions whose content or speaker holds some words, best first.

A translation of :meth:`sayso.store.Store.search`: ranked full-text search (FTS5
on SQLite, ``tsvector`` on PostgreSQL) narrowed by speaker, outlet, time and kind.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from sayso.cli.options import nonnegative, positive
from sayso.cli.output import grid
from sayso.cli.query import (
    add_filter_options,
    add_store_options,
    filters,
    open_existing,
    print_json,
)
from sayso.store import Hit

_COLUMNS = ("#", "article", "published", "outlet", "speaker (role)", "kind", "content")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``search`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "search",
        help="search the stored attributions (ranked full-text)",
        description="Attributions whose content or speaker's name holds every one of WORDS "
        "(stemmed: 'warned' finds 'warning'), best match first. The words need no quoting "
        "(sayso search prime minister). Only the words count: quotes, brackets, '*', '-' and "
        "other signs are ignored, and AND, OR, NOT are words like any other. No WORDS lists "
        "what the filters allow, latest first.",
    )
    parser.add_argument("query", nargs="*", metavar="WORDS", help="the words to look for")
    add_filter_options(parser)
    parser.add_argument("--limit", type=positive, default=20, metavar="N", help="at most N results (default 20)")
    parser.add_argument("--offset", type=nonnegative, default=0, metavar="N",
                        help="skip the first N results, to page through them (default 0)")
    add_store_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the hits as a table or as a JSON array; 0 also when nothing matches."""
    f = filters(args, " ".join(args.query))
    with open_existing(args.db) as store:
        hits, _ = store.search_page(f, args.limit, args.offset)
    if args.format == "json":
        print_json([hit.to_dict() for hit in hits])
    elif hits:
        sys.stdout.write(table(hits, shutil.get_terminal_size().columns, args.offset))
    else:
        print("sayso: no attribution matches", file=sys.stderr)
    return 0


def table(hits: list[Hit], width: int, offset: int = 0) -> str:
    """One row per hit, numbered from ``offset`` + 1; the article is named by its title, when it
    has one, above its doc_id (which ``sayso show`` takes), or else by the start of its id."""
    caps = {"#": 4, "article": max(16, width // 6), "published": 10, "outlet": 14,
            "speaker (role)": max(20, width // 5), "kind": 12}
    rows = [
        {
            "#": str(number),
            "article": "\n".join(n for n in (hit.title, f"({hit.doc_id})" if hit.doc_id else hit.article_id[:12]) if n),
            "published": hit.published.date().isoformat() if hit.published else "",
            "outlet": hit.outlet or "",
            "speaker (role)": (hit.speaker or hit.source or "?") + (f" ({hit.speaker_role})" if hit.speaker_role else ""),
            "kind": hit.kind,
            "content": hit.content,
        }
        for number, hit in enumerate(hits, start=offset + 1)
    ]
    return grid(rows, _COLUMNS, caps, width, keep=("speaker (role)",))

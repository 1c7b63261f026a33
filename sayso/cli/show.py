"""``sayso show``: one stored article, its metadata and its attributions.

A translation of :meth:`sayso.store.Store.find_article`, which takes the id or the
article's ``doc_id`` (as ``sayso search`` prints it), or a unique start of either.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from sayso.batch import Extracted
from sayso.cli.output import printable, table
from sayso.cli.query import add_store_options, open_existing, print_json
from sayso.ingest import Document
from sayso.store import StoredArticle


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``show`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "show",
        help="show a stored article and its attributions",
        description="Print an article's metadata and attributions (table) or the article with its "
        "text and full attribution records (json).",
    )
    parser.add_argument("article", metavar="ARTICLE_ID", help="an article id or a doc_id, or the start of either")
    add_store_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the article; an unknown or ambiguous ARTICLE_ID ends the run (E037, E038)."""
    with open_existing(args.db) as store:
        article = store.find_article(args.article)
    if args.format == "json":
        print_json(article.to_dict())
    else:
        sys.stdout.write(render(article, shutil.get_terminal_size().columns))
    return 0


def render(article: StoredArticle, width: int) -> str:
    """The metadata that is known, one ``name: value`` line each, the attributions' table, then
    where the statements passed on came from (the relays), one line each by attribution number."""
    details = {
        "title": article.title,
        "id": article.id,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "authors": ", ".join(article.authors),
        "url": article.url,
    }
    head = "".join(f"{name:>9}: {printable(value)}\n" for name, value in details.items() if value)
    document = Document(article.doc_id or article.id[:12], article.text, article.origin or "")
    relays = "".join(f"  #{p.attribution}: {printable(p.describe())}\n" for p in article.relays)
    return head + table(Extracted(document, article.attributions), width) + (f"relays:\n{relays}" if relays else "")

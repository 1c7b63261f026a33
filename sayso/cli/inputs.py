"""What ``sayso extract`` and ``sayso ingest`` share about their input: URLs, and no store made of nothing.

A PATH may be an ``http(s)://`` URL, and ``--urls FILE`` adds the URLs listed in a
file; ``--timeout`` and ``--allow-private-urls`` say how they are fetched
(:class:`sayso.ingest.Fetcher`). A run whose every input fails (``sayso ingest
nosuch.txt``) must not leave an empty store behind for the next command to find, so
a store that does not exist yet is made only once a first article has been read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import chain

from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, Fetcher, IngestError
from sayso.ingest.web import DEFAULT_TIMEOUT, url_list
from sayso.store import open_store

Item = Document | IngestError


def add_url_options(parser: argparse.ArgumentParser) -> None:
    """``--urls FILE``, ``--timeout SECONDS`` and ``--allow-private-urls``."""
    parser.add_argument(
        "--urls", action="append", default=[], metavar="FILE",
        help="also fetch the http(s) URLs listed in FILE, one a line ('#' starts a comment); repeatable",
    )
    parser.add_argument(
        "--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help=f"give up on a URL after SECONDS of waiting, or of downloading it (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--allow-private-urls", action="store_true",
        help="fetch URLs on this machine or the local network too (refused by default: E140)",
    )
    parser.set_defaults(usage_error=parser.error)


def sources(args: argparse.Namespace) -> list[str]:
    """The PATHs and the URLs of the ``--urls`` files, in that order; a usage error when there are none.

    Raises:
        SaysoError: a ``--urls`` file cannot be read (E145) or lists something that is no URL (E146).
    """
    found = [*args.paths, *(url for path in args.urls for url in url_list(path))]
    if not found:
        args.usage_error("give at least one PATH, or --urls FILE")
    return found


def fetcher(args: argparse.Namespace) -> Fetcher:
    """How the options say URLs are fetched."""
    return Fetcher(timeout=args.timeout, private=args.allow_private_urls)


def before_the_store(items: Iterable[Item], db: str) -> Iterator[Item]:
    """``items``, read up to the first document before the store at ``db`` is made when it does not exist yet.

    Raises:
        SaysoError: no input gave a document and there is no store (E147); each failure
            is named on stderr first.
    """
    try:
        open_store(db, create=False).close()
        return iter(items)
    except SaysoError as e:
        if e.code != "E035":  # no such SQLite file; anything else is for the run to report
            return iter(items)
    pending = iter(items)
    failures: list[IngestError] = []
    for item in pending:
        if isinstance(item, Document):
            return chain(failures, [item], pending)
        failures.append(item)
    for failure in failures:
        print(f"sayso: {failure.reason}", file=sys.stderr)
    raise SaysoError(Errors.E147.format(path=db))


def _seconds(value: str) -> float:
    """An argparse type: a positive number of seconds."""
    number = float(value)
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return number

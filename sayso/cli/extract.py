"""``sayso extract``: attributions from text files, directories, stdin or JSONL.

A translation only: :func:`sayso.ingest.read` reads, :func:`sayso.batch.extract_documents`
runs the pipeline in batches, :mod:`sayso.store` keeps the results and
:mod:`sayso.cli.output` prints them. An input that fails is named on stderr with
the reason and the run goes on; the exit status is 1 when any input failed.
"""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TextIO

from tqdm import tqdm

from sayso.batch import extract_documents
from sayso.cli.inputs import add_url_options, before_the_store, fetcher, sources
from sayso.cli.options import add_accurate_option, add_follow_links_option, add_models_option, pipeline, positive
from sayso.cli.output import FORMATS, Writer
from sayso.corpus.index import update
from sayso.errors import Errors, SaysoError
from sayso.ingest import STDIN, IngestError, read
from sayso.records import DEFAULT_BATCH_SIZE, Result
from sayso.runner import IngestReport, store_results
from sayso.store import open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "extract",
        help="extract attributions from text files, directories, stdin, JSONL or web pages",
        description="Print the attributions in each document. A PATH is a text file (its name "
        "without suffix is the doc_id), a directory (every .txt file below it, sorted), "
        f"'{STDIN}' for stdin (doc_id 'stdin'), a .jsonl file with a "
        '{"doc_id", "text"} object a line, or an http(s):// URL (the URL is the doc_id).',
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help=f"text, HTML or .jsonl file, directory, URL or {STDIN}",
    )
    parser.add_argument(
        "--format", choices=FORMATS,
        help="table for reading, json (one array) or jsonl (one document a line, scorable by the "
        "referee); default: table at a terminal, else jsonl",
    )
    parser.add_argument("--output", metavar="FILE", help="write there instead of stdout")
    parser.add_argument(
        "--nested", action="store_true",
        help="JSON output: also the statements made inside another attribution's content ('X said ..., "
        "Xinhua reported'), each with its parent's index; default: the flat view the referee scores",
    )
    parser.add_argument("--db", metavar="SQLITE_PATH", help="also store articles and attributions in this SQLite file")
    parser.add_argument(
        "--batch-size", type=positive, default=DEFAULT_BATCH_SIZE, metavar="N",
        help=f"documents per spaCy batch and per store transaction (default {DEFAULT_BATCH_SIZE})",
    )
    add_url_options(parser)
    add_follow_links_option(parser)
    add_models_option(parser)
    add_accurate_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract, print and store; 0 when every input was processed, 1 when any failed."""
    extracted = failed = 0
    items = read(sources(args), follow_links=args.follow_links, fetch=fetcher(args))
    nlp = pipeline(args.models, args.accurate)
    with ExitStack() as stack:
        out = stack.enter_context(_open_output(args.output))
        if args.db:
            items = before_the_store(items, args.db)
        store = stack.enter_context(open_store(args.db)) if args.db else None
        writer = Writer(out, args.format or ("table" if out.isatty() else "jsonl"), args.nested)
        # A progress bar on stderr, unless the results themselves go to the same terminal.
        progress = stack.enter_context(
            tqdm(unit="doc", file=sys.stderr, delay=2, disable=True if out.isatty() else None)
        )

        def printed(batches: Iterable[list[Result]]) -> Iterator[list[Result]]:
            nonlocal extracted, failed
            for batch in batches:
                for result in batch:
                    if isinstance(result, IngestError):
                        failed += 1
                        if not store:  # with a store, its run reports every failure (below)
                            progress.write(f"sayso: {result.reason}", file=sys.stderr)
                    else:
                        writer.write(result)
                        extracted += 1
                progress.update(len(batch))
                yield batch

        def show(report: IngestReport, failures: list[IngestError]) -> None:
            for failure in failures:  # unreadable inputs and documents the store refused (E123)
                progress.write(f"sayso: {failure.reason}", file=sys.stderr)

        batches = printed(extract_documents(items, nlp=nlp, batch_size=args.batch_size))
        if store:
            # The one road in: articles stored already are kept as they are.
            failed = store_results(batches, store, progress=show).failed
            update(store)  # the corpus index, as sayso ingest leaves it
        else:
            deque(batches, maxlen=0)
        writer.close()
    stored = f"; stored in {args.db}" if args.db else ""
    print(f"sayso: {extracted} extracted, {failed} failed{stored}", file=sys.stderr)
    return 1 if failed else 0


@contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    """The file at ``path`` (created or truncated), or stdout when no path is given."""
    if path is None:
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8", newline="\n")
    except OSError as e:
        raise SaysoError(Errors.E032.format(path=path, detail=e.strerror or e)) from None
    with f:
        yield f

"""``sayso ingest``: a corpus into the store, resumably, in several processes if asked.

A translation only: :func:`sayso.ingest.read` reads, :func:`sayso.runner.ingest`
extracts and stores; this shows progress on stderr (a bar at a terminal, a plain
line every few seconds otherwise), names each input that failed and ends with a
summary. Exit status 1 when any input failed; a run that was stopped is resumed
by running the same command again.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from sayso.cli.inputs import add_url_options, before_the_store, fetcher, sources
from sayso.cli.options import (
    add_field_option,
    add_follow_links_option,
    add_models_option,
    check_models,
    positive,
)
from sayso.corpus.index import update
from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.ingest import STDIN, SUFFIXES, Fields, IngestError, files, read
from sayso.ingest.jsonl import lines
from sayso.ingest.web import is_url
from sayso.runner import DEFAULT_BATCH_SIZE, IngestReport, ingest
from sayso.scale.layout import is_output
from sayso.store import DEFAULT_URL, Store, open_store

LOG_EVERY = 10.0
# Files holding many documents, whose count is not cheap to know before reading them.
_ARCHIVES = (".warc", ".warc.gz")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "ingest",
        help="extract a corpus into the store (SQLite or PostgreSQL), resumably",
        description="Extract the attributions of every article in the PATHs and store them. Articles "
        "already in the store are skipped, so a run that was stopped (even killed) is resumed by "
        "running the same command again.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help=f"a text, HTML, JSONL or WARC file, a directory, a glob, an http(s):// URL, or {STDIN} for stdin",
    )
    parser.add_argument(
        "--db", default=DEFAULT_URL, metavar="URL",
        help=f"the store: sqlite:///PATH, a plain path or postgresql://… (default {DEFAULT_URL})",
    )
    parser.add_argument(
        "--workers", type=positive, default=1, metavar="N",
        help="processes running the pipeline, each loading it once (default 1)",
    )
    parser.add_argument(
        "--batch-size", type=positive, default=DEFAULT_BATCH_SIZE, metavar="N",
        help=f"documents per spaCy batch and per store transaction (default {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--log-every", type=float, default=LOG_EVERY, metavar="SECONDS",
        help=f"seconds between progress lines when stderr is not a terminal (default {LOG_EVERY:g})",
    )
    add_field_option(parser)
    add_url_options(parser)
    add_follow_links_option(parser)
    add_models_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ingest and report; 0 when every input was stored or skipped, 1 when any failed."""
    check_models(args.models)
    fields = Fields.from_options(args.field)
    paths = sources(args)
    # The output of `sayso scale` holds its attributions already: it is loaded, not extracted again.
    outputs = [path for path in paths if is_output(path)]
    if outputs and len(outputs) < len(paths):
        raise SaysoError(Errors.E098.format(path=outputs[0]))
    if outputs:
        require("pyarrow.parquet", Errors.E121.format(what="loading the output of sayso scale"))
    items = None if outputs else before_the_store(
        read(paths, fields=fields, follow_links=args.follow_links, fetch=fetcher(args)), args.db)
    with open_store(args.db) as store:
        progress = _Progress(None if outputs else _total(paths, args.follow_links), args.log_every)
        try:
            report = _load_output(outputs, store, progress) if items is None else ingest(
                items, store, workers=args.workers, batch_size=args.batch_size, models=args.models, progress=progress,
            )
        except KeyboardInterrupt:
            print(f"sayso: {_interrupted(progress.report)}", file=sys.stderr)
            return 130
        finally:
            progress.close()
        started = time.monotonic()
        index = update(store)
    print(f"sayso: {_summary(report)}", file=sys.stderr)
    if index is not None:
        shared = sum(1 for cluster in index.clusters if cluster.outlet_count >= 2)
        print(f"sayso: corpus index: {len(index.registry)} speakers, {len(index.clusters)} quotes "
              f"({shared} run by two or more outlets), built in {time.monotonic() - started:.1f} s", file=sys.stderr)
        for problem in index.problems:
            print(f"sayso: a stored curation no longer applies: {problem}", file=sys.stderr)
    return 1 if report.failed else 0


def _load_output(outputs: list[str], store: Store, progress: _Progress) -> IngestReport:
    """Load the output of ``sayso scale``, which PyArrow reads (imported here, as only this needs it)."""
    from sayso.scale.load import load_output

    return load_output(outputs, store, progress=progress)


class _Progress:
    """A run's progress on stderr: each failure by name, and a bar at a terminal or else a line now and then."""

    def __init__(self, total: int | None, every: float) -> None:
        self.total, self.every = total, every
        self.bar = tqdm(total=total, unit="article", file=sys.stderr, delay=2) if sys.stderr.isatty() else None
        self.last = time.monotonic()
        self.report = IngestReport()  # the last one given: what is stored, should the run be stopped

    def __call__(self, report: IngestReport, failures: list[IngestError]) -> None:
        self.report = report
        for failure in failures:
            self._say(f"sayso: {failure.reason}")
        if self.bar is not None:
            self.bar.set_postfix(failed=report.failed, refresh=False)
            self.bar.update(report.done - self.bar.n)
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self._say(f"sayso: {_line(report, self.total)}")

    def _say(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _line(report: IngestReport, total: int | None) -> str:
    """``ingested 340/1008 articles, 12.3 articles/s, 0 failed``: a progress line for logs."""
    count = f"{report.done}/{total}" if total is not None else f"{report.done}"
    skipped = f" ({report.skipped} already stored)" if report.skipped else ""
    return f"ingested {count} articles{skipped}, {report.per_second:.1f} articles/s, {report.failed} failed"


def _interrupted(report: IngestReport) -> str:
    """What a run stopped with Ctrl-C leaves: the whole batches it stored, and how to go on."""
    skipped = f" ({report.skipped} were stored already)" if report.skipped else ""
    return (
        f"interrupted: {report.stored} articles stored by this run{skipped}, {report.failed} failed; "
        "the batch in progress was not stored. Run the same command again to resume: what is stored is skipped"
    )


def _summary(report: IngestReport) -> str:
    return (
        f"{report.read} read: {report.stored} stored ({report.attributions} attributions), "
        f"{report.skipped} already stored, {report.failed} failed, in {report.seconds:.1f} s "
        f"({report.per_second:.1f} articles/s)"
    )


def _total(paths: list[str], follow_links: bool) -> int | None:
    """How many inputs ``paths`` hold when that is cheap to know: files (as the reader lists
    them, :func:`sayso.ingest.files.expand`), and lines of JSONL files.

    None when a WARC file is among them: the progress then shows the rate only.
    """
    counts: list[int | None] = []
    for source in paths:
        if source == STDIN or is_url(source):
            counts.append(1)
            continue
        for item in files.expand(source, SUFFIXES, follow_links):
            # What cannot be read (no such path, a FIFO, a link out) is one failed input.
            counts.append(1 if isinstance(item, IngestError) or files.named(item) else _inputs(item))
    return None if None in counts else sum(c for c in counts if c is not None)


def _inputs(path: Path) -> int | None:
    """Documents in the file at ``path``, or None for an archive."""
    name = path.name.lower()
    if name.endswith(_ARCHIVES):
        return None
    return _records(path) if name.endswith(".jsonl") else 1


def _records(path: Path) -> int:
    """Non-blank lines of a JSONL file, counted without decoding them."""
    try:
        with path.open("rb") as f:
            return sum(1 for line in lines(f) if line is None or line.strip())
    except OSError:
        return 1  # the reader reports it, as one failed input

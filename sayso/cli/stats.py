"""``sayso stats``: the corpus in figures per outlet and time window, or a plot of quotes over time.

A translation of :func:`sayso.corpus.stats.corpus_stats` (printed as a table,
JSON or CSV) and, with ``--plot FILE``, of
:func:`sayso.corpus.stats.quotes_over_time` drawn by
:func:`sayso.corpus.plot.plot_timeline`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import timedelta

from sayso.cli.options import positive
from sayso.cli.output import printable
from sayso.cli.query import (
    add_filter_options,
    add_store_options,
    open_existing,
    print_json,
)
from sayso.corpus.stats import (
    BY,
    COLUMNS,
    UNDATED,
    WindowStats,
    corpus_stats,
    quotes_over_time,
)
from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.store import Store

FORMATS = ("table", "json", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``stats`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "stats",
        help="corpus figures per outlet and time window, or a plot of quotes over time",
        description="Per time window, over all outlets and per outlet: articles, attributions, the "
        "share of anonymous sources and of direct quotes, the most quoted speakers, speaker types and "
        "channels. Articles without a publication date make the window 'undated'. With --plot FILE, "
        "draws a speaker's or an outlet's attributions per window into FILE (.png or .svg) instead.",
    )
    parser.add_argument(
        "--by", choices=BY, help="the time windows (UTC; week: ISO week); default all, or month with --plot"
    )
    add_filter_options(parser, kind=False, speaker=False)
    parser.add_argument("--top", type=positive, default=10, metavar="N", help="speakers listed per row (default 10)")
    parser.add_argument(
        "--plot", metavar="FILE", help="draw quotes over time into FILE.png or FILE.svg (instead of printing figures)"
    )
    parser.add_argument(
        "--speaker", metavar="NAME",
        help="with --plot: the speaker to plot, by a name or name form of the corpus registry "
        "('Trump' for Donald Trump) or its id, else as articles name them (any case)",
    )
    add_store_options(parser, formats=FORMATS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the figures in ``--format``, or write the plot and say so on stderr."""
    if args.plot is not None:
        return _plot(args)
    if args.speaker is not None:
        raise SaysoError(Errors.E115)
    with open_existing(args.db) as store:
        rows = corpus_stats(
            store, by=args.by or "all", outlet=args.outlet, since=args.since, until=args.until, top=args.top
        )
        _note_stale_index(store)
    if args.format == "json":
        print_json([row.to_dict() for row in rows])
    elif args.format == "csv":
        write_csv(rows)
    elif rows:
        sys.stdout.write(table(rows))
    else:
        print("sayso: no articles match", file=sys.stderr)
    return 0


def _plot(args: argparse.Namespace) -> int:
    require("matplotlib", Errors.E122)
    from sayso.corpus.plot import describe, plot_format, plot_timeline

    plot_format(args.plot)  # an unusable file name is refused before the store is read
    if args.speaker is None and args.outlet is None:
        raise SaysoError(Errors.E114)
    if args.by == "all":
        raise SaysoError(Errors.E116)
    with open_existing(args.db) as store:
        timeline = quotes_over_time(
            store, speaker=args.speaker, outlet=args.outlet, by=args.by or "month", since=args.since, until=args.until
        )
        _note_stale_index(store)
    plot_timeline(timeline, args.plot)
    undated = f" ({timeline.undated} undated, not shown)" if timeline.undated else ""
    print(
        f"sayso: plotted {_count(timeline.total, 'attribution')} {printable(describe(timeline))}{undated}"
        f" in {_count(len(timeline.points), timeline.by)} to {args.plot}",
        file=sys.stderr,
    )
    return 0


def _note_stale_index(store: Store) -> None:
    """Say on stderr when speakers the corpus index has not seen are counted under their articles' names."""
    if store.index_state() != store.current_state():
        print(
            "sayso: the corpus index is behind the store: speakers it has not seen are counted under the "
            "names their articles give ('sayso ingest' brings it up to date)",
            file=sys.stderr,
        )


def write_csv(rows: list[WindowStats]) -> None:
    """One CSV row per outlet and window, with a header, on stdout."""
    flat = [row.to_row() for row in rows]
    columns = list(dict.fromkeys([*COLUMNS, *(key for row in flat for key in row)]))
    writer = csv.DictWriter(sys.stdout, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)


def table(rows: list[WindowStats]) -> str:
    """A header per window, then per outlet (all outlets first) its figures and three lists:
    the top speakers, the speaker types and the channels, each most frequent first."""
    out = []
    current = None
    for row in rows:
        if row.window != current:
            current = row.window
            out.append(f"== {_window(row)}\n")
        figures = f"{_count(row.articles, 'article')}, {_count(row.attributions, 'attribution')}"
        if row.attributions:
            figures += f", {row.anonymous_share:.1%} anonymous, {row.direct_share:.1%} direct"
        if row.named_people:  # of the attributions to a named person, those the text shows a woman or a man
            figures += f"; named people: {row.women_share:.1%} women, {row.men_share:.1%} men"
        out.append(f"  {_outlet(row.outlet)}: {figures}\n")
        lists = {
            "speakers": [(s.name, s.count) for s in row.top_speakers],
            "types": _frequent(row.speaker_types),
            "channels": _frequent(row.channels),
        }
        out.extend(
            f"    {label + ':':<9} {', '.join(f'{printable(name)} {n}' for name, n in items)}\n"
            for label, items in lists.items() if items
        )
    return "".join(out)


def _window(row: WindowStats) -> str:
    window = row.window
    if window.start is None or window.end is None:
        return "undated (articles without a publication date)" if window.label == UNDATED else "all time"
    return f"{window.label} ({window.start.isoformat()} to {(window.end - timedelta(days=1)).isoformat()})"


def _outlet(outlet: str | None) -> str:
    if outlet is None:
        return "all outlets"
    return printable(outlet) if outlet else "no outlet"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _frequent(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(((name, n) for name, n in counts.items() if n), key=lambda item: (-item[1], item[0]))

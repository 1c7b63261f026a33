"""A speaker's or an outlet's quotes over time, drawn as a bar chart in a PNG or SVG file.

matplotlib is imported only here, inside :func:`plot_timeline`, so that ``import
sayso`` and every other command stay fast. The figure is drawn on a bare
:class:`matplotlib.figure.Figure` (no pyplot, no global state, no window): the
file's suffix chooses the canvas, Agg for PNG and matplotlib's SVG writer for SVG.
Names and outlets come from article text, so they are drawn as plain text,
never read as matplotlib's ``$…$`` math markup; an SVG draws text as paths, so
none of it lands in the file as markup either.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sayso.corpus.stats import Timeline
from sayso.errors import Errors, SaysoError

FORMATS = ("png", "svg")
# How wide a bar is drawn, in days, for each window: a little less than the window.
_BAR_DAYS = {"year": 300, "month": 25, "week": 5}


def plot_format(path: str | Path) -> str:
    """The format a plot file's suffix asks for (``png`` or ``svg``), checked before any work.

    Raises:
        SaysoError: any other suffix (E110).
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise SaysoError(Errors.E110.format(path=path, suffix=Path(path).suffix))
    return suffix


def describe(timeline: Timeline) -> str:
    """Whose attributions a timeline counts, as words: "of Donald Trump in Politico"."""
    parts = []
    if timeline.speaker is not None:
        parts.append(f"of {timeline.speaker}")
    if timeline.outlet is not None:
        parts.append(f"in {timeline.outlet or 'articles without an outlet'}")
    return " ".join(parts) or "in the store"


def plot_timeline(timeline: Timeline, path: str | Path) -> None:
    """Draw ``timeline`` as bars, one per window, into ``path`` (``.png`` or ``.svg``).

    Raises:
        SaysoError: an unknown suffix (E110), no attributions (E111), only
            attributions without a date (E113), or the file cannot be written (E032).
    """
    fmt = plot_format(path)
    what = describe(timeline)
    if timeline.total == 0:
        raise SaysoError(Errors.E111.format(what=what))
    if not timeline.points:
        raise SaysoError(Errors.E113.format(count=timeline.undated, what=what))
    from matplotlib import dates
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 3.6), layout="constrained")
    axes = figure.subplots()
    starts = [start for start, _ in timeline.points]
    # Matplotlib converts dates and their differences itself (its date units); its stubs know only numbers.
    axes.bar(starts, [n for _, n in timeline.points], width=timedelta(days=_BAR_DAYS[timeline.by]),  # type: ignore[arg-type]
             align="edge", color="#3b6ea5")
    locator = dates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(f"attributions per {timeline.by}")
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(f"Attributions {what}", loc="left", parse_math=False)
    dated = timeline.total - timeline.undated
    note = f"{dated:,} attributions" + (f"; {timeline.undated:,} undated, not shown" if timeline.undated else "")
    axes.set_title(note, loc="right", fontsize="small", color="#555555", parse_math=False)
    try:
        figure.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    except OSError as e:
        raise SaysoError(Errors.E032.format(path=path, detail=e.strerror or e)) from None

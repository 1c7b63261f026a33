"""The geometry of the pages' charts, drawn server-side as inline SVG.

Only numbers and labels are computed here; the templates write the SVG
elements (autoescaped like everything else), so a chart needs no script, no
library and no network, and prints and reads at any width (it scales with its
``viewBox``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sayso.store.results import Cluster, Count

WIDTH = 640
HEIGHT = 200
LEFT = 36  # room for the value axis labels
BOTTOM = 22  # room for the time axis labels
TOP = 8
ROW = 26  # one outlet's lane in a timeline
PAD = 14  # room for a dot at either end of a timeline


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class BarChart:
    """Bars over time, one per month from the first to the last (empty months included)."""

    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    baseline: float


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str
    first: bool


@dataclass(frozen=True)
class Lane:
    y: float
    outlet: str


@dataclass(frozen=True)
class Timeline:
    """A cluster's appearances: one lane per outlet (in order of first appearance), days across."""

    width: int
    height: int
    lanes: list[Lane]
    dots: list[Dot]
    x_ticks: list[Tick]
    left: int


@dataclass(frozen=True)
class Segment:
    """A piece of a share bar: from ``x``, ``width`` long, drawn in style ``kind``."""

    x: float
    width: float
    kind: str
    label: str


@dataclass(frozen=True)
class ShareRow:
    y: float
    label: str
    segments: list[Segment]
    text: str  # the shares written out, right of the bar


@dataclass(frozen=True)
class ShareChart:
    """Horizontal bars of shares (0 to 1), one row per outlet: the outlets page's comparisons."""

    width: int
    height: int
    left: int
    plot_width: float
    rows: list[ShareRow]
    ticks: list[Tick]


def share_chart(
    rows: list[tuple[str, list[tuple[str, float | None]]]], *, width: int = WIDTH
) -> ShareChart | None:
    """Bars for ``(label, [(kind, share), …])`` rows, the shares of a row side by side from 0 (a share of
    None is left out: nothing to say); None when no row has a share."""
    if not any(share is not None for _, shares in rows for _, share in shares):
        return None
    left = min(170, 12 + 7 * max(len(label) for label, _ in rows))
    plot_w = width - left - 120  # room right of the bars for the figures
    drawn = []
    for i, (label, shares) in enumerate(rows):
        x, segments = float(left), []
        for kind, share in shares:
            if share is not None:
                segments.append(Segment(x, plot_w * share, kind, f"{label}: {kind} {share:.0%}"))
                x += plot_w * share
        text = " · ".join(f"{share:.0%}" for _, share in shares if share is not None) or "—"
        drawn.append(ShareRow(TOP + ROW * i, label, segments, text))
    height = TOP + ROW * len(rows) + BOTTOM
    ticks = [Tick(left + plot_w * v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1)]
    return ShareChart(width, height, left, plot_w, drawn, ticks)


def month_chart(months: list[Count], *, width: int = WIDTH, height: int = HEIGHT) -> BarChart | None:
    """Bars for counts per month (``value`` "YYYY-MM"); None when there is nothing to draw."""
    counts = {m.value: m.count for m in months}
    if not counts:
        return None
    span = _month_range(min(counts), max(counts))
    plot_w, plot_h = width - LEFT - 4, height - BOTTOM - TOP
    top = max(counts.values())
    step = plot_w / len(span)
    bars = []
    for i, month in enumerate(span):
        n = counts.get(month, 0)
        h = plot_h * n / top
        bars.append(Bar(LEFT + i * step + step * 0.1, TOP + plot_h - h, step * 0.8, h, month, n))
    every = max(1, len(span) // 6)
    x_ticks = [Tick(LEFT + (i + 0.5) * step, month) for i, month in enumerate(span) if i % every == 0]
    y_ticks = [Tick(TOP + plot_h * (1 - v / top), str(v)) for v in sorted({0, top // 2, top})]
    return BarChart(width, height, bars, x_ticks, y_ticks, TOP + plot_h)


def cluster_timeline(cluster: Cluster, *, width: int = WIDTH) -> Timeline | None:
    """Dots for a cluster's dated appearances, one lane per outlet; None when none is dated."""
    dated = [(q, q.published) for q in cluster.quotes if q.published is not None]
    if not dated:
        return None
    outlets = list(dict.fromkeys(q.outlet or "(no outlet)" for q, _ in dated))
    left = min(160, 12 + 7 * max(len(o) for o in outlets))
    first_day, last_day = dated[0][1], max(day for _, day in dated)
    days = max((last_day - first_day).days, 1)
    plot_w = width - left - 2 * PAD
    height = TOP + ROW * len(outlets) + BOTTOM

    def x(day: date) -> float:
        return left + PAD + plot_w * (day - first_day).days / days

    lanes = [Lane(TOP + ROW * (i + 0.5), outlet) for i, outlet in enumerate(outlets)]
    lane_of = {lane.outlet: lane.y for lane in lanes}
    dots = [
        Dot(x(day), lane_of[q.outlet or "(no outlet)"], f"{q.outlet or '(no outlet)'}, {day}", i == 0)
        for i, (q, day) in enumerate(dated)
    ]
    ticks = [Tick(x(first_day), first_day.isoformat())]
    if last_day != first_day:
        ticks.append(Tick(x(last_day), last_day.isoformat()))
    return Timeline(width, height, lanes, dots, ticks, left)


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out

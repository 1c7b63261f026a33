"""Corpus statistics: who is quoted, how and through what, per outlet and time window.

A newsroom or a researcher asks of a corpus how often each outlet leans on
anonymous sources, how much of what it reports is quoted word for word, who it
quotes most and through which channels, and how that changes over time. The
figures are counted from the store's grouped counts (:meth:`sayso.store.Store.article_counts`
and its siblings, SQL of the store package), with the outlet and date filters of
every other query.

Times are bucketed in Python rather than in SQL, because the backends return
publication times in different forms (ISO text in SQLite, ``timestamptz`` in
PostgreSQL) and have no date function in common: the queries group by the
stored time itself and :func:`sayso.store.sql.stored_time` reads it, so one code
path serves both. Windows are in UTC: a calendar year, a calendar month or an
ISO week (Monday to Sunday). An article without a publication date falls in the
window labelled ``undated``, listed last, so that it is counted rather than
silently dropped (``since``/``until`` leave such articles out, as every date
filter does).

A speaker is the corpus registry's speaker (:mod:`sayso.corpus.index`: "Trump"
and "Mr. Trump" counted as "Donald Trump") for the attributions the index has
seen, else the name the article gives; anonymous and unnamed sources are never
among the top speakers, but they count in every share.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sayso.records import CHANNEL_TYPES, SPEAKER_TYPES
from sayso.store import Filters, SpeakerRef, Store
from sayso.store.sql import stored_time

BY = ("all", "year", "month", "week")
UNDATED = "undated"
# The columns of :meth:`WindowStats.to_row`, in order; a store holding a type or
# channel sayso no longer writes adds its column after these.
COLUMNS = (
    "window", "start", "end", "outlet", "all_outlets", "articles", "attributions", "anonymous_share", "direct_share",
    "named_people", "women_share", "men_share", "top_speakers", *(f"type_{name}" for name in SPEAKER_TYPES), *(f"channel_{name}" for name in CHANNEL_TYPES),
)

@dataclass(frozen=True, order=True)
class Window:
    """A stretch of publication time: its label and its first day and the day after its last.

    ``start`` and ``end`` are None for the window of all time (``all``) and for
    the articles without a publication date (``undated``).
    """

    label: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class NameCount:
    """A speaker's name and how many attributions it has."""

    name: str
    count: int


@dataclass(frozen=True)
class WindowStats:
    """The figures of one outlet (or of all outlets) in one time window.

    ``outlet`` is None in the row over all outlets (whose :meth:`to_dict` also
    says ``all_outlets``, since CSV cannot tell None from an empty outlet) and
    ``""`` in the row of the articles that name no outlet. An outlet spelt
    several ways ("POLITICO", "Politico") is one outlet, under its most frequent
    spelling among the articles counted (the first in code point order among
    equals). The anonymous and direct shares are fractions of ``attributions``
    (None when there are none); ``named_people`` counts the attributions to a
    named person, and the women's and men's shares are the fractions of those
    whose text shows the speaker a woman or a man (the rest it does not say);
    ``speaker_types`` and ``channels`` count every type and channel, zeros included.
    """

    window: Window
    outlet: str | None
    articles: int
    attributions: int
    top_speakers: list[NameCount]
    anonymous_share: float | None
    direct_share: float | None
    speaker_types: dict[str, int]
    channels: dict[str, int]
    named_people: int = 0
    women_share: float | None = None
    men_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the window's label and days in ISO 8601, then the figures."""
        return {
            "window": self.window.label,
            "start": _iso(self.window.start),
            "end": _iso(self.window.end),
            "outlet": self.outlet,
            "all_outlets": self.outlet is None,
            "articles": self.articles,
            "attributions": self.attributions,
            "anonymous_share": self.anonymous_share,
            "direct_share": self.direct_share,
            "named_people": self.named_people,
            "women_share": self.women_share,
            "men_share": self.men_share,
            "top_speakers": [{"name": s.name, "count": s.count} for s in self.top_speakers],
            "speaker_types": dict(self.speaker_types),
            "channels": dict(self.channels),
        }

    def to_row(self) -> dict[str, Any]:
        """One flat row (CSV): a ``type_*`` column per speaker type and a ``channel_*`` column
        per channel, the top speakers as JSON text, as ``sayso export`` writes lists."""
        data = self.to_dict()
        types = {f"type_{name}": n for name, n in data.pop("speaker_types").items()}
        channels = {f"channel_{name}": n for name, n in data.pop("channels").items()}
        data["top_speakers"] = json.dumps(data["top_speakers"], ensure_ascii=False)
        return {**data, **types, **channels}


@dataclass
class _Tally:
    """What is counted in one outlet and window while the rows come in."""

    articles: int = 0
    attributions: int = 0
    direct: int = 0
    types: Counter[str] = field(default_factory=Counter)
    channels: Counter[str] = field(default_factory=Counter)
    speakers: Counter[tuple[str, str]] = field(default_factory=Counter)  # by (name, registry id)
    genders: Counter[str | None] = field(default_factory=Counter)  # of named people's attributions


def window_of(published: datetime | None, by: str) -> Window:
    """The window of ``by`` (one of :data:`BY`) a publication time falls in (UTC)."""
    _check(by, BY)
    if by == "all":
        return Window("all")
    if published is None:
        return Window(UNDATED)
    return _window(published.date(), by)


def _window(day: date, by: str) -> Window:
    """The year, month or week ``day`` falls in."""
    if by == "year":
        start = date(day.year, 1, 1)
        return Window(str(day.year), start, date(day.year + 1, 1, 1))
    if by == "month":
        start = day.replace(day=1)
        return Window(start.strftime("%Y-%m"), start, _next_month(start))
    year, week, weekday = day.isocalendar()
    start = day - timedelta(days=weekday - 1)
    return Window(f"{year}-W{week:02d}", start, start + timedelta(days=7))


def _check(by: str, allowed: Sequence[str]) -> None:
    if by not in allowed:
        raise ValueError(f"by must be one of {', '.join(allowed)}, not {by!r}")


def _next_month(start: date) -> date:
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def corpus_stats(
    store: Store,
    *,
    by: str = "all",
    outlet: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    top: int = 10,
) -> list[WindowStats]:
    """The figures per time window of ``by`` (:data:`BY`), in time order with ``undated`` last.

    Each window has a row over all outlets, then one per outlet (by name, the
    articles without an outlet last). ``outlet``, ``since`` and ``until`` filter
    the articles as :class:`~sayso.store.Filters` does (the whole outlet name,
    any case; a date is that whole day, UTC). ``top`` is how many speakers each
    row lists, most quoted first (ties by name).
    """
    _check(by, BY)
    filters = Filters(outlet=outlet, since=since, until=until)
    tallies: dict[tuple[Window, str | None], _Tally] = {}
    spellings: dict[str, Counter[str]] = {}  # each outlet's spellings, by their articles

    def tallied(outlet_name: str | None, published: Any) -> list[_Tally]:
        window = window_of(stored_time(published), by)
        key = (outlet_name or "").casefold()
        return [tallies.setdefault((window, None), _Tally()), tallies.setdefault((window, key), _Tally())]

    for outlet_name, published, n in store.article_counts(filters):
        spellings.setdefault((outlet_name or "").casefold(), Counter())[outlet_name or ""] += n
        for tally in tallied(outlet_name, published):
            tally.articles += n
    for outlet_name, published, kind, speaker_type, channel, n in store.attribution_counts(filters):
        for tally in tallied(outlet_name, published):
            tally.attributions += n
            tally.direct += n if kind == "direct" else 0
            tally.types[speaker_type] += n
            tally.channels[channel] += n
    for outlet_name, published, gender, n in store.gender_counts(filters):
        for tally in tallied(outlet_name, published):
            tally.genders[gender] += n
    for outlet_name, published, speaker_id, name, n in store.speaker_counts(filters):
        for tally in tallied(outlet_name, published):
            tally.speakers[(name, speaker_id or "")] += n
    return [
        _stats(window, None if key is None else _most_common(spellings[key]), tally, top)
        for (window, key), tally in sorted(tallies.items(), key=_order)
    ]


def _order(item: tuple[tuple[Window, str | None], _Tally]) -> tuple[Any, ...]:
    """Windows in time order, ``undated`` last; in each, all outlets, the outlets by name, no outlet."""
    (window, key), _ = item
    return (window.start is None and window.label == UNDATED, window.start or date.min,
            key is not None, key == "", key or "")


def _stats(window: Window, outlet: str | None, tally: _Tally, top: int) -> WindowStats:
    # As Store.speakers orders them: most quoted first, then by name (code points), then by id.
    speakers = sorted(tally.speakers.items(), key=lambda item: (-item[1], item[0]))[:top]
    total = tally.attributions
    named = sum(tally.genders.values())
    return WindowStats(
        window=window,
        outlet=outlet,
        articles=tally.articles,
        attributions=total,
        top_speakers=[NameCount(name, n) for (name, _), n in speakers],
        anonymous_share=tally.types["anonymous"] / total if total else None,
        direct_share=tally.direct / total if total else None,
        speaker_types=_all(SPEAKER_TYPES, tally.types),
        channels=_all(CHANNEL_TYPES, tally.channels),
        named_people=named,
        women_share=tally.genders["female"] / named if named else None,
        men_share=tally.genders["male"] / named if named else None,
    )


def _all(names: Sequence[str], counts: Counter[str]) -> dict[str, int]:
    """Every name of ``names`` with its count (zeros included), then any other value the store holds."""
    return {**{name: counts[name] for name in names}, **{k: n for k, n in sorted(counts.items()) if k not in names}}


def _most_common(counts: Counter[str]) -> str:
    return min(counts, key=lambda key: (-counts[key], key))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Timeline:
    """Attributions per window over time, for a plot: whose, which windows, and how many.

    ``points`` are the start of each window and its count, from the first window
    with an attribution to the last, the empty windows between included (a gap
    in the quoting is a bar of zero, not a missing bar). ``undated`` counts the
    attributions of articles without a publication date, which have no place on
    a time axis.
    """

    speaker: str | None
    outlet: str | None
    by: str
    points: list[tuple[date, int]]
    undated: int = 0

    @property
    def total(self) -> int:
        return sum(n for _, n in self.points) + self.undated


def quotes_over_time(
    store: Store,
    *,
    speaker: str | SpeakerRef | None = None,
    outlet: str | None = None,
    by: str = "month",
    since: date | datetime | None = None,
    until: date | datetime | None = None,
) -> Timeline:
    """How many attributions ``speaker`` has (in ``outlet``, or everyone's in ``outlet``) per window.

    ``by`` is ``year``, ``month`` or ``week``. ``speaker`` is the corpus
    registry's speaker with this id, or whose name or any name form ("Trump",
    "donald trump", "Donald J. Trump") it is, ignoring case, as :meth:`sayso.store.Store.speaker` resolves
    it for every view (or that :class:`~sayso.store.SpeakerRef` itself). ``outlet``, ``since`` and ``until`` filter as in
    :func:`corpus_stats`.

    Raises:
        SaysoError: the name is the name or a name form of several registry
            speakers (E112: they are listed, most mentioned first, with their ids);
            a plot of them together would mix people up.
    """
    _check(by, BY[1:])
    found = store.speaker(speaker, partial=True) if isinstance(speaker, str) else speaker
    name = found.name if found else speaker if isinstance(speaker, str) else None
    counts: Counter[date] = Counter()
    undated = 0
    outlets: Counter[str] = Counter()
    filters = Filters(outlet=outlet, since=since, until=until)
    rows = [] if speaker is not None and found is None else store.quote_counts(filters, found)
    for outlet_name, published, n in rows:
        window = window_of(stored_time(published), by)
        if window.start is None:
            undated += n
        else:
            counts[window.start] += n
        outlets[outlet_name or ""] += n
    if outlet is not None:
        outlet = _most_common(outlets) if outlets else outlet
    return Timeline(name, outlet, by, _filled(counts, by), undated)


def _filled(counts: Counter[date], by: str) -> list[tuple[date, int]]:
    """``counts`` from their first window to their last, the windows between at zero."""
    if not counts:
        return []
    points: list[tuple[date, int]] = []
    start: date | None = min(counts)
    last = max(counts)
    while start is not None and start <= last:
        points.append((start, counts[start]))
        start = _window(start, by).end
    return points

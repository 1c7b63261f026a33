"""The reads the server needs beyond the store's own queries: pages of articles, counts, timelines.

The store answers searches, speaker rankings and single articles; a server also
needs totals for pagination, corpus figures for its home page and a speaker's
quotes over time. These are written here, in the SQL both backends share (run
through :meth:`sayso.store.Store.query`, with ``?`` placeholders and every
value a parameter), so that the store keeps to what every front end needs.

A speaker here is the corpus registry's speaker a page is about
(:meth:`sayso.store.Store.speaker`), the same one every other view counts; its
attributions are selected by :meth:`sayso.store.Store.speaker_condition`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sayso.store import Filters, SpeakerRef, Store
from sayso.store.base import JOINED, article_conditions, stored_time

# A publication time's month, "YYYY-MM", in UTC.
_MONTH = {
    "sqlite": "substr(a.published, 1, 7)",
    "postgresql": "to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM')",
}
_TOP = 10


@dataclass(frozen=True)
class ArticleSummary:
    """One line of an article list: what identifies the article and how many attributions it has."""

    id: str
    doc_id: str | None
    title: str | None
    url: str | None
    outlet: str | None
    published: datetime | None
    attributions: int


@dataclass(frozen=True)
class Count:
    """A value and how often it occurs (a kind, a channel, an outlet, a month)."""

    value: str
    count: int


@dataclass(frozen=True)
class Stats:
    """The whole store in figures, for the home page and ``/api/stats``."""

    articles: int
    attributions: int
    speakers: int
    outlets: int
    hedged: int
    failed_inputs: int
    first_published: datetime | None
    last_published: datetime | None
    kinds: list[Count]
    channels: list[Count]
    top_outlets: list[Count]
    months: list[Count]


@dataclass(frozen=True)
class RoleCount:
    """A role a speaker was given: how often, and the first and last publication day it was seen."""

    role: str
    count: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class SpeakerQuote:
    """One attribution of a speaker, with the article it is in."""

    article_id: str
    idx: int
    title: str | None
    outlet: str | None
    published: datetime | None
    speaker: str
    kind: str
    cue: str
    content: str
    channel_type: str
    hedges: list[str]


def articles(
    store: Store, filters: Filters, *, speaker: SpeakerRef | None = None, limit: int, offset: int
) -> tuple[list[ArticleSummary], int]:
    """A page of articles, latest first, and how many the filters allow in all.

    Of ``filters`` the outlet and the time window apply; ``speaker`` keeps the
    articles quoting that speaker.
    """
    where, params = _article_conditions(store, filters, speaker)
    total = store.query(f"SELECT count(*) FROM articles a WHERE {where}", params)[0][0]
    rows = store.query(
        "SELECT a.id, a.doc_id, a.title, a.url, a.outlet, a.published,"
        " (SELECT count(*) FROM attributions t WHERE t.article_id = a.id)"
        f" FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleSummary(*row[:5], stored_time(row[5]), int(row[6])) for row in rows], int(total)


def _article_conditions(store: Store, filters: Filters, speaker: SpeakerRef | None) -> tuple[str, list[Any]]:
    conditions, params = article_conditions(filters)
    if speaker is not None:
        condition, speaker_params = store.speaker_condition(speaker)
        conditions.append(f"EXISTS (SELECT 1 FROM attributions t WHERE t.article_id = a.id AND {condition})")
        params.extend(speaker_params)
    return " AND ".join(conditions) or "1 = 1", params


def stats(store: Store) -> Stats:
    """Counts over the whole store: articles, attributions, speakers, outlets, kinds, channels, months."""
    (articles_n, outlets_n, first, last), = store.query(
        "SELECT count(*), count(DISTINCT lower(outlet)), min(published), max(published) FROM articles", []
    )
    speakers_n = store.speaker_total()
    (attributions_n, hedged_n), = store.query(
        "SELECT count(*), coalesce(sum(CASE WHEN hedged THEN 1 ELSE 0 END), 0)"
        " FROM attributions",
        [],
    )
    failed = store.query("SELECT count(*) FROM errors", [])[0][0]
    month = _MONTH[store.dialect]
    return Stats(
        articles=int(articles_n),
        attributions=int(attributions_n),
        speakers=int(speakers_n),
        outlets=int(outlets_n),
        hedged=int(hedged_n),
        failed_inputs=int(failed),
        first_published=stored_time(first),
        last_published=stored_time(last),
        kinds=_counts(store, "SELECT kind, count(*) AS n FROM attributions GROUP BY kind ORDER BY n DESC, kind"),
        channels=_counts(
            store,
            "SELECT channel_type, count(*) AS n FROM attributions GROUP BY channel_type ORDER BY n DESC, channel_type",
        ),
        top_outlets=_counts(
            store,
            "SELECT min(outlet), count(*) AS n FROM articles WHERE outlet IS NOT NULL"
            f" GROUP BY lower(outlet) ORDER BY n DESC, min(outlet) LIMIT {_TOP}",
        ),
        months=_counts(
            store,
            f"SELECT {month} AS m, count(*) FROM articles a WHERE a.published IS NOT NULL GROUP BY m ORDER BY m",
        ),
    )


def speaker_roles(store: Store, speaker: SpeakerRef) -> list[RoleCount]:
    """The roles the articles give ``speaker``, most frequent first, with first and last day seen."""
    condition, params = store.speaker_condition(speaker)
    rows = store.query(
        f"SELECT t.speaker_role, count(*) AS n, min(a.published), max(a.published) FROM {JOINED}"
        f" WHERE {condition} AND t.speaker_role IS NOT NULL GROUP BY t.speaker_role ORDER BY n DESC, t.speaker_role",
        params,
    )
    return [RoleCount(role, int(n), _day(first), _day(last)) for role, n, first, last in rows]


def speaker_months(store: Store, speaker: SpeakerRef) -> list[Count]:
    """How many attributions of ``speaker`` each month ("YYYY-MM") holds, in time order."""
    condition, params = store.speaker_condition(speaker)
    return _counts(
        store,
        f"SELECT {_MONTH[store.dialect]} AS m, count(*) FROM {JOINED} WHERE {condition}"
        " AND a.published IS NOT NULL GROUP BY m ORDER BY m",
        params,
    )


def speaker_outlets(store: Store, speaker: SpeakerRef) -> list[Count]:
    """The outlets quoting ``speaker`` most, with how many attributions each."""
    condition, params = store.speaker_condition(speaker)
    return _counts(
        store,
        f"SELECT min(a.outlet), count(*) AS n FROM {JOINED} WHERE {condition}"
        f" AND a.outlet IS NOT NULL GROUP BY lower(a.outlet) ORDER BY n DESC, min(a.outlet) LIMIT {_TOP}",
        params,
    )


def speaker_quotes(store: Store, speaker: SpeakerRef, *, limit: int, offset: int) -> tuple[list[SpeakerQuote], int]:
    """A page of the attributions of ``speaker``, latest first, and how many there are."""
    condition, params = store.speaker_condition(speaker)
    total = store.query(f"SELECT count(*) FROM attributions t WHERE {condition}", params)[0][0]
    rows = store.query(
        "SELECT a.id, t.idx, a.title, a.outlet, a.published, t.speaker, t.kind, t.cue_text, t.content_text,"
        f" t.channel_type, t.hedges FROM {JOINED} WHERE {condition}"
        " ORDER BY a.published DESC NULLS LAST, a.id, t.idx LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    quotes = [
        SpeakerQuote(id_, int(idx), title, outlet, stored_time(published), speaker, kind, cue, content, channel, _list(hedges))
        for id_, idx, title, outlet, published, speaker, kind, cue, content, channel, hedges in rows
    ]
    return quotes, int(total)


def _counts(store: Store, sql: str, params: Sequence[Any] = ()) -> list[Count]:
    return [Count(str(value), int(n)) for value, n in store.query(sql, list(params)) if value is not None]


def _day(value: str | datetime | None) -> date | None:
    moment = stored_time(value)
    return moment.date() if moment else None


def _list(value: Any) -> list[str]:
    """A JSON list column: text in SQLite, already a list from PostgreSQL's jsonb."""
    return json.loads(value) if isinstance(value, str) else list(value)

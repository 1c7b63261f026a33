"""What the store's queries take and return: filters, hits, speakers, articles, errors.

Both backends return these same records, with times as timezone-aware
``datetime`` in UTC and spans as ``[start, end]`` pairs into the article's text,
so a front end never sees which database answered.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sayso.records import Attribution, Provenance

_WORD = re.compile(r"\w+")
# A phrase in double quotes (straight or curly), else one run of non-space characters.
_PART = re.compile(r'["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?|[^\s"\u201c\u201d]+')
GENDERS = ("female", "male")


@dataclass(frozen=True)
class Filters:
    """Which attributions a query is about; every field left empty matches everything.

    ``query`` is matched word by word (every word must occur, in the content or
    the speaker's name, stemmed), and words in double quotes (``"schools and clinics"``)
    as a phrase, one after another; other characters in it are ignored, so no user
    text can be read as query syntax. ``speaker`` matches any part of the
    speaker's name and ``outlet`` the whole outlet, both ignoring case.
    ``since`` and ``until`` bound the publication time: a ``date`` means that
    whole day (UTC), a ``datetime`` without timezone is taken as UTC, and
    ``until`` as a time is exclusive. ``channel`` is a channel type
    (``telegram``, ``interview``…) and ``hedged`` keeps only attributions with
    (True) or without (False) hedges. ``gender`` (one of :data:`GENDERS`) keeps the
    attributions whose speaker the text shows to be a woman or a man.
    """

    query: str = ""
    speaker: str | None = None
    outlet: str | None = None
    since: date | datetime | None = None
    until: date | datetime | None = None
    kind: str | None = None
    channel: str | None = None
    hedged: bool | None = None
    gender: str | None = None

    @property
    def terms(self) -> list[str]:
        """The words of ``query``, the only part of it the search engines see."""
        return _WORD.findall(self.query)

    @property
    def phrases(self) -> list[list[str]]:
        """The words of ``query`` grouped as they must occur: a quoted phrase is one group of
        words in a row, any other word a group of its own; groups without a word are dropped."""
        groups = [_WORD.findall(m.group(1) if m.group(1) is not None else m.group(0)) for m in _PART.finditer(self.query)]
        return [words for words in groups if words]

    def window(self) -> tuple[datetime | None, datetime | None]:
        """``since`` and ``until`` as UTC times: published at or after the first, before the second."""
        end = self.until
        if isinstance(end, date) and not isinstance(end, datetime):
            end = end + timedelta(days=1) if end < date.max else None  # until the end of time: no bound
        return _utc(self.since), _utc(end)


def _utc(moment: date | datetime | None) -> datetime | None:
    """``moment`` in UTC; at the calendar's edges, where its zone or a day more carries it out, the edge itself."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time())
    try:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        return (datetime.min if moment.year == datetime.min.year else datetime.max).replace(tzinfo=UTC)


@dataclass
class Hit:
    """One stored attribution with the article it belongs to; ``rank`` orders search results (higher first).

    ``speaker`` is the name as the article gives it, ``speaker_id`` and ``speaker_canonical``
    the corpus registry's speaker it is (the same person across articles and name forms), or
    None for an unnamed speaker or one the corpus index has not seen yet.
    """

    article_id: str
    idx: int
    doc_id: str | None
    title: str | None
    url: str | None
    outlet: str | None
    published: datetime | None
    kind: str
    speaker: str | None
    speaker_id: str | None
    speaker_canonical: str | None
    speaker_gender: str | None  # "female" or "male" where the text shows it
    speaker_type: str
    speaker_role: str | None
    channel_type: str
    channel_outlet: str | None
    hedges: list[str]
    source: str
    cue: str
    content: str
    source_spans: list[list[int]]
    cue_spans: list[list[int]]
    content_spans: list[list[int]]
    confidence: float
    rank: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, ``published`` in ISO 8601."""
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker across the store: how often and in how many articles they are quoted.

    ``type`` and ``role`` are the ones the articles give them most often. A
    speaker of the corpus index (:meth:`Store.speakers`) also has its
    ``id`` there and its other name forms, ``aliases``.
    """

    name: str
    type: str
    role: str | None
    attributions: int
    articles: int
    id: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "aliases": list(self.aliases)}


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker a name given by a user stands for: its id in the corpus index (None in a
    store without one, where a speaker is a name as articles write it), its canonical name
    and how many attributions quote it."""

    id: str | None
    name: str
    mentions: int


@dataclass
class StoredArticle:
    """An article as stored: its metadata, exact text and attributions (offsets into ``text``)."""

    id: str
    doc_id: str | None
    origin: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: datetime | None
    authors: tuple[str, ...]
    text: str
    created: datetime
    attributions: list[Attribution] = field(default_factory=list)
    relays: list[Provenance] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Metadata, text and the public JSON form of each attribution."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "origin": self.origin,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "authors": list(self.authors),
            "created": self.created.isoformat(),
            "text": self.text,
            "attributions": [a.to_dict() for a in self.attributions],
            "relays": [provenance.to_dict() for provenance in self.relays],
        }


@dataclass(frozen=True)
class StoredError:
    """An input whose last attempt failed: where it came from, the coded reason, and when."""

    origin: str
    reason: str
    created: datetime


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


@dataclass(frozen=True)
class RoleSeen:
    """A role given to a speaker across the corpus, how often, first and last day seen."""

    role: str
    count: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class SpeakerProfile:
    """A speaker across the corpus: its id in the index, its name forms and its roles."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSeen, ...]


@dataclass(frozen=True)
class ClusterQuote:
    """One appearance of a clustered quote: where and when, by whom, as written there."""

    article_id: str
    idx: int | None
    outlet: str | None
    published: date | None
    speaker: str | None
    text: str


@dataclass(frozen=True)
class Cluster:
    """A stored quote cluster (:class:`sayso.corpus.clusters.QuoteCluster` as the index keeps it):
    its longest wording, its appearances in publication order (unknown dates last), the first of
    them, and the outlets that ran it in the order they first did. Also the API's JSON shape."""

    id: str
    text: str
    quotes: tuple[ClusterQuote, ...]
    first: ClusterQuote
    outlets: list[str]

    @classmethod
    def of(cls, cluster_id: str, text: str, quotes: tuple[ClusterQuote, ...]) -> Cluster:
        """The cluster of these appearances (in publication order), with its first one and its outlets."""
        return cls(cluster_id, text, quotes, quotes[0], list(dict.fromkeys(q.outlet for q in quotes if q.outlet)))

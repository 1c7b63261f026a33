"""What the server knows about the corpus as a whole: speakers' other names and roles, quote clusters.

The store knows each article's speakers by the name that article gives them;
across articles the same person appears as "Hillary Clinton", "Clinton" and
"Hillary Rodham Clinton", and the same quote runs in many outlets. Every
``sayso ingest`` leaves the corpus index (:mod:`sayso.corpus.index`) in the
store; the server reads it through a :class:`Corpus`, :class:`StoredCorpus`,
and says so in a note while a store has none yet (one written before the index
existed, until its next ingest).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sayso.store import Store
from sayso.store.base import stored_time

NO_INDEX_NOTE = (
    "This store has no corpus index yet, so quote clusters and speakers' other names are not "
    "shown: run 'sayso ingest' on it (with any input) to build it."
)


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
    """A quote across articles, its appearances in publication order (unknown dates last)."""

    id: str
    text: str
    quotes: tuple[ClusterQuote, ...]

    @property
    def first(self) -> ClusterQuote:
        return self.quotes[0]

    @property
    def outlets(self) -> list[str]:
        """The outlets that ran it, in the order they first did."""
        return list(dict.fromkeys(q.outlet for q in self.quotes if q.outlet))


class Corpus(Protocol):
    """Corpus-level knowledge the pages and the API show when they have it.

    ``note`` says what is missing (shown beside empty answers), or is None.
    """

    note: str | None

    def profile(self, speaker_id: str) -> SpeakerProfile | None:
        """The registry speaker with this id, if known."""

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        """A page of the clusters run by at least ``min_outlets`` outlets, most outlets
        first, and how many there are."""

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The cluster with this id, if any."""


class StoredCorpus:
    """The corpus index as the store keeps it, read through ``store`` (the calling thread's connection)."""

    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    @property
    def note(self) -> str | None:
        return NO_INDEX_NOTE if self._store().index_state() is None else None

    def profile(self, speaker_id: str) -> SpeakerProfile | None:
        db = self._store()
        found = db.query("SELECT id, name FROM corpus_speakers WHERE id = ?", [speaker_id])
        if not found:
            return None
        speaker_id, canonical = found[0]
        aliases = db.query("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
        roles = db.query(
            "SELECT role, mentions, first_seen, last_seen FROM speaker_roles WHERE speaker_id = ?", [speaker_id]
        )
        return SpeakerProfile(
            speaker_id, canonical, tuple(sorted(a for a, in aliases)),
            tuple(sorted((RoleSeen(r, int(n), _date(f), _date(l)) for r, n, f, l in roles),
                         key=lambda r: (-r.count, r.role))),
        )

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        # Most outlets first, then the earliest first appearance, so the list reads as a story.
        db = self._store()
        (total,), = db.query("SELECT count(*) FROM quote_clusters WHERE outlets >= ?", [min_outlets])
        ids = db.query(
            "SELECT id FROM quote_clusters WHERE outlets >= ?"
            " ORDER BY outlets DESC, first_published NULLS LAST, id LIMIT ? OFFSET ?",
            [min_outlets, limit, offset],
        )
        return self._read([i for i, in ids]), int(total)

    def cluster(self, cluster_id: str) -> Cluster | None:
        found = self._read([cluster_id])
        return found[0] if found else None

    def _read(self, ids: list[str]) -> list[Cluster]:
        """The clusters with these ids, in this order, each with its appearances."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        db = self._store()
        texts = dict(db.query(f"SELECT id, text FROM quote_clusters WHERE id IN ({marks})", ids))
        quotes: dict[str, list[ClusterQuote]] = {}
        for cluster_id, article_id, idx, outlet, published, speaker, text in db.query(
            "SELECT q.cluster_id, q.article_id, q.idx, a.outlet, a.published, t.speaker, q.text"
            " FROM cluster_quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN attributions t ON t.article_id = q.article_id AND t.idx = q.idx"
            f" WHERE q.cluster_id IN ({marks})",
            ids,
        ):
            quotes.setdefault(cluster_id, []).append(
                ClusterQuote(article_id, idx, outlet, _day(published), speaker, text)
            )
        return [
            Cluster(i, texts[i], tuple(sorted(quotes.get(i, []), key=lambda q: (*_when(q), q.article_id, q.idx))))
            for i in ids if i in texts
        ]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _day(value: str | datetime | None) -> date | None:
    moment = stored_time(value)
    return moment.date() if moment else None


def _when(quote: ClusterQuote) -> tuple[bool, date]:
    return (quote.published is None, quote.published or date.min)

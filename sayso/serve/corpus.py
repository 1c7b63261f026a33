"""What the server knows about the corpus as a whole: speakers' other names and roles, quote clusters.

The store knows each article's speakers by the name that article gives them;
across articles the same person appears as "Hillary Clinton", "Clinton" and
"Hillary Rodham Clinton", and the same quote runs in many outlets. The server
asks a :class:`Corpus` for these, so that pages work from the store alone
(:class:`StoreCorpus`: no aliases, no clusters, and a note saying why) and show
more when a richer index is plugged in. :func:`build_corpus` builds one in
memory from the store with the speaker registry (:mod:`sayso.registry`) and
quote clustering (:mod:`sayso.clusters`), which ``sayso serve --corpus`` does
at start-up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from sayso.records import Attribution, Span
from sayso.store import Store
from sayso.store.base import JOINED

STORE_ONLY_NOTE = (
    "Quote clusters and speakers' other names are not built: start the server with "
    "'sayso serve --corpus' to build them from the store."
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

    def profile(self, name: str) -> SpeakerProfile | None:
        """The speaker one of whose name forms is exactly ``name``, if known."""

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        """A page of the clusters run by at least ``min_outlets`` outlets, most outlets
        first, and how many there are."""

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The cluster with this id, if any."""


class StoreCorpus:
    """The corpus as the store alone knows it: each name its own speaker, no clusters."""

    note: str | None = STORE_ONLY_NOTE

    def profile(self, name: str) -> SpeakerProfile | None:
        return None

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        return [], 0

    def cluster(self, cluster_id: str) -> Cluster | None:
        return None


class IndexedCorpus:
    """Speaker profiles and clusters computed once, looked up by name and id."""

    note: str | None = None

    def __init__(self, profiles: dict[str, SpeakerProfile], clusters: list[Cluster]) -> None:
        self._profiles = profiles
        # Most outlets first, then the earliest first appearance, so the list reads as a story.
        self._clusters = sorted(clusters, key=lambda c: (-len(c.outlets), *_when(c.first), c.id))
        self._by_id = {c.id: c for c in clusters}

    def profile(self, name: str) -> SpeakerProfile | None:
        return self._profiles.get(name)

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        found = [c for c in self._clusters if len(c.outlets) >= min_outlets]
        return found[offset:offset + limit], len(found)

    def cluster(self, cluster_id: str) -> Cluster | None:
        return self._by_id.get(cluster_id)


def build_corpus(store: Store) -> IndexedCorpus:
    """Speakers and quote clusters of every stored attribution, read in publication order.

    The attributions are read in one pass: each article's named speakers go to a
    :class:`~sayso.registry.SpeakerRegistry` (which joins their name forms across
    articles), each quotable content to :class:`~sayso.clusters.QuoteClusters`.
    A stored name is profiled as the speaker it stands for most often (a bare
    "Clinton" may be one person in most articles and another in a few). Memory
    grows with the corpus, so this suits stores of up to some tens of thousands
    of articles.
    """
    from sayso.clusters import Quote, QuoteClusters, quote_text
    from sayso.registry import SpeakerMention, SpeakerRegistry

    registry = SpeakerRegistry()
    quotes: list[Quote] = []
    speakers_of: dict[tuple[str, int], str | None] = {}
    ids_of: dict[str, Counter[str]] = {}  # stored name -> the registry ids it was given
    mentions: list[SpeakerMention] = []

    def add_article() -> None:
        for mention, speaker_id in zip(mentions, registry.add_article(mentions), strict=True):
            if speaker_id is not None:
                ids_of.setdefault(mention.name, Counter())[speaker_id] += 1
        mentions.clear()

    current = None
    for article_id, outlet, published, idx, kind, speaker, speaker_type, role, content in store.query(
        "SELECT a.id, a.outlet, a.published, t.idx, t.kind, t.speaker, t.speaker_type, t.speaker_role,"
        f" t.content_text FROM {JOINED} ORDER BY a.published NULLS LAST, a.id, t.idx",
    ):
        if article_id != current:
            add_article()
            current = article_id
        day = _day(published)
        if speaker:
            mentions.append(SpeakerMention(speaker, speaker_type, role, article_id, outlet, day))
        # quote_text reads the content's fragments joined by a space, which the store keeps as content_text.
        text = quote_text(Attribution([Span(0, len(content), content)], kind=kind))
        if text:
            quotes.append(Quote(article_id, text, outlet, day, attribution=idx))
            speakers_of[article_id, idx] = speaker
    add_article()
    registry.settle()
    clusters = QuoteClusters()
    clusters.add_many(quotes)

    profiles = {}
    for name, ids in ids_of.items():
        resolved: Counter[str] = Counter()
        for speaker_id, n in ids.items():
            resolved[registry.resolve(speaker_id)] += n
        speaker = registry.get(min(resolved, key=lambda i: (-resolved[i], i)))
        roles = tuple(RoleSeen(r.role, r.count, r.first, r.last) for r in speaker.roles)
        profiles[name] = SpeakerProfile(speaker.id, speaker.name, tuple(sorted(speaker.aliases)), roles)
    built = [
        Cluster(c.id, c.text, tuple(sorted(
            (ClusterQuote(q.article_id, q.attribution, q.outlet, q.published,
                          speakers_of.get((q.article_id, q.attribution or 0)), q.text) for q in c.members),
            key=lambda q: (*_when(q), q.article_id, q.idx or 0),
        )))
        for c in clusters
    ]
    return IndexedCorpus(profiles, built)


def _day(value: str | datetime | None) -> date | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(UTC).date()


def _when(quote: ClusterQuote) -> tuple[bool, date]:
    return (quote.published is None, quote.published or date.min)

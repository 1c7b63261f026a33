"""The corpus index: every stored attribution's speaker across articles, and quote clusters.

Built from the store alone, in one pass over its attributions in publication
order (then article id and position, so the same store always gives the same
index): each article's named speakers go to a
:class:`~sayso.corpus.speakers.SpeakerRegistry`, each quotable content to
:class:`~sayso.corpus.clusters.QuoteClusters`. The registry then settles (bare
names whose full name has since become dominant join it) and replays the
store's curation, the user's merges, splits and aliases, so that they survive
every rebuild. The result replaces the store's index tables in one transaction.

Rebuilding rather than patching keeps the index a pure function of the store:
re-ingesting an article, a changed model or a new curation decision can never
leave it half old. Its cost is one pass over the attributions, linear in the
corpus (about 3 s for PolNeAR's 18,000 attributions on one core, see
``bench/RESULTS.md``); both algorithms add quotes and mentions incrementally, so
the pass has no quadratic step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sayso.corpus.clusters import Quote, QuoteClusters, quote_text
from sayso.corpus.curation import Curation, CurationOp
from sayso.corpus.entries import Speaker, SpeakerMention
from sayso.corpus.speakers import SpeakerRegistry
from sayso.records import Attribution, Span
from sayso.store import Store
from sayso.store.corpus import IndexState
from sayso.store.sql import stored_time


@dataclass
class CorpusIndex:
    """The registry and clusters of a store, and which speaker each attribution is.

    ``filed`` maps ``(article_id, idx)`` to the attribution's speaker name and
    the registry id it was first filed under; :meth:`speaker_of` says whose it
    is after settling and curation. ``problems`` are the stored curation
    operations that no longer apply (their speaker or name form is gone).
    """

    registry: SpeakerRegistry
    clusters: QuoteClusters
    state: IndexState
    filed: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def speaker_of(self, article_id: str, idx: int) -> str | None:
        """The registry id of an attribution's speaker; ``None`` for an unnamed one."""
        found = self.filed.get((article_id, idx))
        return self.registry.holder(found[1], found[0]) if found else None

    def curate(self, ops: Sequence[CurationOp]) -> list[Speaker]:
        """Apply new curation operations, raising the first one's error if it does not apply;
        the speaker each one leaves (the one kept, split off or aliased)."""
        return [self.registry.apply_op(op) for op in ops]

    def tables(self) -> dict[str, list[tuple[Any, ...]]]:
        """The rows of each index table (:data:`sayso.store.migrations.CORPUS_INDEX_COLUMNS`)."""
        registry, speakers, aliases, roles = self.registry, [], [], []
        for s in registry:
            speakers.append((s.id, s.name, s.type, s.gender, s.mentions, len(s.articles),
                             _iso(s.first_seen), _iso(s.last_seen), s.curated))
            aliases += [(s.id, a.name, a.full, a.count, _iso(a.seen.first), _iso(a.seen.last))
                        for a in s.aliases.values()]
            roles += [(s.id, r.role, r.count, _iso(r.first), _iso(r.last)) for r in s.roles]
        clusters, members = [], []
        for c in self.clusters:
            first = c.first_seen
            clusters.append((c.id, c.text, first.article_id, first.attribution, first.outlet,
                             _iso(first.published), c.outlet_count, len(c.members)))
            members += [(c.id, q.article_id, q.attribution, q.text) for q in c.members]
        return {
            "corpus_speakers": speakers,
            "speaker_aliases": aliases,
            "speaker_roles": roles,
            "speaker_redirects": sorted(registry.redirects().items()),
            "attribution_speakers": [(article, idx, registry.holder(first, name))
                                     for (article, idx), (name, first) in self.filed.items()],
            "quote_clusters": clusters,
            "cluster_quotes": members,
        }


def build(store: Store, curation: Curation | None = None) -> CorpusIndex:
    """The index of everything in ``store``, with ``curation`` replayed (default: the store's own)."""
    state = store.current_state()
    registry = SpeakerRegistry()
    quotes: list[Quote] = []
    filed: dict[tuple[str, int], tuple[str, str]] = {}
    mentions: list[tuple[str, int, SpeakerMention]] = []
    current = None

    def add_article() -> None:
        ids = registry.add_article(m for _, _, m in mentions)
        filed.update(((article, idx), (m.name, i)) for (article, idx, m), i in zip(mentions, ids, strict=True) if i)
        mentions.clear()

    for article_id, outlet, published, idx, kind, speaker, speaker_type, role, content in store.attributions_in_order():
        if article_id != current:
            add_article()
            current = article_id
        day = _day(published)
        if speaker:
            mentions.append((article_id, idx, SpeakerMention(speaker, speaker_type, role, article_id, outlet, day)))
        # quote_text reads the content's fragments joined by a space, which the store keeps as content_text.
        text = quote_text(Attribution([Span(0, len(content), content)], kind=kind))
        if text:
            quotes.append(Quote(article_id, text, outlet, day, attribution=idx))
    add_article()
    registry.settle()
    problems = registry.apply(store.curation() if curation is None else curation)
    clusters = QuoteClusters()
    clusters.add_many(quotes)
    return CorpusIndex(registry, clusters, state, filed, problems)


def rebuild(store: Store) -> CorpusIndex:
    """Build the index of ``store`` and save it there, replacing the old one."""
    index = build(store)
    store.replace_corpus_index(index.tables(), index.state)
    return index


def update(store: Store) -> CorpusIndex | None:
    """Rebuild the index if the store holds articles, attributions or curation it has not
    seen (what every ingest calls at its end); the new index, or ``None`` if it was current.

    A run killed after storing its articles but before this finished leaves the
    index behind; the next run, even one with nothing new to store, catches up.
    """
    return rebuild(store) if store.index_state() != store.current_state() else None


def curate(store: Store, ops: Sequence[CurationOp]) -> list[Speaker]:
    """Apply curation operations to the store's index and keep them for every later rebuild;
    the speaker each one leaves, as in :meth:`CorpusIndex.curate`.

    The operations are tried on a fresh build first: one that does not apply
    (an unknown or ambiguous speaker, a name form the speaker lacks) raises its
    error and nothing is saved.

    Raises:
        SaysoError: E080–E082 from the registry, naming the operation's speaker.
    """
    index = build(store)
    speakers = index.curate(ops)
    store.add_curation(ops)
    index.state = replace(index.state, curation=index.state.curation + len(ops))
    store.replace_corpus_index(index.tables(), index.state)
    return speakers


def _day(value: str | datetime | None) -> date | None:
    """The UTC day of a stored publication time (text on SQLite, a datetime on PostgreSQL)."""
    moment = stored_time(value)
    return moment.date() if moment else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


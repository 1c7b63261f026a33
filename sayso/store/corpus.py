"""The store's side of the corpus layer: relays as articles are written, the corpus index, curation.

The corpus index (speakers across articles, quote clusters) is derived from all
stored attributions by :mod:`sayso.corpus.index`; the store only keeps it, and
replaces it as a whole in one transaction, so a reader never sees half of an old
index and half of a new one. Curation is the user's own input and is only ever
appended to. :class:`CorpusTables` is mixed into :class:`~sayso.store.base.Store`,
whose plumbing (``_execute``, ``_query``, transactions) it uses; it exists so that
this part of the schema is read in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sayso.records import Curation, CurationOp, Provenance, provenances
from sayso.store.migrations import CORPUS_INDEX_COLUMNS
from sayso.store.plumbing import Plumbing
from sayso.store.results import Cluster, ClusterQuote, RoleSeen, SpeakerProfile
from sayso.store.sql import JOINED, stored_day


@dataclass(frozen=True)
class IndexState:
    """What the store held when its corpus index was last built."""

    articles: int
    attributions: int
    curation: int


class CorpusTables(Plumbing):
    """Relays, the corpus index and curation; see the module docstring."""

    def _write_relays(self, article_id: str, relays: Iterable[Provenance]) -> None:
        """An article's relays, replacing what an earlier copy of it had (inside the article's transaction).

        Position 0 of an attribution's chain is its origin (who first posted the
        thing), when the article says; the relays follow in text order.
        """
        self._execute("DELETE FROM relays WHERE article_id = ?", (article_id,))
        rows = []
        for provenance in relays:
            for position, (step, posting) in enumerate(provenance.steps()):
                evidence = posting.evidence
                rows.append((article_id, provenance.attribution, position, provenance.item, step, posting.name,
                             posting.text, posting.role, posting.platform, evidence.start, evidence.end,
                             evidence.text))
        self._executemany(
            "INSERT INTO relays (article_id, idx, position, item, step, name, mention, role, platform,"
            " evidence_start, evidence_end, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def relays(self, article_id: str, text: str) -> list[Provenance]:
        """The relays stored for the article ``article_id``, whose text is ``text``, by attribution."""
        columns = ("idx", "position", "item", "step", "name", "mention", "role", "platform")
        rows = self._query(
            f"SELECT {', '.join(columns)}, evidence_start, evidence_end FROM relays WHERE article_id = ?", [article_id]
        )
        return provenances(({**dict(zip(columns, row)), "evidence": row[-2:]} for row in rows), text)

    def replace_corpus_index(self, tables: Mapping[str, list[tuple[Any, ...]]], state: IndexState) -> None:
        """Replace the whole corpus index with ``tables`` (rows in the columns of
        :data:`~sayso.store.migrations.CORPUS_INDEX_COLUMNS`) in one transaction.

        Raises:
            SaysoError: an unknown table, or the store failed while writing (E033).
        """
        unknown = set(tables) - set(CORPUS_INDEX_COLUMNS)
        if unknown:
            raise ValueError(f"not corpus index tables: {sorted(unknown)}")
        with self._writing():
            for table in reversed(CORPUS_INDEX_COLUMNS):
                self._execute(f"DELETE FROM {table}", ())
            for table, columns in CORPUS_INDEX_COLUMNS.items():
                marks = ", ".join("?" * len(columns))
                self._executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", list(tables.get(table, ()))
                )
            self._execute("DELETE FROM corpus_index_state", ())
            self._execute(
                "INSERT INTO corpus_index_state (articles, attributions, curation, built) VALUES (?, ?, ?, ?)",
                (state.articles, state.attributions, state.curation, datetime.now(UTC).isoformat()),
            )

    def index_state(self) -> IndexState | None:
        """What the store held when the index was built; ``None`` if it never was."""
        rows = self._query("SELECT articles, attributions, curation FROM corpus_index_state", ())
        return IndexState(*rows[0]) if rows else None

    def current_state(self) -> IndexState:
        """What the store holds now, to compare with :meth:`index_state`."""
        (articles,), = self._query("SELECT count(*) FROM articles", ())
        (attributions,), = self._query("SELECT count(*) FROM attributions", ())
        (curation,), = self._query("SELECT count(*) FROM curation", ())
        return IndexState(int(articles), int(attributions), int(curation))

    def curation(self) -> Curation:
        """The curation operations in the order they were made."""
        return Curation.from_rows(self._query("SELECT op, target, name FROM curation ORDER BY seq", ()))

    def add_curation(self, ops: Sequence[CurationOp]) -> None:
        """Append curation operations, all or none."""
        now = datetime.now(UTC).isoformat()
        with self._writing():
            self._executemany(
                "INSERT INTO curation (op, target, name, created) VALUES (?, ?, ?, ?)",
                [(op.op, op.target, op.name, now) for op in ops],
            )

    def attributions_in_order(self) -> Iterator[tuple[Any, ...]]:
        """Every attribution, streamed, as the corpus index is built from them: ``(article id, outlet,
        published, idx, kind, speaker, speaker_type, speaker_role, content_text)``, in publication
        order (undated last), then article id and position, so the same store gives the same index."""
        return self._stream(self._sql(
            "SELECT a.id, a.outlet, a.published, t.idx, t.kind, t.speaker, t.speaker_type, t.speaker_role,"
            f" t.content_text FROM {JOINED} ORDER BY a.published NULLS LAST, a.id, t.idx"
        ), ())

    def speaker_profile(self, speaker_id: str) -> SpeakerProfile | None:
        """The registry speaker with this id: its canonical name, name forms and roles, if known."""
        found = self._query("SELECT id, name FROM corpus_speakers WHERE id = ?", [speaker_id])
        if not found:
            return None
        speaker_id, canonical = found[0]
        aliases = self._query("SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
        roles = self._query(
            "SELECT role, mentions, first_seen, last_seen FROM speaker_roles WHERE speaker_id = ?", [speaker_id]
        )
        return SpeakerProfile(
            speaker_id, canonical, tuple(sorted(a for a, in aliases)),
            tuple(sorted((RoleSeen(r, int(n), _date(first), _date(last)) for r, n, first, last in roles),
                         key=lambda r: (-r.count, r.role))),
        )

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        """A page of the quote clusters run by at least ``min_outlets`` outlets, most outlets
        first (then the earliest first appearance, so the list reads as a story), and how many there are."""
        (total,), = self._query("SELECT count(*) FROM quote_clusters WHERE outlets >= ?", [min_outlets])
        ids = self._query(
            "SELECT id FROM quote_clusters WHERE outlets >= ?"
            " ORDER BY outlets DESC, first_published NULLS LAST, id LIMIT ? OFFSET ?",
            [min_outlets, limit, offset],
        )
        return self._clusters([i for i, in ids]), int(total)

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The quote cluster with this id, with its appearances, if any."""
        found = self._clusters([cluster_id])
        return found[0] if found else None

    def _clusters(self, ids: list[str]) -> list[Cluster]:
        """The clusters with these ids, in this order, each with its appearances."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        texts = dict(self._query(f"SELECT id, text FROM quote_clusters WHERE id IN ({marks})", ids))
        quotes: dict[str, list[ClusterQuote]] = {}
        for cluster_id, article_id, idx, outlet, published, speaker, text in self._query(
            "SELECT q.cluster_id, q.article_id, q.idx, a.outlet, a.published, t.speaker, q.text"
            " FROM cluster_quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN attributions t ON t.article_id = q.article_id AND t.idx = q.idx"
            f" WHERE q.cluster_id IN ({marks})",
            ids,
        ):
            quotes.setdefault(cluster_id, []).append(
                ClusterQuote(article_id, idx, outlet, stored_day(published), speaker, text)
            )
        return [
            Cluster.of(i, texts[i], tuple(sorted(quotes.get(i, []), key=lambda q: (*_when(q), q.article_id, q.idx))))
            for i in ids if i in texts
        ]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _when(quote: ClusterQuote) -> tuple[bool, date]:
    return (quote.published is None, quote.published or date.min)

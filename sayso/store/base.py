"""What every store backend does the same way: the schema's upkeep, writing batches, the queries.

:class:`Store` holds all the SQL that both SQLite and PostgreSQL accept (SQL is
written with ``?`` placeholders, ``ON CONFLICT`` upserts and standard joins) and
leaves a backend only what really differs: connecting, the placeholder style,
transactions, where the schema version lives, how full-text search matches and
ranks, and streaming a large result. Values cross in one form for both: times as
UTC ISO 8601 text (PostgreSQL casts it to ``timestamptz``), JSON as text; what
comes back is normalised by :func:`~sayso.store.sql.stored_time` and
:func:`~sayso.store.sql.json_value`.

Articles are keyed by the hash of their normalised text, so writing an article
again replaces it and its attributions; each batch is one transaction.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from typing import Any, Self, TypeVar

from sayso.errors import Errors, SaysoError
from sayso.records import Attribution, Extracted, IngestError, Result
from sayso.store.corpus import CorpusTables
from sayso.store.migrations import MIGRATIONS, SCHEMA_VERSION
from sayso.store.reads import Reads
from sayso.store.results import Filters, Hit, SpeakerCount, SpeakerRef, StoredArticle, StoredError
from sayso.store.sql import JOINED, article_conditions, escape_like, iso, json_value, stored_time

# A name form held by several speakers names the one quoted under it this many times as often
# as any other (the registry's rule for a bare surname, sayso.corpus.speakers.DOMINANCE).
DOMINANCE = 4

_T = TypeVar("_T")

# SQLite caps the number of bound parameters; PostgreSQL does not mind small chunks.
_CHUNK = 500

# The registry speaker of ``t``, its id and canonical name (NULL for an unnamed speaker, or in a
# store whose corpus index has not seen the attribution yet).
_REGISTRY = (
    "(SELECT x.speaker_id FROM attribution_speakers x WHERE x.article_id = t.article_id AND x.idx = t.idx),"
    " (SELECT c.name FROM attribution_speakers x JOIN corpus_speakers c ON c.id = x.speaker_id"
    " WHERE x.article_id = t.article_id AND x.idx = t.idx)"
)
_HIT_COLUMNS = (
    f"a.id, t.idx, a.doc_id, a.title, a.url, a.outlet, a.published, t.kind, t.speaker, {_REGISTRY}, {{gender}},"
    " t.speaker_type,"
    " t.speaker_role, t.channel_type, t.channel_outlet, t.hedges, t.source_text, t.cue_text, t.content_text,"
    " t.source_spans, t.cue_spans, t.content_spans, t.confidence"
)
_ORDER = "a.published DESC NULLS LAST, t.article_id, t.idx"


class Store(CorpusTables, Reads, ABC):
    """A store of articles, attributions, per-article speakers and failed inputs.

    Use as a context manager or call :meth:`close`. ``name`` says which store it
    is in messages (a path, or a URL without its password).
    """

    dialect: str  # the key of this backend's migrations in MIGRATIONS
    db_errors: tuple[type[Exception], ...]  # what the driver raises
    # What writing one document raises when the database or driver refuses one of its values
    # (text it cannot encode, a time out of range, a NUL): that document's failure, not the store's.
    value_errors: tuple[type[Exception], ...] = (ValueError, TypeError, OverflowError)
    conn: Any  # a DB-API connection that has .execute(), as sqlite3's and psycopg's have
    bytewise: str  # the collation that orders text by code point, whatever the database's locale

    def __init__(self, name: str) -> None:
        self.name = name

    # What a backend provides (and _sql, _month, _stream: see Plumbing).

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction: committed when the block ends, rolled back when it raises."""

    @abstractmethod
    def _version(self) -> int:
        """The schema version of the store, 0 when it is empty."""

    @abstractmethod
    def _set_version(self, version: int) -> None:
        """Record ``version`` inside the running transaction."""

    @abstractmethod
    def _schema_lock(self) -> AbstractContextManager[None]:
        """Keep other connections from migrating at the same time, around the migrating transaction."""

    @abstractmethod
    def _json_text(self, column: str, key: str) -> str:
        """SQL for the text value of ``key`` in the JSON object in ``column``."""

    @property
    def _gender(self) -> str:
        """SQL for the speaker's gender of attribution ``t`` (kept in its JSON record)."""
        return self._json_text("t.record_json", "speaker_gender")

    @property
    def _hit_columns(self) -> str:
        return _HIT_COLUMNS.format(gender=self._gender)

    @abstractmethod
    def _fulltext(self, phrases: list[list[str]]) -> tuple[str, str, str, list[Any]]:
        """How to search for ``phrases`` (:attr:`Filters.phrases`: each a word, or words that must
        occur in a row): FROM clause, WHERE condition, rank expression (higher is better) and their
        parameters. The FROM clause joins attributions ``t`` to articles ``a``."""

    def serve_reads(self) -> None:
        """Tune this connection for a server's many reads (what a backend can do: see SQLite's)."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    # Opening.

    def _open(self, connect: Callable[[], Any], *setup: str) -> None:
        """Connect, run the ``setup`` statements and bring the schema up to date.

        Raises:
            SaysoError: any of it failed in the database (E030; the connection is
                closed again), or the store is from a newer sayso (E031).
        """
        try:
            self.conn = connect()
        except self.db_errors as e:
            raise SaysoError(Errors.E030.format(path=self.name, detail=_first_line(e))) from None
        try:
            for statement in setup:
                self.conn.execute(statement)
            self._migrate()
        except BaseException as e:
            self.conn.close()
            if isinstance(e, self.db_errors):
                raise SaysoError(Errors.E030.format(path=self.name, detail=_first_line(e))) from None
            raise

    def _migrate(self) -> None:
        """Bring the schema up to :data:`SCHEMA_VERSION`; refuse a store from a newer sayso."""
        found = self._version()
        if found > SCHEMA_VERSION:
            raise SaysoError(Errors.E031.format(path=self.name, found=found, supported=SCHEMA_VERSION))
        if found == SCHEMA_VERSION:
            return
        with self._schema_lock(), self._transaction():
            found = self._version()  # another process may have migrated while we waited
            for migration in MIGRATIONS[self.dialect]:
                if migration.version > found:
                    for statement in migration.statements:
                        self.conn.execute(statement)
                    self._set_version(migration.version)

    # Writing.

    def write(self, batch: Iterable[Result]) -> list[IngestError]:
        """Store a batch of results in one transaction; a document the store refuses fails alone.

        An article replaces any earlier copy of itself with its attributions and
        speakers; it also clears the errors recorded for its origin, which it now
        has read. An error is kept once per origin and reason, with the time it
        last happened.

        When the database or its driver refuses a value of the batch (whatever
        got past the readers' checks), the batch is rolled back and written
        again one result a transaction: each document refused becomes an E123
        error naming it and the reason, kept as any failed input is, and the
        others are stored.

        Returns:
            The E123 errors of the documents that could not be stored, in batch
            order; empty when every result was written.

        Raises:
            SaysoError: the store itself failed (E033): gone, full, locked, read-only.
        """
        now = iso(datetime.now(UTC))
        results = iter(batch)
        tried: list[Result] = []
        try:
            with self._writing():
                for result in results:
                    tried.append(result)
                    self._write_result(result, now)
            return []
        except self.value_errors:
            pass
        refused = []
        for result in [*tried, *results]:
            try:
                with self._writing():
                    self._write_result(result, now)
            except self.value_errors as e:
                origin = result.origin if isinstance(result, IngestError) else result.document.origin
                error = IngestError(origin, Errors.E123.format(origin=origin, detail=_first_line(e)))
                with self._writing():
                    self._write_result(error, now)
                refused.append(error)
        return refused

    def _write_result(self, result: Result, now: str) -> None:
        if isinstance(result, IngestError):
            self._execute(
                "INSERT INTO errors (origin, reason, created) VALUES (?, ?, ?)"
                " ON CONFLICT (origin, reason) DO UPDATE SET created = excluded.created",
                (result.origin, result.reason, now),
            )
        else:
            self._write_article(result, now)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction; a failure of the database (not of a value) becomes E033 naming the store."""
        try:
            with self._transaction():
                yield
        except self.value_errors:
            raise
        except self.db_errors as e:
            raise SaysoError(Errors.E033.format(path=self.name, detail=_first_line(e))) from None

    def _write_article(self, result: Extracted, now: str) -> None:
        doc = result.document
        article_id = doc.article_id
        self._execute(
            "INSERT INTO articles (id, doc_id, origin, url, title, outlet, published, authors, text, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, origin = excluded.origin,"
            " url = excluded.url, title = excluded.title, outlet = excluded.outlet,"
            " published = excluded.published, authors = excluded.authors, text = excluded.text",
            (article_id, doc.doc_id, doc.origin, doc.url, doc.title, doc.outlet,
             iso(doc.published), json.dumps(list(doc.authors), ensure_ascii=False), doc.text, now),
        )
        self._execute("DELETE FROM attributions WHERE article_id = ?", (article_id,))
        self._execute("DELETE FROM article_speakers WHERE article_id = ?", (article_id,))
        self._execute("DELETE FROM errors WHERE origin = ?", (doc.origin,))
        self._executemany(
            "INSERT INTO attributions (article_id, idx, kind, speaker, speaker_type, speaker_role,"
            " channel_type, channel_outlet, hedged, hedges, source_spans, cue_spans, content_spans,"
            " source_text, cue_text, content_text, confidence, record_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_attribution_row(article_id, idx, a) for idx, a in enumerate(result.attributions)],
        )
        self._executemany(
            "INSERT INTO article_speakers (article_id, speaker, speaker_type, speaker_role, count)"
            " VALUES (?, ?, ?, ?, ?)",
            [(article_id, *row) for row in _speaker_rows(result.attributions)],
        )
        self._write_relays(article_id, result.relays)

    def existing(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` already stored, so a restarted run can skip them."""
        found: set[str] = set()
        for chunk in _chunks(list(article_ids)):
            marks = ", ".join("?" * len(chunk))
            found.update(row[0] for row in self._query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    # Reading.

    def search(
        self,
        query: str,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        kind: str | None = None,
        channel: str | None = None,
        hedged: bool | None = None,
        gender: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[Hit]:
        """Attributions whose content or speaker holds every word of ``query``, best ranked first.

        See :class:`~sayso.store.results.Filters` for what each argument matches.
        An empty (or blank) query lists the attributions the filters allow, latest
        first; a query of signs without any word matches nothing.
        """
        filters = Filters(query, speaker, outlet, since, until, kind, channel, hedged, gender)
        return self._page(filters, limit, offset)[0]

    def search_page(self, filters: Filters, limit: int = 20, offset: int = 0) -> tuple[list[Hit], int]:
        """A page of :meth:`search` and how many attributions ``filters`` allow in all: what a paged front end shows."""
        hits, total = self._page(filters, limit, offset)
        if total is None:  # no row came back to carry it: nothing matches, or the page is past the last one
            total = self.count(filters) if offset else 0
        return hits, total

    def _page(self, filters: Filters, limit: int, offset: int) -> tuple[list[Hit], int | None]:
        """A page of hits and, when it has any, the total, from one query.

        The matches are collected once with the keys they are sorted by, then
        counted and sorted, and only the page's rows are read whole: the total
        costs no second query matching the words again (that was a third of a
        search's time in SQLite; bench/RESULTS.md, issue 6).
        """
        source, where, rank, params = self._hits_where(filters)
        rows = self._query(
            f"WITH matches AS MATERIALIZED ("  # materialised: FTS5's bm25() cannot run under a window function
            f"SELECT t.id, {rank} AS score, a.published, t.article_id, t.idx FROM {source} WHERE {where})"
            f" SELECT {self._hit_columns}, ranked.score, ranked.total FROM ("
            "SELECT id, score, count(*) OVER () AS total FROM matches"
            " ORDER BY score DESC, published DESC NULLS LAST, article_id, idx LIMIT ? OFFSET ?"
            f") ranked JOIN attributions t ON t.id = ranked.id JOIN articles a ON a.id = t.article_id"
            f" ORDER BY ranked.score DESC, {_ORDER}",
            [*params, limit, offset],
        )
        return [_hit(row[:-1]) for row in rows], int(rows[0][-1]) if rows else None

    def count(self, filters: Filters | None = None) -> int:
        """How many attributions ``filters`` allow: the total behind a page of :meth:`search`."""
        source, where, _, params = self._hits_where(filters or Filters())  # neither ranked nor sorted: counted
        return int(self._query(f"SELECT count(*) FROM {source} WHERE {where}", params)[0][0])

    def export(self, filters: Filters | None = None) -> Iterator[Hit]:
        """Every attribution ``filters`` allow, streamed: ranked when they hold a query, else latest first."""
        sql, params = self._hits_sql(filters or Filters())
        try:
            for row in self._stream(self._sql(sql), params):
                yield _hit(row)
        except self.db_errors as e:
            raise SaysoError(Errors.E061.format(path=self.name, detail=_first_line(e))) from None

    def _hits_sql(self, filters: Filters) -> tuple[str, list[Any]]:
        source, where, rank, params = self._hits_where(filters)
        return (f"SELECT {self._hit_columns}, {rank} AS score FROM {source} WHERE {where} ORDER BY score DESC, {_ORDER}",
                params)

    def hits(self, keys: Iterable[tuple[str, int]]) -> Iterator[Hit]:
        """The attributions ``(article_id, idx)`` names, in that order (unknown ones left out), streamed:
        an article's or a quote cluster's rows as :meth:`export` writes them."""
        for chunk in _chunks(list(keys)):
            marks = ", ".join(["(?, ?)"] * len(chunk))
            params = [value for key in chunk for value in key]
            rows = {(row[0], row[1]): row for row in self._query(
                f"SELECT {self._hit_columns}, 0 FROM {JOINED} WHERE (t.article_id, t.idx) IN (VALUES {marks})", params)}
            yield from (_hit(rows[key]) for key in chunk if key in rows)

    def _hits_where(self, filters: Filters) -> tuple[str, str, str, list[Any]]:
        """The FROM clause, WHERE condition, rank expression and parameters of the attributions ``filters`` allow."""
        terms, phrases = filters.terms, filters.phrases
        source, match, rank, params = self._fulltext(phrases) if terms else (JOINED, "", "0", [])
        conditions, filter_params = article_conditions(filters)
        if filters.speaker:
            condition, speaker_params = self.speaker_condition(filters.speaker)
            conditions.append(condition)
            filter_params += speaker_params
        if filters.kind:
            conditions.append("t.kind = ?")
            filter_params.append(filters.kind)
        if filters.channel:
            conditions.append("t.channel_type = ?")
            filter_params.append(filters.channel)
        if filters.hedged is not None:
            conditions.append("t.hedged = ?")
            filter_params.append(filters.hedged)
        if filters.gender:
            conditions.append(f"{self._gender} = ?")
            filter_params.append(filters.gender)
        if filters.query.strip() and not terms:
            conditions.append("1 = 0")  # a query of signs only: there is nothing it could match
        where = " AND ".join(([match] if match else []) + conditions) or "1 = 1"
        return source, where, rank, params + filter_params

    def find_speakers(self, name: str, *, exact: bool = False) -> list[SpeakerRef] | None:
        """The corpus index's speakers that ``name`` names, most mentioned first; None when the
        store has no index. The one resolution of a name given by a user, for every command,
        page, filter and export.

        ``name`` is a speaker's id (or an id merged into it); else a name form, any case, of
        the speakers quoted under it ("Trump", "donald trump", "Donald J. Trump"): when several
        are, the one quoted under it :data:`DOMINANCE` times as often as any other, else all of
        them; else, unless ``exact``, every speaker with a name form that holds ``name``.
        White space around and inside ``name`` does not count (a form's "Trump " is "Trump",
        not a part of "Trump campaign"); a blank name names no one.
        """
        if self.index_state() is None:
            return None
        name = " ".join(name.split())
        if not name:
            return []
        columns = "c.id, c.name, c.mentions"
        found = self._query(
            f"SELECT {columns} FROM corpus_speakers c WHERE c.id = ? UNION SELECT {columns}"
            " FROM speaker_redirects r JOIN corpus_speakers c ON c.id = r.speaker_id WHERE r.old_id = ?",
            [name, name],
        )
        if not found:
            forms = self._query(
                f"SELECT {columns}, sum(x.mentions) AS n FROM speaker_aliases x JOIN corpus_speakers c"
                " ON c.id = x.speaker_id WHERE lower(x.alias) = lower(?) GROUP BY c.id, c.name, c.mentions"
                " ORDER BY n DESC, c.mentions DESC, c.id", [name],
            ) or self._query(
                f"SELECT {columns}, c.mentions FROM corpus_speakers c WHERE lower(c.name) = lower(?)"
                " ORDER BY c.mentions DESC, c.id", [name],
            )
            if len(forms) > 1 and forms[0][3] >= DOMINANCE * forms[1][3]:
                forms = forms[:1]
            found = [row[:3] for row in forms]
        if not found and not exact:
            like = "%" + escape_like(name) + "%"
            found = self._query(
                f"SELECT {columns} FROM corpus_speakers c WHERE lower(c.name) LIKE lower(?) ESCAPE '\\'"
                " OR EXISTS (SELECT 1 FROM speaker_aliases x WHERE x.speaker_id = c.id"
                " AND lower(x.alias) LIKE lower(?) ESCAPE '\\') ORDER BY c.mentions DESC, c.id", [like, like],
            )
        return [SpeakerRef(i, n, int(m)) for i, n, m in found]

    def speaker(self, name: str, *, partial: bool = False) -> SpeakerRef | None:
        """The one speaker ``name`` names exactly (:meth:`find_speakers`), or, when ``partial``
        and none does, the one whose name forms hold it; None when there is none. In a store
        without an index, the name as articles write it (any case).

        Raises:
            SaysoError: the name names several speakers, none dominant (E112).
        """
        found = self.find_speakers(name, exact=not partial)
        if found is None:
            rows = self._query("SELECT speaker, sum(count) FROM article_speakers WHERE lower(speaker) = lower(?)"
                               " GROUP BY speaker ORDER BY 2 DESC, speaker", [name])
            return SpeakerRef(None, rows[0][0], int(rows[0][1])) if rows else None
        if len(found) > 1:
            named = ", ".join(f"{s.name} ({s.id}, {s.mentions:,} mentions)" for s in found)
            raise SaysoError(Errors.E112.format(name=name, count=len(found), speakers=named))
        return found[0] if found else None

    def speaker_condition(self, name: str | SpeakerRef) -> tuple[str, list[Any]]:
        """The SQL condition on attributions ``t`` that keeps those of the speakers ``name``
        names (:meth:`find_speakers`, or exactly the one given), and its parameters.

        A store without an index matches the names its articles give: any part of them,
        ignoring case, or exactly the name of a :class:`SpeakerRef` without id.
        """
        if isinstance(name, SpeakerRef):
            if name.id is None:
                return "t.speaker = ?", [name.name]
            ids: list[str] | None = [name.id]
        else:
            found = self.find_speakers(name)
            if found is None:
                return "lower(t.speaker) LIKE lower(?) ESCAPE '\\'", ["%" + escape_like(name) + "%"]
            ids = [s.id for s in found if s.id]
        if not ids:
            return "1 = 0", []
        marks = ", ".join("?" * len(ids))
        return (
            "EXISTS (SELECT 1 FROM attribution_speakers x WHERE x.article_id = t.article_id AND x.idx = t.idx"
            f" AND x.speaker_id IN ({marks}))", list(ids),
        )

    def speakers(
        self,
        top: int | None = None,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[SpeakerCount]:
        """The store's speakers, most quoted first (ties by name in code point order, then id):
        the corpus index's, each person once with all its name forms counted together, or, in a
        store without an index (written before it existed, until its next ingest), each
        article's names as written. ``speaker`` matches any part of any name form."""
        filters = Filters("", speaker, outlet, since, until)
        if self.index_state() is not None:
            return self._registry_speakers(top, filters)
        return self._article_speakers(top, filters)

    def speaker_total(self, speaker: str | None = None) -> int:
        """How many speakers :meth:`speakers` lists (with a name form holding ``speaker``)."""
        if speaker:
            return len(self.speakers(speaker=speaker))
        if self.index_state() is not None:
            return int(self._query("SELECT count(DISTINCT speaker_id) FROM attribution_speakers", [])[0][0])
        return int(self._query("SELECT count(DISTINCT speaker) FROM article_speakers", [])[0][0])

    def _article_speakers(self, top: int | None, filters: Filters) -> list[SpeakerCount]:
        """Each article's named speakers as written, most quoted first (ties by name, in code point
        order); the first ``top`` of them when given."""
        conditions, params = article_conditions(filters)
        if filters.speaker:
            conditions.append("lower(s.speaker) LIKE lower(?) ESCAPE '\\'")
            params.append("%" + escape_like(filters.speaker) + "%")
        where = " AND ".join(conditions) or "1 = 1"
        source = "article_speakers s JOIN articles a ON a.id = s.article_id"
        limit = " LIMIT ?" if top is not None else ""
        totals = self._query(
            f"SELECT s.speaker, sum(s.count) AS n, count(*) FROM {source} WHERE {where}"
            f" GROUP BY s.speaker ORDER BY n DESC, s.speaker COLLATE {self.bytewise}{limit}",
            params + ([top] if top is not None else []),
        )
        types: dict[str, Counter[str]] = {}
        roles: dict[str, Counter[str]] = {}
        for chunk in _chunks([row[0] for row in totals]):
            marks = ", ".join("?" * len(chunk))
            for name, kind, role, count in self._query(
                f"SELECT s.speaker, s.speaker_type, s.speaker_role, sum(s.count) FROM {source}"
                f" WHERE {where} AND s.speaker IN ({marks}) GROUP BY s.speaker, s.speaker_type, s.speaker_role",
                [*params, *chunk],
            ):
                types.setdefault(name, Counter())[kind] += count
                if role is not None:
                    roles.setdefault(name, Counter())[role] += count
        return [
            SpeakerCount(name, _most_common(types[name]), _most_common(roles.get(name)), int(n), int(articles))
            for name, n, articles in totals
        ]

    def _registry_speakers(self, top: int | None, filters: Filters) -> list[SpeakerCount]:
        """The corpus index's speakers, each with all its name forms counted together, most quoted
        first (ties by name); empty when the store has no index. ``speaker`` matches any name form."""
        conditions, params = article_conditions(filters)
        if filters.speaker:
            conditions.append(
                "(lower(c.name) LIKE lower(?) ESCAPE '\\' OR EXISTS (SELECT 1 FROM speaker_aliases s"
                " WHERE s.speaker_id = c.id AND lower(s.alias) LIKE lower(?) ESCAPE '\\'))"
            )
            params += ["%" + escape_like(filters.speaker) + "%"] * 2
        where = " AND ".join(conditions) or "1 = 1"
        limit = " LIMIT ?" if top is not None else ""
        totals = self._query(
            "SELECT c.id, c.name, c.speaker_type, count(*) AS n, count(DISTINCT x.article_id)"
            " FROM attribution_speakers x JOIN corpus_speakers c ON c.id = x.speaker_id"
            f" JOIN articles a ON a.id = x.article_id WHERE {where}"
            f" GROUP BY c.id, c.name, c.speaker_type ORDER BY n DESC, c.name COLLATE {self.bytewise}, c.id{limit}",
            params + ([top] if top is not None else []),
        )
        roles: dict[str, str] = {}
        aliases: dict[str, list[str]] = {}
        for chunk in _chunks([row[0] for row in totals]):
            marks = ", ".join("?" * len(chunk))
            for speaker_id, role in self._query(
                f"SELECT speaker_id, role FROM speaker_roles WHERE speaker_id IN ({marks})"
                " ORDER BY speaker_id, mentions DESC, role", chunk,
            ):
                roles.setdefault(speaker_id, role)
            for speaker_id, alias in self._query(
                f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN ({marks})"
                " ORDER BY speaker_id, mentions DESC, alias", chunk,
            ):
                aliases.setdefault(speaker_id, []).append(alias)
        return [
            SpeakerCount(name, kind, roles.get(i), int(n), int(articles), i,
                         tuple(a for a in aliases.get(i, ()) if a != name))
            for i, name, kind, n, articles in totals
        ]

    def article(self, article_id: str) -> StoredArticle | None:
        """The article stored under exactly ``article_id``, with its attributions, or None."""
        rows = self._query(
            "SELECT id, doc_id, origin, url, title, outlet, published, authors, text, created"
            " FROM articles WHERE id = ?", [article_id],
        )
        if not rows:
            return None
        id_, doc_id, origin, url, title, outlet, published, authors, text, created = rows[0]
        records = self._query("SELECT record_json FROM attributions WHERE article_id = ? ORDER BY idx", [id_])
        return StoredArticle(
            id_, doc_id, origin, url, title, outlet, stored_time(published), tuple(json_value(authors)), text,
            stored_time(created), [Attribution.from_dict(json_value(record), text) for (record,) in records],
            self.relays(id_, text),
        )

    def find_article(self, key: str) -> StoredArticle:
        """The one article ``key`` names: its id, its ``doc_id``, the start of its id, or the start
        of its ``doc_id``, tried in that order.

        Raises:
            SaysoError: no article matches (E037), or several do (E038, naming them by
                doc_id and the start of their id).
        """
        rows: list[tuple[Any, ...]] = []
        prefix = escape_like(key) + "%"
        ways = (("id = ?", key), ("doc_id = ?", key), ("id LIKE ? ESCAPE '\\'", prefix),
                ("doc_id LIKE ? ESCAPE '\\'", prefix))
        for condition, value in ways:
            rows = self._query(f"SELECT id, doc_id FROM articles WHERE {condition} ORDER BY doc_id, id LIMIT 6", [value])
            if rows:
                break
        if not rows:
            raise SaysoError(Errors.E037.format(key=key, path=self.name))
        if len(rows) > 1:
            shown = ", ".join(f"{doc_id} ({i[:12]})" if doc_id else i[:12] for i, doc_id in rows[:5])
            shown += ", …" if len(rows) > 5 else ""
            raise SaysoError(Errors.E038.format(key=key, path=self.name, ids=shown))
        found = self.article(rows[0][0])
        assert found is not None
        return found

    def errors(self) -> list[StoredError]:
        """The inputs whose last attempt failed, oldest first."""
        rows = self._query("SELECT origin, reason, created FROM errors ORDER BY created, origin, reason", [])
        return [StoredError(origin, reason, stored_time(created)) for origin, reason, created in rows]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of a read written in the SQL both backends share (``?`` placeholders).

        For front ends with a query of their own (the server's counts and pages), so
        that they need neither the placeholder style nor the driver's errors (E061).
        """
        return self._query(sql, params)

    # Plumbing.

    def _execute(self, sql: str, params: Sequence[Any]) -> None:
        self.conn.execute(self._sql(sql), params)

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            cursor = self.conn.cursor()
            try:
                cursor.executemany(self._sql(sql), rows)
            finally:
                cursor.close()

    def _query(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """All rows of a read; a database failure becomes E061 naming the store."""
        try:
            return self.conn.execute(self._sql(sql), params).fetchall()
        except self.db_errors as e:
            raise SaysoError(Errors.E061.format(path=self.name, detail=_first_line(e))) from None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _attribution_row(article_id: str, idx: int, attribution: Attribution) -> tuple[Any, ...]:
    record = attribution.to_dict()
    return (
        article_id, idx, attribution.kind, attribution.speaker, attribution.speaker_type,
        attribution.speaker_role, attribution.channel.type, attribution.channel.outlet,
        bool(attribution.hedges), json.dumps(record["hedges"], ensure_ascii=False),
        json.dumps(record["source"]), json.dumps(record["cue"]), json.dumps(record["content"]),
        record["text"]["source"], record["text"]["cue"], record["text"]["content"],
        record["confidence"], json.dumps(record, ensure_ascii=False),
    )


def _speaker_rows(attributions: list[Attribution]) -> list[tuple[str, str, str | None, int]]:
    """Per named speaker: the type of their first attribution, their first role given, their count."""
    rows: dict[str, list[Any]] = {}
    for a in attributions:
        if a.speaker is None:
            continue
        row = rows.setdefault(a.speaker, [a.speaker, a.speaker_type, a.speaker_role, 0])
        row[2] = row[2] or a.speaker_role
        row[3] += 1
    return [tuple(row) for row in rows.values()]


def _hit(row: Sequence[Any]) -> Hit:
    (article_id, idx, doc_id, title, url, outlet, published, kind, speaker, speaker_id, canonical, gender,
     speaker_type, speaker_role, channel_type, channel_outlet, hedges, source, cue, content, source_spans, cue_spans,
     content_spans, confidence, rank) = row
    return Hit(
        article_id, idx, doc_id, title, url, outlet, stored_time(published), kind, speaker, speaker_id, canonical,
        gender, speaker_type, speaker_role,
        channel_type, channel_outlet, json_value(hedges), source, cue, content, json_value(source_spans),
        json_value(cue_spans), json_value(content_spans), float(confidence), float(rank),
    )


def _most_common(counts: Counter[str] | None) -> Any:
    """The most frequent key, the first by name among equals; None for no counts."""
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], key))


def _chunks(items: list[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]

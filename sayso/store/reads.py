"""The reads a front end needs beyond searching: pages of articles, the store in figures, a speaker's page.

:class:`Reads` is mixed into :class:`~sayso.store.base.Store`, whose plumbing
(``query``, ``speaker_condition``, the backend's ``_month``) it uses; it exists so
that the server's reads are SQL of the store package, written once for both
backends, and the server only translates. A speaker here is the corpus
registry's speaker a page is about (:meth:`Store.speaker`), the same one every
other view counts; its attributions are those of :meth:`Store.speaker_condition`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sayso.store.plumbing import Plumbing
from sayso.store.results import (
    ArticleSummary,
    Count,
    Filters,
    RoleSeen,
    SpeakerQuote,
    SpeakerRef,
    Stats,
)
from sayso.store.sql import JOINED, article_conditions, json_value, stored_day, stored_time

_TOP = 10


class Reads(Plumbing):
    """Pages of articles, figures and a speaker's page; see the module docstring."""

    def articles(
        self, filters: Filters, *, speaker: SpeakerRef | None = None, limit: int, offset: int
    ) -> tuple[list[ArticleSummary], int]:
        """A page of articles, latest first, and how many the filters allow in all.

        Of ``filters`` the outlet and the time window apply; ``speaker`` keeps the
        articles quoting that speaker.
        """
        where, params = self._article_conditions(filters, speaker)
        total = self.query(f"SELECT count(*) FROM articles a WHERE {where}", params)[0][0]
        rows = self.query(
            "SELECT a.id, a.doc_id, a.title, a.url, a.outlet, a.published,"
            " (SELECT count(*) FROM attributions t WHERE t.article_id = a.id)"
            f" FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArticleSummary(id_, doc_id, title, url, outlet, stored_time(published), int(count))
                for id_, doc_id, title, url, outlet, published, count in rows], int(total)

    def _article_conditions(self, filters: Filters, speaker: SpeakerRef | None) -> tuple[str, list[Any]]:
        conditions, params = article_conditions(filters)
        if speaker is not None:
            condition, speaker_params = self.speaker_condition(speaker)
            conditions.append(f"EXISTS (SELECT 1 FROM attributions t WHERE t.article_id = a.id AND {condition})")
            params.extend(speaker_params)
        return " AND ".join(conditions) or "1 = 1", params

    def overview(self) -> Stats:
        """Counts over the whole store: articles, attributions, speakers, outlets, kinds, channels, months."""
        (articles_n, outlets_n, first, last), = self.query(
            "SELECT count(*), count(DISTINCT lower(outlet)), min(published), max(published) FROM articles", []
        )
        speakers_n = self.speaker_total()
        (attributions_n, hedged_n), = self.query(
            "SELECT count(*), coalesce(sum(CASE WHEN hedged THEN 1 ELSE 0 END), 0)"
            " FROM attributions",
            [],
        )
        failed = self.query("SELECT count(*) FROM errors", [])[0][0]
        month = self._month("a.published")
        return Stats(
            articles=int(articles_n),
            attributions=int(attributions_n),
            speakers=int(speakers_n),
            outlets=int(outlets_n),
            hedged=int(hedged_n),
            failed_inputs=int(failed),
            first_published=stored_time(first),
            last_published=stored_time(last),
            kinds=self._counts("SELECT kind, count(*) AS n FROM attributions GROUP BY kind ORDER BY n DESC, kind"),
            channels=self._counts(
                "SELECT channel_type, count(*) AS n FROM attributions GROUP BY channel_type ORDER BY n DESC, channel_type",
            ),
            top_outlets=self._counts(
                "SELECT min(outlet), count(*) AS n FROM articles WHERE outlet IS NOT NULL"
                f" GROUP BY lower(outlet) ORDER BY n DESC, min(outlet) LIMIT {_TOP}",
            ),
            months=self._counts(
                f"SELECT {month} AS m, count(*) FROM articles a WHERE a.published IS NOT NULL GROUP BY m ORDER BY m",
            ),
        )

    def speaker_roles(self, speaker: SpeakerRef) -> list[RoleSeen]:
        """The roles the articles give ``speaker``, most frequent first, with first and last day seen."""
        condition, params = self.speaker_condition(speaker)
        rows = self.query(
            f"SELECT t.speaker_role, count(*) AS n, min(a.published), max(a.published) FROM {JOINED}"
            f" WHERE {condition} AND t.speaker_role IS NOT NULL GROUP BY t.speaker_role ORDER BY n DESC, t.speaker_role",
            params,
        )
        return [RoleSeen(role, int(n), stored_day(first), stored_day(last)) for role, n, first, last in rows]

    def speaker_outlets(self, speaker: SpeakerRef) -> list[Count]:
        """The outlets quoting ``speaker`` most, with how many attributions each."""
        condition, params = self.speaker_condition(speaker)
        return self._counts(
            f"SELECT min(a.outlet), count(*) AS n FROM {JOINED} WHERE {condition}"
            f" AND a.outlet IS NOT NULL GROUP BY lower(a.outlet) ORDER BY n DESC, min(a.outlet) LIMIT {_TOP}",
            params,
        )

    def speaker_quotes(self, speaker: SpeakerRef, *, limit: int, offset: int) -> tuple[list[SpeakerQuote], int]:
        """A page of the attributions of ``speaker``, latest first, and how many there are."""
        condition, params = self.speaker_condition(speaker)
        total = self.query(f"SELECT count(*) FROM attributions t WHERE {condition}", params)[0][0]
        rows = self.query(
            "SELECT a.id, t.idx, a.title, a.outlet, a.published, t.speaker, t.kind, t.cue_text, t.content_text,"
            f" t.channel_type, t.hedges FROM {JOINED} WHERE {condition}"
            " ORDER BY a.published DESC NULLS LAST, a.id, t.idx LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        quotes = [
            SpeakerQuote(id_, int(idx), title, outlet, stored_time(published), speaker, kind, cue, content, channel, json_value(hedges))
            for id_, idx, title, outlet, published, speaker, kind, cue, content, channel, hedges in rows
        ]
        return quotes, int(total)

    # Grouped counts by outlet and stored publication time, which sayso.corpus.stats buckets into
    # windows in Python (the backends share no date function).

    def article_counts(self, filters: Filters) -> list[tuple[Any, ...]]:
        """``(outlet, published, articles)`` of the articles ``filters`` allow (outlet and time window)."""
        where, params = self._article_conditions(filters, None)
        return self.query(
            f"SELECT a.outlet, a.published, count(*) FROM articles a WHERE {where} GROUP BY a.outlet, a.published",
            params,
        )

    def attribution_counts(self, filters: Filters) -> list[tuple[Any, ...]]:
        """``(outlet, published, kind, speaker_type, channel_type, attributions)`` of their attributions."""
        where, params = self._article_conditions(filters, None)
        return self.query(
            f"SELECT a.outlet, a.published, t.kind, t.speaker_type, t.channel_type, count(*) FROM {JOINED}"
            f" WHERE {where} GROUP BY a.outlet, a.published, t.kind, t.speaker_type, t.channel_type",
            params,
        )

    def speaker_counts(self, filters: Filters) -> list[tuple[Any, ...]]:
        """``(outlet, published, speaker_id, name, attributions)`` of their named speakers: the corpus
        registry's speaker where the index has placed the attribution, else the name as written."""
        where, params = self._article_conditions(filters, None)
        name = "coalesce(c.name, t.speaker)"
        return self.query(
            f"SELECT a.outlet, a.published, s.speaker_id, {name}, count(*) FROM {JOINED}"
            " LEFT JOIN attribution_speakers s ON s.article_id = t.article_id AND s.idx = t.idx"
            " LEFT JOIN corpus_speakers c ON c.id = s.speaker_id"
            f" WHERE {where} AND {name} IS NOT NULL GROUP BY a.outlet, a.published, s.speaker_id, {name}",
            params,
        )

    def gender_counts(self, filters: Filters) -> list[tuple[Any, ...]]:
        """``(outlet, published, gender, attributions)`` of their attributions of named people: ``gender``
        ``female`` or ``male`` where the text shows it, else None."""
        where, params = self._article_conditions(filters, None)
        gender = self._gender
        return self.query(
            f"SELECT a.outlet, a.published, {gender}, count(*) FROM {JOINED} WHERE {where}"
            f" AND t.speaker IS NOT NULL AND t.speaker_type = 'person' GROUP BY a.outlet, a.published, {gender}",
            params,
        )

    def quote_counts(self, filters: Filters, speaker: SpeakerRef | None = None) -> list[tuple[Any, ...]]:
        """``(outlet, published, attributions)`` of the attributions ``filters`` allow, of ``speaker`` when given."""
        where, params = self._article_conditions(filters, None)
        if speaker is not None:
            condition, speaker_params = self.speaker_condition(speaker)
            where, params = f"{where} AND {condition}", [*params, *speaker_params]
        return self.query(
            f"SELECT a.outlet, a.published, count(*) FROM {JOINED} WHERE {where} GROUP BY a.outlet, a.published",
            params,
        )

    def _counts(self, sql: str, params: Sequence[Any] = ()) -> list[Count]:
        return [Count(str(value), int(n)) for value, n in self.query(sql, list(params)) if value is not None]

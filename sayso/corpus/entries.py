"""A speaker registry entry: the name forms, roles, articles and outlets gathered under one speaker.

:mod:`sayso.corpus.speakers` decides which mentions belong together; these records
only keep what the mentions brought, so that a merge can add two entries up and a
split can move one name form (an :class:`Alias`) with everything it contributed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sayso.records import Attribution


def _day(value: date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class SpeakerMention:
    """One attribution's speaker, with where and when it was seen."""

    name: str
    speaker_type: str = "person"
    role: str | None = None
    article_id: str | None = None
    outlet: str | None = None
    published: date | None = None

    @classmethod
    def of(
        cls, attribution: Attribution, article_id: str | None = None,
        outlet: str | None = None, published: date | None = None,
    ) -> SpeakerMention | None:
        """The mention of an attribution's speaker; ``None`` for an unnamed one."""
        if not attribution.speaker:
            return None
        return cls(attribution.speaker, attribution.speaker_type, attribution.speaker_role,
                   article_id, outlet, _day(published))


@dataclass
class RoleSeen:
    """A role given to a speaker, how often, and first and last publication day seen."""

    role: str
    count: int = 0
    first: date | None = None
    last: date | None = None

    def see(self, day: date | None, count: int = 1) -> None:
        self.count += count
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)

    def absorb(self, other: RoleSeen) -> None:
        self.see(other.first, other.count)
        self.see(other.last, 0)


@dataclass
class Alias:
    """One name form of a speaker and what its mentions contributed; the unit a split moves."""

    name: str
    full: bool
    count: int = 0
    articles: set[str] = field(default_factory=set)
    outlets: Counter[str] = field(default_factory=Counter)
    roles: dict[str, RoleSeen] = field(default_factory=dict)
    seen: RoleSeen = field(default_factory=lambda: RoleSeen(""))

    def add(self, mention: SpeakerMention) -> None:
        day = _day(mention.published)
        self.count += 1
        self.seen.see(day)
        if mention.article_id is not None:
            self.articles.add(mention.article_id)
        if mention.outlet:
            self.outlets[mention.outlet] += 1
        if mention.role:
            self.roles.setdefault(mention.role.casefold(), RoleSeen(mention.role)).see(day)

    def absorb(self, other: Alias) -> None:
        self.count += other.count
        self.full = self.full or other.full
        self.seen.absorb(other.seen)
        self.articles |= other.articles
        self.outlets += other.outlets
        for key, role in other.roles.items():
            self.roles.setdefault(key, RoleSeen(role.role)).absorb(role)


@dataclass
class Speaker:
    """A speaker across the corpus: its name forms, roles, articles and outlets."""

    id: str
    type: str
    aliases: dict[str, Alias] = field(default_factory=dict)
    genders: Counter[str] = field(default_factory=Counter)
    label: str | None = None
    curated: bool = False

    @property
    def gender(self) -> str | None:
        """The gender most of the evidence gives ("Mrs. Clinton"); ``None`` when tied or unknown."""
        ranked = self.genders.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    @property
    def name(self) -> str:
        """The curated name, else the most used full name form (ties: longer, then alphabetical)."""
        if self.label or not self.aliases:
            return self.label or self.id
        return min(self.aliases.values(), key=lambda a: (not a.full, -a.count, -len(a.name), a.name)).name

    @property
    def mentions(self) -> int:
        return sum(a.count for a in self.aliases.values())

    @property
    def full_mentions(self) -> int:
        """Mentions under a full name: which of several compatible full names a new one joins."""
        return sum(a.count for a in self.aliases.values() if a.full)

    @property
    def full_articles(self) -> int:
        """Articles naming the speaker by a full name: the weight in surname decisions (bare
        names would feed themselves; mentions without an article id count for nothing)."""
        return len(set().union(*(a.articles for a in self.aliases.values() if a.full)))

    @property
    def articles(self) -> set[str]:
        return set().union(*(a.articles for a in self.aliases.values()))

    @property
    def outlets(self) -> Counter[str]:
        return sum((a.outlets for a in self.aliases.values()), Counter())

    @property
    def roles(self) -> list[RoleSeen]:
        """Roles seen, most frequent first, each with its first and last day."""
        merged: dict[str, RoleSeen] = {}
        for alias in self.aliases.values():
            for key, role in alias.roles.items():
                merged.setdefault(key, RoleSeen(role.role)).absorb(role)
        return sorted(merged.values(), key=lambda r: (-r.count, r.role))

    @property
    def first_seen(self) -> date | None:
        return min((a.seen.first for a in self.aliases.values() if a.seen.first), default=None)

    @property
    def last_seen(self) -> date | None:
        return max((a.seen.last for a in self.aliases.values() if a.seen.last), default=None)

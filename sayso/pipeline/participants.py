"""What an article's cast is made of: its participants (:class:`Entity`), where each is
mentioned (:class:`Mention`), and who a source stands for (:class:`Referent`).

:mod:`sayso.pipeline.cast` builds these from the parse; :mod:`sayso.pipeline.speakers`,
:mod:`sayso.pipeline.bodies` and the relays read them. They live apart from the builder so
that a module which only reads a cast does not depend on how it is built.
"""

# No `from __future__ import annotations`, as in the component that uses it.
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Token

from sayso.pipeline.firstnames import given_name
from sayso.pipeline.names import CERTAIN_SHARE, CERTAIN_SOURCES
from sayso.records import Span

# When the text says nothing of a person's gender, a pronoun of one gender is ruled out for a
# first name fewer than this share of whose bearers have that gender (a weaker test than the
# 0.9 one-sidedness that sets a gender on its own).
LEANING = 0.2

# The speaker types a pronoun kind (see the lexicon) may refer to.
ACCEPTS = {"person": {"person"}, "group": {"group", "organisation"}, "organisation": {"organisation"}}


class Referent(NamedTuple):
    """Who a source mention stands for, in the shape of the record's speaker fields."""

    speaker: str | None
    type: str
    role: str | None = None
    gender: str | None = None  # "f" or "m"
    gender_evidence: str | None = None


UNKNOWN = Referent(None, "unknown")
ANONYMOUS = Referent(None, "anonymous")


@dataclass(eq=False)
class Entity:
    """One named participant of the article, with what the article says about them."""

    name: str
    type: str
    role: str | None = None
    gender: str | None = None
    # What says so: "pronoun", "honorific", "gendered noun" or "first name".
    gender_evidence: str | None = None
    # The gender of the honorific the article puts before this person ("Mrs. Clinton"), if any.
    honorific: str | None = None
    role_words: set[str] = field(default_factory=set)
    # NER's label at the first mention ("ORG", "GPE"...), which tells a body from a place.
    label: str = ""
    mentions: int = 0

    def referent(self) -> Referent:
        if self.type == "group":  # "Republicans": a description, not someone's name
            return Referent(None, "group", self.name)
        if self.type != "person":
            return Referent(self.name, self.type, self.role)
        return Referent(self.name, self.type, self.role, self.gender, self.gender_evidence)

    def set_gender(self, gender: str | None, evidence: str) -> None:
        """Record a gender unless the text has shown one already: what the text says (a
        pronoun, an honorific, a gendered noun) overrides what a first name suggests, except
        that a pronoun sayso only guessed refers to the person does not override a name
        nearly all of whose bearers are of one gender ("Melanie")."""
        if gender is None or gender == self.gender:
            return
        if self.gender is None or (self.gender_evidence == "first name" and evidence != "first name" and not (
                evidence == "pronoun" and self.name_is_certain)):
            self.gender, self.gender_evidence = gender, evidence

    def agrees(self, gender: str | None, lean: bool = True) -> bool:
        """Whether a pronoun or description of ``gender`` may mean this entity: one of the gender
        the text gives, or of none known whose first name does not lean the other way ("Chris",
        borne by men nine times in ten, is no "she" when the text has not said otherwise), unless
        ``lean`` is off: the caller found no one else."""
        if gender is None:
            return True
        if self.gender is not None:
            return self.gender == gender
        first = given_name(self.name.split()[0]) if self.type == "person" and lean else None
        share = first.female_share if first is not None else 0.5
        return share >= LEANING if gender == "f" else share <= 1 - LEANING

    @property
    def name_is_certain(self) -> bool:
        first = given_name(self.name.split()[0]) if self.type == "person" else None
        return first is not None and first.sources >= CERTAIN_SOURCES and (
            first.female_share >= CERTAIN_SHARE or first.female_share <= 1 - CERTAIN_SHARE)


class Mention(NamedTuple):
    """Where a named entity is mentioned: first character, head token of the name."""

    start: int
    root: Token
    entity: Entity


class Intervals:
    """Whether a character offset lies inside any of a set of spans."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for span in sorted(spans):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

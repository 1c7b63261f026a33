"""What a pronoun in a source stands for, in the discourse of the article.

News prose hands a statement on with "he said", "she added", "they warned": the reader takes the
person just quoted, or a subject named since, or the latest person of the right gender. These
rules are the speaker resolver's (:mod:`sayso.pipeline.speakers`), kept apart because they are
one question of their own: :class:`Pronouns` is the part of the resolver that answers it, over
the state the resolver keeps (the cast, the paragraphs, the spans quoted so far).
"""

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.cast import Cast
from sayso.pipeline.names import words
from sayso.pipeline.participants import ACCEPTS, Entity, Intervals, Referent
from sayso.pipeline.passages import Paragraphs, author_note, first_offset, token_span
from sayso.pipeline.sources import FIRST_PERSON, content_words
from sayso.records import Attribution


class Pronouns:
    """The pronoun rules of the speaker resolver, over the state it keeps."""

    doc: Doc
    text: str
    lex: dict[str, Any]
    cast: Cast
    paragraphs: Paragraphs
    quoted: Intervals
    gap: int
    _current: Attribution | None

    def pronoun(
        self, token: Token, previous: tuple[Attribution, Referent] | None, gender: str | None = None
    ) -> Referent:
        """A pronoun goes to a named subject since the previous attribution, else to
        that attribution's speaker, else to the latest compatible named mention. A
        description that names nobody ("the 23-year-old") is read as a person pronoun
        of the ``gender`` its noun gives. A person whose first name leans the other way
        ("Chris" for a "she") is taken only when no one else fits (:meth:`Entity.agrees`)."""
        found = self._pronoun(token, previous, gender, lean=True)
        if found.speaker is None and found.gender is not None:
            return self._pronoun(token, previous, gender, lean=False)
        return found

    def _pronoun(
        self, token: Token, previous: tuple[Attribution, Referent] | None, gender: str | None, lean: bool
    ) -> Referent:
        kind, gender = self.lex["pronouns"].get(token.lower_, ("person", gender))
        accept = ACCEPTS[kind]
        if token.lower_ in FIRST_PERSON and token.idx not in self.quoted:
            # "I" or "we" outside anyone's words is the article's author (named only by a closing
            # author's note), and a "we" inside them the speaker's side: neither is the latest
            # name in the text.
            if kind == "group" and previous is not None and previous[1].type == "organisation":
                return previous[1]
            author = author_note(self.text) if kind == "person" else None
            return Referent(author, kind)
        if kind == "group" and previous is not None and previous[1].type == "group" and (
            self.paragraphs.of(token.idx) - self.paragraphs.of(first_offset(previous[0])) <= 1
        ):  # "Mr. Grassley and Mr. Leahy … they wrote", "Analysts said … They added"
            return previous[1]
        near = previous is not None and (
            self.paragraphs.of(token.idx) - self.paragraphs.of(first_offset(previous[0])) <= self.gap
        )
        if previous is not None and near:
            floor = max(s.end for s in previous[0].cue + previous[0].source)
        else:
            floor = token.sent.start_char
        entity = self.cast.latest(token.idx, floor, accept, gender, True, self.quoted, lean=lean)
        if kind == "person":  # "Scott bristles at …" where NER saw no name
            entity = self.unlisted_subject(floor, token, gender, lean) or self.introduced(floor, token, gender, lean) or entity
        if kind == "person":  # "The former New Mexico governor is a triathlete. He released …"
            described = self.described_subject(floor, token, gender, entity, lean)
            entity = described or entity
        if entity is None and previous is not None and floor <= token.sent.start_char:
            # A person named earlier in the pronoun's own sentence, as a subject or not ("seized upon
            # Mr. Trump's RT appearance, in which he said"), before anyone quoted in a sentence before it.
            entity = self.cast.latest(token.idx, token.sent.start_char, accept, gender, False, self.quoted, lean=lean)
        if entity is None and previous is not None and near:
            referent = previous[1]
            known = self.cast.by_name.get(referent.speaker or "")
            spokesperson = referent.type == "organisation" and bool(
                set((referent.role or "").lower().split()) & words("spokes_nouns"))
            # "a senior official said … He added": only a source that is a noun, in number.
            heads = [s.root for s in self._source_spans(previous[0])]
            anonymous = referent.type == "anonymous" and any(
                h.pos_ == "NOUN" and (h.tag_ == "NNS") == (kind == "group") for h in heads)
            if anonymous or spokesperson or (
                referent.speaker is not None and referent.type in accept
                and (known is None or known.agrees(gender, lean))
            ):
                if known is not None and kind == "person":
                    known.set_gender(gender, "pronoun")
                    return known.referent()
                return referent
        for subjects_only in (True, False):  # a subject is the likelier antecedent
            entity = entity or self.cast.latest(token.idx, 0, accept, gender, subjects_only, self.quoted, lean=lean)
        reported = self._current.content if self._current is not None and self._current.kind == "indirect" else []
        if entity is None and reported and reported[0].end <= token.idx:
            # Reported speech before its "he told": "Tests on Sultan Mia's samples came back positive, he told …"
            entity = self.cast.latest(token.idx, reported[0].start, accept, gender, False, Intervals(()), lean=lean)
        if entity is None:
            # A name before it in its sentence, even in someone's words ("Christie described Clinton
            # as a disgrace after she attacked …")
            entity = self.cast.latest(token.idx, token.sent.start_char, accept, gender, False, Intervals(()), lean=lean)
        if entity is None and previous is None:  # nothing before: a headline's or lead's "he"
            entity = self.cast.following(token.idx, self.paragraphs.end_of(token.idx, 2), accept, gender, lean)
        if entity is None:
            return Referent(None, kind, None, gender, "pronoun" if gender else None)
        if kind == "person":
            entity.set_gender(gender, "pronoun")
        return entity.referent()

    @cached_property
    def _first_mentions(self) -> dict[Entity, int]:
        """Where the article first names each entity: computed once, asked for every pronoun."""
        first: dict[Entity, int] = {}
        for m in self.cast.mentions:
            first.setdefault(m.entity, m.start)
        return first

    def introduced(self, floor: int, pronoun: Token, gender: str | None, lean: bool = True) -> Entity | None:
        """A person the article introduces, named for the first time with a role in apposition,
        wherever the sentence puts them ("… concerns Henry Crespo, president of the Caucus.
        "No one …," he said."): the one a pronoun after it means, unless a subject is named later."""
        first = self._first_mentions
        for start, root, entity in reversed(self.cast.mentions):
            if start >= pronoun.idx or start in self.quoted:
                continue
            if start < floor:
                break
            if entity.type == "person" and root.dep_ in ("nsubj", "nsubjpass"):
                return None
            if entity.type == "person" and first[entity] == start and entity.agrees(gender, lean) \
                    and any(c.dep_ == "appos" for c in root.children):
                return entity
        return None

    def unlisted_subject(self, floor: int, pronoun: Token, gender: str | None, lean: bool = True) -> Entity | None:
        """A person the article names, as a subject NER did not tag ("Scott bristles at the
        suggestion …"), when no tagged subject comes between it and the pronoun."""
        for t in reversed(self.doc[:pronoun.i]):
            if t.idx < floor:
                break
            if t.dep_ not in ("nsubj", "nsubjpass") or t.idx in self.quoted:
                continue
            if t.i in self.cast.by_token:
                return None  # a tagged subject after it: cast.latest has the right one
            if t.pos_ == "PROPN" and t.text.istitle():
                entity = self.cast.known(self.doc[t.i:t.i + 1])
                if entity is not None and entity.type == "person" and entity.agrees(gender, lean):
                    return entity
        return None

    def described_subject(
        self, floor: int, pronoun: Token, gender: str | None, named: Entity | None, lean: bool = True
    ) -> Entity | None:
        """The person a description that is a subject (or owns it) since ``floor`` stands for ("the
        president", "the former New Mexico governor"), when it comes after the latest named subject ``named``."""
        after = max((m.start for m in self.cast.mentions if m.entity is named and m.start < pronoun.idx), default=-1)
        for t in reversed(self.doc[:pronoun.i]):
            if t.idx < max(floor, after):
                break
            subject = t.dep_ in ("nsubj", "nsubjpass") or (  # "The president's roots came into play. He …"
                t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"))
            if subject and t.tag_ == "NN" and t.lemma_.lower() in self.lex["person_titles"] \
                    and any(c.lower_ == "the" for c in t.lefts) and t.idx not in self.quoted:
                entity = self.cast.by_description(content_words(t), t.lemma_.lower(), t.idx)
                if entity is not None and entity.agrees(gender, lean):
                    return entity
        return None

    def _source_spans(self, attribution: Attribution) -> list[TokenSpan]:
        spans = (token_span(self.doc, s) for s in attribution.source[:1])
        return [s for s in spans if s is not None]

"""Which organisation a mention of a body means: "the police", "the airline", "their union",
"a Samsung spokeswoman", "the Public Relations Center of the FSB".

News names a body once and then refers to it by what it is ("the company", "the force", "the
ministry"), speaks through its people ("officials at Homeland Security Investigations") and
through its units. :mod:`sayso.pipeline.speakers` asks here which named organisation such a
mention stands for, so that the speaker is the body and not an anonymous source or nobody.
"""

# No `from __future__ import annotations`, as in the component that uses it.
from typing import Any

from spacy.tokens import Doc, Token

from sayso.pipeline.cast import Cast
from sayso.pipeline.names import lexicon, noun_phrase, words
from sayso.pipeline.participants import Entity, Intervals

# Bodies news names after the person who leads them ("the Trump campaign", "the Obama
# administration"); "Kashif Qayum Khan's office" is his office, not "Khan office".
_NAMED_FOR_LEADERS = frozenset({"campaign", "administration", "camp", "government", "foundation"})
_UNITS = frozenset({"center", "centre", "office", "service", "department", "unit", "division", "wing",
                    "branch", "bureau", "desk", "directorate", "secretariat"})


def _names_a_place(token: Token) -> bool:
    """A word naming a place or people ("Kenyan", "Punjab"), whatever the parser made of it."""
    return token.is_title and (token.ent_type_ in ("NORP", "GPE") or token.pos_ == "PROPN")


class Bodies:
    """The organisations one article's mentions of bodies stand for."""

    def __init__(self, doc: Doc, cast: Cast, lex: dict[str, Any], quoted: Intervals) -> None:
        self.doc, self.cast, self.lex, self.quoted = doc, cast, lex, quoted
        self._organisations: dict[str, list[tuple[int, str]]] | None = None

    def organisation(self, token: Token) -> str | None:
        """A named organisation ("the Trump campaign") as written; a bare "the campaign"
        is the latest named one mentioned before it; "his campaign" stays unnamed."""
        for c in token.lefts:  # "Donald Trump's campaign", "the Clinton campaign": one name for each
            mention = self.cast.by_token.get(c.i)
            if c.dep_ in ("poss", "compound") and mention is not None and mention.entity.type == "person":
                if token.lemma_.lower() not in _NAMED_FOR_LEADERS:
                    return None  # "Kashif Qayum Khan's office": his, unnamed
                return f"{mention.entity.name.split()[-1]} {token.lower_}"
        owner = next((c for c in token.lefts if c.tag_ in ("PRP$", "WP$")), None)
        if owner is not None and token.lemma_.lower() in _NAMED_FOR_LEADERS:  # "her campaign"
            _, gender = self.lex["pronouns"].get(owner.lower_, ("person", None))
            leader = self.cast.latest(owner.idx, 0, {"person"}, gender, True, self.quoted) or self.cast.latest(
                owner.idx, 0, {"person"}, gender, False, self.quoted)  # a subject first, else anyone named
            return f"{leader.name.split()[-1]} {token.lower_}" if leader is not None else None
        if owner is not None and token.lemma_.lower() not in words("generic_bodies"):
            return None  # "his office"; but "their union" is the union the article names
        organisation = self.cast.organisation_named(token.lower_, token.idx) or self.cast.organisation_named(
            token.lemma_.lower(), token.idx)
        if organisation is not None:  # "the police", "Ugandan police" where the article names the Uganda Police Force
            return organisation.name
        if any(c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE") for c in token.lefts):
            return noun_phrase(token)  # "Punjab police", "Kenyan police"
        if self._organisations is None:
            self._organisations = {}
            for t in self.doc:
                lemma = t.lemma_.lower()
                if lemma not in self.lex["organisation_nouns"] or t.i == token.i:
                    continue
                if any(c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE") for c in t.lefts):
                    self._organisations.setdefault(lemma, []).append((t.idx, self.organisation(t) or t.text))
                elif t.i > 0 and _names_a_place(t.nbor(-1)):  # "Kenyan police arrest …", however parsed
                    start = t.i - 1
                    while start > 1 and self.doc[start - 1].text == "-" and _names_a_place(self.doc[start - 2]):
                        start -= 2  # "Charlotte-Mecklenburg police"
                    self._organisations.setdefault(lemma, []).append((t.idx, f"{self.doc[start:t.i].text} {t.text}"))
        named = self._organisations.get(token.lemma_.lower(), [])
        earlier = [p for start, p in named if start < token.idx]
        if earlier or named:
            return earlier[-1] if earlier else named[0][1]
        if token.lemma_.lower() in words("generic_bodies"):  # "the airline", "the company": the body just named
            body = self.cast.body_of_kind(token.lemma_.lower(), token.idx, lexicon()["body_kinds"])
            return body.name if body is not None else None
        if token.lemma_.lower() in _NAMED_FOR_LEADERS and token.dep_ == "compound":
            # "Clinton plans to visit Charlotte, according to a campaign aide": the campaign of the
            # person its sentence is about (in the aide's words or not), when the article names no campaign
            leader = self.cast.latest(token.idx, token.sent.start_char, {"person"}, None, True, Intervals(()))
            return f"{leader.name.split()[-1]} {token.lower_}" if leader is not None else None
        return None
    def body_of(self, token: Token) -> str | None:
        """The named organisation a spokesperson, official or reporter speaks for: a name
        before the noun ("a Grab spokesman", "TASS reporter") or after it ("a spokeswoman
        for Samsung", "officials at Homeland Security Investigations")."""
        candidates = [c for c in token.lefts if c.dep_ in ("compound", "poss", "nmod", "amod") and not any(
            t.text == "|" or "\n" in t.text for t in token.doc[c.i:token.i])]  # not a dateline's place: "Harare | officers"
        candidates += [o for p in token.rights if p.dep_ == "prep" and p.lower_ in ("for", "at", "of", "from", "with")
                       for o in p.children if o.dep_ == "pobj"]
        for candidate in candidates:
            mention = self.cast.by_token.get(candidate.i)
            if mention is not None and mention.entity.type == "organisation":
                return mention.entity.name
            if mention is None and candidate.pos_ == "PROPN":  # a name NER missed: the longest naming it
                named = self.cast.organisation_named(candidate.lower_, candidate.idx)
                return named.name if named is not None else noun_phrase(candidate)
            if candidate.lemma_.lower() in self.lex["organisation_nouns"]:  # "a spokeswoman for the company"
                return self.organisation(candidate)
        return None

    def parent_body(self, token: Token, body: Entity) -> Entity | None:
        """The organisation a named office or unit is part of ("the Public Relations Center of
        the Russian Federal Security Service", "the press office of the ministry")."""
        if body.name.split()[-1].lower() not in _UNITS:
            return None
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    mention = self.cast.by_token.get(obj.i)
                    if obj.dep_ == "pobj" and mention is not None and mention.entity is not body \
                            and mention.entity.type == "organisation" and mention.entity.label != "GPE":
                        return mention.entity
        return None

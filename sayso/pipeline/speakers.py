"""Component ``sayso_speakers``: who stands behind each attribution's source.

A source is written the way the article refers to someone at that point ("he",
"Haidai", "the governor", "a video posted by journalist Christo Grozev"), but
readers, the store and the cross-article speaker registry need one canonical
name per participant, the kind of speaker, and the role the article gives them.
So the component builds the article's *cast* once per document
(:mod:`sayso.pipeline.cast`: NER entities linked by surname, each with the role
from its apposition or pre-modifiers) and resolves every source against it in
text order, which lets a pronoun fall back on the previous attribution's
speaker, the way "he added" reads in news prose.
"""

# No `from __future__ import annotations`: spaCy validates factory arguments from live type hints.
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from sayso.pipeline.cast import (
    ACCEPTS,
    ANONYMOUS,
    UNKNOWN,
    Cast,
    Intervals,
    Referent,
    lexicon,
    noun_phrase,
)
from sayso.pipeline.passages import (
    Paragraphs,
    check_paragraph_gap,
    first_offset,
    token_span,
)
from sayso.records import Attribution


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun ("who", "whom") stands for."""
    while token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ == "relcl" else None


def _producer(token: Token, tokens: Iterable[Token]) -> Token | None:
    """Who made a thing that "says" something: "a video posted by X", "X's statement"."""
    tokens = list(tokens)
    for t in tokens:
        if t.head == token and t.dep_ == "poss":
            return t
    for t in tokens:
        if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in ("by", "from")):
            return next((c for c in t.children if c.dep_ == "pobj"), None)
    return next((t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), None)


class _Resolver:
    """Resolves the sources of one document's attributions, in text order."""

    def __init__(self, doc: Doc, attributions: list[Attribution], max_paragraph_gap: int) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.cast = Cast(doc)
        self.paragraphs = Paragraphs(doc.text)
        self.quoted = Intervals(s for a in attributions for s in a.content)
        self.gap = max_paragraph_gap
        self._organisations: dict[str, list[tuple[int, str]]] | None = None

    def run(self, attributions: list[Attribution]) -> None:
        previous: tuple[Attribution, Referent] | None = None
        for attribution in attributions:
            span = token_span(self.doc, attribution.source[0]) if attribution.source else None
            if span is None:
                attribution.speaker, attribution.speaker_type, attribution.speaker_role = UNKNOWN
                continue
            referent = self.referent(span.root, span, previous)
            attribution.speaker, attribution.speaker_type, attribution.speaker_role = referent
            previous = (attribution, referent)

    def referent(
        self, token: Token, tokens: Iterable[Token], previous: tuple[Attribution, Referent] | None
    ) -> Referent:
        """Who the mention headed by ``token`` (its words ``tokens``) stands for."""
        lex, lower, lemma = self.lex, token.lower_, token.lemma_.lower()
        if lower in lex["relative_pronouns"] and token.tag_ in ("WP", "WDT"):
            antecedent = _antecedent(token)
            if antecedent is not None:
                return self.referent(antecedent, antecedent.subtree, previous)
        if token.tag_ in ("PRP", "PRP$") and lower in lex["pronouns"]:
            return self.pronoun(token, previous)
        # "a Ukrainian close to the action", "one person": unnamed, so anonymous ("some economists" is a group).
        indefinite = token.tag_ in ("NN", "NNP", "JJ") and any(
            c.dep_ in ("det", "nummod") and c.lower_ in lex["indefinite_determiners"] for c in token.lefts
        )
        mention = self.cast.by_token.get(token.i) or next(
            (self.cast.by_token[c.i] for c in token.children  # "the economist Jared Bernstein"
             if c.dep_ == "appos" and c.i in self.cast.by_token
             and self.cast.by_token[c.i].root == c and self.cast.by_token[c.i].entity.type == "person"),
            None,
        )
        if mention is not None and not (indefinite and mention.entity.type == "group"):
            return mention.entity.referent()
        if token.pos_ == "PROPN" and not indefinite:
            words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
            name = self.doc[words[0].i:token.i + 1]
            return self.cast.link([t.lower_ for t in words], name, "unknown").referent()
        if lemma in lex["product_nouns"] or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in lex["product_nouns"] for o in c.children)
            for c in token.rights
        ):  # "a video", or "a batch of emails"
            producer = _producer(token, tokens)
            return UNKNOWN if producer is None else self.referent(producer, (), previous)
        if indefinite or lemma in lex["anonymous_nouns"]:
            return ANONYMOUS
        if token.tag_ in ("NNS", "NNPS"):
            return Referent(noun_phrase(token), "group")
        if lemma in lex["organisation_nouns"]:
            return Referent(self.organisation(token), "organisation")
        if lemma in lex["person_titles"]:
            entity = self.cast.by_role(lemma, token.idx)
            return entity.referent() if entity else Referent(None, "person", noun_phrase(token))
        return UNKNOWN

    def pronoun(self, token: Token, previous: tuple[Attribution, Referent] | None) -> Referent:
        """A pronoun goes to a named subject since the previous attribution, else to
        that attribution's speaker, else to the latest compatible named mention."""
        kind, gender = self.lex["pronouns"][token.lower_]
        accept = ACCEPTS[kind]
        near = previous is not None and (
            self.paragraphs.of(token.idx) - self.paragraphs.of(first_offset(previous[0])) <= self.gap
        )
        if previous is not None and near:
            floor = max(s.end for s in previous[0].cue + previous[0].source)
        else:
            floor = token.sent.start_char
        entity = self.cast.latest(token.idx, floor, accept, gender, True, self.quoted)
        if entity is None and previous is not None and near:
            referent = previous[1]
            known = self.cast.by_name.get(referent.speaker or "")
            if referent.type == "anonymous" or (
                referent.type in accept and gender in (None, known and known.gender or gender)
            ):
                if known is not None and kind == "person":
                    known.gender = known.gender or gender
                return referent
        for subjects_only in (True, False):  # a subject is the likelier antecedent
            entity = entity or self.cast.latest(token.idx, 0, accept, gender, subjects_only, self.quoted)
        if entity is None:
            return Referent(None, kind)
        if kind == "person":
            entity.gender = entity.gender or gender
        return entity.referent()

    def organisation(self, token: Token) -> str | None:
        """A named organisation ("the Trump campaign") as written; a bare "the campaign"
        is the latest named one mentioned before it; "his campaign" stays unnamed."""
        if any(c.pos_ == "PROPN" for c in token.lefts):
            return noun_phrase(token)
        if any(c.tag_ in ("PRP$", "WP$") for c in token.lefts):
            return None
        if self._organisations is None:
            self._organisations = {}
            for t in self.doc:
                lemma = t.lemma_.lower()
                if lemma in self.lex["organisation_nouns"] and any(c.pos_ == "PROPN" for c in t.lefts):
                    self._organisations.setdefault(lemma, []).append((t.idx, noun_phrase(t) or t.text))
        earlier = [p for start, p in self._organisations.get(token.lemma_.lower(), []) if start < token.idx]
        return earlier[-1] if earlier else None


def resolve_speakers(doc: Doc, attributions: list[Attribution], max_paragraph_gap: int = 3) -> None:
    """Fill ``speaker``, ``speaker_type`` and ``speaker_role`` of each attribution.

    Args:
        doc: the parsed article (tagger, parser and NER) the spans point into.
        attributions: the article's attributions in text order; changed in place.
        max_paragraph_gap: how many paragraphs back a pronoun source ("he added")
            may still take the previous attribution's speaker.
    """
    _Resolver(doc, attributions, max_paragraph_gap).run(attributions)


class SaysoSpeakers:
    """Pipeline component: resolves the sources of ``doc._.attributions``."""

    def __init__(self, nlp: Language, name: str, *, max_paragraph_gap: int) -> None:
        self.name = name
        self.max_paragraph_gap = max_paragraph_gap

    def __call__(self, doc: Doc) -> Doc:
        if doc._.attributions:
            resolve_speakers(doc, doc._.attributions, self.max_paragraph_gap)
        return doc


@Language.factory(
    "sayso_speakers",
    default_config={"max_paragraph_gap": 3},
    requires=["doc._.attributions", "token.dep", "doc.ents"],
    assigns=["doc._.attributions"],
)
def make_speakers(nlp: Language, name: str, max_paragraph_gap: int) -> SaysoSpeakers:
    check_paragraph_gap(name, max_paragraph_gap)
    return SaysoSpeakers(nlp, name, max_paragraph_gap=max_paragraph_gap)

"""How the words of a source mention are read before anyone is looked up: which word heads
it, where a name written into it starts, and which words can never name a speaker.

:mod:`sayso.pipeline.speakers` resolves a source against the article's cast; these functions
read the source's own tokens, as the parser left them, so that a clause the span took in, a
headline's dash or a capitalised plural opening a paragraph does not become a speaker.
"""

# No `from __future__ import annotations`, as in the component that uses it.
import re

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from sayso.pipeline.names import words
from sayso.pipeline.participants import Referent
from sayso.pipeline.wordnet import is_word

_DASHES = frozenset({"-", "--", "–", "—"})


def after_dateline(span: TokenSpan | None) -> TokenSpan | None:
    """A source without the dateline the parser took into it ("WASHINGTON -- President Obama",
    "LAGOS, Nigeria (Reuters) — The minister"): what follows the first dash when the span opens
    a line with a word in capitals and every word before the dash is capitalised."""
    if span is None or len(span) < 3 or not (span[0].is_upper and span[0].is_alpha and len(span[0]) > 1):
        return span
    doc = span.doc
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws and not doc[span.start - 1].is_space:
        return span
    for token in span[:-1]:
        if token.text in _DASHES:
            return doc[token.i + 1:span.end] if token.i > span.start else span
        if token.is_alpha and not token.text[:1].isupper():
            return span
    return span


def sane(referent: Referent) -> Referent:
    """Never a platform ("Twitter said"), a transcript's "Q" or a headline's "Weak - Rubio" as
    a speaker: the name after a dash, and no name at all when what is left is not one; joint
    issuers written with a slash are both named ("Reuters and Ipsos")."""
    name = referent.speaker
    if name is None:
        return referent
    for dash in (" - ", " – ", " — "):
        name = name.rsplit(dash, 1)[-1]
    if name.lower() in words("platforms") or len(name.strip(".")) <= 1:
        return Referent(None, "unknown", referent.role)
    if "/" in name and referent.type != "person":  # "a Reuters/Ipsos poll": both issued it
        name = " and ".join(part.strip() for part in name.split("/") if part.strip())
    joint = _JOINT.fullmatch(name) if referent.type != "person" else None
    if joint and any(" " in part for part in joint.groups()):  # "a Washington Post-ABC News poll"
        name = " and ".join(joint.groups())
    return referent._replace(speaker=name)


# Two bodies' names joined by a hyphen, each several words or an acronym ("Washington Post-ABC
# News", "CBS-New York Times"); not one name with a hyphen inside ("Hewlett-Packard").
_NAME_PART = r"(?:[A-Z]{2,}|[A-Z][\w.&']*(?: [A-Z][\w.&']*)+)"
_JOINT = re.compile(rf"({_NAME_PART})-({_NAME_PART})")


def own_words(token: Token) -> list[Token]:
    """A conjunct head's words without its conjuncts ("Umar" of "Umar and Jehanzeb")."""
    return [t for t in token.subtree if t.i <= token.i or t.dep_ not in ("cc", "conj")]


FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
AGED = re.compile(r"\d+-year-old$")


def joins_name(before: Token, head: Token) -> bool:
    """Whether the word before a name's run belongs to it: a proper noun compounding the head,
    a hyphen inside a name ("Asante-Jones"), a slash between joint names ("Reuters/Ipsos") or a
    particle ("van der Merwe")."""
    if before.dep_ == "compound" and before.pos_ == "PROPN" and before.head == head:
        return True
    inner = before.i > 0 and before.nbor(-1).pos_ == "PROPN"
    return inner and not before.whitespace_ and before.text in ("-", "/") or (
        before.lower_ in words("surname_particles") and before.head == head)


def capitalised_noun(token: Token) -> bool:
    """A common plural noun capitalised as a sentence's or paragraph's first word ("Drivers
    said"), which the tagger takes for a name."""
    opens = token.i == token.sent.start or token.nbor(-1).is_space or token.nbor(-1).is_quote
    return (opens and token.ent_type_ == "" and token.lower_.endswith("s")
            and is_word(token.lower_[:-1]) and not is_word(token.lower_))


def content_words(token: Token) -> set[str]:
    """The lowercased words of a descriptor's modifiers and head ("the Indiana governor")."""
    return {t.lower_ for t in token.lefts if t.pos_ in ("PROPN", "ADJ", "NOUN")} | {token.lemma_.lower()}


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X"})


def source_head(span: TokenSpan) -> Token:
    """The word a source is about. A source span that took in a clause before its subject
    ("After losing the Test series, Australia skipper Tim Paine") has a preposition or verb as
    its syntactic root; the subject is then the subject word whose head lies outside the span,
    else (the parser hung it inside the clause) the span's last noun, where a subject ends."""
    root = span.root
    if root.pos_ in _NOMINAL:
        return root
    subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and not span.start <= t.head.i < span.end), None)
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return subject or (nouns[-1] if nouns else root)


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun ("who", "whom") stands for."""
    while token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ == "relcl" else None

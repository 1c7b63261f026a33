"""Who issued a thing that "says" something: the statement, the report, the video, the post.

News gives a document as the source ("The statement said", "the report found", "A video
posted on the agency's Instagram account shows") and names its maker elsewhere: in the same
phrase ("Ofsted's letter", "a video posted by X"), at an earlier mention ("X issued a statement
… The statement said"), in the verb that made it ("Bloomberg reported … the report said", "the
court ruled … the ruling"), or as another word for a thing just made ("a new RNC ad … The clip").
The speaker is that maker; :mod:`sayso.pipeline.speakers` resolves the word found here.
"""

# No `from __future__ import annotations`, as in the component that uses it.
from collections.abc import Collection, Iterable

from spacy.tokens import Token

from sayso.pipeline.passages import Paragraphs

# Verbs that make a document: who did so issued it.
_MAKING = frozenset({"issue", "publish", "release", "post", "write", "produce", "prepare", "compile", "author",
                     "conduct", "commission", "file", "sign", "send", "share", "upload", "tweet", "broadcast"})
# What NER calls a name that may make a document ("a Washington Post-ABC News poll").
_MAKERS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
CHANNEL_NOUNS = frozenset({"account", "page", "channel", "handle", "feed", "profile", "website", "site", "blog"})


def in_headline(token: Token) -> bool:
    """Whether a word stands in a line written in title case, as headlines are ("New Poll Shows
    Minor Bump"), where a capitalised word may be any word."""
    longer = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(longer) > 2 and all(t.is_title or t.is_upper for t in longer)


def names_act(noun: str, verb: str) -> bool:
    """Whether a noun names the act of a verb: "report"/"report", "ruling"/"rule",
    "statement"/"state", "announcement"/"announce"."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 3 and noun.startswith(stem) and noun[len(stem):] in ("", "e", "ing", "ment", "ement")


def producer(token: Token, tokens: Iterable[Token]) -> Token | None:
    """Who made a thing that "says" something: "a video posted by X", "X's statement",
    "X issued a statement"."""
    tokens = list(tokens)
    # "published by X", or on the thing itself: not "screenshots of a trip from X".
    by = [t for t in tokens if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in ("by", "from") and (
        t.head == token or t.head.dep_ in ("acl", "relcl")))]
    for t in by:  # a maker named so beats a possessive, which may be whom it is about
        if t.head.lemma_.lower() in _MAKING:  # ("Bilal's postmortem report, issued by the Mayo Hospital")
            return next((c for c in t.children if c.dep_ == "pobj"), None)
    for t in tokens:
        if t.head == token and t.dep_ == "poss":
            return t
    for t in by:  # after "LAGESC's official X account, which is run by spokesman Lukman Ajayi": LAGESC's
        return next((c for c in t.children if c.dep_ == "pobj"), None)
    for t in tokens:  # "photographs he posted", "the video it released"
        if t.dep_ in ("relcl", "acl") and t.head.i == token.i:
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in ("that", "which", "who"):
                return subject
    for t in tokens:  # "a video posted on the agency's Instagram account"
        if t.dep_ == "poss" and t.head.lemma_.lower() in CHANNEL_NOUNS and t.head.i != token.i:
            return t
    compound = next((t for t in token.lefts if t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"
                     and (t.dep_ == "compound" and not in_headline(token) or t.ent_type_ in _MAKERS)), None)
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":  # "X said in a statement", "X wrote in a letter"
        verb = verb.head
    elif token.dep_ != "dobj":  # "X issued a statement", "X posted a video"
        return compound
    if compound is None and verb.pos_ in ("VERB", "AUX"):
        return next((t for t in verb.children if t.dep_ == "nsubj"), None)
    return compound


def issuer(
    token: Token, tokens: Iterable[Token], paragraphs: Paragraphs, product_nouns: Collection[str]
) -> Token | None:
    """The word that names who made the artifact headed by ``token`` (its words ``tokens``),
    or None: its own phrase's maker, else an earlier mention's, else the subject of a verb
    naming the act ("reported" for "the report"), else, for a definite singular artifact, the
    maker of another artifact named in the same or the previous paragraph."""
    maker = producer(token, tokens)
    if maker is not None or token.tag_ == "NNS":  # "recent polls": many, not the one named before
        return maker
    lemma = token.lemma_.lower()
    for earlier in reversed(token.doc[:token.i]):
        if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
            maker = producer(earlier, earlier.subtree)
        elif earlier.pos_ == "VERB" and names_act(lemma, earlier.lemma_.lower()):
            # "Bloomberg reported … the report said", "the court ruled … The ruling"
            maker = next((t for t in earlier.children if t.dep_ == "nsubj"), None)
        else:
            continue
        if maker is not None:
            return maker
    if paragraphs.of(token.idx) <= 2:  # a headline's or lead's "Poll: …", "A new poll shows": the one named below
        for later in token.doc[token.i + 1:]:
            if later.lemma_.lower() == lemma and later.pos_ in ("NOUN", "PROPN"):
                maker = producer(later, later.subtree)
                if maker is not None:
                    return maker
    # "a new RNC ad … The clip": another word for a thing whose maker was just named.
    if token.tag_ != "NN" or not any(c.lower_ in ("the", "this", "that") for c in token.lefts):
        return None
    floor = paragraphs.end_of(token.idx, -1) if paragraphs.of(token.idx) > 1 else 0
    for earlier in reversed(token.doc[:token.i]):
        if earlier.idx < floor:
            break
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() in product_nouns:
            maker = producer(earlier, earlier.subtree)
            if maker is not None:
                return maker
    return None

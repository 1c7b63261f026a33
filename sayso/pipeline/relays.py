"""Component ``sayso_relays``: who first posted what an article quotes, on which platform, and who passed it on.

News about social media cites posts at one remove: "A video posted Monday on
Twitter by journalist Christo Grozev reportedly shows ... The video was later
reposted by Anton Gerashchenko". The channel (``sayso_context``) says the
statement came through Twitter; the provenance says whose post it was and who
spread it, which is what a reader weighing the claim, or tracing how it spread,
needs.

:func:`find_relays` reads it from the parse with a few rules. A *posting* is a
verb of putting something out ("posted", "published", "shared", "tweeted") or of
passing it on ("reposted", "retweeted", "forwarded") with the thing posted (a
product noun such as "video", "tweet", "message"; as the noun it modifies, its
passive subject or its object), who did it (the "by" agent or the subject) and
the platform ("on Twitter", "on his Telegram channel"; "tweet" implies Twitter).
Postings of one thing form a chain: a definite "the video" or "it" continues the
latest chain of that thing within a few paragraphs, "a video" starts a new one.
In a chain the first putting-out is the origin and every later posting, and every
passing-on, a relay. An attribution gets the chain whose thing or verb lies in
its source or cue, or in a phrase hanging from its cue ("said in a video posted
by CBN").

It is a per-article parsing pass, so it runs in the pipeline, after
``sayso_context``, and leaves its records in ``doc._.relays``
(:class:`~sayso.records.Provenance`, in attribution order): what is stored or
written out is read from there, and nothing after the pipeline needs the parse.
"""

# No `from __future__ import annotations`: spaCy validates factory arguments from live type hints.
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from sayso.pipeline.cast import Cast
from sayso.pipeline.passages import Paragraphs, load_lexicon, token_span
from sayso.records import Attribution, Posting, Provenance, Span, flat

# Verbs by their written form (the tagger's lemmas of "reposted" and "retweeted" are not words).
PASS_ON = re.compile(r"^(?:re-?(?:post|tweet|share|publish|upload|blog)|forward|amplif|recirculat)\w*$")
PUT_OUT = re.compile(r"^(?:post|publish|upload|shar|tweet|releas|broadcast|livestream|stream|air)(?:s|ed|ing|e|es)?$")
PLATFORMS = {
    "twitter": "Twitter", "telegram": "Telegram", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "vkontakte": "VKontakte", "vk": "VKontakte", "reddit": "Reddit",
    "truth social": "Truth Social", "gab": "Gab", "parler": "Parler", "rumble": "Rumble", "linkedin": "LinkedIn",
    "snapchat": "Snapchat", "whatsapp": "WhatsApp", "weibo": "Weibo", "wechat": "WeChat", "threads": "Threads",
    "substack": "Substack", "tumblr": "Tumblr", "periscope": "Periscope",
}
_PLATFORM_WORDS = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(PLATFORMS, key=len, reverse=True))) + r")(?!\w)", re.IGNORECASE)
TWITTER_WORDS = re.compile(r"^re-?tweet|^tweet", re.IGNORECASE)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PRONOUNS = frozenset({"it", "this", "that"})
PLACE_PREPOSITIONS = frozenset({"on", "to", "via", "in", "onto", "across"})
CLAUSES = frozenset({"conj", "cc", "advcl", "ccomp"})


@dataclass(frozen=True)
class Source:
    """The attribution a chain is read for: its number and the tokens of its source."""

    index: int
    attribution: Attribution
    tokens: frozenset[int]


@dataclass(eq=False)
class _Event:
    """A verb of posting, whether it passes something on, the thing posted and who posted it."""

    verb: Token
    passes_on: bool
    item: Token
    agent: Token | None


@dataclass(eq=False)
class _Chain:
    item: Token
    events: list[_Event] = field(default_factory=list)


def _product_nouns() -> frozenset[str]:
    """Things that can be posted: the speaker lexicon's ("video", "tweet", "statement") and a few more."""
    return frozenset(load_lexicon("speakers.json")["product_nouns"]) | {"image", "picture", "meme", "story"}


def _event(verb: Token, products: frozenset[str]) -> _Event | None:
    """A posting from its verb: what was posted (a product noun or pronoun) and by whom."""
    word = verb.lower_
    passes_on = bool(PASS_ON.match(word))
    if not verb.tag_.startswith("VB") or not (passes_on or PUT_OUT.match(word)):
        return None
    item = agent = None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        item = verb.head  # "a video posted by ..."
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj") and item is None:
            item = child
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            agent = next((c for c in child.children if c.dep_ == "pobj"), agent)
        elif child.dep_ == "nsubj":
            agent = child
    if agent is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ != "VBN":
        agent = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # "..., tweeting out a message"
    if item is None or not (item.lemma_.lower() in products or item.lower_ in PRONOUNS):
        return None
    return _Event(verb, passes_on, item, agent)


class _Chains(list[_Chain]):
    """Postings grouped by the thing posted, in text order, and what a mention of a thing refers to."""

    def __init__(self, doc: Doc, gap: int) -> None:
        super().__init__()
        self.gap, self.paragraphs = gap, Paragraphs(doc.text)
        self.products = _product_nouns()
        self._by_item: dict[int, _Chain] = {}
        for verb in doc:
            event = _event(verb, self.products)
            if event is None:
                continue
            chain = self.of(event.item)
            if chain is None:
                chain = _Chain(event.item)
                self.append(chain)
            self._by_item[event.item.i] = chain
            chain.events.append(event)

    def of(self, item: Token) -> _Chain | None:
        """The chain ``item`` belongs to: its own, or the latest one of the same thing
        it refers back to ("the video", "it") within ``gap`` paragraphs."""
        if item.i in self._by_item:
            return self._by_item[item.i]
        pronoun = item.lower_ in PRONOUNS
        if not pronoun and not any(c.lower_ in DEFINITE for c in item.children if c.dep_ == "det"):
            return None
        return next((
            c for c in reversed(self)
            if (pronoun or c.item.lemma_.lower() == item.lemma_.lower()) and c.item.i < item.i
            and self.paragraphs.of(item.idx) - self.paragraphs.of(c.item.idx) <= self.gap
        ), None)


def _platform(event: _Event) -> str | None:
    """Where a posting went: a platform named in a phrase on the verb, or implied by "tweet"."""
    for child in event.verb.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            match = _PLATFORM_WORDS.search(child.doc[child.left_edge.i:child.right_edge.i + 1].text)
            if match:
                return PLATFORMS[match.group().lower()]
    if TWITTER_WORDS.match(event.verb.lower_) or (event.item is not None and TWITTER_WORDS.match(event.item.lower_)):
        return "Twitter"
    return None


class _Reader:
    """Turns a chain's postings into records, naming people as the article does."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.cast = doc, Cast(doc)

    def who(self, token: Token | None, source: Source) -> tuple[str | None, str | None, str | None]:
        """(resolved name, words as written, role) of who posted: the attribution's speaker
        when it is its source, else a name the article gives at or inside those words
        ("A freshman named Hailey Puckett")."""
        if token is None:
            return None, None, None
        text = self.doc[token.left_edge.i:token.i + 1].text
        if token.i in source.tokens and source.attribution.speaker:
            return source.attribution.speaker, text, source.attribution.speaker_role
        inside = sorted(token.subtree, key=lambda t: abs(t.i - token.i))
        for candidate in inside:
            mention = self.cast.by_token.get(candidate.i)
            if mention is not None and mention.entity.type in ("person", "organisation"):
                return mention.entity.name, text, mention.entity.role
        return None, text, None

    def posting(self, event: _Event, source: Source) -> Posting:
        verb = event.verb
        # The verb's own clause: its dependents but not a coordinated clause ("..., and it was
        # retweeted by ..."), what it says (", saying ..."), nor, for "a video posted by ...",
        # the noun before it.
        kept = [c for c in verb.children if c.dep_ not in CLAUSES and not (c.is_punct or c.is_space)]
        start = min([verb.i] + [c.left_edge.i for c in kept if c.i > verb.i or verb.dep_ not in ("acl", "relcl")])
        end = max([verb.i] + [c.right_edge.i for c in kept]) + 1
        while end > start + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        evidence = self.doc[start:end]
        name, text, role = self.who(event.agent, source)
        return Posting(name, text, role, _platform(event), Span(evidence.start_char, evidence.end_char, evidence.text))

    def provenance(self, chain: _Chain, source: Source) -> Provenance | None:
        """The record of a chain for one attribution; ``None`` when it names neither who
        posted nor where, nor any relay ("a poll released last week")."""
        origin_event = next((e for e in chain.events if not e.passes_on), None)
        origin = self.posting(origin_event, source) if origin_event else self._producer(chain.item, source)
        later = (
            self.posting(e, source) for e in chain.events
            if e is not origin_event and (e.passes_on or e.verb.i > (origin_event.verb.i if origin_event else -1))
        )
        relays = tuple(r for r in later if r.text or r.platform)  # not "the video should be released"
        if not relays and (origin is None or not (origin.name or origin.platform)):
            return None
        return Provenance(source.index, chain.item.lemma_.lower(), origin, relays)

    def _producer(self, item: Token, source: Source) -> Posting | None:
        """The origin a passed-on thing names itself: "a message from X", "X's tweet"."""
        for child in item.children:
            producer = child if child.dep_ == "poss" else None
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                producer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if producer is not None and producer.tag_ not in ("PRP$", "PRP"):
                name, text, role = self.who(producer, source)
                end = max([producer.i] + [c.right_edge.i for c in producer.children if c.dep_ == "appos"])
                span = self.doc[producer.left_edge.i:end + 1]
                platform = "Twitter" if TWITTER_WORDS.match(item.lower_) else None
                return Posting(name, text, role, platform, Span(span.start_char, span.end_char, span.text))
        return None


def _attribution_tokens(doc: Doc, attribution: Attribution) -> set[int]:
    """Token indices of the source, the cue and the phrases hanging from the cue outside the content."""
    content = {t.i for s in attribution.content if (ts := token_span(doc, s)) is not None for t in ts}
    found: set[int] = set()
    for span in attribution.source + attribution.cue:
        tokens = token_span(doc, span)
        if tokens is None:
            continue
        found.update(t.i for t in tokens)
        if span in attribution.cue:
            for token in tokens:
                for child in token.children:
                    if child.dep_ == "prep":
                        found.update(t.i for t in child.subtree if t.i not in content)
    return found


def find_relays(doc: Doc, attributions: list[Attribution], max_paragraph_gap: int = 3) -> list[Provenance]:
    """The provenance of each attribution whose statement came through a posted thing.

    Args:
        doc: the parsed article (tagger, parser and NER) the attributions point into.
        attributions: the article's attributions, as ``doc._.attributions`` holds them.
        max_paragraph_gap: how many paragraphs on "the video" may still be the same video.

    Returns:
        One record per such attribution, in attribution order.
    """
    chains = _Chains(doc, max_paragraph_gap)
    if not chains:
        return []
    reader = _Reader(doc)
    verbs = {e.verb.i: c for c in chains for e in c.events}
    found = []
    for index, attribution in enumerate(attributions):
        tokens = sorted(_attribution_tokens(doc, attribution))
        chain = next((verbs[i] for i in tokens if i in verbs), None) or next((
            c for i in tokens
            if doc[i].lemma_.lower() in chains.products or doc[i].lower_ in PRONOUNS
            if (c := chains.of(doc[i])) is not None
        ), None)
        if chain is None:
            continue
        source_tokens = frozenset(t.i for s in attribution.source if (ts := token_span(doc, s)) is not None for t in ts)
        provenance = reader.provenance(chain, Source(index, attribution, source_tokens))
        if provenance is not None:
            found.append(provenance)
    return found


class SaysoRelays(Pipe):
    """Sets ``doc._.relays`` to :func:`find_relays` of the doc's top-level (flat) attributions,
    the ones stored and counted."""

    def __init__(self, nlp: Language, name: str, max_paragraph_gap: int = 3) -> None:
        self.name = name
        self.max_paragraph_gap = max_paragraph_gap

    def __call__(self, doc: Doc) -> Doc:
        doc._.relays = find_relays(doc, flat(doc._.attributions or []), self.max_paragraph_gap)
        return doc


@Language.factory(
    "sayso_relays",
    default_config={"max_paragraph_gap": 3},
    requires=["doc._.attributions", "token.dep"],
    assigns=["doc._.relays"],
)
def make_relays(nlp: Language, name: str, max_paragraph_gap: int) -> SaysoRelays:
    return SaysoRelays(nlp, name, max_paragraph_gap=max_paragraph_gap)

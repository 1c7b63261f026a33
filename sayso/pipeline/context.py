"""Component ``sayso_context``: through which channel a statement came, and how it is hedged.

Where something was said (a Telegram post, an interview with Newsweek, a press
conference) and how the article keeps its distance from it ("alleged",
"reportedly", "according to") change how far a reader should take it. Those
words sit around the cue, not in the content, so the component reads the
phrases that hang from the cue, the source itself ("a video posted on
Twitter by ...") and, for an attribution nested in another clause, the verbs
it hangs from ("a video reportedly shows mercenaries calling ..."). News
prose names the channel once per passage ("said on his Telegram page ... he
added ... Haidai said"), so a channel carries over to the same speaker's next
attributions until another channel is named or the passage ends.
"""

# No `from __future__ import annotations`: spaCy validates factory arguments from live type hints.
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.passages import Paragraphs, check_paragraph_gap, first_offset, load_lexicon, token_span
from sayso.pipeline.names import name_tokens
from sayso.records import Attribution, Channel, Span

# Edges a nested cue does not climb over: what a relative clause or an
# apposition says is the writer's description, not part of the outer statement.
CLAUSE_EDGES = frozenset({"ROOT", "relcl", "appos"})
ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
PHRASES = frozenset({"prep", "agent"})  # the heads of phrases like "on Twitter", "by journalist Christo Grozev"


def _alternation(words: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    words = sorted(words, key=len, reverse=True)  # longest first: "Fox News" before "Fox"
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", flags)


@dataclass(frozen=True)
class _Channel:
    type: str
    words: re.Pattern[str] | None
    audience: re.Pattern[str] | None
    in_source: bool


class _Lexicons:
    """The channel and hedge lexicons, compiled once per process."""

    def __init__(self, channels: dict[str, Any], hedges: dict[str, Any]) -> None:
        self.channels = [
            _Channel(c["type"], _alternation(c["words"], re.IGNORECASE),
                     _alternation(c.get("audience", []), re.IGNORECASE), c["in_source"])
            for c in channels["channels"]
        ]
        self.rank = {c.type: i for i, c in enumerate(self.channels)}
        # Broadcasters: "on BBC Radio 4" is radio, though "BBC" alone is television.
        self.broadcaster_type = {o: c["type"] for c in channels["channels"] for o in c.get("outlets", [])}
        self.broadcasters = _alternation(self.broadcaster_type)
        self.outlets = _alternation(channels["outlets"] + list(self.broadcaster_type))
        self.media_words = set(channels["media_words"])
        self.tell_verbs = set(channels["tell_verbs"])
        self.speaking_verbs = set(channels["speaking_verbs"])
        self.addressee_prepositions = set(channels["addressee_prepositions"])
        self.venue_prepositions = set(channels["venue_prepositions"])
        self.outlet_channels = set(channels["outlet_channels"])
        self.depicting_verbs = set(channels["depicting_verbs"])
        self.hedge_lemmas: dict[str, str] = hedges["cue_lemmas"]
        self.hedge_adverbs: dict[str, str] = hedges["adverbs"]
        self.hedge_phrases: dict[str, str] = hedges["phrases"]


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    return _Lexicons(load_lexicon("channels.json"), load_lexicon("hedges.json"))


class _Unit:
    """A phrase that may say where a statement was made, and how it relates to the cue:
    ``cue``, ``venue`` ("on his Telegram page"), ``addressee`` ("told Newsweek") or ``source``."""

    def __init__(self, tokens: TokenSpan, role: str) -> None:
        self.tokens, self.role = tokens, role
        self.text = tokens.text  # a Span builds its text anew on every access


class _Candidate(NamedTuple):
    """A channel some words name; the lowest rank (the lexicon's order) wins."""

    rank: int
    type: str
    evidence: TokenSpan


def _token_spans(doc: Doc, spans: list[Span]) -> list[TokenSpan]:
    return [ts for s in spans if (ts := token_span(doc, s)) is not None]


def _governors(token: Token) -> list[Token]:
    """The words a cue hangs from within its sentence, up to a relative clause or apposition."""
    governors = []
    while token.dep_ not in CLAUSE_EDGES and token.head.i != token.i:
        token = token.head
        governors.append(token)
    return governors


def _outlet(unit: TokenSpan, ents: list[TokenSpan], lex: _Lexicons) -> tuple[str, TokenSpan] | None:
    """A news outlet named in a phrase: a known one, an organisation with a media word, or a web address.

    ``ents`` are the document's entities, listed once: ``Span.ents`` rebuilds them per call.
    """
    match = lex.outlets.search(unit.text) if lex.outlets else None
    known = ARTICLE.sub("", match.group()) if match else None  # named as speakers are: "New York Times"
    for ent in ents:
        if unit.start <= ent.start and ent.end <= unit.end and ent.label_ in ("ORG", "WORK_OF_ART"):
            name = name_tokens(ent)
            if name is not None and (
                name.text.startswith(known) if known else any(t.text in lex.media_words for t in ent)
            ):  # "Breitbart News" rather than the known "Breitbart" in it
                return name.text, name
    if match and known:
        end = unit.start_char + match.end()
        return known, _covering(unit.doc, end - len(known), end)
    # An outlet known by its web address: "told bdnews24.com".
    site = next((t for t in unit if t.like_url and "@" not in t.text), None)
    return (site.text, unit.doc[site.i:site.i + 1]) if site is not None else None


def _narrow(unit: TokenSpan, start: int, end: int) -> TokenSpan:
    """The evidence for a match: the prepositional phrase around it ("on Twitter"), else the match."""
    doc = unit.doc
    match = _covering(doc, start, end)
    token = match.root
    while token.dep_ not in PHRASES and unit.start <= token.head.i < unit.end and token.head.i != token.i:
        token = token.head
    if token.dep_ in PHRASES and unit.start <= token.i < unit.end:
        return doc[token.left_edge.i:token.right_edge.i + 1]
    return match


def _covering(doc: Doc, start: int, end: int) -> TokenSpan:
    """The tokens covering characters ``start`` to ``end`` of a match in the doc's own text."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # spaCy's "expand" gives None only beyond the end of the doc
        raise ValueError(f"characters {start}-{end} lie outside the doc")
    return span


class _Reader:
    """Reads channel and hedges around one attribution."""

    def __init__(self, doc: Doc, ents: list[TokenSpan], attribution: Attribution, lex: _Lexicons) -> None:
        self.doc, self.ents, self.attribution, self.lex = doc, ents, attribution, lex
        self.cue, self.source = _token_spans(doc, attribution.cue), _token_spans(doc, attribution.source)
        content = _token_spans(doc, attribution.content)
        self.content = {i for ts in content for i in range(ts.start, ts.end)}
        taken = self.content | {t.i for ts in self.cue + self.source for t in ts}
        self.units = [_Unit(ts, "cue") for ts in self.cue] + [_Unit(ts, "source") for ts in self.source]
        self.governors = _governors(self.cue[0].root) if self.cue else []
        # Where phrases about the statement hang: on the cue; on a date after it ("said Dec. 6
        # on CNN"); on the verb a participle cue hangs from ("denounced them, saying ..."); on the
        # content's head but after the content ("saying he doesn't want “that crap,” in an interview").
        heads = [t for ts in self.cue for t in ts]
        heads += [c for t in heads for c in t.children if c.dep_ == "npadvmod" and c.i not in taken]
        heads += [t.head for t in heads if t.dep_ in ("advcl", "xcomp") and t.head.i not in taken]
        # "*Speaking on BBC Radio 4's Today programme*, the chancellor said …": the participle says where.
        # So does one after it that says to whom: "…, Mr. Naidu said *while addressing the media*".
        heads += [c for t in self.cue for c in t.root.children
                  if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in taken
                  and (c.i < t.root.i or c.lemma_.lower() in lex.speaking_verbs)]
        heads += [ts.root for ts in content]
        for head in heads:
            for child in head.children:
                phrase = doc[child.left_edge.i:child.right_edge.i + 1]
                role = self._role(head, child)
                if role and not taken.intersection(range(phrase.start, phrase.end)):
                    self.units.append(_Unit(phrase, role))
        for governor in (g for g in self.governors if g.lemma_.lower() in lex.depicting_verbs):
            subjects = (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass"))
            self.units.extend(_Unit(doc[s.i:s.i + 1], "source") for s in subjects if s.i not in self.content)

    def _role(self, head: Token, child: Token) -> str | None:
        if child.dep_ in PHRASES and child.lower_ in self.lex.addressee_prepositions:
            return "addressee"
        if child.dep_ in PHRASES and child.lower_ in self.lex.venue_prepositions:
            return "venue"  # "on his Telegram page", "in a statement"; not "hoping for a report"
        if child.dep_ in ("dobj", "dative", "iobj") and head.lemma_.lower() in self.lex.tell_verbs:
            return "addressee"
        return None

    def candidates(self) -> list[_Candidate]:
        lex, found = self.lex, []
        for unit in self.units:
            for rank, channel in enumerate(lex.channels):
                if unit.role == "source" and not channel.in_source:
                    continue
                match = channel.words.search(unit.text) if channel.words else None  # "Threads": outlets only
                if match is None and unit.role == "addressee" and channel.audience is not None:
                    match = channel.audience.search(unit.text)  # "told reporters"
                if match is None:
                    continue
                evidence = self._evidence(unit, match)
                # In a source, only "a video", or "posted on Twitter"; not "a Twitter spokesman".
                if unit.role != "source" or evidence.root.i == unit.tokens.root.i or evidence.root.dep_ in PHRASES:
                    found.append(_Candidate(rank, channel.type, evidence))
            match = lex.broadcasters.search(unit.text) if unit.role == "venue" and lex.broadcasters else None
            if match is not None:  # "on Fox News"
                kind = lex.broadcaster_type[match.group()]
                found.append(_Candidate(lex.rank[kind], kind, self._evidence(unit, match)))
            outlet = _outlet(unit.tokens, self.ents, lex) if unit.role == "addressee" else None
            if outlet is not None:  # "told Newsweek"
                found.append(_Candidate(lex.rank["interview"], "interview", outlet[1]))
        outlet = _outlet(self.source[0], self.ents, lex) if self.source else None
        if outlet is not None and outlet[1].root == self.source[0].root:  # "The New York Post reports"
            found.append(_Candidate(lex.rank["report"], "report", outlet[1]))
        return found

    @staticmethod
    def _evidence(unit: _Unit, match: re.Match[str]) -> TokenSpan:
        start = unit.tokens.start_char + match.start()
        return _narrow(unit.tokens, start, start + len(match.group()))

    def channel(self) -> Channel:
        """The most specific channel the phrases name, with its outlet and evidence."""
        found = self.candidates()
        if not found:
            return Channel()
        best = min(found, key=lambda c: (c.rank, c.evidence.start))
        outlet = None
        if best.type in self.lex.outlet_channels:
            outlet = _outlet(best.evidence, self.ents, self.lex)
            for unit in self.units:
                if outlet is None and (unit.role in ("venue", "addressee") or best.type == "report"):
                    outlet = _outlet(unit.tokens, self.ents, self.lex)
        evidence = [best.evidence]
        if outlet is not None and not (best.evidence.start <= outlet[1].start and outlet[1].end <= best.evidence.end):
            evidence.append(outlet[1])
        return Channel(
            type=best.type,
            outlet=outlet[0] if outlet else None,
            evidence=sorted(Span(ts.start_char, ts.end_char, ts.text) for ts in evidence),
        )

    def hedges(self) -> list[str]:
        """Normalised hedges from the cue, the adverbs on it and on the verbs it hangs from."""
        lex, found = self.lex, []
        cue_tokens = [t for ts in self.cue for t in ts]
        for token in cue_tokens:
            hedge = lex.hedge_lemmas.get(token.lemma_.lower()) or lex.hedge_adverbs.get(token.lower_)
            if hedge:
                found.append((token.i, hedge))
        for token in cue_tokens + self.governors:
            found.extend(
                (c.i, lex.hedge_adverbs[c.lower_]) for c in token.children
                if c.dep_ == "advmod" and c.lower_ in lex.hedge_adverbs and c.i not in self.content
            )
        cue_text = " ".join(ts.text.lower() for ts in self.cue)
        phrases = [norm for phrase, norm in lex.hedge_phrases.items() if phrase in cue_text]
        if self.attribution.kind == "according_to":
            phrases.append(lex.hedge_phrases["according to"])
        found.extend((self.cue[0].start if self.cue else -1, norm) for norm in phrases)
        return list(dict.fromkeys(hedge for _, hedge in sorted(found)))


def add_context(doc: Doc, attributions: list[Attribution], max_paragraph_gap: int = 3) -> None:
    """Fill ``channel`` and ``hedges`` of each attribution (after ``sayso_speakers``).

    Args:
        doc: the parsed article the spans point into.
        attributions: the article's attributions in text order; changed in place.
        max_paragraph_gap: how many paragraphs a channel carries over to the same
            speaker's next attribution that names none.
    """
    lex, paragraphs, ents = _lexicons(), Paragraphs(doc.text), list(doc.ents)
    chain: tuple[str, Channel, int] | None = None  # speaker, channel, paragraph of the last link
    for attribution in attributions:
        reader = _Reader(doc, ents, attribution, lex)
        attribution.hedges = reader.hedges()
        attribution.channel = reader.channel()
        paragraph = paragraphs.of(first_offset(attribution))
        if attribution.parent is not None and attribution.channel.type == "unknown":
            # Words stated inside a report or a video came through it: "Xi said …, Xinhua reported".
            outer = attributions[attribution.parent]
            outlet = outer.channel.outlet or (outer.speaker if outer.channel.type == "report" else None)
            attribution.channel = Channel(outer.channel.type, outlet, list(outer.channel.evidence))
            continue
        if attribution.channel.type != "unknown":
            chain = (attribution.speaker, attribution.channel, paragraph) if attribution.speaker else None
        elif chain and attribution.speaker == chain[0] and paragraph - chain[2] <= max_paragraph_gap:
            carried = chain[1]
            attribution.channel = Channel(carried.type, carried.outlet, list(carried.evidence))
            chain = (chain[0], carried, paragraph)


class SaysoContext(Pipe):
    """Pipeline component: channel and hedges of ``doc._.attributions``."""

    def __init__(self, nlp: Language, name: str, *, max_paragraph_gap: int) -> None:
        self.name = name
        self.max_paragraph_gap = max_paragraph_gap

    def __call__(self, doc: Doc) -> Doc:
        if doc._.attributions:
            add_context(doc, doc._.attributions, self.max_paragraph_gap)
        return doc


@Language.factory(
    "sayso_context",
    default_config={"max_paragraph_gap": 3},
    requires=["doc._.attributions", "token.dep"],
    assigns=["doc._.attributions"],
)
def make_context(nlp: Language, name: str, max_paragraph_gap: int) -> SaysoContext:
    check_paragraph_gap(name, max_paragraph_gap)
    return SaysoContext(nlp, name, max_paragraph_gap=max_paragraph_gap)

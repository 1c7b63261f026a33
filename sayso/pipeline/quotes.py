"""Component ``sayso_quotes``: the quotations in a text, marks included.

News prose marks direct speech in several ways: curly “…”, straight "…", the New
York Times' two apostrophes ''…'', LaTeX-style ``…'', guillemets «…» and „…“.
A quote running over several paragraphs opens every paragraph with a mark but
closes only in the last one; each paragraph piece is its own :class:`Quote`, and
the pieces share a ``group`` so the attribution step can give them one source.
Unbalanced marks never swallow the rest of the article: an unclosed quote ends
with its paragraph.
"""


import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

# Marks that can only open, only close, or either (decided from the characters around them).
_OPENERS = {"“", "``", "«", "„"}
_CLOSERS = {"”", "»"}
_MARK = re.compile(r"“|”|``|''|\"|«|»|„")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Quote:
    """A quotation ``text[start:end]``, both marks included (the closing one may be missing)."""

    start: int
    end: int
    group: int
    closed: bool


class Quotes(list[Quote]):
    """A doc's quotations, in their order, with lookups by position.

    The attribution step asks, for each of its candidates, which quotations lie in or near
    that candidate's words. Scanning the whole list every time costs the number of candidates
    times the number of quotations: nothing in an article, but hours for a megabyte of
    dialogue. Each lookup here answers in the order of the list, as the scan did.
    """

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        super().__init__(quotes)
        by_start = sorted(range(len(self)), key=lambda n: self[n].start)
        self._starts = [self[n].start for n in by_start]
        self._by_start = by_start
        self._longest = max((q.end - q.start for q in self), default=0)
        by_end = sorted(range(len(self)), key=lambda n: self[n].end)
        self._ends = [self[n].end for n in by_end]
        self._by_end = by_end
        self._groups: dict[int, list[int]] = defaultdict(list)
        for n, q in enumerate(self):
            self._groups[q.group].append(n)

    def _picked(self, numbers: Iterable[int]) -> list[Quote]:
        return [self[n] for n in sorted(numbers)]

    def starting(self, low: int, high: int) -> list[Quote]:
        """The quotations whose opening offset lies in ``[low, high)``."""
        return self._picked(self._by_start[bisect_left(self._starts, low):bisect_left(self._starts, high)])

    def ending(self, low: int, high: int) -> list[Quote]:
        """The quotations whose end offset lies in ``[low, high]``."""
        return self._picked(self._by_end[bisect_left(self._ends, low):bisect_right(self._ends, high)])

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """The quotations sharing a character with ``[start, end)`` (``q.start < end and start < q.end``)."""
        first, last = bisect_right(self._starts, start - self._longest), bisect_left(self._starts, end)
        return self._picked(n for n in self._by_start[first:last] if start < self[n].end)

    def of_groups(self, groups: set[int]) -> list[Quote]:
        """The quotations of the given ``group`` numbers (the paragraph pieces of one quotation)."""
        return self._picked(n for g in groups for n in self._groups.get(g, ()))


def quotes_of(quotes: list[Quote]) -> Quotes:
    """``quotes`` with its lookups: itself when it has them."""
    return quotes if isinstance(quotes, Quotes) else Quotes(quotes)


def _role(text: str, start: int, end: int, is_open: bool) -> str:
    """Whether the mark at ``text[start:end]`` opens or closes a quotation."""
    mark = text[start:end]
    if mark in _OPENERS:
        # „ closes with “ in German style; in English news “ always opens.
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() or before in "([{—–-/" or start == 0:
        if not after.isspace():
            return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or end == len(text):
        if not before.isspace():
            return "close"
    return "close" if is_open else "open"


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text`` in order, one :class:`Quote` per paragraph piece."""
    quotes: list[Quote] = []
    group = 0
    continuing = False  # the previous paragraph ended inside a quotation
    for para in _paragraphs(text):
        p_start, p_end = para
        open_at: int | None = None
        nested = 0  # curly quotations inside an open curly one (“… calls “hell” than …”)
        first = _first_char(text, p_start)
        for m in _MARK.finditer(text, p_start, p_end):
            role = _role(text, m.start(), m.end(), open_at is not None)
            if m.start() == first and m.group() == "”" and not text[m.end():m.end() + 1].isspace():
                role = "open"  # a closing mark typed for the opening one: ”Mr. Trump …
            if role == "open" and open_at is None:
                open_at = m.start()
                if not (continuing and m.start() == first):
                    group += 1
                continuing = False
            elif role == "open" and m.group() == "“" and open_at is not None and text[open_at] == "“":
                nested += 1
            elif role == "close" and nested and m.group() == "”":
                nested -= 1
            elif role == "close" and open_at is not None:
                quotes.append(Quote(open_at, m.end(), group, True))
                open_at = None
        continuing = False
        if open_at is not None:
            end = _last_char(text, p_start, p_end)
            quotes.append(Quote(open_at, end, group, False))
            continuing = True
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _last_char(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quoted_share(spans: list[tuple[int, int]], quotes: list[Quote]) -> float:
    """The share of the characters of ``spans`` that lie inside quotations."""
    total = sum(e - s for s, e in spans)
    quotes = quotes_of(quotes)
    quoted = sum(min(e, q.end) - max(s, q.start) for s, e in spans for q in quotes.overlapping(s, e))
    return quoted / total if total else 0.0


def quote_near(at: int, sentence: tuple[int, int], colon: bool, quotes: list[Quote]) -> tuple[int, int] | None:
    """The quotation a cue at offset ``at`` introduces when the parse gives it no content.

    The nearest quotation in its sentence that does not hold the cue, or, when the cue
    is followed by a colon or comma (``colon``), one opening right after the sentence.
    """
    s_start, s_end = sentence
    quotes = quotes_of(quotes)
    inside = [q for q in quotes.overlapping(s_start, s_end) if not q.start <= at < q.end]
    if inside:
        best = min(inside, key=lambda q: abs(q.start - at))
        return best.start, best.end
    after = quotes.starting(s_end, s_end + 3)
    return (after[0].start, after[0].end) if after and colon else None


# What a quotation ends with, inside its closing mark, when the words after it attribute it:
# “It’s finished,” she said; “Why?” he asked.
_HANDING_ON = frozenset(",?!—–")
_CLOSING = "\"”'’»"
_SENTENCE_END = frozenset(".?!:\n\"”'’»")


def quote_closed_by(at: int, text: str, quotes: list[Quote]) -> tuple[int, int] | None:
    """The quotation opening a sentence that ends right before offset ``at`` (spaces
    between, same paragraph) handing on to it.

    In “It’s finished,” she said of the election, in which …, the words after "said" may
    parse as its clause; the quotation it closes is what was said. Not in Bemoaning the
    "phony system," Trump accused …, where the quotation is part of a phrase.
    """
    reach = at  # the quotation must end in the run of spaces (no line break) right before ``at``
    while reach > 0 and text[reach - 1].isspace() and text[reach - 1] != "\n":
        reach -= 1
    for q in quotes_of(quotes).ending(reach, at):
        if q.closed:
            inner = text[q.start:q.end].rstrip(_CLOSING)
            i = q.start - 1
            while i >= 0 and text[i] in " \t":
                i -= 1
            opens = i < 0 or text[i] in _SENTENCE_END
            if opens and inner and inner[-1] in _HANDING_ON:
                return q.start, q.end
    return None


def grow_to_quotes(span: tuple[int, int], quotes: list[Quote]) -> list[tuple[int, int]]:
    """Extend a content that touches a quotation to the whole quotation, all its paragraphs.

    spaCy splits a long quotation into sentences and the parse covers one of them;
    the attribution covers it all.
    """
    start, end = span
    quotes = quotes_of(quotes)
    grouped = quotes.of_groups({q.group for q in quotes.overlapping(start, end)})
    for q in grouped:
        if q.start < end and start < q.end:
            if q.start - 3 <= start:
                start = min(start, q.start)
            if end <= q.end + 3:
                end = max(end, q.end)
    pieces = [(start, end)]
    pieces += [(q.start, q.end) for q in grouped if q.end <= start or q.start >= end]
    return sorted(pieces)


class QuoteFinder(Pipe):
    """Writes ``doc._.quotes``: the :class:`Quote` list of the doc's text."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc.text)
        return doc


@Language.factory("sayso_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)

"""How two spans of an article are compared when scoring: word tokens, trimming, Dice, matching.

These are the referee's rules (``../shared/bench/score.py``), restated so that
:mod:`sayso.evaluate` gives the same figures to the last bit. Anything that
changes a comparison here changes a published figure, so every rule below names
the behaviour of the referee it reproduces.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

# The referee's word tokens: punctuation and quotation marks never count as words.
TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")
# A soft match needs half of the words in common (Dice coefficient).
SOFT_DICE = 0.5
# Quote-like symbols that Unicode does not class as punctuation but are trimmed like it.
_QUOTE_SYMBOLS = "`´"
_DOUBLE_QUOTES = ('"', "“", "”", "„", "«", "»", "``", "''")

Spans = tuple[tuple[int, int], ...]


def has_quote(text: str) -> bool:
    """Whether ``text`` holds a quotation mark, which marks a direct or mixed quote.

    A lone ``’`` is an apostrophe, so single curly quotes count only as a ``‘ … ’`` pair.
    """
    if any(mark in text for mark in _DOUBLE_QUOTES):
        return True
    opening = text.find("‘")
    return opening >= 0 and "’" in text[opening + 1 :]


def _is_edge_noise(ch: str) -> bool:
    """Characters a strict match ignores at span edges: space, punctuation, quote marks."""
    return ch.isspace() or unicodedata.category(ch).startswith("P") or ch in _QUOTE_SYMBOLS


def _strip(text: str, start: int, end: int, strip: Callable[[str], bool]) -> tuple[int, int]:
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return start, end


@dataclass
class ScoredText:
    """An article's text with the word-token offsets that token-level comparisons need."""

    doc_id: str
    text: str
    _starts: list[int] = field(init=False, repr=False)
    _ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        bounds = [m.span() for m in TOKEN_RE.finditer(self.text)]
        self._starts = [s for s, _ in bounds]
        self._ends = [e for _, e in bounds]

    def token_ids(self, spans: Spans) -> frozenset[int]:
        """The word tokens sharing at least one character with any of ``spans``."""
        ids: set[int] = set()
        for start, end in spans:
            ids.update(range(bisect_right(self._ends, start), bisect_left(self._starts, end)))
        return frozenset(ids)

    def visible_chars(self, spans: Spans) -> frozenset[int]:
        """Offsets of the non-space characters of ``spans``: what a punctuation cue consists of."""
        return frozenset(i for s, e in spans for i in range(s, e) if not self.text[i].isspace())

    def strict_key(self, spans: Spans) -> Spans:
        """``spans`` as a strict match sees them.

        Every fragment loses space, punctuation and quote marks at both ends (a fragment
        of nothing but punctuation, such as a cue ":", only loses its spaces), and
        fragments separated by nothing but such characters become one.
        """
        trimmed = []
        for start, end in spans:
            a, b = _strip(self.text, start, end, _is_edge_noise)
            if a == b:
                a, b = _strip(self.text, start, end, str.isspace)
            if a < b:
                trimmed.append((a, b))
        merged: list[tuple[int, int]] = []
        for a, b in sorted(trimmed):
            if merged and all(_is_edge_noise(c) for c in self.text[merged[-1][1] : a]):
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return tuple(merged)


class Unit:
    """The fragments of one role of one attribution: what span and attribution matching compare."""

    def __init__(self, text: ScoredText, spans: Spans) -> None:
        self.text = text
        self.spans = spans  # sorted, distinct, none empty
        self.tokens = text.token_ids(spans)
        self.lo = spans[0][0] if spans else 0
        self.hi = max(e for _, e in spans) if spans else 0

    @property
    def empty(self) -> bool:
        return not self.spans

    @cached_property
    def chars(self) -> frozenset[int]:
        return self.text.visible_chars(self.spans)

    @cached_property
    def key(self) -> Spans:
        return self.text.strict_key(self.spans)

    def overlaps(self, other: Unit) -> bool:
        """Whether the extents intersect; only such units are ever compared."""
        return not (self.empty or other.empty) and self.lo < other.hi and other.lo < self.hi

    def strictly_equals(self, other: Unit) -> bool:
        return self.spans == other.spans or self.key == other.key


def dice(a: Unit, b: Unit) -> float:
    """Dice coefficient of the two units' word tokens.

    When either has no word token (a cue ":" or "—") the non-space characters are
    compared instead, and two units with no such characters match when their strict
    keys are equal.
    """
    if not a.overlaps(b):
        return 0.0
    if a.tokens and b.tokens:
        x, y = a.tokens, b.tokens
    else:
        x, y = a.chars, b.chars
        if not x and not y:
            return 1.0 if a.key == b.key else 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def role_score(gold: Unit, pred: Unit) -> float | None:
    """Soft-match score of one role of two attributions, or None when the role does not match.

    A role missing on both sides matches with 1.0; missing on one side only never matches,
    so "he" predicted for an agentless "it was reported" is an error.
    """
    if gold.empty or pred.empty:
        return 1.0 if gold.empty and pred.empty else None
    score = dice(gold, pred)
    return score if score >= SOFT_DICE else None


def overlapping_pairs(gold: list[Unit], pred: list[Unit]) -> list[tuple[int, int]]:
    """Index pairs (gold, pred) whose extents intersect: the only candidates for a match."""
    return [(i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if g.overlaps(p)]


def match_greedily(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching of ``(score, gold, pred)`` candidates, best score first.

    Ties go to the earlier gold, then the earlier prediction, so the result never
    depends on the order of ``candidates``.
    """
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    matches = []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in taken_gold and p not in taken_pred:
            taken_gold.add(g)
            taken_pred.add(p)
            matches.append((g, p))
    return matches

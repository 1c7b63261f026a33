"""An article's text cut into segments, each knowing which attributions (and roles) cover it.

The article page shows the text with every source, cue and content marked. The
text is never turned into markup here: it is cut at every span boundary into
plain-text :class:`Segment` s, and the template writes each one, escaped, inside
its ``<mark>`` or as it is. Attributions overlap (a quote's content holds another
attribution's source), so a segment can lie under several; it is shown as its
*primary* one: a source or cue before a content, then the attribution of
smallest extent (the innermost).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from sayso.records import Attribution

ROLES = ("source", "cue", "content")
PALETTE = 8  # colours in the stylesheet: .c0 … .c7; speakers beyond share them


@dataclass(frozen=True)
class Segment:
    """``text`` from offset ``start``; ``marks`` the (attribution index, role) pairs covering it."""

    text: str
    start: int
    marks: tuple[tuple[int, str], ...] = ()
    primary: int | None = None
    role: str | None = None

    @property
    def covering(self) -> str:
        """The indexes of all attributions over this segment, space-separated (for ``data-`` attributes)."""
        return " ".join(str(i) for i in sorted({i for i, _ in self.marks}))


def segments(text: str, attributions: list[Attribution]) -> list[Segment]:
    """``text`` cut at every span boundary of ``attributions``, in order; joined they give ``text`` back.

    Spans outside the text (a record that does not belong to it) are clipped to it.
    """
    size = len(text)
    pieces: list[tuple[int, int, int, str]] = []
    for index, attribution in enumerate(attributions):
        for role in ROLES:
            for span in getattr(attribution, role):
                start, end = max(0, min(span.start, size)), max(0, min(span.end, size))
                if start < end:
                    pieces.append((start, end, index, role))
    extent = [sum(s.end - s.start for role in ROLES for s in getattr(a, role)) for a in attributions]
    opening: dict[int, list[tuple[int, str]]] = {}
    closing: dict[int, list[tuple[int, str]]] = {}
    for start, end, index, role in pieces:
        opening.setdefault(start, []).append((index, role))
        closing.setdefault(end, []).append((index, role))
    cuts = sorted({0, size, *opening, *closing})
    active: dict[tuple[int, str], int] = {}  # a role can have two fragments over one place: count them
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:]):
        for mark in closing.get(start, ()):
            active[mark] -= 1
            if not active[mark]:
                del active[mark]
        for mark in opening.get(start, ()):
            active[mark] = active.get(mark, 0) + 1
        if not active:
            out.append(Segment(text[start:end], start))
            continue
        marks = tuple(sorted(active))
        primary, role = min(marks, key=lambda m: (m[1] == "content", extent[m[0]], m[0]))
        out.append(Segment(text[start:end], start, marks, primary, role))
    return out

def speaker_colours(attributions: list[Attribution]) -> dict[str, int]:
    """A palette index per named speaker, in order of first appearance; unnamed sources get none."""
    colours: dict[str, int] = {}
    for attribution in attributions:
        if attribution.speaker and attribution.speaker not in colours:
            colours[attribution.speaker] = len(colours) % PALETTE
    return colours


_WORD = re.compile(r"\w+")


def marked(text: str, query: str) -> Markup:
    """``text`` escaped, with the words that match a word of ``query`` in ``<mark>``: what a
    search result shows of why it matched.

    The search engines match stemmed words ("warned" finds "warning"); here a word of the
    text matches a query word of four letters or more when it starts with all of it but
    its last two letters (at least four), a shorter one when it is that word: this marks
    those forms without a stemmer of its own.
    """
    words = {w.lower() for w in _WORD.findall(query)}
    stems = tuple(w[:max(4, len(w) - 2)] for w in words if len(w) >= 4)
    if not words:
        return Markup(escape(text))
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in words or word.startswith(stems):
            out += [escape(text[last:match.start()]), Markup("<mark>"), escape(match.group()), Markup("</mark>")]
            last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)

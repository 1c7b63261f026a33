"""What the components that look around an attribution share: lexicons, paragraphs, positions.

``sayso_speakers`` and ``sayso_context`` both read JSON lexicons, both reason in
paragraphs ("he added" two paragraphs later is the same passage; ten later it is
not), and both need the tokens under a character span.
"""

import json
import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.firstnames import given_name
from sayso.records import Attribution, Span


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, Any]:
    """A JSON lexicon shipped in ``sayso/pipeline/lexicons``, read once per process."""
    path = resources.files("sayso.pipeline") / "lexicons" / name
    return json.loads(path.read_text(encoding="utf-8"))


def token_span(doc: Doc, span: Span) -> TokenSpan | None:
    """The tokens covering a character span (``None`` when it covers none)."""
    return doc.char_span(span.start, span.end, alignment_mode="expand")


class Paragraphs:
    """Paragraph numbers of character offsets; every line break starts a paragraph."""

    def __init__(self, text: str) -> None:
        self._starts = [m.end() for m in re.finditer(r"\n\s*", text)]

    def of(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    def start_of(self, offset: int, back: int = 0) -> int:
        """Where the paragraph ``back`` paragraphs before the one holding ``offset`` starts."""
        i = self.of(offset) - back - 1
        return self._starts[i] if i >= 0 else 0

    def end_of(self, offset: int, count: int = 1) -> int:
        """Where the ``count``-th paragraph from the one holding ``offset`` ends (a large
        number past the last paragraph)."""
        i = self.of(offset) + count - 1
        return self._starts[i] if i < len(self._starts) else 1 << 62


def first_offset(attribution: Attribution) -> int:
    """Where the attribution's cue (or, lacking one, its first span) starts."""
    spans = attribution.cue or attribution.source or attribution.content
    return min(s.start for s in spans)


# An opinion piece closes on a note of who wrote it: "Charlotte Meehan is playwright-in-residence
# at Wheaton College." (a short last paragraph opening with the writer's name and "is").
_AUTHOR_NOTE = re.compile(r"([A-Z][\w'’-]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2}) (?:is|was|has been|teaches|writes) ")


def author_note(text: str) -> str | None:
    """The writer a closing author's note names (the "I" of an opinion piece), if the article
    ends on one: a last paragraph of at most two sentences that opens with a person's name."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    match = _AUTHOR_NOTE.match(last)
    if match is None or len(last) > 400 or last.count(". ") > 2:
        return None
    name = match.group(1)
    return name if given_name(name.split()[0]) is not None else None


def check_paragraph_gap(component: str, max_paragraph_gap: int) -> None:
    """Refuse a negative paragraph gap with a message that shows the fix."""
    if max_paragraph_gap < 0:
        raise ValueError(
            f"{component}: max_paragraph_gap must be 0 or more, got {max_paragraph_gap}; "
            f'e.g. nlp.add_pipe("{component}", config={{"max_paragraph_gap": 3}})'
        )

"""From token runs to character extents: where in the text a role's span starts and ends.

The parse gives each role a set of tokens; what the referee and the user see are character
spans. Turning one into the other is where edges go wrong: a comma or dash left at a span's
edge, a conjunction left hanging, a byline glued to the next sentence across a paragraph
break. These helpers own those edges, so that :mod:`sayso.pipeline.attributions` only
assembles.
"""

from spacy.tokens import Token

Extent = tuple[int, int]
_EDGE_PUNCT = frozenset(",;:―—–-(")


def extent(tokens: list[Token]) -> Extent | None:
    """Character extent of a token run, without punctuation at its edges (unless that is all
    there is: the cue ":" of "WALLACE: …")."""
    toks = [t for t in tokens if not t.is_space]
    while len(toks) > 1 and toks[0].text in _EDGE_PUNCT:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].text in _EDGE_PUNCT:
        toks = toks[:-1]
    if len(toks) == 1 and toks[0].text in _EDGE_PUNCT and len(tokens) > 1:
        return None
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else None


def without_dangling(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a conjunction left hanging at the end ("… above his training, and")."""
    end = len(tokens)
    while end > 1:
        cut = end
        while cut > 1 and (tokens[cut - 1].is_space or tokens[cut - 1].text in _EDGE_PUNCT):
            cut -= 1
        if tokens[cut - 1].dep_ != "cc" or cut == 1:
            break
        end = cut - 1
    return tokens[:end]


def worded(runs: list[list[Token]]) -> list[list[Token]]:
    """The runs holding a word: not the lone full stop left of a clause whose "according to a
    poll" went to the source."""
    return [run for run in runs if any(not (t.is_punct or t.is_space) for t in run)]


def merge(spans: list[Extent]) -> list[Extent]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def clip_to_paragraph(text: str, span: Extent, anchor: int) -> Extent | None:
    """Cut a parse-derived span at paragraph breaks: a byline, dateline or timestamp
    glued to the next sentence by the parser is never part of what was said, nor of
    who said it; a span wholly in another paragraph than ``anchor`` is dropped."""
    start, end = span
    para_start = text.rfind("\n", 0, anchor) + 1
    para_end = text.find("\n", anchor)
    if para_end == -1:
        para_end = len(text)
    if end <= para_start or start >= para_end:
        return None
    start, end = max(start, para_start), min(end, para_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


_INTRODUCING = 80  # characters from a cue to the colon ending its paragraph ("made the following comment:")


def introduced_paragraph(text: str, at: int) -> Extent | None:
    """The paragraph after the one of offset ``at`` when a colon ends that one soon after ``at``:
    "Sanders continued:" ¶ "The health issue overall is …"."""
    line_end = text.find("\n", at)
    if line_end == -1 or not text[at:line_end].rstrip().endswith(":") or line_end - at > _INTRODUCING:
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return (start, end) if start < end else None

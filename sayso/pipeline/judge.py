"""The judge: is a put-together candidate a real attribution?

The cue model scores a word alone; whether "made", "see" or "shows" introduces an
attribution depends on what was attached to it: a reported clause or a bare
object, a quotation, a named source or none; and on what kind of word it is (its
WordNet class, :mod:`sayso.pipeline.wordnet`). The judge is a logistic regression
over such evidence of the whole candidate, trained by :mod:`sayso.train` on
candidates built with cue models that did not see the documents (cross-fitting),
so that it learns how far to trust the cue model's probabilities.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from sayso.pipeline import wordnet
from sayso.pipeline.cues import DocIndex
from sayso.pipeline.linear import LinearModel

JUDGE_FILE = "judge.json"


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


def evidence(
    cue: Token,
    how: str,
    source: list[Token],
    content: list[tuple[int, int]],
    quoted: float,
    prob: float,
    index: DocIndex,
) -> tuple[str, ...]:
    """The features of a candidate: cue, how its content was found, its source, its shape, the
    cue's WordNet class."""
    lemma = cue.lemma_.lower()
    src = source[0] if source else None
    if src is None:
        src_kind = "none"
    else:
        top = next((t for t in source if t.head.i not in {s.i for s in source}), src)
        src_kind = top.pos_ if top.pos_ in ("PRON", "PROPN") else f"{top.pos_}:{top.ent_type_ or '-'}"
    words = len(index.text[content[0][0]:content[-1][1]].split()) if content else 0
    q = "all" if quoted > 0.9 else "part" if quoted > 0 else "none"
    p = f"{min(9, int(prob * 10))}"
    kind = wordnet.first_class(cue)
    return (
        "bias",
        f"p={p}",
        f"how={how}",
        f"p|how={p}|{how}",
        f"l={lemma}",
        f"l|how={lemma}|{how}",
        f"d={cue.dep_}",
        f"pos|how={cue.pos_}|{how}",  # a noun's clause ("the claim that …") is not a verb's
        f"src={src_kind}",
        f"how|src={how}|{src_kind}",
        f"len={_bucket(words)}",
        f"how|len={how}|{_bucket(words)}",
        f"q={q}",
        f"how|q={how}|{q}",
        f"p|q={p}|{q}",
        f"inq={index.in_quote[cue.i]}",
        f"wn1={kind}",
        f"how|wn1={how}|{kind}",
    )


Spans = list[tuple[int, int]]


def rivalry(candidates: list[tuple[float, Spans, tuple[int, int]]], sentence: list[int]) -> list[tuple[str, ...]]:
    """Features of each candidate against the others of its document.

    ``candidates`` holds (cue probability, content, cue span); ``sentence`` the
    sentence number of each. A
    candidate nested in another's content is seldom annotated; one whose cue is
    the second best of its sentence competes for the same words. Each comparison is a
    lookup in sorted lists, not a scan of the others: a document may have thousands.
    """
    keys = [tuple(content) for _, content, _ in candidates]
    by_sentence: dict[int, list[float]] = defaultdict(list)
    by_content: dict[tuple, list[float]] = defaultdict(list)
    for k, (prob, _, _) in enumerate(candidates):
        by_sentence[sentence[k]].append(prob)
        by_content[keys[k]].append(prob)
    for probs in (*by_sentence.values(), *by_content.values()):
        probs.sort()
    cue_starts = sorted(cue[0] for _, _, cue in candidates)
    widest = _Widest(candidates, keys)
    out: list[tuple[str, ...]] = []
    for k, (prob, content, cue) in enumerate(candidates):
        rank = 1 + len(by_sentence[sentence[k]]) - bisect_right(by_sentence[sentence[k]], prob)
        inside = widest.reaches(content[0][0], content[-1][1], keys[k])
        holds = any(bisect_left(cue_starts, e) - bisect_left(cue_starts, s) > (s <= cue[0] < e) for s, e in content)
        same = by_content[keys[k]]
        others_best = same[-1] if same[-1] != prob or len(same) > 1 and same[-2] == prob else \
            (same[-2] if len(same) > 1 else None)
        dup = "none" if len(same) == 1 else "lower" if others_best is not None and others_best > prob else "higher"
        r = "3+" if rank >= 3 else str(rank)
        out.append((f"rank={r}", f"inside={inside}", f"holds={holds}", f"dup={dup}",
                    f"rank|inside={r}|{inside}"))
    return out


class _Widest:
    """Whether some candidate of another content has a piece covering a given stretch: over
    the pieces in order of start, the furthest end reached so far, and the furthest reached by
    a piece of a different content, so that a candidate's own content can be left out."""

    def __init__(self, candidates: list[tuple[float, Spans, tuple[int, int]]], keys: list[tuple]) -> None:
        pieces = sorted((s, e, keys[k]) for k, (_, content, _) in enumerate(candidates) for s, e in content)
        self._starts = [s for s, _, _ in pieces]
        self._best: list[tuple[int, tuple | None, int]] = []  # (furthest end, its content, furthest end of another)
        end, key, other = -1, None, -1
        for _, e, k in pieces:
            if k == key:
                end = max(end, e)
            elif e > end:
                end, key, other = e, k, end
            else:
                other = max(other, e)
            self._best.append((end, key, other))

    def reaches(self, start: int, end: int, own: tuple) -> bool:
        """Whether a piece of a content other than ``own`` starts at or before ``start`` and ends at or after ``end``."""
        n = bisect_right(self._starts, start)
        if n == 0:
            return False
        furthest, key, other = self._best[n - 1]
        return (furthest if key != own else other) >= end


@dataclass
class Judge(LinearModel):
    """P(real attribution) from a candidate's :func:`evidence`, with its acceptance threshold."""

    threshold: float = 0.5
    # Cues below this probability are not even put together.
    floor: float = 0.1

    def accepts(self, feats: tuple[str, ...]) -> bool:
        return self.probability(feats) >= self.threshold

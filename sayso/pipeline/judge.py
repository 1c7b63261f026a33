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
    the second best of its sentence competes for the same words.
    """
    out: list[tuple[str, ...]] = []
    for k, (prob, content, _) in enumerate(candidates):
        others = [c for j, c in enumerate(candidates) if j != k]
        rank = 1 + sum(1 for j, c in enumerate(candidates) if j != k and sentence[j] == sentence[k] and c[0] > prob)
        inside = any(any(s <= content[0][0] and content[-1][1] <= e for s, e in c[1]) and c[1] != content
                     for c in others)
        holds = any(any(s <= c[2][0] < e for s, e in content) for c in others)
        same = [c[0] for c in others if c[1] == content]
        dup = "none" if not same else "lower" if max(same) > prob else "higher"
        r = "3+" if rank >= 3 else str(rank)
        out.append((f"rank={r}", f"inside={inside}", f"holds={holds}", f"dup={dup}",
                    f"rank|inside={r}|{inside}"))
    return out


@dataclass
class Judge(LinearModel):
    """P(real attribution) from a candidate's :func:`evidence`, with its acceptance threshold."""

    threshold: float = 0.5
    # Cues below this probability are not even put together.
    floor: float = 0.1

    def accepts(self, feats: tuple[str, ...]) -> bool:
        return self.probability(feats) >= self.threshold

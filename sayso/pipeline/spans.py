"""Learned span boundaries: which dependents of a role's head belong to the span.

The attachment rules find the *head* of each role (the cue verb, the subject, the
reported clause); where each span ends is a matter of annotation convention that
rules get wrong a third of the time: PolNeAR cues take their auxiliaries and
adverbs ("has *also* said"), multi-word predicates ("made a strong condemnation
of") and "in a statement", but not the time ("said Monday"); contents drop a
trailing "the footage showed" or an unrelated coordinated clause. So for every
dependent of a head, a logistic regression (one model, features conjoined with the
role) decides whether its subtree is in the span; :mod:`sayso.train` fits it on
PolNeAR train. A head's kept tokens form one or more fragments: a content split
around "he said" comes out as two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from sayso.pipeline.linear import LinearModel

SPAN_FILE = "spans.json"
ROLES = ("cue", "source", "content")
# Words kept as themselves in features; open-class words are represented by their tag.
_CLOSED = frozenset({"ADP", "AUX", "PART", "SCONJ", "CCONJ", "DET", "PRON", "ADV", "PUNCT", "NUM"})
_QUOTES = frozenset({'"', "“", "”", "''", "``", "«", "»"})
# The probability a dependent needs to join each role's span. Tuned on PolNeAR dev: a cue
# takes a dependent only when the model is fairly sure (strict cue F1 0.710 / 0.712 / 0.713 /
# 0.713 at 0.5 / 0.55 / 0.6 / 0.65); for sources and contents, 0.4 or 0.6 moves F1 by 0.001.
THRESHOLDS = {"cue": 0.6, "source": 0.5, "content": 0.5}


def _bucket(n: int) -> str:
    return "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def _word(tok: Token) -> str:
    return tok.lower_ if tok.pos_ in _CLOSED else tok.tag_


def _cc(head: Token, child: Token) -> str:
    """The coordinating word between ``head`` and a conjunct ``child`` ("and", "but"), if any."""
    return next((c.lower_ for c in head.children if c.dep_ == "cc" and head.i < c.i < child.i), "-")


def child_features(
    role: str, head: Token, child: Token, cue: Token, in_quote: list[bool], partial: bool = False
) -> list[str]:
    """Features of ``child``'s subtree as a candidate part of ``head``'s ``role`` span.

    ``partial``: the subtree holds another role's words, so only ``child`` itself is
    in question (the "to" of "according to X", the "of" of "accused Holt of …").
    """
    first, last = child.left_edge, child.right_edge
    side = "L" if child.i < head.i else "R"
    gap = range(min(child.right_edge.i, head.i) + 1, max(child.left_edge.i, head.i))
    doc = head.doc
    comma = any(doc[i].is_punct for i in gap)
    size = last.i - first.i + 1
    has_quote = any(doc[i].text in _QUOTES for i in range(first.i, last.i + 1))
    holds_cue = first.i <= cue.i <= last.i and role != "cue"
    f = [
        "bias",
        f"d={child.dep_}",
        f"d|s={child.dep_}|{side}",
        f"d|s|adj={child.dep_}|{side}|{not gap}",
        f"w={_word(child)}",
        f"d|w={child.dep_}|{_word(child)}",
        f"hd|d={head.dep_}|{child.dep_}",
        f"hp|d={head.pos_}|{child.dep_}",
        f"first={_word(first)}",
        f"last={_word(last)}",
        f"d|len={child.dep_}|{_bucket(size)}",
        f"comma={comma}|{side}",
        f"q={has_quote}|{in_quote[child.i] == in_quote[head.i]}",
        f"cue={holds_cue}",
        f"subj={any(c.dep_ in ('nsubj', 'nsubjpass') for c in child.children)}|{child.dep_}",
        f"ent={child.ent_type_ or '-'}",
        f"d|l={child.dep_}|{child.lemma_.lower()}",
        f"d|first={child.dep_}|{first.lower_}",
        f"d|cc={child.dep_}|{_cc(head, child)}",
    ]
    if partial:
        f = ["part", f"part|d={child.dep_}|{side}", f"part|w={child.lower_}"] + [f"part|{x}" for x in f[:3]]
    if role == "cue":
        f.append(f"hl|d={head.lemma_.lower()}|{child.dep_}")
        f.append(f"hl|w={head.lemma_.lower()}|{_word(child)}")
    return [f"{role}:{x}" for x in f]


@dataclass
class SpanModel(LinearModel):
    """P(child subtree in span) from its role-conjoined :func:`child_features`, with the
    probability each role asks for."""

    thresholds: dict[str, float] = field(default_factory=lambda: dict(THRESHOLDS))

    def keeps(
        self, role: str, head: Token, child: Token, cue: Token, in_quote: list[bool], partial: bool = False
    ) -> bool:
        probability = self.probability(["bias", *child_features(role, head, child, cue, in_quote, partial)])
        return probability >= self.thresholds[role]

    def tokens(
        self, role: str, head: Token, cue: Token, in_quote: list[bool], taken: set[int]
    ) -> list[Token]:
        """``head`` and the subtrees of the dependents the model keeps, minus ``taken`` tokens."""
        keep = [head]
        for child in head.children:
            if any(t.i in taken for t in child.subtree):
                if child.i not in taken and self.keeps(role, head, child, cue, in_quote, partial=True):
                    keep.append(child)
            elif self.keeps(role, head, child, cue, in_quote):
                keep.extend(child.subtree)
        return sorted((t for t in keep if t.i not in taken), key=lambda t: t.i)


def fragments(tokens: list[Token]) -> list[list[Token]]:
    """Runs of consecutive tokens; a gap of punctuation only does not split a run."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs:
            prev = runs[-1][-1]
            between = tok.doc[prev.i + 1:tok.i]
            if all(t.is_punct or t.is_space for t in between):
                runs[-1].append(tok)
                continue
        runs.append([tok])
    return runs

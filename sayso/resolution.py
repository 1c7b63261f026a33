"""How right the resolved fields are: speaker, role, channel and hedges.

The referee scores spans only. Gold that also carries sayso's resolved fields
(``speaker``, ``speaker_role``, ``channel``, ``hedges``, as in
``tests/data/bakhmut.gold.jsonl``) is scored here: gold and predicted attributions
are paired as the referee pairs them at who-said-what level (contents and sources
soft-match, best pairs first), and each field of a pair is right or wrong.
"""

from dataclasses import dataclass
from typing import Any

from sayso.spanmatch import (
    SOFT_DICE,
    ScoredText,
    Unit,
    dice,
    match_greedily,
    overlapping_pairs,
    role_score,
)

FIELDS = ("speaker", "speaker_role", "channel", "hedges")


@dataclass
class FieldScores:
    """Per field, how many matched attributions got it right, out of ``matched``."""

    matched: int
    gold: int
    right: dict[str, int]

    def accuracy(self) -> dict[str, float]:
        return {f: (self.right[f] / self.matched if self.matched else 0.0) for f in FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "gold": self.gold, "right": self.right,
                "accuracy": {f: round(v, 3) for f, v in self.accuracy().items()}}


def _norm(name: str | None) -> str | None:
    return " ".join(name.split()).lower() if name else None


def field_value(record: dict[str, Any], name: str) -> Any:
    """A field in comparable form: names case- and space-folded, channel as (type, outlet)."""
    if name == "channel":
        ch = record.get("channel") or {}
        return ch.get("type", "unknown"), _norm(ch.get("outlet"))
    if name == "hedges":
        return sorted({h.lower() for h in record.get("hedges") or []})
    return _norm(record.get(name))


def score_fields(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> FieldScores:
    """Pair gold and predicted attributions of one text and count the right fields."""
    scored = ScoredText("doc", text)

    def units(records: list[dict[str, Any]]) -> list[dict[str, Unit]]:
        return [{r: Unit(scored, tuple(sorted(map(tuple, a.get(r) or [])))) for r in ("content", "source")}
                for a in records]

    g_units, p_units = units(gold), units(pred)
    candidates = []
    for i, j in overlapping_pairs([g["content"] for g in g_units], [p["content"] for p in p_units]):
        content = dice(g_units[i]["content"], p_units[j]["content"])
        source = role_score(g_units[i]["source"], p_units[j]["source"])
        if content >= SOFT_DICE and source is not None:
            candidates.append((content + source, i, j))
    pairs = match_greedily(candidates)
    right = {f: sum(field_value(gold[i], f) == field_value(pred[j], f) for i, j in pairs) for f in FIELDS}
    return FieldScores(matched=len(pairs), gold=len(gold), right=right)

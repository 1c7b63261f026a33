"""How right the resolved fields are: speaker, gender, role, channel and hedges.

The referee scores spans only. Gold that also carries resolved fields is scored
here: gold and predicted attributions are paired as the referee pairs them at
who-said-what level (contents and sources soft-match, best pairs first), and each
field of a pair is right or wrong. Two gold shapes are read: sayso's own record
shape (``tests/data/bakhmut.gold.jsonl``: ``channel`` an object, ``hedges`` a list)
and the world-news set's (``channel`` a free-text label, ``hedge`` one word,
``speaker_gender``).

The speaker is the figure that matters most, so it gets three grades rather than
two: *right* (the same name once titles, honorifics, a company's legal form, an alias in
brackets, a nickname in quotes and case are set aside),
*partial* (a strict part of the gold name: "Houghton" for "Irungu Houghton") and
*wrong*. A gold speaker of ``None`` (an unnamed source) is right only when the
prediction names nobody either. Gender is scored only where the gold gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
GRADES = ("right", "partial", "wrong")

# Words set aside when two speaker names are compared: titles, ranks and honorifics
# that a text may or may not put before a name ("Insp Murphy", "Datuk Seri ..."), and a
# company's legal form ("Samsung Electronics Co Ltd").
_TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof sir dame madam lord lady sheikh sheik datuk dato datin seri tan sri tun haji hajj
president vice prime minister senator sen gov governor rep representative mayor premier chancellor
general gen lt lieutenant col colonel maj major capt captain sgt sergeant cpl corporal insp inspector
supt superintendent cmdr commander adm admiral chief justice judge king queen prince princess pope
rev reverend father fr bishop cardinal imam rabbi professor doctor ambassador secretary
the co ltd inc corp plc llc
""".split())

# World-news channel labels to sayso's channel types (a label naming none of these is "other").
_CHANNEL_WORDS = (
    ("twitter", "twitter"), ("facebook", "facebook"), ("telegram", "telegram"),
    ("press conference", "press_conference"), ("press briefing", "press_conference"),
    ("told reporters", "press_conference"), ("statement", "statement"), ("press release", "statement"),
    ("instagram", "instagram"), ("tiktok", "tiktok"), ("youtube", "youtube"), ("whatsapp", "whatsapp"),
    ("bluesky", "bluesky"), ("truth social", "truth_social"), ("threads", "threads"), ("podcast", "podcast"),
    ("court", "court"), ("testimony", "court"),
    ("television", "tv"), (" tv", "tv"), ("radio", "radio"), ("video", "video"),
    ("told ", "interview"), ("interview", "interview"), ("phone", "interview"), ("report", "report"),
)


def name_words(name: str | None) -> tuple[str, ...]:
    """A speaker name as comparable words: case-folded, without titles, articles,
    possessive endings and punctuation (hyphens and apostrophes inside words stay)."""
    if not name:
        return ()
    # An alias in brackets (an acronym, a real name) is given with the name, not part of it:
    # "International Monetary Fund (IMF)" is "International Monetary Fund", "Karina (Yu Ji-min)" "Karina".
    name = re.sub(r"\s*\([^()]{1,40}\)\s*$", "", name) or name
    # So is a nickname in quotes inside it: 'Robert C. "Bobby" Scott' is "Robert C. Scott".
    name = re.sub(r"\s[\"“][^\"“”]{1,20}[\"”]\s", " ", name)
    words = re.findall(r"[\w][\w'’.-]*", name.casefold())
    words = [re.sub(r"['’]s$", "", w).strip(".") for w in words]
    return tuple(w for w in words if w and w not in _TITLE_WORDS)


def grade_speaker(gold: str | None, pred: str | None) -> str:
    """``right``, ``partial`` (the prediction is a strict part of the gold name) or ``wrong``."""
    g, p = name_words(gold), name_words(pred)
    if g == p:
        return "right"
    if g and p and set(p) < set(g):
        return "partial"
    return "wrong"


def _channel(record: dict[str, Any]) -> tuple[str, str | None]:
    """A channel in comparable form: (type, outlet) for sayso's shape, the type a world-news label names."""
    channel = record.get("channel")
    if isinstance(channel, dict):
        outlet = channel.get("outlet")
        return channel.get("type", "unknown"), " ".join(outlet.split()).lower() if outlet else None
    if not channel:
        return "unknown", None
    label = f" {channel.lower()}"
    return next((kind for word, kind in _CHANNEL_WORDS if word in label), "other"), None


def _role_words(role: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (role or "").casefold()) if w not in ("the", "a", "an", "of")}


def _hedges(record: dict[str, Any]) -> list[str]:
    hedges = record.get("hedges")
    if hedges is None:
        hedges = [record["hedge"]] if record.get("hedge") else []
    return sorted({h.lower() for h in hedges})


def field_right(gold: dict[str, Any], pred: dict[str, Any], name: str) -> bool:
    """Whether one resolved field of a matched pair is right.

    A role is right when both are absent or their words overlap by Dice >= 0.5 (roles are
    free text: "Punjab Inspector General" and "Inspector General" agree). A world-news channel
    label is compared by the channel type it names, sayso's own channel shape by type and outlet.
    """
    if name == "speaker":
        return grade_speaker(gold.get("speaker"), pred.get("speaker")) == "right"
    if name == "speaker_role":
        g, p = _role_words(gold.get("speaker_role")), _role_words(pred.get("speaker_role"))
        return g == p or (bool(g) and bool(p) and 2 * len(g & p) / (len(g) + len(p)) >= SOFT_DICE)
    if name == "channel":
        if isinstance(gold.get("channel"), dict):
            return _channel(gold) == _channel(pred)
        return _channel(gold)[0] == _channel(pred)[0]
    return _hedges(gold) == _hedges(pred)


@dataclass
class FieldScores:
    """Per field, how many matched attributions got it right, out of ``matched``; the
    speaker's grades; gender right out of the matched pairs whose gold gives one."""

    matched: int = 0
    gold: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    # Matched pairs whose gold gives the field at all (speaker labels give only the speaker).
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    speaker: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GRADES, 0))
    gender_right: int = 0
    gender_gold: int = 0
    # The channel over the matched pairs whose gold names one (the others count "unknown" right).
    channel_right: int = 0
    channel_gold: int = 0

    def add(self, other: FieldScores) -> None:
        self.matched += other.matched
        self.gold += other.gold
        self.gender_right += other.gender_right
        self.gender_gold += other.gender_gold
        self.channel_right += other.channel_right
        self.channel_gold += other.channel_gold
        for f in FIELDS:
            self.right[f] += other.right[f]
            self.scored[f] += other.scored[f]
        for g in GRADES:
            self.speaker[g] += other.speaker[g]

    def accuracy(self) -> dict[str, float]:
        return {f: self.right[f] / self.scored[f] for f in FIELDS if self.scored[f]}

    def to_dict(self) -> dict[str, Any]:
        gender = self.gender_right / self.gender_gold if self.gender_gold else None
        channel = self.channel_right / self.channel_gold if self.channel_gold else None
        return {
            "matched": self.matched, "gold": self.gold, "right": self.right, "scored": self.scored,
            "accuracy": {f: round(v, 3) for f, v in self.accuracy().items()},
            "speaker_grades": self.speaker,
            "speaker_gender": {"right": self.gender_right, "gold": self.gender_gold,
                               "accuracy": None if gender is None else round(gender, 3)},
            "channel_given": {"right": self.channel_right, "gold": self.channel_gold,
                              "accuracy": None if channel is None else round(channel, 3)},
        }


def matched_pairs(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Gold and predicted attributions of one text paired at who-said-what level."""
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
    return match_greedily(candidates)


def score_fields(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> FieldScores:
    """Pair gold and predicted attributions of one text and count the right fields."""
    pairs = matched_pairs(text, gold, pred)
    scores = FieldScores(matched=len(pairs), gold=len(gold))
    for i, j in pairs:
        for f in FIELDS:
            if f in gold[i] or (f == "hedges" and "hedge" in gold[i]):
                scores.scored[f] += 1
                scores.right[f] += field_right(gold[i], pred[j], f)
        scores.speaker[grade_speaker(gold[i].get("speaker"), pred[j].get("speaker"))] += 1
        if _channel(gold[i])[0] != "unknown":
            scores.channel_gold += 1
            scores.channel_right += field_right(gold[i], pred[j], "channel")
        if gold[i].get("speaker_gender"):
            scores.gender_gold += 1
            scores.gender_right += gold[i]["speaker_gender"] == pred[j].get("speaker_gender")
    return scores

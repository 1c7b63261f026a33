"""The records that flow between sayso's layers, and their public JSON form.

An :class:`Attribution` is the unit of output: who (``source``) said what
(``content``) by which words (``cue``), resolved to a ``speaker`` with the
``channel`` and ``hedges`` around it. Its JSON form (:meth:`Attribution.to_dict`)
is the public output format and a superset of the referee's
``{"source", "cue", "content"}`` shape, so any output can be scored directly.
All offsets are Python ``str`` indices into the exact input text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("direct", "indirect", "mixed", "according_to", "other")
SPEAKER_TYPES = ("person", "organisation", "group", "anonymous", "unknown")
CHANNEL_TYPES = (
    "telegram", "twitter", "facebook", "instagram", "tiktok", "youtube", "threads", "bluesky",
    "truth_social", "whatsapp", "podcast", "interview", "press_conference", "court", "statement",
    "video", "tv", "radio", "report", "unknown",
)


@dataclass(frozen=True, order=True)
class Span:
    """A character span ``text[start:end]`` of the article."""

    start: int
    end: int
    text: str

    def to_pair(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` between ``start`` and ``end``."""
        return cls(start, end, text[start:end])


def _pairs(spans: list[Span]) -> list[list[int]]:
    return [s.to_pair() for s in spans]


def _joined(spans: list[Span]) -> str:
    # brat (and so PolNeAR) writes a discontinuous span as its fragments joined by one space.
    return " ".join(s.text for s in spans)


@dataclass
class Channel:
    """Through what a statement reached the article, with the words that say so."""

    type: str = "unknown"
    outlet: str | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "outlet": self.outlet, "evidence": _pairs(self.evidence)}


def flat(attributions: list[Attribution]) -> list[Attribution]:
    """The top-level attributions: PolNeAR's view, which leaves statements nested in another's
    content out (their enclosing attribution holds them)."""
    return [a for a in attributions if a.parent is None]


@dataclass
class Attribution:
    """One attributed statement: source, cue and content spans plus what they resolve to."""

    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    kind: str = "other"
    speaker: str | None = None
    speaker_type: str = "unknown"
    speaker_role: str | None = None
    # "female" or "male" where the text shows it, with what shows it ("pronoun",
    # "honorific", "gendered noun" or "first name"); None for organisations and groups.
    speaker_gender: str | None = None
    gender_evidence: str | None = None
    channel: Channel = field(default_factory=Channel)
    hedges: list[str] = field(default_factory=list)
    confidence: float = 0.5
    # The index (in its document's list) of the attribution whose content this one is stated in
    # ("Xi Jinping said …" inside "…, Xinhua reported"), or None for a top-level one: the flat
    # view PolNeAR annotates and the referee scores is the attributions whose parent is None.
    parent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form (see README, "Output format"); ``parent`` only on a nested one,
        so that the flat view reads as it always has."""
        record = {
            "content": _pairs(self.content),
            "cue": _pairs(self.cue),
            "source": _pairs(self.source),
            "text": {
                "content": _joined(self.content),
                "cue": _joined(self.cue),
                "source": _joined(self.source),
            },
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "speaker_role": self.speaker_role,
            "speaker_gender": self.speaker_gender,
            "gender_evidence": self.gender_evidence,
            "channel": self.channel.to_dict(),
            "hedges": list(self.hedges),
            "confidence": round(self.confidence, 3),
        }
        if self.parent is not None:
            record["parent"] = self.parent
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Attribution:
        """Rebuild a record from its JSON form and the text its offsets point into."""

        def spans(pairs: list[list[int]] | None) -> list[Span]:
            return [Span.of(text, s, e) for s, e in pairs or []]

        channel = data.get("channel") or {}
        return cls(
            content=spans(data["content"]),
            cue=spans(data.get("cue")),
            source=spans(data.get("source")),
            kind=data.get("kind", "other"),
            speaker=data.get("speaker"),
            speaker_type=data.get("speaker_type", "unknown"),
            speaker_role=data.get("speaker_role"),
            speaker_gender=data.get("speaker_gender"),
            gender_evidence=data.get("gender_evidence"),
            channel=Channel(
                type=channel.get("type", "unknown"),
                outlet=channel.get("outlet"),
                evidence=spans(channel.get("evidence")),
            ),
            hedges=list(data.get("hedges", [])),
            confidence=float(data.get("confidence", 0.5)),
            parent=data.get("parent"),
        )

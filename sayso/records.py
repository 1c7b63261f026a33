"""The records that flow between sayso's layers, and their public JSON form: the one contract.

An :class:`Attribution` is the unit of output: who (``source``) said what
(``content``) by which words (``cue``), resolved to a ``speaker`` with the
``channel`` and ``hedges`` around it. Its JSON form (:meth:`Attribution.to_dict`)
is the public output format and a superset of the referee's
``{"source", "cue", "content"}`` shape, so any output can be scored directly.
All offsets are Python ``str`` indices into the exact input text.

Every record that crosses a layer lives here (the article as read, its
extraction result, the relays of what it quotes, a curation decision), and this
module imports nothing of sayso's but its error messages: the store, the corpus index and the server
depend on it alone, never on the pipeline that makes the records, so none of
them loads spaCy (``tests/test_architecture.py`` holds them to it).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sayso.errors import Errors, SaysoError

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

    def moved(self, chars: int) -> Span:
        """The same words ``chars`` further on: a section's span in its whole article."""
        return Span(self.start + chars, self.end + chars, self.text)

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

    def moved(self, chars: int) -> Channel:
        return replace(self, evidence=[s.moved(chars) for s in self.evidence])


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

    def moved(self, chars: int, index: int) -> Attribution:
        """This attribution found in a section starting ``chars`` into its article, after
        ``index`` attributions of earlier sections (``parent`` counts those)."""
        return replace(self, content=[s.moved(chars) for s in self.content], cue=[s.moved(chars) for s in self.cue],
                       source=[s.moved(chars) for s in self.source], channel=self.channel.moved(chars),
                       parent=None if self.parent is None else self.parent + index)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form (see docs/library.md, "Output format"); ``parent`` only on a nested one,
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


# spaCy refuses texts longer than this by default; sayso keeps the limit and reports it.
MAX_CHARS = 1_000_000
# Documents per nlp.pipe batch (and per store transaction, per worker task) wherever a caller
# does not say: the one default of extract, ingest, scale and eval.
DEFAULT_BATCH_SIZE = 32
_LINE_ENDS = re.compile(r"\r\n?")


def normalise(text: str) -> str:
    """``text`` in NFC with ``\\n`` line ends and no surrounding whitespace."""
    return _LINE_ENDS.sub("\n", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Hex SHA-256 of :func:`normalise` (``text``): the same article read again (other line
    ends, another Unicode composition) gets the same id, so re-storing it replaces it.

    Defined for any string: a lone surrogate, which readers refuse but a caller may pass, is
    hashed as its own three bytes, so that the document gets an id and fails where it is
    written, alone, rather than wherever its id is asked for."""
    return hashlib.sha256(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


# The publication dates kept, in UTC: from before the first printed newspapers to well
# inside the calendar, so that no zone shift can carry a kept date out of it.
EARLIEST = datetime(1600, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 1, 1, tzinfo=UTC)
# What a name is never kept with: lone surrogates, which no file or database can hold (Python
# reads a file-name byte that is not UTF-8 as one, and JSON's "\\ud800" escape makes one), and
# control characters, which would break a message's line or drive the terminal showing it.
_UNSAFE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# What metadata is never kept with: lone surrogates, and NUL, which PostgreSQL cannot store.
_UNSAFE_IN_METADATA = re.compile("[\x00\ud800-\udfff]")


def usable(moment: datetime | None) -> datetime | None:
    """``moment`` (naive taken as UTC) when it lies from :data:`EARLIEST` up to :data:`LATEST`, else None."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        in_utc = aware.astimezone(UTC)
    except (OverflowError, ValueError):  # the zone's shift leaves the calendar
        return None
    return aware if EARLIEST <= in_utc < LATEST else None


def escaped(name: str) -> str:
    """``name`` as sayso keeps and shows it: each character no store or terminal can take as a backslash escape.

    A file-name byte that is not UTF-8 (which Python reads as the surrogate
    U+DC80 + byte) becomes ``\\xe9``, as in ``caf\\xe9.txt``; another lone
    surrogate ``\\ud800``; a control character ``\\x0a``. Every other
    character, backslashes included, is kept, so the form is for reading, not
    for turning back into the bytes. A valid name is returned as it is.
    """
    return _UNSAFE_IN_NAMES.sub(_escape, name)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code >= 0xD800 else f"\\x{code:02x}"


def _metadata(value: str | None) -> str | None:
    return None if value is None or _UNSAFE_IN_METADATA.search(value) else value


@dataclass(frozen=True)
class Document:
    """One text to extract from, exactly as read: attribution offsets point into ``text``.

    ``origin`` says where it came from (``path`` or ``path:line``) for messages.
    The metadata fields are whatever the source gave (an HTML page's title, a
    JSONL record's ``outlet``); ``published`` is always timezone-aware. Made
    safe on creation, so that no store, output or terminal receives a value it
    cannot take: ``doc_id`` and ``origin`` :func:`escaped`; a metadata string
    with a lone surrogate or NUL, and a date outside what :func:`usable` keeps,
    left out. The text is the readers' to check: a document without usable text
    is no document.
    """

    doc_id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        safe = object.__setattr__  # frozen: values are made safe once, here
        safe(self, "doc_id", escaped(self.doc_id))
        safe(self, "origin", escaped(self.origin))
        for name in ("title", "url", "outlet"):
            safe(self, name, _metadata(getattr(self, name)))
        safe(self, "authors", tuple(a for a in map(_metadata, self.authors) if a is not None))
        safe(self, "published", usable(self.published))

    @property
    def article_id(self) -> str:
        """Stable id of the text, the same for the same article read again."""
        return article_id(self.text)


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read or extracted; ``reason`` is the coded message naming it."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", escaped(self.origin))
        object.__setattr__(self, "reason", escaped(self.reason))


@dataclass(frozen=True)
class Posting:
    """Someone putting a thing out, or passing it on.

    ``name`` is who, resolved to the article's name for them ("Christo Grozev")
    when it names them, ``text`` how the article refers to them there
    ("journalist Christo Grozev"), ``role`` the role it gives them, ``platform``
    where ("Twitter"), and ``evidence`` the words that say so.
    """

    name: str | None
    text: str | None
    role: str | None
    platform: str | None
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form: ``text`` is given as ``mention``, as the store's column is named."""
        return {"name": self.name, "mention": self.text, "role": self.role, "platform": self.platform,
                "evidence": self.evidence.to_pair()}

    def moved(self, chars: int) -> Posting:
        return replace(self, evidence=self.evidence.moved(chars))


@dataclass(frozen=True)
class Provenance:
    """Where the statement of the article's attribution number ``attribution`` came from:
    the ``item`` that carried it ("video"), its ``origin`` and the ``relays`` in text order."""

    attribution: int
    item: str
    origin: Posting | None
    relays: tuple[Posting, ...] = ()

    def steps(self) -> list[tuple[str, Posting]]:
        """The chain in order, each posting with its step: ``"origin"`` first when the article
        says who first posted the thing, then ``"relay"`` for each who passed it on. Stores
        and tables keep a chain as these rows; :meth:`from_steps` reads them back."""
        return [*([("origin", self.origin)] if self.origin else []), *(("relay", p) for p in self.relays)]

    @classmethod
    def from_steps(cls, attribution: int, item: str, steps: Iterable[tuple[str, Posting]]) -> Provenance:
        """The provenance whose :meth:`steps` are ``steps``."""
        steps = list(steps)
        origin = next((posting for step, posting in steps if step == "origin"), None)
        return cls(attribution, item, origin, tuple(posting for step, posting in steps if step == "relay"))

    def moved(self, chars: int, index: int) -> Provenance:
        """As :meth:`Attribution.moved`: ``attribution`` counts the top-level attributions of earlier sections."""
        return Provenance(self.attribution + index, self.item, self.origin.moved(chars) if self.origin else None,
                          tuple(p.moved(chars) for p in self.relays))

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form: the attribution's number, the thing passed on, its origin and relays."""
        return {"attribution": self.attribution, "item": self.item,
                "origin": self.origin.to_dict() if self.origin else None,
                "relays": [posting.to_dict() for posting in self.relays]}

    def describe(self) -> str:
        """One line for people: "video posted by Christo Grozev (journalist) on Twitter; relayed by ..."."""

        def who(posting: Posting) -> str:
            name = posting.name or posting.text or "someone"
            role = f" ({posting.role})" if posting.role else ""
            return f"{name}{role}" + (f" on {posting.platform}" if posting.platform else "")

        parts = [f"{self.item} posted by {who(self.origin)}" if self.origin else self.item]
        parts += [f"relayed by {who(posting)}" for posting in self.relays]
        return "; ".join(parts)


def provenances(rows: Iterable[dict[str, Any]], text: str) -> list[Provenance]:
    """The provenances of one article's chain steps, each a row of the store's ``relays``
    table (or of ``sayso scale``'s) as a dict (``evidence`` as ``[start, end]``), by attribution."""
    chains: dict[int, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (r["idx"], r["position"])):
        chains.setdefault(row["idx"], []).append(row)
    return [
        Provenance.from_steps(idx, steps[0]["item"], [(row["step"], _posting(row, text)) for row in steps])
        for idx, steps in chains.items()
    ]


def _posting(row: dict[str, Any], text: str) -> Posting:
    return Posting(row["name"], row["mention"], row["role"], row["platform"], Span.of(text, *row["evidence"]))


@dataclass
class Extracted:
    """A document, the attributions found in it, and where those that came through a posted
    thing came from (the ``sayso_relays`` component's ``doc._.relays``)."""

    document: Document
    attributions: list[Attribution]  # the flat view: what is stored, counted and relayed
    relays: list[Provenance] = field(default_factory=list)
    # Every attribution, statements nested in another's content included (each with its parent).
    every: list[Attribution] | None = None

    def to_dict(self, nested: bool = False) -> dict[str, Any]:
        """One line of ``--format jsonl``: the referee's prediction shape, extended. The
        referee's view is flat (what PolNeAR annotates); ``nested`` adds the statements made
        inside another attribution's content, each with its ``parent``."""
        shown = self.every if nested and self.every is not None else self.attributions
        return {"doc_id": self.document.doc_id, "attributions": [a.to_dict() for a in shown]}


# What a batch yields per input: its extraction, or the error that took its place.
Result = Extracted | IngestError


CURATION_OPS = ("merge", "split", "alias")


@dataclass(frozen=True)
class CurationOp:
    """One decision of a person correcting the speaker registry, naming speakers by a name form or id.

    - ``merge``: ``target`` is the speaker kept, ``name`` the one merged into it;
    - ``split``: ``target`` is the speaker, ``name`` the name form taken out of it;
    - ``alias``: ``target`` is the canonical name, ``name`` the alias that belongs to it.
    """

    op: str
    target: str
    name: str

    def __post_init__(self) -> None:
        if self.op not in CURATION_OPS:
            raise SaysoError(Errors.E084.format(op=self.op))


@dataclass
class Curation:
    """Curation operations in the order they were made."""

    ops: list[CurationOp] = field(default_factory=list)

    def to_rows(self) -> list[tuple[str, str, str]]:
        """``(op, target, name)`` rows, for a store table ordered by position."""
        return [(op.op, op.target, op.name) for op in self.ops]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> Curation:
        return cls([CurationOp(*row) for row in rows])

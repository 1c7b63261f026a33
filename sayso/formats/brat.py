"""Annotated documents in brat standoff: a folder of ``NAME.txt`` and ``NAME.ann`` pairs.

brat, and the tools that export its format, are how attribution corpora such as
PolNeAR are annotated, so ``sayso train`` reads the files as they are rather than
asking users to convert them. The reader follows PolNeAR's conventions:

- ``T`` lines are typed spans, ``T3<TAB>Content 10 20;25 30<TAB>surface text``; a
  discontinuous span has several ``start end`` fragments, and its surface text joins
  them with one space.
- ``E`` lines are attributions, ``E1<TAB>Attribution:T4 Source:T3 Cue:T2 Content:T1``.
  The ``Source``, ``Cue`` and ``Content`` roles give the spans (brat numbers a repeated
  role, so ``Content2`` adds fragments to the content), whatever the type of the ``T``
  that fills them. An event without a ``Cue`` role whose trigger is a ``Cue`` span uses
  its trigger. An event without content is dropped, as in PolNeAR's JSONL.
- A line that does not start an annotation continues the one before: brat writes a
  span's text as it is, line breaks included.
- Other spans (``Discuss``, ``Discard``, the ``Attribution`` triggers) are checked but
  not kept; ``A``, ``R``, ``N`` and ``*`` lines and ``#`` notes are ignored.

Each ``T`` line's surface text is compared with the document's text at its offsets.
Tools that count offsets in another unit (UTF-16 code units in JavaScript exports,
which shift everything after an emoji) would otherwise train on shifted spans; a
mismatch stops the run naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

from sayso.errors import Errors, SaysoError

ROLES = ("source", "cue", "content")
# What starts an annotation line: an id and a tab (T1, E1, A1, R1, M1, N1), a note, an equivalence.
_ANNOTATION_START = re.compile(r"(?:[TEARMN]\d+|#\d*|\*)\t")
_ROLE_NUMBER = re.compile(r"\d+$")

Fragments = list[tuple[int, int]]


@dataclass(frozen=True)
class TextBound:
    """One ``T`` line: a typed span in one or more fragments."""

    kind: str
    fragments: Fragments


@dataclass(frozen=True)
class Annotation:
    """One annotation of an ``.ann`` file, continuation lines joined, and where it starts."""

    origin: str
    id: str
    body: str


def read_brat(folder: Path) -> list[dict[str, Any]]:
    """Each ``NAME.ann`` below ``folder`` with its ``NAME.txt``, as a gold record, in path order.

    A ``.txt`` file without a ``.ann`` file is not annotated and is left out; a
    ``.ann`` file without its ``.txt`` file, or two documents of the same name in
    different subfolders, stop the run.
    """
    anns = sorted(p for p in folder.rglob("*.ann") if p.is_file())
    if not anns:
        raise SaysoError(Errors.E040.format(path=folder))
    records: list[dict[str, Any]] = []
    first: dict[str, Path] = {}
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            raise SaysoError(Errors.E041.format(path=ann, txt=txt.name))
        if ann.stem in first:
            raise SaysoError(Errors.E045.format(path=ann, doc_id=ann.stem, first=first[ann.stem]))
        first[ann.stem] = ann
        text = _read(txt)
        records.append({"doc_id": ann.stem, "text": text, "attributions": parse_ann(_read(ann), text, str(ann))})
    return records


def parse_ann(ann: str, text: str, origin: str) -> list[dict[str, Any]]:
    """The attributions of one ``.ann`` file's content, in file order, every span checked against ``text``."""
    bounds: dict[str, TextBound] = {}
    events: list[Annotation] = []
    for annotation in _annotations(ann, origin):
        if annotation.id.startswith("T"):
            bounds[annotation.id] = _text_bound(annotation, text)
        elif annotation.id.startswith("E"):
            events.append(annotation)
    # Events usually follow the spans they use, but need not, so they are read last.
    found = (_attribution(event, bounds) for event in events)
    return [a for a in found if a["content"]]


def _annotations(ann: str, origin: str) -> Iterator[Annotation]:
    """Each annotation of an ``.ann`` file's content, labelled ``<origin>:<line>`` where it starts."""
    start = 0
    lines: list[str] = []
    for number, line in enumerate(ann.split("\n"), 1):
        if lines and _ANNOTATION_START.match(line):
            yield _annotation(origin, start, lines)
            lines = []
        if not lines:
            start = number
        lines.append(line)
    if lines:
        yield _annotation(origin, start, lines)


def _annotation(origin: str, start: int, lines: list[str]) -> Annotation:
    # Trailing line breaks cannot be told from blank lines (or the file's last newline), so
    # they are dropped here and on the text side of the comparison alike; a \r stays within
    # a line read from a CRLF file and goes with them.
    ident, _, body = "\n".join(lines).rstrip("\r\n").partition("\t")
    return Annotation(f"{origin}:{start}", ident, body)


def _text_bound(annotation: Annotation, text: str) -> TextBound:
    """The span of a ``T`` line, after checking that its fragments hold its surface text."""
    head, _, stored = annotation.body.partition("\t")
    kind, _, offsets = head.partition(" ")
    try:
        fragments = [_fragment(part) for part in offsets.split(";")]
    except ValueError:
        detail = f"{annotation.id}: {offsets!r} is not 'start end' pairs separated by ';'"
        raise SaysoError(Errors.E043.format(origin=annotation.origin, detail=detail)) from None
    for start, end in fragments:
        if not 0 <= start <= end <= len(text):
            detail = f"{annotation.id}: span {start} {end} is reversed or outside the text ({len(text)} characters)"
            raise SaysoError(Errors.E043.format(origin=annotation.origin, detail=detail))
    found = " ".join(text[s:e] for s, e in fragments).rstrip("\r\n")
    if found != stored:
        message = Errors.E042.format(
            origin=annotation.origin, ident=annotation.id, stored=_quote(stored), offsets=offsets, found=_quote(found)
        )
        raise SaysoError(message)
    return TextBound(kind, fragments)


def _fragment(part: str) -> tuple[int, int]:
    start, end = part.split()
    return int(start), int(end)


def _attribution(event: Annotation, bounds: dict[str, TextBound]) -> dict[str, Any]:
    """An ``E`` line as ``{"id", "source", "cue", "content"}``, each role's fragments sorted."""
    parts = event.body.split()
    if not parts:
        raise SaysoError(Errors.E043.format(origin=event.origin, detail=f"{event.id}: no trigger"))
    trigger, *arguments = parts
    roles: dict[str, set[tuple[int, int]]] = {role: set() for role in ROLES}
    for argument in arguments:
        role = _ROLE_NUMBER.sub("", argument.partition(":")[0]).lower()
        if role in roles:
            roles[role].update(_bound(event, argument, bounds).fragments)
    trigger_bound = _bound(event, trigger, bounds)
    if not roles["cue"] and trigger_bound.kind == "Cue":
        roles["cue"].update(trigger_bound.fragments)
    return {"id": event.id, **{role: [list(f) for f in sorted(spans)] for role, spans in roles.items()}}


def _bound(event: Annotation, argument: str, bounds: dict[str, TextBound]) -> TextBound:
    """The span an event argument ``Role:T3`` refers to."""
    ref = argument.partition(":")[2]
    if ref not in bounds:
        detail = f"{event.id}: {argument!r} does not refer to a T line of this file"
        raise SaysoError(Errors.E043.format(origin=event.origin, detail=detail))
    return bounds[ref]


def write_brat(records: Iterable[dict[str, Any]], folder: Path) -> None:
    """Write each gold record as ``<doc_id>.txt`` and ``<doc_id>.ann`` in ``folder``, as PolNeAR's are.

    The inverse of :func:`read_brat`, so that data in the referee's JSONL shape can
    be opened in brat and read back with the same spans. Every role becomes one
    ``T`` line (several fragments are one discontinuous span) and the trigger an
    ``Attribution`` span over the cue (over the content when there is no cue).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        doc_id = str(record["doc_id"])
        if Path(doc_id).name != doc_id or doc_id in {".", ".."}:
            raise SaysoError(Errors.E046.format(doc_id=doc_id))
        text = record["text"]
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
        (folder / f"{doc_id}.ann").write_text(_ann_text(record["attributions"], text), encoding="utf-8", newline="")


def _ann_text(attributions: list[dict[str, Any]], text: str) -> str:
    """The ``.ann`` file of one document's attributions, ids numbered from 1."""
    lines: list[str] = []
    numbers = count(1)

    def text_bound(kind: str, fragments: list[list[int]]) -> str:
        ident = f"T{next(numbers)}"
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        lines.append(f"{ident}\t{kind} {offsets}\t{' '.join(text[s:e] for s, e in fragments)}")
        return ident

    for number, attribution in enumerate(attributions, 1):
        roles = [f"{role.capitalize()}:{text_bound(role.capitalize(), attribution[role])}"
                 for role in ROLES if attribution.get(role)]
        kind = "Attribution" if attribution.get("source") else "Attribution-no-source"
        trigger = text_bound(kind, attribution.get("cue") or attribution["content"])
        lines.append(f"E{number}\t{kind}:{trigger} {' '.join(roles)}")
    return "".join(line + "\n" for line in lines)


def _read(path: Path) -> str:
    """A file's text exactly as brat counts offsets in it: UTF-8, line ends untouched.

    Decoded from bytes (the same text as ``open(encoding="utf-8", newline="")``) so that
    an invalid byte is reported at its offset in the file.
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SaysoError(Errors.E011.format(origin=path, detail=e.strerror or e)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        detail = f"byte 0x{data[e.start]:02x} at offset {e.start}"
        raise SaysoError(Errors.E003.format(origin=path, detail=detail)) from None


def _quote(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

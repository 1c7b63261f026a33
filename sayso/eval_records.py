"""Reading and checking the records the scorer compares: gold and predictions in the referee's shape.

Bad input must stop a scoring run before any figure is printed, with a message
that names the file and line (or the record's index) and the reason, as the
referee's do, so that a user fixes the same line whichever tool found it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.errors import SaysoError
from sayso.spanmatch import ScoredText, Spans

ROLES = ("source", "cue", "content")

Attributions = list[dict[str, Spans]]
Labelled = Iterable[tuple[str, Any]]


class EvalInputError(SaysoError):
    """A gold or prediction record that cannot be scored; the message says where and why."""


def json_lines(path: str | Path) -> Iterator[tuple[str, Any]]:
    """Each non-blank line of a JSONL file, labelled ``"<path> line <n>"`` for error messages."""
    try:
        handle = open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise EvalInputError(f"{path}: cannot open: {exc.strerror}") from None
    lineno = 0
    with handle:
        try:
            for lineno, line in enumerate(handle, 1):
                if line.strip():
                    label = f"{path} line {lineno}"
                    try:
                        yield label, json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise EvalInputError(
                            f"{label}: not valid JSON ({exc.msg} at column {exc.colno})"
                        ) from None
        except UnicodeDecodeError:
            raise EvalInputError(f"{path} line {lineno + 1}: not valid UTF-8") from None


def numbered(records: Iterable[Any], kind: str) -> Iterator[tuple[str, Any]]:
    """In-memory records labelled ``"<kind> record <i>"``, the counterpart of :func:`json_lines`."""
    return ((f"{kind} record {i}", record) for i, record in enumerate(records))


def _spans(value: Any, role: str, text_len: int) -> Spans:
    """The distinct non-empty ``[start, end]`` pairs of one role, sorted; ValueError if malformed."""
    if not isinstance(value, list):
        raise ValueError(f"'{role}' must be a list of [start, end] pairs, got {json.dumps(value)[:60]}")
    spans = set()
    for pair in value:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in pair)
        ):
            raise ValueError(f"'{role}' must be a list of [start, end] integer pairs, found {json.dumps(pair)[:60]}")
        start, end = pair
        if not 0 <= start <= end <= text_len:
            raise ValueError(f"'{role}' span [{start}, {end}] is outside the text (length {text_len}) or reversed")
        if start < end:
            spans.add((start, end))
    return tuple(sorted(spans))


def _attributions(record: dict[str, Any], text_len: int, gold: bool) -> Attributions:
    """The roles of each attribution of a record; a missing or null source or cue means none."""
    items = record.get("attributions")
    if not isinstance(items, list):
        raise ValueError("'attributions' must be a list" + ("" if "attributions" in record else " (key missing)"))
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValueError(f"attribution {i} is not a JSON object")
        if "content" not in item:
            raise ValueError(f"attribution {i}: missing key 'content'")
        roles = {}
        try:
            for role in ROLES:
                value = item.get(role)
                roles[role] = _spans([] if value is None and role != "content" else value, role, text_len)
        except ValueError as exc:
            raise ValueError(f"attribution {i}: {exc}") from None
        if gold and not roles["content"]:
            raise ValueError(f"attribution {i}: a gold attribution needs a non-empty 'content'")
        out.append(roles)
    return out


def _object(label: str, record: Any) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise EvalInputError(f"{label}: expected a JSON object, got {type(record).__name__}")
    return record


@dataclass
class Gold:
    """Checked gold: the texts in file order, and each document's attributions by doc_id."""

    texts: list[ScoredText]
    attributions: dict[str, Attributions]


def check_gold(records: Labelled) -> Gold:
    """Every gold record checked (a non-empty content per attribution, unique doc_ids)."""
    texts: list[ScoredText] = []
    attributions: dict[str, Attributions] = {}
    for label, record in records:
        record = _object(label, record)
        doc_id, text = record.get("doc_id"), record.get("text")
        try:
            if not isinstance(doc_id, str) or not doc_id:
                raise ValueError("'doc_id' must be a non-empty string")
            if not isinstance(text, str):
                raise ValueError(f"gold document {doc_id!r} has no 'text' string")
            if doc_id in attributions:
                raise ValueError(f"doc_id {doc_id!r} appears twice")
            attributions[doc_id] = _attributions(record, len(text), gold=True)
        except ValueError as exc:
            raise EvalInputError(f"{label}: {exc}") from None
        texts.append(ScoredText(doc_id, text))
    return Gold(texts, attributions)


def check_predictions(records: Labelled, gold: Gold, scored: list[ScoredText]) -> dict[str, Attributions]:
    """Predictions for the scored documents; those for other gold documents are only checked by id."""
    lengths = {t.doc_id: len(t.text) for t in scored}
    out: dict[str, Attributions] = {}
    seen: set[str] = set()
    for label, record in records:
        record = _object(label, record)
        doc_id = record.get("doc_id")
        try:
            if not isinstance(doc_id, str):
                raise ValueError("'doc_id' must be a string" + ("" if "doc_id" in record else " (key missing)"))
            if doc_id not in gold.attributions:
                raise ValueError(f"doc_id {doc_id!r} is not in the gold file")
            if doc_id in seen:
                raise ValueError(f"doc_id {doc_id!r} appears twice")
            seen.add(doc_id)
            if doc_id in lengths:
                out[doc_id] = _attributions(record, lengths[doc_id], gold=False)
        except ValueError as exc:
            raise EvalInputError(f"{label}: {exc}") from None
    return out


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a JSONL file, checked, so that a bad line fails before any work is done."""
    records = list(json_lines(path))
    check_gold(records)
    return [record for _, record in records]


def check_max_docs(max_docs: int | None) -> None:
    """Refuse a negative count, which would slice from the end and score the wrong documents."""
    if max_docs is not None and max_docs < 0:
        raise EvalInputError(f"the number of documents to score (--docs) must be >= 0, got {max_docs}")


def apply_speaker_labels(gold: list[dict[str, Any]], path: str | Path) -> list[dict[str, Any]]:
    """Gold records with speakers from a label file, keyed by document and content offset.

    Speaker labels are kept apart from gold texts we may not copy (PolNeAR's): each line is
    ``{"doc_id", "content_start", "speaker"}``, ``content_start`` being where the attribution's
    first content fragment begins. Only the labelled documents are returned, each with every one
    of its attributions labelled, so that a speaker figure is never computed on a partial document.
    """
    labels: dict[str, dict[int, Any]] = {}
    for label, row in json_lines(path):
        row = _object(label, row)
        doc_id, start = row.get("doc_id"), row.get("content_start")
        if not isinstance(doc_id, str) or not isinstance(start, int) or "speaker" not in row:
            raise EvalInputError(f"{label}: expected {{\"doc_id\", \"content_start\", \"speaker\"}}")
        labels.setdefault(doc_id, {})[start] = row["speaker"]
    labelled = []
    for record in gold:
        by_start = labels.pop(record["doc_id"], None)
        if by_start is None:
            continue
        attributions = []
        for i, attribution in enumerate(record["attributions"]):
            start = min(s for s, _ in attribution["content"])
            if start not in by_start:
                raise EvalInputError(f"{path}: no label for {record['doc_id']!r} attribution {i} (content at {start})")
            attributions.append({**attribution, "speaker": by_start.pop(start)})
        if by_start:
            raise EvalInputError(f"{path}: {record['doc_id']!r} has no attribution with content at {min(by_start)}")
        labelled.append({**record, "attributions": attributions})
    if labels:
        raise EvalInputError(f"{path}: document {next(iter(labels))!r} is not in the gold file")
    return labelled

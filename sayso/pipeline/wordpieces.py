"""Paragraph windows of wordpieces, and the roles each wordpiece plays: what the tagger reads.

The accurate tier's tagger (:mod:`sayso.pipeline.tagger`) is an encoder over wordpieces with a
limited reach, so a text is cut into windows of whole paragraphs (consecutive paragraphs packed
while they fit, so a short one keeps its neighbours as context); a paragraph longer than a window
is split into overlapping pieces. Training (:mod:`sayso.tagger_train`) and inference cut texts
the same way, here, so the tagger is never asked about a window of a shape it did not learn.

Targets are multi-label: a wordpiece may be in the cue of one attribution and the content of
another (PolNeAR's attributions overlap), so each role is a yes/no of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The roles, in the order of the tagger's outputs.
ROLES = ("cue", "source", "content")
# Wordpieces in a window, [CLS] and [SEP] included; and how many a long paragraph's pieces share.
MAX_WORDPIECES = 256
STRIDE = 64


@dataclass(frozen=True)
class Window:
    """Wordpiece ids of a stretch of text, with each wordpiece's characters in the whole text
    (``(0, 0)`` for [CLS] and [SEP])."""

    ids: list[int]
    offsets: list[tuple[int, int]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The character extents of the non-blank lines of ``text``."""
    out, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def windows(text: str, tokenizer, max_wordpieces: int = MAX_WORDPIECES, stride: int = STRIDE) -> list[Window]:
    """``text`` as windows of whole paragraphs, each at most ``max_wordpieces`` long.

    ``tokenizer`` is a ``tokenizers.Tokenizer`` (the encoder's WordPiece vocabulary).
    """
    room = max_wordpieces - 2
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    spans = paragraphs(text)
    encoded = tokenizer.encode_batch([text[s:e] for s, e in spans], add_special_tokens=False) if spans else []
    pieces: list[tuple[list[int], list[tuple[int, int]]]] = []
    for (start, _), enc in zip(spans, encoded, strict=True):
        offsets = [(start + a, start + b) for a, b in enc.offsets]
        ids = list(enc.ids)
        if len(ids) <= room:
            pieces.append((ids, offsets))
            continue
        step = room - stride
        for at in range(0, len(ids) - stride, step):
            pieces.append((ids[at:at + room], offsets[at:at + room]))
    out: list[Window] = []
    ids_now: list[int] = []
    offsets_now: list[tuple[int, int]] = []
    for ids, offsets in pieces:
        if ids_now and len(ids_now) + len(ids) > room:
            out.append(Window([cls, *ids_now, sep], [(0, 0), *offsets_now, (0, 0)]))
            ids_now, offsets_now = [], []
        ids_now += ids
        offsets_now += offsets
    if ids_now:
        out.append(Window([cls, *ids_now, sep], [(0, 0), *offsets_now, (0, 0)]))
    return out


def targets(window: Window, attributions: Iterable[dict]) -> list[list[float]]:
    """For each wordpiece of ``window``, 1.0 or 0.0 per role of :data:`ROLES`: whether it overlaps
    that role's spans in some attribution (gold in the referee's JSONL shape)."""
    extents = {role: sorted((s, e) for a in attributions for s, e in a.get(role) or []) for role in ROLES}
    out = []
    for a, b in window.offsets:
        row = [0.0, 0.0, 0.0]
        if b > a:
            for k, role in enumerate(ROLES):
                row[k] = float(any(s < b and a < e for s, e in extents[role]))
        out.append(row)
    return out


def token_maxima(
    token_extents: Sequence[tuple[int, int]], windows_: Sequence[Window], probabilities: Sequence[Sequence[Sequence[float]]]
) -> list[list[float]]:
    """Each token's probability per role: the largest over the wordpieces overlapping it, in any
    window (a long paragraph's pieces overlap). ``probabilities[w][i]`` is wordpiece i of
    window w's row; a token no wordpiece overlaps (whitespace) gets zeros."""
    out = [[0.0] * len(ROLES) for _ in token_extents]
    starts = [s for s, _ in token_extents]
    for window, rows in zip(windows_, probabilities, strict=True):
        for (a, b), row in zip(window.offsets, rows, strict=True):
            if b <= a:
                continue
            t = bisect_right(starts, a) - 1
            while 0 <= t < len(token_extents) and token_extents[t][0] < b:
                if token_extents[t][1] > a:
                    best = out[t]
                    for k in range(len(ROLES)):
                        best[k] = max(best[k], float(row[k]))
                t += 1
    return out

"""Front matter: a plain-text article's title, outlet, date and URL, written as lines at its top.

A text file has no place for metadata, so people who save articles as text put it
in a few ``key: value`` lines above the story, as static site generators do::

    title: Minister: schools will stay open
    outlet: The Daily Ledger
    date: 2024-03-05
    url: https://ledger.example/schools

    Minister: schools will stay open

    The education minister said on Tuesday ...

The lines are metadata, not article text: they are taken off, and the stored text
(into which every attribution's offsets point) starts after them and the blank
lines that follow. The headline, if the story opens with one, stays in the text,
where the pipeline finds the statement a headline makes. Two forms are read:

- lines ``title:``, ``outlet:``, ``date:``, ``url:`` (any case, any order) at the very
  top, ended by a blank line; when any line of that first block is not one of
  them, the block is the story's own first paragraph and is left as it is;
- the same lines between two ``---`` lines (YAML-style front matter), where other
  keys (``tags:``, ``layout:``) are allowed and ignored.

A value that cannot be what its key says (a date that is not ISO 8601, a URL that
is not http or https, a key given twice) is an error (E144) naming the line: a
user who wrote front matter wants it read, not silently taken for text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sayso.errors import Errors, SaysoError
from sayso.ingest.dates import parse_date

KEYS = ("title", "outlet", "date", "url")
_FENCE = "---"
_ENTRY = re.compile(r"[ \t]*(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*\Z")
_LINES = re.compile(r"[^\n]*(?:\n|\Z)")


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter says; ``body_start`` is where the article's text starts after it (0: no front matter)."""

    body_start: int = 0
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None


def split(text: str, origin: str) -> FrontMatter:
    """The front matter ``text`` opens with, or an empty one.

    Raises:
        SaysoError: a front matter line that cannot be used (E144).
    """
    lines = [(m.start(), m.group()) for m in _LINES.finditer(text) if m.group()]
    fenced = bool(lines) and lines[0][1].strip() == _FENCE
    if fenced:
        end = next((i for i, (_, line) in enumerate(lines[1:], 1) if line.strip() == _FENCE), 0) + 1
        first = 1
    else:
        end = next((i for i, (_, line) in enumerate(lines) if not line.strip()), len(lines))
        first = 0
    # (line number, its key: value match or None) of each line of the block that is not blank.
    entries = [(number + 1, _ENTRY.match(line.rstrip("\r\n")))
               for number, (_, line) in enumerate(lines[first:end - fenced], first) if line.strip()]
    if fenced and (end == 1 or not all(m for _, m in entries)):
        return FrontMatter()  # rules around a paragraph of the story, or a rule across its top
    if not fenced and (not entries or not all(m and m.group("key").lower() in KEYS for _, m in entries)):
        return FrontMatter()
    while end < len(lines) and not lines[end][1].strip():
        end += 1  # the blank lines between the front matter and the story
    return _read(entries, lines[end][0] if end < len(lines) else len(text), origin)


def _read(entries: list[tuple[int, re.Match[str] | None]], body_start: int, origin: str) -> FrontMatter:
    values: dict[str, str] = {}
    for number, match in entries:
        if match is None or match.group("key").lower() not in KEYS:
            continue  # a fenced block's other keys
        key, value = match.group("key").lower(), match.group("value")
        if key in values:
            raise SaysoError(Errors.E144.format(origin=origin, line=number, detail=f"a second {key}:"))
        if not value:
            raise SaysoError(Errors.E144.format(origin=origin, line=number, detail=f"{key}: has no value"))
        if key == "date" and parse_date(value) is None:
            detail = f"date {value!r} is not a date (write YYYY-MM-DD or an ISO 8601 time)"
            raise SaysoError(Errors.E144.format(origin=origin, line=number, detail=detail))
        if key == "url" and not value.lower().startswith(("http://", "https://")):
            detail = f"url {value!r} is not an http:// or https:// URL"
            raise SaysoError(Errors.E144.format(origin=origin, line=number, detail=detail))
        values[key] = value
    date = values.get("date")
    return FrontMatter(body_start, values.get("title"), values.get("outlet"), parse_date(date) if date else None,
                       values.get("url"))

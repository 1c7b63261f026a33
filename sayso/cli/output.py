"""How ``sayso extract`` prints results: JSONL and JSON for programs, a table for people.

JSONL is one ``{"doc_id", "attributions"}`` object a line, the shape the referee
scores; it is streamed, so a long run's output can be read while it runs. JSON is
the same objects as one array. The table is for reading at a terminal: offsets and
confidence are left out, and a long speaker, role or content wraps within its column (on a
terminal under 100 columns, each attribution is a block of lines instead).
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from typing import TextIO

from sayso.batch import Extracted
from sayso.records import Attribution

FORMATS = ("table", "json", "jsonl")

_COLUMNS = ("#", "kind", "speaker (role)", "cue", "content", "channel", "hedges")
_MIN_CONTENT = 24
_GRID_WIDTH = 100  # narrower than this, the table's columns leave too little room: one attribution a block
_NARROWEST = 10
_KEPT = 18
_LONGEST_WORD = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _caps(width: int) -> dict[str, int]:
    """The widest each column but content may grow; content, what matters most, takes the rest.

    Cells wrap, so a cap costs lines, not words: the speaker and their role get a quarter
    of the width, enough for a name and a short role on one or two lines.
    """
    return {"#": 4, "kind": 12, "speaker (role)": max(20, width // 4), "cue": 18, "channel": 18, "hedges": 20}


class Writer:
    """Writes results one at a time to ``out`` in one of :data:`FORMATS`."""

    def __init__(self, out: TextIO, fmt: str, nested: bool = False) -> None:
        self.out = out
        self.fmt = fmt
        self.nested = nested
        self.count = 0

    def write(self, result: Extracted) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(result.to_dict(self.nested), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            item = json.dumps(result.to_dict(self.nested), ensure_ascii=False, indent=2)
            self.out.write(("[\n" if self.count == 0 else ",\n") + item)
        else:
            self.out.write(table(result, shutil.get_terminal_size().columns))
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        """Finish the output (closes the JSON array, which is ``[]`` when nothing was written)."""
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")


def table(result: Extracted, width: int) -> str:
    """An article's header (name, then title, outlet and date when known) and its attributions
    as aligned columns no wider than ``width``."""
    doc = result.document
    count = len(result.attributions)
    name = doc.doc_id if doc.origin in ("", doc.doc_id) else f"{doc.doc_id} ({doc.origin})"
    header = f"== {printable(name)}: {count} attribution{'' if count == 1 else 's'}\n"
    about = " · ".join(v for v in (doc.title, doc.outlet, doc.published.date().isoformat() if doc.published else None) if v)
    if about:
        header += "".join(f"   {line}\n" for line in _wrap(about, max(_MIN_CONTENT, width - 3)))
    if not count:
        return header + "\n"
    rows = [_cells(i, a) for i, a in enumerate(result.attributions, start=1)]
    if width < _GRID_WIDTH:
        return header + "\n".join(_stacked(row, width) for row in rows) + "\n"
    return header + grid(rows, _COLUMNS, _caps(width), width, keep=("speaker (role)",)) + "\n"


def _stacked(row: dict[str, str], width: int) -> str:
    """One attribution on a terminal too narrow for the columns: its number, kind, cue, channel
    and hedges on a line, then the speaker (role), then the content, each wrapped under the number."""
    indent = " " * 5
    facts = " · ".join([row["kind"], *(f"{name}: {row[name]}" for name in ("cue", "channel", "hedges") if row[name])])
    lines = [f"  {row['#']:<3}{line}" if n == 0 else indent + line
             for n, line in enumerate(_wrap(facts, width - len(indent)))]
    for name in ("speaker (role)", "content"):
        lines += [indent + line for line in _wrap(row[name], width - len(indent))]
    return "".join(line.rstrip() + "\n" for line in lines)


def grid(rows: list[dict[str, str]], columns: tuple[str, ...], caps: dict[str, int], width: int,
         keep: tuple[str, ...] = ()) -> str:
    """A header line and ``rows`` as aligned columns, indented two spaces, no wider than ``width``.

    Each column in ``caps`` is as wide as its longest word or cell, up to its cap; the one
    column not in ``caps`` (the text that matters most) takes the rest. A cell longer than
    its column wraps onto more lines, never cut, and a newline in a cell starts a new line;
    when any row takes more than one line, a blank line follows each row. On a narrow
    terminal the capped columns give way (see :func:`_give_way`), those in ``keep`` last.
    """
    widths = {name: min(cap, max([len(name), *(len(line) for r in rows for line in _lines(r[name]))]))
              for name, cap in caps.items()}
    [flexible] = [name for name in columns if name not in caps]
    _give_way(widths, width - 2 * len(columns) - max(_MIN_CONTENT, width // 3), rows, keep)
    widths[flexible] = max(_MIN_CONTENT, width - sum(widths.values()) - 2 * len(columns))
    head = "  " + "  ".join(name.ljust(widths[name]) for name in columns).rstrip() + "\n"
    blocks = [_row(cells, columns, widths) for cells in rows]
    gap = "\n" if any(block.count("\n") > 1 for block in blocks) else ""
    return head + gap.join(blocks)


def _give_way(widths: dict[str, int], room: int, rows: list[dict[str, str]], keep: tuple[str, ...]) -> None:
    """Narrow the columns until they fit in ``room``: the widest of the others first, then those
    in ``keep`` (the speaker, who matters most after the content); none below its longest word
    (up to _LONGEST_WORD) or header word, so that words wrap whole, nor below _NARROWEST, or
    _KEPT for those in ``keep``."""
    for names, least in ((set(widths) - set(keep), _NARROWEST), (set(keep), _KEPT)):
        floor = {name: min(widths[name], max(least, _longest_word(name, rows))) for name in names}
        while sum(widths.values()) > room and (wide := [n for n in sorted(names) if widths[n] > floor[n]]):
            widths[max(wide, key=widths.__getitem__)] -= 1


def _longest_word(name: str, rows: list[dict[str, str]]) -> int:
    words = [word for r in rows for line in _lines(r[name]) for word in line.split()] + name.split()
    return min(_LONGEST_WORD, max(map(len, words)))


def _row(cells: dict[str, str], columns: tuple[str, ...], widths: dict[str, int]) -> str:
    """One row: each cell wrapped to its column, side by side, as many lines as its longest cell."""
    wrapped = {name: _wrap(cells[name], widths[name]) for name in columns}
    height = max(len(lines) for lines in wrapped.values())
    return "".join(
        "  " + "  ".join((wrapped[n][i] if i < len(wrapped[n]) else "").ljust(widths[n]) for n in columns).rstrip()
        + "\n" for i in range(height)
    )


def _cells(number: int, a: Attribution) -> dict[str, str]:
    who = a.speaker or " ".join(s.text for s in a.source) or "?"
    channel = a.channel.type + (f":{a.channel.outlet}" if a.channel.outlet else "")
    return {
        "#": str(number),
        "kind": a.kind,
        "speaker (role)": who + (f" ({a.speaker_role})" if a.speaker_role else ""),
        "cue": " ".join(s.text for s in a.cue),
        "content": " … ".join(s.text for s in a.content),
        "channel": channel,
        "hedges": ", ".join(a.hedges),
    }


def printable(text: str) -> str:
    """``text`` on one line, safe for a terminal: article text may carry escape sequences."""
    return _CONTROL.sub("\ufffd", " ".join(text.split()))


def _lines(text: str) -> list[str]:
    """The lines a cell asks for (a newline in it starts one), each made printable."""
    return [printable(part) for part in text.split("\n")]


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words where it can be."""
    wrapped = [line for part in _lines(text) for line in textwrap.wrap(part, width, break_on_hyphens=False)]
    return wrapped or [""]

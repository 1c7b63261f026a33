"""How ``sayso extract`` prints results: JSONL and JSON for programs, a table for people.

JSONL is one ``{"doc_id", "attributions"}`` object a line, the shape the referee
scores; it is streamed, so a long run's output can be read while it runs. JSON is
the same objects as one array. The table is for reading at a terminal: offsets and
confidence are left out and long contents are cut to the terminal's width.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import TextIO

from sayso.batch import Extracted
from sayso.records import Attribution

FORMATS = ("table", "json", "jsonl")

_COLUMNS = ("#", "kind", "speaker (role)", "cue", "content", "channel", "hedges")
_MIN_CONTENT = 24
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _caps(width: int) -> dict[str, int]:
    """The widest each column but content may grow; content, what matters most, takes the rest."""
    return {"#": 4, "kind": 12, "speaker (role)": max(16, width // 5), "cue": 18, "channel": 18, "hedges": 20}


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
    """An article's header line and its attributions as aligned columns no wider than ``width``."""
    doc = result.document
    count = len(result.attributions)
    header = f"== {doc.doc_id} ({doc.origin}): {count} attribution{'' if count == 1 else 's'}\n"
    if not count:
        return header + "\n"
    rows = [_cells(i, a) for i, a in enumerate(result.attributions, start=1)]
    return header + grid(rows, _COLUMNS, _caps(width), width) + "\n"


def grid(rows: list[dict[str, str]], columns: tuple[str, ...], caps: dict[str, int], width: int) -> str:
    """A header line and ``rows`` as aligned columns, indented two spaces, no wider than ``width``.

    Each column in ``caps`` is as wide as its widest cell up to its cap; the one
    column not in ``caps`` (the text that matters most) takes the rest.
    """
    widths = {name: min(cap, max([len(name), *(len(r[name]) for r in rows)])) for name, cap in caps.items()}
    [flexible] = [name for name in columns if name not in caps]
    widths[flexible] = max(_MIN_CONTENT, width - sum(widths.values()) - 2 * len(columns))
    lines = [{name: name for name in columns}, *rows]
    return "".join("  " + "  ".join(_fit(cells[n], widths[n]) for n in columns).rstrip() + "\n" for cells in lines)


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


def _fit(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis to ``width`` and padded to it."""
    flat = printable(text)
    if len(flat) > width:
        flat = flat[: width - 1] + "…"
    return flat.ljust(width)

"""How ``sayso extract`` prints results: JSONL and JSON for programs, a table for people.

JSONL is one ``{"doc_id", "attributions"}`` object a line, the shape the referee
scores; it is streamed, so a long run's output can be read while it runs. JSON is
the same objects as one array. The table is for reading at a terminal: offsets and
confidence are left out and long contents are cut to the terminal's width.
"""

from __future__ import annotations

import json
import shutil
from typing import TextIO

from sayso.batch import Extracted
from sayso.records import Attribution

FORMATS = ("table", "json", "jsonl")

_COLUMNS = ("#", "kind", "speaker (role)", "cue", "content", "channel", "hedges")
_MIN_CONTENT = 24


def _caps(width: int) -> dict[str, int]:
    """The widest each column but content may grow; content, what matters most, takes the rest."""
    return {"#": 4, "kind": 12, "speaker (role)": max(16, width // 5), "cue": 18, "channel": 18, "hedges": 20}


class Writer:
    """Writes results one at a time to ``out`` in one of :data:`FORMATS`."""

    def __init__(self, out: TextIO, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0

    def write(self, result: Extracted) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            item = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
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
    widths = {name: min(cap, max(len(name), *(len(r[name]) for r in rows))) for name, cap in _caps(width).items()}
    widths["content"] = max(_MIN_CONTENT, width - sum(widths.values()) - 2 * len(_COLUMNS))
    lines = [{name: name for name in _COLUMNS}, *rows]
    body = ["  " + "  ".join(_fit(cells[n], widths[n]) for n in _COLUMNS).rstrip() + "\n" for cells in lines]
    return header + "".join(body) + "\n"


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


def _fit(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis to ``width`` and padded to it."""
    flat = " ".join(text.split())
    if len(flat) > width:
        flat = flat[: width - 1] + "…"
    return flat.ljust(width)

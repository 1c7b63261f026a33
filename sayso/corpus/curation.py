"""Speaker curation: the user's merge, split and alias decisions, kept as replayable operations.

The registry joins name forms automatically (:mod:`sayso.corpus.speakers`), and a
user corrects it: "these two are one person", "this form is someone else",
"this alias belongs to that name". Those corrections must outlive the registry
itself, which is rebuilt whenever articles are re-ingested, so they are kept as
an ordered list of operations naming speakers by a name form or id (both stable
across rebuilds) that a store can save as rows and replay in order.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sayso.errors import Errors, SaysoError
from sayso.records import Curation, CurationOp

__all__ = ["Curation", "CurationOp", "read_alias_file", "read_aliases"]


def read_aliases(text: str, origin: str) -> list[CurationOp]:
    """``alias`` operations from CSV text with ``alias,canonical`` rows.

    A first row reading ``alias,canonical`` is a header; blank lines are skipped.
    ``origin`` names the input in error messages.

    Raises:
        SaysoError: a row without exactly two non-empty columns (E083).
    """
    ops = []
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if line == 1 and [c.strip().casefold() for c in row] == ["alias", "canonical"]:
            continue
        cells = [c.strip() for c in row]
        if len(cells) != 2 or not all(cells):
            detail = f"{len(cells)} columns" if len(cells) != 2 else "an empty column"
            raise SaysoError(Errors.E083.format(origin=origin, line=line, detail=detail))
        ops.append(CurationOp("alias", cells[1], cells[0]))
    return ops


def read_alias_file(path: str | Path) -> list[CurationOp]:
    """``alias`` operations from a UTF-8 CSV file of ``alias,canonical`` rows (see :func:`read_aliases`)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise SaysoError(Errors.E011.format(origin=path, detail=e)) from None
    return read_aliases(text, str(path))

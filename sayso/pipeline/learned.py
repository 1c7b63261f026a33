"""The learned models of ``sayso_attributions`` as one set: what a model directory holds.

``sayso train`` writes the three files, the component reads them when it is initialised (from
a directory given, else the package's own) and carries them in ``nlp.to_disk``. A set with a
file missing is an error that names the file: a component that quietly ran without its span
model or its judge would draw other spans and keep other candidates, with no sign of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sayso.errors import Errors, SaysoError
from sayso.pipeline.cues import CUE_FILE, MODEL_DIR, CueModel
from sayso.pipeline.judge import JUDGE_FILE, Judge
from sayso.pipeline.linear import LinearModel
from sayso.pipeline.spans import SPAN_FILE, SpanModel

__all__ = ["MODEL_DIR", "MODEL_FILES", "LearnedModels"]

# The files of a model directory, in the order they are read.
MODEL_FILES = (CUE_FILE, SPAN_FILE, JUDGE_FILE)
M = TypeVar("M", bound=LinearModel)


@dataclass(frozen=True)
class LearnedModels:
    """The cue model, the span boundary model and the judge, which only work together: the
    judge was fitted on candidates the other two put together."""

    cues: CueModel
    spans: SpanModel
    judge: Judge

    @classmethod
    def from_disk(cls, directory: str | Path = MODEL_DIR) -> LearnedModels:
        """The set in ``directory``; a missing or unreadable file is a :class:`SaysoError`."""
        directory = Path(directory)
        return cls(_read(CueModel, directory, CUE_FILE), _read(SpanModel, directory, SPAN_FILE),
                   _read(Judge, directory, JUDGE_FILE))

    def to_disk(self, directory: str | Path) -> None:
        """Write the three files into ``directory`` (made if need be), each byte-stable."""
        directory = Path(directory)
        self.cues.to_disk(directory / CUE_FILE)
        self.spans.to_disk(directory / SPAN_FILE)
        self.judge.to_disk(directory / JUDGE_FILE)


def check_model_dir(directory: str | Path) -> None:
    """Raise the coded error of the first model file missing from ``directory``, before a run
    builds its pipelines (in every worker process) only to fail there."""
    missing = next((name for name in MODEL_FILES if not (Path(directory) / name).is_file()), None)
    if missing is not None:
        raise SaysoError(Errors.E047.format(path=directory, file=missing))


def _read(kind: type[M], directory: Path, name: str) -> M:
    path = directory / name
    if not path.is_file():
        raise SaysoError(Errors.E047.format(path=directory, file=name))
    try:
        return kind.from_disk(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise SaysoError(Errors.E128.format(path=path, detail=f"{type(exc).__name__}: {exc}")) from exc

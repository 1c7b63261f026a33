"""The sparse linear model behind sayso's learned parts, and how it is stored.

The cue model, the span boundary model and the judge are all logistic
regressions over string features (fitted by :mod:`sayso.train`): the probability
is the sigmoid of the summed weights of the features present. Kept as a plain
``{feature: weight}`` dict in JSON, scoring is a handful of dictionary lookups and
the files diff and version like any other data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

M = TypeVar("M", bound="LinearModel")


@dataclass
class LinearModel:
    """Weights by feature name; subclasses add their thresholds as further fields."""

    weights: dict[str, float]

    def probability(self, feats: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_disk(self, path: Path) -> None:
        """Every field as sorted, compact JSON: the same model gives the same bytes."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), sort_keys=True, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def from_disk(cls: type[M], path: Path) -> M:
        return cls(**json.loads(path.read_text(encoding="utf-8")))

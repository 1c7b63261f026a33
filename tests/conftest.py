"""Global fixtures: the loaded pipeline, the example article, PolNeAR data paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "bakhmut-newsweek-2022-12-27.txt"
POLNEAR = SHARED / "data" / "polnear"
REFEREE = SHARED / "bench" / "score.py"


@pytest.fixture(scope="session")
def nlp():
    import sayso

    return sayso.load()


@pytest.fixture(scope="session")
def bakhmut_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bakhmut_doc(nlp, bakhmut_text):
    return nlp(bakhmut_text)


@pytest.fixture(scope="session")
def polnear_dev() -> list[dict]:
    with (POLNEAR / "dev.jsonl").open(encoding="utf-8", newline="") as f:
        return [json.loads(line) for line in f]

"""The fuzz tests' fixtures: the hostile-input generator (``hostile.py`` beside this file, shared with bench/fuzz.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def load_hostile() -> ModuleType:
    """``tests/fuzz/hostile.py`` as a module (tests are no package, so it is loaded by its path)."""
    name = "sayso_fuzz_hostile"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("hostile.py"))
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@pytest.fixture(scope="session")
def hostile() -> ModuleType:
    return load_hostile()

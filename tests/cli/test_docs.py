"""The README documents every command and every error code; every command has help text."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from sayso.cli import build_parser
from sayso.errors import Errors

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, str | None]:
    [group] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return {choice.dest: choice.help for choice in group._choices_actions}


@pytest.mark.parametrize("command", ["extract", "eval", "train"])
def test_docs_command_is_registered_with_help_and_in_readme(command):
    commands = _commands()
    assert commands.get(command)
    assert f"sayso {command}" in README


def test_docs_every_error_code_is_in_readme():
    codes = [name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)]
    assert "E001" in codes
    assert [c for c in codes if c not in README] == []


def test_docs_readme_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README

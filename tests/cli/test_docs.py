"""The README documents every command and every error code; every command has help text."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from sayso.cli import build_parser
from sayso.errors import Errors

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, str | None]:
    [group] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return {choice.dest: choice.help for choice in group._choices_actions}


def test_docs_every_registered_command_has_help_and_is_in_readme():
    commands = _commands()
    assert {"extract", "eval", "train", "ingest", "search"} <= set(commands)
    assert [c for c, text in commands.items() if not text or f"sayso {c}" not in README] == []


def test_docs_every_error_code_is_in_readme():
    codes = [name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)]
    assert "E001" in codes
    assert [c for c in codes if c not in README] == []


def test_docs_readme_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README

"""The documentation (the README and the pages of ``docs/`` it links) covers every command and every
error code, every command has help text, and every link between the pages leads somewhere."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from sayso.cli import build_parser
from sayso.errors import Errors

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = {path: path.read_text(encoding="utf-8") for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]}
DOCS = "\n".join(PAGES.values())
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _commands() -> dict[str, str | None]:
    [group] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return {choice.dest: choice.help for choice in group._choices_actions}


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_docs_every_registered_command_has_help_and_is_documented():
    commands = _commands()
    assert {"extract", "eval", "train", "ingest", "search"} <= set(commands)
    assert [c for c, text in commands.items() if not text or f"sayso {c}" not in DOCS] == []


def test_docs_every_error_code_is_documented():
    codes = [name for name in vars(Errors) if re.fullmatch(r"[EW]\d{3}", name)]
    assert "E001" in codes
    assert [c for c in codes if c not in DOCS] == []


def test_docs_readme_gives_the_quick_start_and_the_two_setup_commands():
    assert README.index("## Quick start") < 2_000  # at the top
    assert "make run" in README and "make test" in README
    assert len(README.splitlines()) < 300  # the reference lives in docs/


def test_docs_readme_links_every_page_of_docs():
    linked = {(ROOT / target.split("#")[0]).resolve() for target in LINK.findall(README)}
    assert [p.name for p in PAGES if p.parent.name == "docs" and p not in linked] == []


def test_docs_every_relative_link_and_anchor_leads_somewhere():
    broken = []
    for page, text in PAGES.items():
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            path = (page.parent / file).resolve() if file else page
            if not path.exists() or (anchor and path.suffix == ".md" and anchor not in _anchors(path.read_text())):
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []

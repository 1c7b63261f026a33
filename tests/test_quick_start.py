"""The README's Quick start, run as written: its shell commands, taken from the README itself,
over a folder holding the example article and a ``.txt`` article with a headline, and a list of
links served on loopback; the server started on a free port, then the CSV export fetched.

The test changes only what a test machine must: the port (a free one instead of 8000) and
``--allow-private-urls`` for the list of links (its server is on loopback, which sayso refuses
by default). ``pip install .`` is what made the ``sayso`` this test runs. Any other command
in the block, or a command that fails, fails the test: the README's workflow must work.
"""

from __future__ import annotations

import csv
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sayso.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAYSO = Path(sys.executable).parent / "sayso"
HEADLINE = "Harbour ferry fares to rise in spring"
# A passage of our own writing, about invented people: a headline, a blank line, the article.
FERRY = f"""{HEADLINE}

Ferry fares across the harbour will rise by a fifth in April, the city's transport commissioner, Mira Castellan, said on Monday.

"We cannot keep the boats running on last decade's prices," Castellan told the council. She said the increase would pay for two new vessels.

Commuter groups said the rise would hit shift workers hardest.
"""


def quick_start_commands(readme: str) -> list[list[str]]:
    """The commands of the README's Quick start block (```sh after "## Quick start"), comments dropped."""
    match = re.search(r"^## Quick start\n.*?^```sh\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    assert match, "the README has no ```sh block under ## Quick start"
    return [argv for line in match.group(1).splitlines() if (argv := shlex.split(line, comments=True))]


def wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "sayso serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"sayso serve did not answer {url} within {seconds:g} s")


def fetch(argv: list[str], cwd: Path) -> None:
    """``curl -fsS -o FILE URL``: run with curl where it is installed, else done as curl would
    (an HTTP error fails either way)."""
    if shutil.which("curl"):
        subprocess.run(argv, cwd=cwd, check=True, timeout=60)
        return
    output = argv[argv.index("-o") + 1]
    [url] = [a for a in argv[1:] if a.startswith("http")]
    with urllib.request.urlopen(url, timeout=60) as response:
        (cwd / output).write_bytes(response.read())


def test_quick_start_takes_a_folder_and_links_to_a_csv_export(tmp_path, web_server, free_port):
    commands = quick_start_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert [argv[:2] for argv in commands if argv[0] == "sayso"] == [
        ["sayso", "ingest"], ["sayso", "ingest"], ["sayso", "serve"]]
    port = free_port
    server = None
    try:
        for argv in commands:
            argv = [a.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for a in argv]
            if argv == ["pip", "install", "."]:
                continue  # the sayso being tested
            if argv[0] == "curl":
                fetch(argv, tmp_path)
                continue
            assert argv[0] == "sayso", f"a command the test does not know: {shlex.join(argv)}"
            argv[0] = str(SAYSO)
            if argv[1] == "serve":
                server = subprocess.Popen([*argv, "--port", str(port)], cwd=tmp_path, stderr=subprocess.PIPE,
                                          text=True)
                wait_for(f"http://127.0.0.1:{port}/", server)
                continue
            if "--urls" in argv:
                links = tmp_path / argv[argv.index("--urls") + 1]
                links.write_text(f"# the test's news server\n{web_server}/schools.txt\n", encoding="utf-8")
                argv.append("--allow-private-urls")
            else:
                folder = tmp_path / argv[2]
                folder.mkdir(parents=True)
                shutil.copy(ROOT / "examples" / "bakhmut-newsweek-2022-12-27.txt", folder)
                (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
            done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, done.stderr
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)

    with open_store(f"sqlite:///{tmp_path / 'sayso.db'}", create=False) as store:
        assert store.find_article("ferry").title == HEADLINE
        assert store.find_article(f"{web_server}/schools.txt").title == "Minister: schools will stay open"
    [export] = [tmp_path / argv[argv.index("-o") + 1] for argv in commands if argv[0] == "curl"]
    with export.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows, "the CSV export has no rows"
    assert "speaker_gender" in rows[0] and "title" in rows[0]
    titles = {row["title"] for row in rows}
    assert {HEADLINE, "Minister: schools will stay open"} <= titles
    assert any(row["doc_id"].startswith("bakhmut") for row in rows)
    assert {row["speaker_gender"] for row in rows} & {"female", "male"}
    ferry = [row for row in rows if row["title"] == HEADLINE]
    assert any("Castellan" in (row["speaker"] or "") for row in ferry)

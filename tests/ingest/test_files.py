"""What a folder, glob or named path gives: regular files only, links out of the folder not followed.

Every test here would hang (a FIFO, /dev/zero) or read outside the folder had the
file system been trusted; the timeout turns a hang into a failure.
"""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

from sayso.ingest import read
from sayso.ingest.document import Document, IngestError

pytestmark = [pytest.mark.timeout(60), pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")]
SAID = "The harbour master said the ferry would run again on Monday."


def _socket(path: Path) -> None:
    """A Unix socket file at ``path`` (bound where the path is short enough, then moved there)."""
    short = Path(tempfile.mkdtemp()) / "s"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(short))
    os.rename(short, path)


@pytest.fixture
def trap(tmp_path) -> Path:
    """A folder with one good article among every kind of thing that is not safe to read."""
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(SAID)
    os.mkfifo(folder / "fifo.txt")
    _socket(folder / "socket.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("ring-b", folder / "ring-a")
    os.symlink("ring-a", folder / "ring-b")
    os.symlink("gone.txt", folder / "dangling.txt")
    os.symlink("..", folder / "sub" / "up")  # a link back into the folder: walked once, as itself
    os.symlink("sub/good.txt", folder / "again.txt")  # a link to a file inside the folder: read
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("The vault code was said to be 1234.")
    os.symlink(outside, folder / "out")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    return folder


def _codes(items) -> dict[str, str]:
    return {Path(i.origin).name: i.reason[1:5] for i in items if isinstance(i, IngestError)}


def test_folder_walk_reads_regular_files_inside_and_names_everything_else_with_a_code(trap):
    items = list(read([str(trap)]))
    assert [(Path(d.origin).name, d.text) for d in items if isinstance(d, Document)] == [
        ("again.txt", SAID), ("good.txt", SAID)
    ]
    assert _codes(items) == {
        "dangling.txt": "E127", "fifo.txt": "E124", "loop.txt": "E125", "out": "E126", "ring-a": "E125",
        "ring-b": "E125", "secret.txt": "E126", "socket.txt": "E124", "zero.txt": "E126",
    }
    assert "a FIFO (named pipe), not a regular file: not read" in next(
        i.reason for i in items if i.origin.endswith("fifo.txt"))


def test_folder_walk_follows_links_out_when_asked_each_folder_once(trap):
    items = list(read([str(trap)], follow_links=True))
    texts = sorted(d.text for d in items if isinstance(d, Document))
    assert texts == sorted([SAID, SAID, "The vault code was said to be 1234.", "The vault code was said to be 1234."])
    assert _codes(items) == {
        "dangling.txt": "E127", "fifo.txt": "E124", "loop.txt": "E125", "ring-a": "E125", "ring-b": "E125",
        "socket.txt": "E124", "zero.txt": "E124",
    }


@pytest.mark.parametrize("name, code", [
    ("fifo.txt", "E124"), ("socket.txt", "E124"), ("zero.txt", "E124"), ("loop.txt", "E125"), ("dangling.txt", "E127"),
])
def test_named_path_that_is_no_regular_file_is_never_opened(trap, name, code):
    [error] = read([str(trap / name)])
    assert isinstance(error, IngestError) and error.reason.startswith(f"[{code}] {trap / name}: ")


def test_named_link_to_a_file_elsewhere_is_read_as_the_user_asked(trap):
    [doc] = read([str(trap / "secret.txt")])
    assert doc.text == "The vault code was said to be 1234."


def test_glob_double_star_does_not_descend_through_links_and_names_what_it_cannot_read(trap):
    items = list(read([f"{trap}/**/*.txt"]))
    assert sorted(Path(d.origin).name for d in items if isinstance(d, Document)) == ["again.txt", "good.txt"]
    assert _codes(items) == {"dangling.txt": "E127", "fifo.txt": "E124", "loop.txt": "E125", "socket.txt": "E124",
                             "zero.txt": "E126", "secret.txt": "E126"}
    followed = list(read([f"{trap}/*.txt"], follow_links=True))
    assert "The vault code was said to be 1234." in [d.text for d in followed if isinstance(d, Document)]


def test_one_expander_what_is_read_counted_and_shared_out_agree(trap):
    """``sayso extract``/``ingest`` read, the ``ingest`` progress counts and ``sayso scale`` shares
    out the same files, listed by the one expander (:func:`sayso.ingest.files.expand`)."""
    from sayso.cli.ingest import _total
    from sayso.scale.sources import expand as share_out

    sources = [str(trap), f"{trap}/**/*.txt", str(trap / "missing.txt")]
    items = list(read(sources))
    assert _codes(items)["missing.txt"] == "E010"
    assert _total(sources, follow_links=False) == len(items) == 11 + 8 + 1
    read_files = {str(Path(d.origin).absolute()) for d in items if isinstance(d, Document)}
    listed = share_out(sources)
    assert read_files == {str(trap / "again.txt"), str(trap / "sub" / "good.txt")}
    assert read_files <= set(listed.files) and str(trap / "missing.txt") in listed.files
    assert {Path(e.origin).name for e in listed.errors} == {
        name for name, code in _codes(read([str(trap)])).items() if code in ("E124", "E125", "E126", "E127")}

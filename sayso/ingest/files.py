"""Which files a folder, a glob or a named path gives, without letting the file system trap a run.

A folder of articles may hold things that only look like files. Reading a FIFO
waits for a writer that never comes, a socket cannot be read at all, a link to
``/dev/zero`` never ends, a symbolic link loop never resolves, and a link out of
the folder reaches whatever it points at (the rest of the disk). So every path
is looked at with ``stat`` before anything opens it:

- only regular files are read; anything else an article's name is given to is
  an error (E124) and is never opened;
- a walk does not follow a symbolic link to a folder, and reads a link to a file
  only when the file is inside the folder walked: a link that leads out of it is
  an error (E126) unless ``follow_links`` is asked for, which follows links to
  files and folders alike, each folder once, so that a loop ends;
- a link loop (E125) and a link to nothing (E127) are errors, never waited on;
- a glob's ``**`` does not descend through links to folders, a match that is a
  link out of the pattern's fixed folder is an error (E126) unless
  ``follow_links``, and the folders matched are walked as above.

A path named on its own is the user's choice: a link there is followed, but it
must still lead to a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from sayso.errors import Errors
from sayso.ingest.document import IngestError

_GLOB_CHARACTERS = frozenset("*?[")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"),
)


def expand(source: str, suffixes: tuple[str, ...], follow_links: bool = False) -> list[Path | IngestError]:
    """The files ``source`` names, in the order they are read: the files with one of
    ``suffixes`` below a folder (:func:`walk`), a glob's matches (the folders among them walked
    the same way), else the path itself; in their place an error for what is not safe to read,
    and an error when the source names no file (no such path E010, a folder without articles
    E012, a pattern matching none E019).

    sayso's one path expander: what ``sayso extract`` and ``sayso ingest`` read
    (:func:`sayso.ingest.read`), what ``sayso ingest`` counts for its progress and what
    ``sayso scale`` shares out among its workers.
    """
    path = Path(source)
    if path.is_dir():
        return _folder(path, suffixes, follow_links)
    if path.exists() or path.is_symlink():
        return [path]
    if _GLOB_CHARACTERS.intersection(source):
        usable = [m for m in glob(source, follow_links) or []
                  if isinstance(m, IngestError) or m.is_dir() or suffix_of(m, suffixes)]
        if not usable:
            return [IngestError(source, Errors.E019.format(origin=source, suffixes=listed(suffixes)))]
        return [item for m in usable
                for item in (_folder(m, suffixes, follow_links) if isinstance(m, Path) and m.is_dir() else [m])]
    return [IngestError(source, Errors.E010.format(origin=source))]


def suffix_of(path: Path, suffixes: tuple[str, ...]) -> str | None:
    """Which of ``suffixes`` the file name ends with, in any case."""
    name = path.name.lower()
    return next((suffix for suffix in suffixes if name.endswith(suffix)), None)


def listed(suffixes: tuple[str, ...]) -> str:
    """``suffixes`` for a message: ".txt, .html or .jsonl"."""
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1]


def _folder(path: Path, suffixes: tuple[str, ...], follow_links: bool) -> list[Path | IngestError]:
    found = list(walk(path, lambda p: suffix_of(p, suffixes) is not None, follow_links))
    return found or [IngestError(str(path), Errors.E012.format(origin=path, suffixes=listed(suffixes)))]


def walk(root: Path, wanted: Callable[[Path], bool], follow_links: bool = False) -> Iterator[Path | IngestError]:
    """The regular files below the folder ``root`` whose name is ``wanted``, in sorted path order,
    and in their place an error for each such name that is not safe to read."""
    top = os.path.realpath(root)
    try:
        visited = {_key(root.stat())}
    except OSError as e:
        yield IngestError(str(root), Errors.E011.format(origin=root, detail=e.strerror or e))
        return
    yield from _walk(root, top, wanted, follow_links, visited)


def named(path: Path) -> IngestError | None:
    """Why the path a user named cannot be read as a file (a FIFO, a device, a loop, a dangling link); None when it can."""
    try:
        found = path.stat()
    except OSError as e:
        return _unresolved(path, e)
    return None if stat.S_ISREG(found.st_mode) else _not_regular(path, found.st_mode)


def glob(pattern: str, follow_links: bool = False) -> list[Path | IngestError] | None:
    """The sorted matches of ``pattern``, ``**`` recursive; None when it is no valid pattern.

    ``**`` does not descend through links to folders, and a match that is a link out of
    the pattern's fixed folder (``news/`` of ``news/**/*.txt``) is an error (E126)
    unless ``follow_links``.
    """
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _GLOB_CHARACTERS.intersection(part)), len(parts))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    try:
        matches = sorted(base.glob(str(Path(*parts[fixed:])))) if fixed < len(parts) else [base]
    except (ValueError, OSError):  # "a/**b" is refused; a folder vanished as it was listed
        return None
    top = os.path.realpath(base)
    return [m if follow_links or not m.is_symlink() or _inside(top, os.path.realpath(m))
            else _outside(m, top, os.path.realpath(m)) for m in matches]


def _walk(folder: Path, top: str, wanted: Callable[[Path], bool], follow: bool,
          visited: set[tuple[int, int]]) -> Iterator[Path | IngestError]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as e:
        yield IngestError(str(folder), Errors.E011.format(origin=folder, detail=e.strerror or e))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                yield from _link(path, top, wanted, follow, visited)
            elif entry.is_dir(follow_symlinks=False):
                yield from _walk(path, top, wanted, follow, visited)
            elif wanted(path):
                mode = entry.stat(follow_symlinks=False).st_mode
                yield path if stat.S_ISREG(mode) else _not_regular(path, mode)
        except OSError as e:  # gone, or unreadable, since it was listed
            yield IngestError(str(path), Errors.E011.format(origin=path, detail=e.strerror or e))


def _link(path: Path, top: str, wanted: Callable[[Path], bool], follow: bool,
          visited: set[tuple[int, int]]) -> Iterator[Path | IngestError]:
    """What the symbolic link ``path`` gives a walk of the folder ``top``."""
    try:
        found = path.stat()
    except OSError as e:
        if e.errno == errno.ELOOP or wanted(path):  # a loop is reported whatever its name: it may be a folder
            yield _unresolved(path, e)
        return
    target = os.path.realpath(path)
    inside = _inside(top, target)
    if stat.S_ISDIR(found.st_mode):
        if follow and _key(found) not in visited:
            visited.add(_key(found))
            yield from _walk(path, top, wanted, follow, visited)
        elif not follow and not inside:
            yield _outside(path, top, target)
        return  # a folder inside the one walked is walked as itself
    if not wanted(path):
        return
    if not follow and not inside:
        yield _outside(path, top, target)
    else:
        yield path if stat.S_ISREG(found.st_mode) else _not_regular(path, found.st_mode)


def _unresolved(path: Path, error: OSError) -> IngestError:
    origin = str(path)
    if error.errno == errno.ELOOP:
        return IngestError(origin, Errors.E125.format(origin=origin))
    if error.errno == errno.ENOENT and path.is_symlink():
        return IngestError(origin, Errors.E127.format(origin=origin, target=os.readlink(path)))
    if error.errno == errno.ENOENT:
        return IngestError(origin, Errors.E010.format(origin=origin))
    return IngestError(origin, Errors.E011.format(origin=origin, detail=error.strerror or error))


def _not_regular(path: Path, mode: int) -> IngestError:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return IngestError(str(path), Errors.E124.format(origin=path, kind=kind))


def _outside(path: Path, top: str, target: str) -> IngestError:
    return IngestError(str(path), Errors.E126.format(origin=path, root=top, target=target))


def _inside(top: str, target: str) -> bool:
    return os.path.commonpath([top, target]) == top


def _key(found: os.stat_result) -> tuple[int, int]:
    return found.st_dev, found.st_ino

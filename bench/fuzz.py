"""Fuzz ``sayso ingest``: thousands of hostile documents mixed with good articles, one run, every promise checked.

    .venv/bin/python bench/fuzz.py --documents 10000 --seed 19

The documents come from the seeded generator in tests/fuzz/hostile.py (its
docstring lists the kinds; ``make test`` runs a few hundred of them). They are
written to a temporary folder, about 40 % as lines of JSONL files and the rest
one a file, good articles among them (our test articles, tests/data/, each made
unique), and ingested by one ``sayso ingest FOLDER --db STORE`` in a
subprocess, as a user would run it. The report says:

- tracebacks on stderr (crashes), and the exit status (0 or 1 expected);
- whether the run hung (did not end within ``--timeout`` seconds);
- the peak resident memory of the run, which must stay under 2 GB: the kernel's
  high-water mark of its largest process (``ru_maxrss``), and the peak of the
  resident memory of all its processes together (the workers too), sampled
  every half second from /proc;
- good articles (and good text with unusable metadata) not in the store;
- broken documents not named in an error line with a code (``sayso: [E0xx] ORIGIN: …``);
- how many error lines each code got.

``--json`` prints the same as one object. Exit status 0 when every bar is met.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAYSO = Path(sys.executable).with_name("sayso")
MEMORY_LIMIT_MB = 2048


def _hostile():
    """tests/fuzz/hostile.py, loaded by its path (tests are no package)."""
    spec = importlib.util.spec_from_file_location("sayso_fuzz_hostile", ROOT / "tests" / "fuzz" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _TreeMemory:
    """The peak of the summed resident memory of a process and all its descendants (workers), sampled."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in _tree(self.pid)))

    def stop(self) -> int:
        self.done.set()
        self.thread.join()
        return self.peak_kb


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid, *(p for child in children for p in _tree(int(child)))]


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else 0


def run(documents: int, seed: int, workers: int, timeout: float, keep: Path | None, big: bool = True) -> dict:
    hostile = _hostile()
    texts = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "articles.jsonl").open(encoding="utf-8")]
    work = Path(tempfile.mkdtemp(prefix="sayso-fuzz-")) if keep is None else keep
    started = time.monotonic()
    folder = hostile.generate(work / "in", hostile=documents, seed=seed, good_texts=texts, big=big)
    generated = time.monotonic() - started
    db = work / "fuzz.db"
    command = [str(SAYSO), "ingest", str(folder.path), "--db", str(db), "--workers", str(workers)]
    started = time.monotonic()
    hung = False
    with (work / "stderr.txt").open("w+", encoding="utf-8", errors="replace") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=work)
        memory = _TreeMemory(process.pid)
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            hung = True
            process.kill()
            status = process.wait()
        tree_peak_mb = memory.stop() / 1024
        seconds = time.monotonic() - started
        err.seek(0)
        stderr = err.read()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdict = hostile.check(folder.cases, stderr, db)
    expects = Counter(case.expect for case in folder.cases)
    report = {
        "date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(), "command": " ".join(["sayso", *command[1:]]),
        "seed": seed, "big": big, "hostile": sum(case.kind != "good" for case in folder.cases),
        "good": sum(case.kind == "good" for case in folder.cases), "expected": dict(expects),
        "files": sum(1 for _ in folder.path.iterdir()), "generated_seconds": round(generated, 1),
        "exit_status": status, "hung": hung, "seconds": round(seconds, 1), "peak_mb": round(peak_mb),
        "tree_peak_mb": round(tree_peak_mb),
        "tracebacks": verdict.tracebacks, "error_lines": verdict.error_lines,
        "lost": [(c.kind, c.origin) for c in verdict.lost],
        "unnamed": [(c.kind, c.origin) for c in verdict.unnamed],
        "codes": dict(sorted(Counter(re.findall(r"^sayso: \[(E\d{3})\]", stderr, re.MULTILINE)).items())),
        "summary": next((line for line in reversed(stderr.splitlines()) if " read: " in line), ""),
    }
    report["ok"] = (not hung and status in (0, 1) and not verdict.tracebacks and not verdict.lost
                    and not verdict.unnamed and max(peak_mb, tree_peak_mb) <= MEMORY_LIMIT_MB)
    if keep is None:
        _remove(work)
    return report


def _remove(work: Path) -> None:
    for path in work.rglob("*"):  # unreadable files the generator wrote
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=int, default=10_000, help="hostile documents (default 10,000)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--workers", type=int, default=1, help="sayso ingest --workers (default 1)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds after which the run counts as hung")
    parser.add_argument("--keep", type=Path, help="write the folder, store and stderr here and keep them")
    parser.add_argument("--without-big", action="store_true",
                        help="leave out the 1 MB texts and 200 MB bombs, a few minutes of the run: a quick trial")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = parser.parse_args()
    report = run(args.documents, args.seed, args.workers, args.timeout, args.keep, big=not args.without_big)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"{report['date']}, {report['machine']}, Python {report['python']}; seed {report['seed']}")
        print(f"  {report['command']}")
        print(f"  {report['hostile']:,} hostile documents and {report['good']:,} good articles in {report['files']:,} "
              f"files (expected {report['expected']})")
        print(f"  exit status {report['exit_status']}, hung: {report['hung']}, {report['seconds']} s, "
              f"peak {report['peak_mb']} MB in one process, {report['tree_peak_mb']} MB in all (sampled)")
        print(f"  tracebacks {report['tracebacks']}, good lost {len(report['lost'])}, "
              f"bad without a coded error line {len(report['unnamed'])}, error lines {report['error_lines']:,}")
        print(f"  codes {report['codes']}")
        print(f"  {report['summary']}")
        for kind, origin in report["lost"][:20] + report["unnamed"][:20]:
            print(f"  ! {kind}: {origin}")
        print("  every bar met" if report["ok"] else "  BARS NOT MET")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

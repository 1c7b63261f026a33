#!/usr/bin/env python3
"""``sayso ingest`` of the PolNeAR corpus: throughput with one and two workers, and kill -9.

    .venv/bin/python bench/ingest.py [--limit N] [--speed] [--kill] [--repeat N] [--batch-size N] [--json]

Speed (``--speed``): the 1,008 PolNeAR articles (train, dev and test, as the three
JSONL files) are ingested by the ``sayso`` command into a fresh SQLite store with
``--workers 1`` and with ``--workers 2``, in one run of this script so that the
figures are comparable; with ``--repeat N`` the runs alternate (1, 2, 1, 2, ...)
and the best of each counts. Each run is timed from starting the command to its
exit, so interpreter start, model loading and writing are all in: articles/s is
what a user waits for. The bar is workers 2 / workers 1 >= 1.6.

Kill (``--kill``): the same ingest with ``--workers 2`` is killed with SIGKILL once
about half the articles are stored (read from the store by a connection of this
script's own, as WAL allows), then run again to the end. The store must then hold
every article exactly once, with the same attribution rows as a clean run, and no
worker process may outlive the killed one.

With neither option both run (the clean run of the kill check is the speed run's
``--workers 2`` store). ``--limit N`` takes the first N articles only, to try the
script quickly. PolNeAR holds 1,008 records but 1,007 distinct texts (train lines
619 and 620 are the same article under two doc_ids), and a store keys articles by
their text, so a complete store holds 1,007 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sayso.ingest import Document, read

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SPLITS = ("train", "dev", "test")
SAYSO = Path(sys.executable).with_name("sayso")
BAR = 1.6
SUMMARY = re.compile(
    r"sayso: (?P<read>\d+) read: (?P<stored>\d+) stored \((?P<attributions>\d+) attributions\), "
    r"(?P<skipped>\d+) already stored, (?P<failed>\d+) failed, in (?P<seconds>[\d.]+) s"
)


def corpus(limit: int | None, folder: Path) -> list[str]:
    """The JSONL files to ingest: PolNeAR's three, or one file of their first ``limit`` lines."""
    paths = [POLNEAR / f"{split}.jsonl" for split in SPLITS]
    if limit is None:
        return [str(p) for p in paths]
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines(keepends=True)][:limit]
    subset = folder / f"polnear-{limit}.jsonl"
    subset.write_text("".join(lines), encoding="utf-8")
    return [str(subset)]


def ingest_command(paths: list[str], db: Path, workers: int, batch_size: int) -> list[str]:
    return [str(SAYSO), "ingest", *paths, "--db", f"sqlite:///{db}", "--workers", str(workers),
            "--batch-size", str(batch_size)]


def run_ingest(command: list[str]) -> dict:
    """Run one ingest to its end: wall seconds and the figures of its summary line."""
    start = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = SUMMARY.search(done.stderr)
    if done.returncode != 0 or summary is None:
        sys.exit(f"bench: {' '.join(command)} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    figures = {key: int(value) for key, value in summary.groupdict().items() if key != "seconds"}
    return {"wall_seconds": round(seconds, 2), "run_seconds": float(summary["seconds"]), **figures}


def speed(paths: list[str], folder: Path, batch_size: int, repeat: int) -> dict:
    """Best-of-``repeat`` wall time of ``--workers 1`` and ``--workers 2``, alternating."""
    rounds: dict[int, list[dict]] = {1: [], 2: []}
    for attempt in range(repeat):
        for workers in (1, 2):
            db = folder / f"speed-w{workers}-{attempt}.db"
            rounds[workers].append(run_ingest(ingest_command(paths, db, workers, batch_size)))
    best = {workers: min(runs, key=lambda r: r["wall_seconds"]) for workers, runs in rounds.items()}
    best_db = folder / f"speed-w2-{rounds[2].index(best[2])}.db"
    for run in best.values():
        run["articles_per_second"] = round(run["stored"] / run["wall_seconds"], 2)
        run["articles_per_second_in_run"] = round(run["stored"] / run["run_seconds"], 2)
    ratio = best[2]["articles_per_second"] / best[1]["articles_per_second"]
    return {"workers_1": best[1], "workers_2": best[2], "ratio": round(ratio, 2), "bar": BAR, "met": ratio >= BAR,
            "rounds": {str(w): [r["wall_seconds"] for r in runs] for w, runs in rounds.items()},
            "store_workers_2": best_db}


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def kill_and_resume(paths: list[str], folder: Path, batch_size: int, expected: int, clean: Path) -> dict:
    """Kill an ingest with SIGKILL about halfway, run it again, and compare the store with ``clean``."""
    db = folder / "killed.db"
    command = ingest_command(paths, db, 2, batch_size)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    while process.poll() is None and stored < expected // 2:
        time.sleep(0.2)
        try:
            stored = count(db, "SELECT count(*) FROM articles")
        except sqlite3.Error:  # not created yet
            continue
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = count(db, "SELECT count(*) FROM articles")
    deadline = time.monotonic() + 30  # the workers notice that the main process is gone
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if running(pid)]
    resumed = run_ingest(command)
    rows = "SELECT count(*) FROM attributions"
    distinct = "SELECT count(*) FROM (SELECT DISTINCT article_id, idx FROM attributions)"
    with sqlite3.connect(db) as a, sqlite3.connect(clean) as b:
        same = set(a.execute("SELECT article_id, idx FROM attributions")) == set(
            b.execute("SELECT article_id, idx FROM attributions")
        )
    result = {
        "articles_at_kill": at_kill,
        "killed_midway": 0 < at_kill < expected,
        "resumed": resumed,
        "articles": count(db, "SELECT count(*) FROM articles"),
        "articles_clean": count(clean, "SELECT count(*) FROM articles"),
        "expected_articles": expected,
        "attributions": count(db, rows),
        "attributions_clean": count(clean, rows),
        "duplicate_rows": count(db, rows) - count(db, distinct),
        "same_rows_as_clean": same,
        "workers_seen": len(workers),
        "workers_left": len(left),
    }
    result["ok"] = (
        result["killed_midway"] and result["articles"] == result["articles_clean"] == expected
        and result["attributions"] == result["attributions_clean"] and result["duplicate_rows"] == 0
        and same and not left and resumed["stored"] == expected - at_kill  # the re-run redid only the rest
    )
    return result


def report(results: dict) -> str:
    lines = [f"{results['input']}, batch {results['batch_size']}; {results['machine']}, {results['date']}"]
    if "speed" in results:
        s = results["speed"]
        lines.append("workers | wall s | articles/s | articles/s in run | articles | attributions")
        for workers in (1, 2):
            r = s[f"workers_{workers}"]
            lines.append(f"{workers} | {r['wall_seconds']:.1f} | {r['articles_per_second']:.2f} | "
                         f"{r['articles_per_second_in_run']:.2f} | {r['stored']} | {r['attributions']}")
        lines.append(f"workers 2 / workers 1: {s['ratio']:.2f} (bar >= {BAR}: {'met' if s['met'] else 'NOT met'}); "
                     f"wall seconds per round: {s['rounds']}")
    if "kill" in results:
        k = results["kill"]
        lines.append(
            f"kill -9 with {k['articles_at_kill']} of {k['expected_articles']} articles stored; the re-run stored "
            f"{k['resumed']['stored']} and skipped {k['resumed']['skipped']}: {k['articles']} articles "
            f"(clean run {k['articles_clean']}), {k['attributions']} attributions (clean run "
            f"{k['attributions_clean']}), {k['duplicate_rows']} duplicate rows, same (article_id, idx) rows: "
            f"{'yes' if k['same_rows_as_clean'] else 'NO'}; worker processes left running: "
            f"{k['workers_left']} of {k['workers_seen']} -> {'OK' if k['ok'] else 'FAILED'}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N PolNeAR records (to try the script)")
    parser.add_argument("--speed", action="store_true", help="time --workers 1 against --workers 2")
    parser.add_argument("--kill", action="store_true", help="kill -9 an ingest midway, resume it, compare")
    parser.add_argument("--repeat", type=int, default=1, help="alternating rounds of the speed runs (best counts)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()
    run_speed, run_kill = (args.speed or not args.kill), (args.kill or not args.speed)

    with tempfile.TemporaryDirectory(prefix="sayso-bench-ingest-") as tmp:
        folder = Path(tmp)
        paths = corpus(args.limit, folder)
        documents = [item for item in read(paths) if isinstance(item, Document)]
        expected = len({d.article_id for d in documents})
        results: dict = {
            "input": f"{len(documents)} PolNeAR records ({expected} distinct texts)",
            "batch_size": args.batch_size,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}, "
                       f"Python {platform.python_version()}",
            "date": date.today().isoformat(),
        }
        if run_speed:
            results["speed"] = speed(paths, folder, args.batch_size, args.repeat)
            clean = results["speed"].pop("store_workers_2")
        if run_kill:
            if not run_speed:
                clean = folder / "clean.db"
                run_ingest(ingest_command(paths, clean, 2, args.batch_size))
            results["kill"] = kill_and_resume(paths, folder, args.batch_size, expected, clean)
    print(json.dumps(results, indent=1) if args.json else report(results))
    return 0 if results.get("kill", {"ok": True})["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

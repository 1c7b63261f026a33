#!/usr/bin/env python3
"""``sayso scale`` on the PolNeAR corpus: local engine and Spark, 1 and 2 cores, and their rows.

    nice -n 10 .venv/bin/python bench/scale.py [--limit N] [--batch-size N] [--json]

The 1,008 PolNeAR records (train, dev and test, the three JSONL files as they
are; ``--limit N`` takes the first N, to try the script) go through the corpus
job four times, on the same input and in one run of this script so that the
figures are comparable: ``--engine local`` with 1 and 2 worker processes, and
Spark with ``local[1]`` and ``local[2]``. Throughput is measured after start-up:
the local engine's time starts once its workers have loaded the pipeline, and
each Spark session first runs a warm-up job of a few articles (JVM, Python
workers and their pipelines are then up, as on a running cluster), so the figure
is the job's own. Bars: 2 cores / 1 core >= 1.6 for both engines. Spark's
per-article overhead is its extra wall time per article over the local engine
with the same number of cores.

First, ``sayso extract --format jsonl`` runs on the same files (one process;
its time, model load included, is given for scale). Every engine's attribution
rows must be identical to what it prints, article by article (the bar for Spark
``local[2]``; the others are checked too).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import pyarrow.dataset as ds

from sayso.scale import run
from sayso.scale.rows import ATTRIBUTIONS, attribution_dict

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SPLITS = ("train", "dev", "test")
SAYSO = Path(sys.executable).with_name("sayso")
BAR = 1.6
# Articles of the warm-up job, per core (of at most two).
WARM_UP = 4


def corpus(limit: int | None, folder: Path) -> list[str]:
    """The JSONL files to run: PolNeAR's three, or one file of their first ``limit`` lines."""
    paths = [POLNEAR / f"{split}.jsonl" for split in SPLITS]
    if limit is None:
        return [str(p) for p in paths]
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines(keepends=True)][:limit]
    subset = folder / f"polnear-{limit}.jsonl"
    subset.write_text("".join(lines), encoding="utf-8")
    return [str(subset)]


def warm_up_file(folder: Path) -> list[str]:
    """A few PolNeAR dev articles for the warm-up job: enough for every core to take some."""
    lines = (POLNEAR / "dev.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[: 2 * WARM_UP]
    path = folder / "warm-up.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return [str(path)]


def extract(paths: list[str], folder: Path) -> tuple[dict[str, list[dict]], float]:
    """What ``sayso extract --format jsonl`` prints for each doc_id, and its wall seconds."""
    printed = folder / "extract.jsonl"
    start = time.perf_counter()
    subprocess.run([str(SAYSO), "extract", *paths, "--format", "jsonl", "--output", str(printed)], check=True,
                   stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    lines = map(json.loads, printed.read_text(encoding="utf-8").splitlines())
    return {line["doc_id"]: line["attributions"] for line in lines}, seconds


def written(run_dir: str, doc_ids: set[str]) -> dict[str, list[dict]]:
    """The attribution rows a run wrote, per doc_id in the order of their ``idx``, as extract prints them."""
    found: dict[str, list[dict]] = defaultdict(list)
    rows = ds.dataset(Path(run_dir) / "attributions", schema=ATTRIBUTIONS).to_table().to_pylist()
    for row in sorted(rows, key=lambda r: (r["doc_id"], r["idx"])):
        found[row["doc_id"]].append(attribution_dict(row))
    return {doc_id: found.get(doc_id, []) for doc_id in doc_ids | found.keys()}


def local(paths: list[str], folder: Path, workers: int, batch_size: int) -> dict:
    report = run(paths, folder / f"local-{workers}", engine="local", workers=workers, batch_size=batch_size)
    return {"engine": "local", "cores": workers, "report": report}


def spark(paths: list[str], warm_up: list[str], folder: Path, cores: int, batch_size: int) -> dict:
    """A timed Spark run on ``local[cores]``, after a warm-up job in the same session."""
    from sayso.scale.spark import spark_session

    session = spark_session(f"local[{cores}]", {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"})
    session.sparkContext.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        run(warm_up, folder / f"warm-up-{cores}", engine="spark", session=session, partitions=cores)
        warm_seconds = time.perf_counter() - started
        report = run(paths, folder / f"spark-{cores}", engine="spark", session=session, batch_size=batch_size)
    finally:
        session.stop()
    return {"engine": "spark", "cores": cores, "report": report, "warm_up_seconds": round(warm_seconds, 1)}


def summary(results: dict) -> str:
    lines = [f"{results['input']}, batch {results['batch_size']}; {results['machine']}, {results['date']}",
             (f"sayso extract (1 process, model load included): {results['extract_seconds']:.1f} s, "
             f"{results['extract_per_second']:.2f} articles/s"),
             ("engine | cores | seconds | articles/s | articles | failed | attributions | pipeline loads | "
             "rows = sayso extract")]
    for r in results["runs"]:
        lines.append(f"{r['engine']} | {r['cores']} | {r['seconds']:.1f} | {r['per_second']:.2f} | {r['extracted']} | "
                     f"{r['failed']} | {r['attributions']} | {r['model_loads']} | {'yes' if r['same_rows'] else 'NO'}")
    for engine, ratio in results["ratios"].items():
        lines.append(f"{engine}: 2 cores / 1 core = {ratio:.2f} (bar >= {BAR}: {'met' if ratio >= BAR else 'NOT met'})")
    for cores, overhead in results["spark_overhead_ms"].items():
        lines.append(f"Spark overhead over local, {cores} core(s): {overhead:+.1f} ms per article (wall)")
    lines.append(f"Spark local[2] rows identical to sayso extract: {'met' if results['bar_same_rows'] else 'NOT met'}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N PolNeAR records (to try the script)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sayso-bench-scale-") as tmp:
        folder = Path(tmp)
        paths = corpus(args.limit, folder)
        warm_up = warm_up_file(folder)
        expected, extract_seconds = extract(paths, folder)
        runs = [local(paths, folder, n, args.batch_size) for n in (1, 2)]
        runs += [spark(paths, warm_up, folder, n, args.batch_size) for n in (1, 2)]
        for r in runs:
            report = r.pop("report")
            r.update(seconds=round(report.seconds, 2), per_second=round(report.extracted / report.seconds, 2),
                     extracted=report.extracted, failed=report.failed, attributions=report.attributions,
                     model_loads=report.model_loads, run_id=report.run_id,
                     same_rows=written(report.run_dir, set(expected)) == expected)
    rate = {(r["engine"], r["cores"]): r["per_second"] for r in runs}
    articles = runs[0]["extracted"]
    results = {
        "input": f"{articles} PolNeAR records" + (f" (first {args.limit})" if args.limit else ""),
        "batch_size": args.batch_size,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}, "
                   f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end",
        "date": date.today().isoformat(),
        "extract_seconds": round(extract_seconds, 1),
        "extract_per_second": round(len(expected) / extract_seconds, 2),
        "runs": runs,
        "ratios": {engine: round(rate[engine, 2] / rate[engine, 1], 2) for engine in ("local", "spark")},
        "spark_overhead_ms": {cores: round(1000 * (1 / rate["spark", cores] - 1 / rate["local", cores]), 1)
                              for cores in (1, 2)},
        "bar_same_rows": next(r["same_rows"] for r in runs if (r["engine"], r["cores"]) == ("spark", 2)),
    }
    print(json.dumps(results, indent=1) if args.json else summary(results))
    met = results["bar_same_rows"] and all(r["same_rows"] for r in runs) and min(results["ratios"].values()) >= BAR
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

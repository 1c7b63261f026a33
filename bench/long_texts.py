#!/usr/bin/env python3
"""Does the pipeline's cost grow with a text's length, or faster? Seconds per text as it doubles.

    .venv/bin/python bench/long_texts.py [--start 25000] [--doublings 3] [--json]

A batch must never stall on one long document, so every part of the pipeline must cost
in proportion to the text. This extracts texts of three kinds, each at a length that
doubles (``--start`` characters, then twice that, ...), through :func:`sayso.batch.extract_batch`,
the road ``sayso extract`` and ``sayso ingest`` take:

- ``article``: our example article repeated, paragraph after paragraph (about one
  attribution every 450 characters, as in news);
- ``dialogue``: “Yes,” he said. repeated (one attribution every 16 characters);
- ``run-on``: "the mayor said " repeated without a full stop, which the parser reads as one
  sentence chaining every word under the one before.

The report gives the seconds of each and the ratio of each length's time to the one
before it: about 2 when the cost grows with the length, 4 when with its square.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

from sayso.batch import SECTION_CHARS, extract_batch
from sayso.nlp import load
from sayso.records import Document, Extracted

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bakhmut-newsweek-2022-12-27.txt"


def kinds() -> dict[str, str]:
    """One unit of each kind of text, to be repeated to the length wanted."""
    return {
        "article": EXAMPLE.read_text(encoding="utf-8") + "\n\n",
        "dialogue": "“Yes,” he said. ",
        "run-on": "the mayor said ",
    }


def timed(text: str, nlp) -> tuple[float, int]:
    """Seconds to extract ``text`` and how many attributions were found."""
    started = time.perf_counter()
    result = extract_batch([Document("long", text, "long.txt")], nlp)[0]
    seconds = time.perf_counter() - started
    return seconds, len(result.attributions) if isinstance(result, Extracted) else -1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=25_000, help="characters of the shortest text (default 25,000)")
    parser.add_argument("--doublings", type=int, default=3, help="how many times the length doubles (default 3)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = parser.parse_args(argv)
    nlp = load()
    timed("The mayor said on Tuesday that the bridge would reopen.", nlp)  # loading and first calls left out
    rows = []
    for kind, unit in kinds().items():
        previous: float | None = None
        for step in range(args.doublings + 1):
            length = args.start * 2 ** step
            text = (unit * (length // len(unit) + 1))[:length]
            seconds, found = timed(text, nlp)
            ratio = seconds / previous if previous else None
            rows.append({"kind": kind, "chars": length, "seconds": round(seconds, 2), "attributions": found,
                         "ratio": round(ratio, 2) if ratio else None})
            previous = seconds
            if not args.json:
                shown = f"{ratio:5.2f}×" if ratio else "     "
                print(f"{kind:9} {length:>9,} chars {seconds:8.2f} s {shown} {found:>6,} attributions", flush=True)
    report = {"date": date.today().isoformat(), "machine": f"{platform.machine()}, {platform.python_version()}",
              "section_chars": SECTION_CHARS, "rows": rows}
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

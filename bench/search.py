#!/usr/bin/env python3
"""How fast is search over a real corpus? 100 random one-word queries through the library API.

    .venv/bin/python bench/search.py --db sqlite:////tmp/polnear.db [--predictions PRED.jsonl]
        [--queries 100] [--seed 2016] [--limit 20] [--json]

The store must hold the 1,008 PolNeAR records (train, dev and test; two of
them are the same article, so 1,007 articles). A store holding fewer is filled first: the articles are read from ``../shared`` by
:func:`sayso.ingest.read`, and their attributions taken from ``--predictions``
(``sayso extract`` JSONL output of the same three files, joined by ``doc_id``)
when given, else found by running the pipeline (a few minutes of CPU). The
query words are drawn, with a fixed seed, from the distinct words (three letters
or more) of the stored contents, so every query has hits. One query is run
before timing, so opening the file is not counted; then each query is timed
alone, ``Store.search(word, limit=...)`` returning its hits.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sayso.batch import Extracted, Result, extract_documents
from sayso.ingest import Document, read
from sayso.records import Attribution
from sayso.store import Store, open_store

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
FILES = [POLNEAR / f"{part}.jsonl" for part in ("train", "dev", "test")]
RECORDS = 1008
_WORD = re.compile(r"[^\W\d_]{3,}")


def fill(store: Store, predictions: Path | None) -> None:
    """Store every PolNeAR article with its attributions, 64 to a transaction."""
    batch: list[Result] = []
    for result in _results(predictions):
        batch.append(result)
        if len(batch) == 64:
            store.write(batch)
            batch = []
    store.write(batch)


def _results(predictions: Path | None) -> Iterator[Result]:
    items = read([str(f) for f in FILES])
    if predictions is None:
        for batch in extract_documents(items):
            yield from batch
        return
    with predictions.open(encoding="utf-8") as f:
        found = {line["doc_id"]: line["attributions"] for line in map(json.loads, f)}
    for item in items:
        if isinstance(item, Document):
            yield Extracted(item, [Attribution.from_dict(a, item.text) for a in found[item.doc_id]])
        else:
            yield item


def words(store: Store, count: int, seed: int) -> list[str]:
    """``count`` distinct words of the stored contents, drawn with ``seed``."""
    vocabulary = sorted({w.lower() for hit in store.export() for w in _WORD.findall(hit.content)})
    return random.Random(seed).sample(vocabulary, count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, metavar="URL", help="the store to search (filled when short)")
    parser.add_argument("--predictions", type=Path, help="sayso extract JSONL of train, dev and test")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--limit", type=int, default=20, help="hits per query (the library's default)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()

    # Two PolNeAR train records (wash-post 2015-12-22 and -23) hold the same text: one article.
    ids = {d.article_id for d in read([str(f) for f in FILES]) if isinstance(d, Document)}
    with open_store(args.db) as store:
        stored = len(store.existing(ids))
        if stored < len(ids):
            print(f"filling {args.db}: {stored} of {len(ids)} articles stored", file=sys.stderr)
            fill(store, args.predictions)
        queries = words(store, args.queries, args.seed)
        store.search(queries[0], limit=args.limit)  # warm-up, not timed
        times, counts = [], []
        for word in queries:
            start = time.perf_counter()
            hits = store.search(word, limit=args.limit)
            times.append((time.perf_counter() - start) * 1000)
            counts.append(len(hits))
        attributions = sum(1 for _ in store.export())

    ordered = sorted(times)
    figures = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.processor() or platform.system()}, Python {platform.python_version()}",
        "store": args.db.split("://", 1)[0],
        "records": RECORDS,
        "articles": len(ids),
        "attributions": attributions,
        "queries": len(queries),
        "limit": args.limit,
        "mean_hits": round(statistics.mean(counts), 1),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(statistics.quantiles(ordered, n=100, method="inclusive")[94], 2),
        "max_ms": round(ordered[-1], 2),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['store']}: {RECORDS} PolNeAR records, {len(ids)} distinct articles, {attributions} attributions; {len(queries)} one-word "
              f"queries (seed {args.seed}), {figures['mean_hits']} hits each on average (limit {args.limit})")
        print(f"p50 {figures['p50_ms']} ms   p95 {figures['p95_ms']} ms   max {figures['max_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

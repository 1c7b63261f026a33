#!/usr/bin/env python3
"""Does quote clustering scale? Time and peak memory for 25k, 50k and 100k generated quotes.

    .venv/bin/python bench/clusters.py [--sizes 25000 50000 100000] [--seed 5] [--repeat 3] [--json]

The quotes are made from PolNeAR (train, dev and test texts): each group starts from
one real sentence of 8 to 45 words, or, once those run out, a sentence drawn from a
word trigram model of the same texts, so the words and the phrases shared between
different quotes are those of news prose. Two groups' base sentences share no run of
``COPIED`` words (else they would be one quote and the true groups would be wrong);
shorter shared phrases stay, as they do in real quotes. A group holds its base sentence and
copies of it that an outlet might print: the same words with other quotation marks,
punctuation or case; a near-duplicate with one or two words replaced, dropped or
added; or a fragment (a run of at least ``MIN_FRAGMENT_WORDS`` words, at most 70% of
the base). Group sizes follow a geometric law (mean 1.6, at most 40) and all quotes
are shuffled, so a fragment often arrives before its full statement. Each size is
the first N quotes of the largest size's set, so all sizes have the same mix of
real and generated sentences and of group sizes.

Each size runs in a fresh process (``--child``), so each peak resident memory
(``ru_maxrss``) is that run's own; it includes the interpreter, numpy and the
generated quotes, which are reported apart as the baseline. Only
``QuoteClusters.add_many`` is timed, in wall-clock and in CPU seconds, best of
``--repeat`` rounds on the same quotes; the growth ratio is taken on CPU seconds,
which other work on a shared machine disturbs less. Precision and recall are pairwise: of the pairs
of quotes put in one cluster, how many share a group, and of the pairs sharing a
group, how many were put in one cluster.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from math import comb
from pathlib import Path

from sayso.corpus.clusters import MIN_FRAGMENT_WORDS, Quote, QuoteClusters

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[“\"A-Z])|\n+")
WORD = re.compile(r"\S+")
MARKS = [("“", "”"), ('"', '"'), ("''", "''"), ("", ""), ("«", "»")]
COPIED = 6  # bases share no run of this many words: shorter shared phrases are the hard part


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def polnear_texts() -> list[str]:
    texts = []
    for split in ("train", "dev", "test"):
        with (POLNEAR / f"{split}.jsonl").open(encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f)
    return texts


class Generator:
    """Quotes with known groups, from real sentences and a trigram model of the same texts."""

    def __init__(self, texts: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        seen, self.sentences = set(), []
        self.trigrams: dict[tuple[str, str], list[str]] = defaultdict(list)
        words = Counter()
        for text in texts:
            for sentence in SENTENCE_END.split(text):
                tokens = WORD.findall(sentence)
                words.update(tokens)
                padded = ["<s>", "<s>", *tokens, "</s>"]
                for a, b, c in zip(padded, padded[1:], padded[2:]):
                    self.trigrams[(a, b)].append(c)
                key = " ".join(t.lower().strip(".,;:“”\"'") for t in tokens)
                if 8 <= len(tokens) <= 45 and key not in seen:
                    seen.add(key)
                    self.sentences.append(" ".join(tokens))
        self.rng.shuffle(self.sentences)
        self.sentences.reverse()  # popped from the end: the shuffled order
        self.vocabulary = list(words)
        self.cumulative = list(itertools.accumulate(words.values()))
        self.runs: set[tuple[str, ...]] = set()

    def base(self) -> str:
        """A new sentence sharing no run of ``COPIED`` words with an earlier one: real ones
        first, then trigram-model ones (which copy long runs of real text, so many are refused;
        news sentences repeat across articles too)."""
        while True:
            if self.sentences:
                text = self.sentences.pop()
            else:
                out, state = [], ("<s>", "<s>")
                while len(out) < 46:
                    following = self.rng.choice(self.trigrams[state])
                    if following == "</s>":
                        break
                    out.append(following)
                    state = (state[1], following)
                text = " ".join(out)
            words = [w.lower().strip(".,;:“”\"'‘’") for w in text.split()]
            runs = {tuple(words[i:i + COPIED]) for i in range(len(words) - COPIED + 1)}
            if 8 <= len(words) <= 45 and not runs & self.runs:
                self.runs |= runs
                return text

    def variant(self, base: str) -> str:
        tokens = base.split()
        kind = self.rng.random()
        if kind < 0.3:  # the same words, printed differently
            text = re.sub(r"[,;:]", "", base) if self.rng.random() < 0.5 else base
            text = text.lower() if self.rng.random() < 0.3 else text
        elif kind < 0.65 or len(tokens) < 2 * MIN_FRAGMENT_WORDS:  # a word or two edited
            for _ in range(self.rng.choice((1, 2))):
                i = self.rng.randrange(len(tokens))
                edit = self.rng.random()
                new = self.rng.choices(self.vocabulary, cum_weights=self.cumulative)[0]
                if edit < 0.4:
                    tokens[i] = new
                elif edit < 0.7 and len(tokens) > 8:
                    del tokens[i]
                else:
                    tokens.insert(i, new)
            text = " ".join(tokens)
        else:  # a fragment
            size = self.rng.randint(MIN_FRAGMENT_WORDS, int(0.7 * len(tokens)))
            start = self.rng.randrange(len(tokens) - size + 1)
            text = " ".join(tokens[start:start + size])
        opening, closing = self.rng.choice(MARKS)
        return f"{opening}{text}{closing}"

    def quotes(self, size: int) -> tuple[list[Quote], list[int]]:
        quotes, groups, group = [], [], 0
        while len(quotes) < size:
            base = self.base()
            members = min(1 + int(self.rng.expovariate(1.0)), 40)
            for i in range(min(members, size - len(quotes))):
                text = base if i == 0 else self.variant(base)
                day = date(2016, 1, 1).toordinal() + self.rng.randrange(300)
                quotes.append(Quote(f"a{len(quotes)}", text, f"outlet{self.rng.randrange(50)}", date.fromordinal(day)))
                groups.append(group)
            group += 1
        order = list(range(len(quotes)))
        self.rng.shuffle(order)
        return [quotes[i] for i in order], [groups[i] for i in order]


def pairwise(predicted: list[str | None], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true groups."""
    both = Counter(zip(predicted, truth))
    pairs_both = sum(comb(n, 2) for n in both.values())
    pairs_predicted = sum(comb(n, 2) for n in Counter(predicted).values())
    pairs_true = sum(comb(n, 2) for n in Counter(truth).values())
    return pairs_both / max(pairs_predicted, 1), pairs_both / max(pairs_true, 1)


def child(size: int, largest: int, seed: int, repeat: int) -> dict:
    generator = Generator(polnear_texts(), seed)
    quotes, truth = generator.quotes(largest)
    quotes, truth = quotes[:size], truth[:size]
    del generator
    baseline = peak_rss_mb()
    seconds = cpu = float("inf")
    for _ in range(repeat):  # the best round: other work on the machine only ever adds time
        clusters = QuoteClusters()
        start, started = time.perf_counter(), time.process_time()
        ids = clusters.add_many(quotes)
        seconds, cpu = min(seconds, time.perf_counter() - start), min(cpu, time.process_time() - started)
    final = [clusters.resolve(i) if i else f"none{n}" for n, i in enumerate(ids)]
    precision, recall = pairwise(final, truth)
    return {
        "quotes": size, "groups": len(set(truth)), "clusters": len(clusters),
        "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(peak_rss_mb()), "baseline_rss_mb": round(baseline),
        "precision": round(precision, 4), "recall": round(recall, 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="clustering rounds per size; the best counts")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--child", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child, args.seed, args.repeat)))
        return 0
    runs = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), str(max(args.sizes)),
                   "--seed", str(args.seed), "--repeat", str(args.repeat)]
        runs.append(json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout))
    for before, after in itertools.pairwise(runs):
        after["cpu_ratio"] = round(after["cpu_seconds"] / before["cpu_seconds"], 2)
        after["size_ratio"] = round(after["quotes"] / before["quotes"], 2)
    report = {"date": date.today().isoformat(), "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
              "python": platform.python_version(), "runs": runs}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'quotes':>8} {'groups':>7} {'clusters':>8} {'seconds':>8} {'cpu s':>7} {'x cpu':>6} "
          f"{'peak MB':>8} {'base MB':>8} {'precision':>9} {'recall':>7}")
    for run in runs:
        print(f"{run['quotes']:>8} {run['groups']:>7} {run['clusters']:>8} {run['seconds']:>8} "
              f"{run['cpu_seconds']:>7} {run.get('cpu_ratio', ''):>6} {run['peak_rss_mb']:>8} "
              f"{run['baseline_rss_mb']:>8} {run['precision']:>9} {run['recall']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

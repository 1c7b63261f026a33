#!/usr/bin/env python3
"""Do all the views tell the same story? Issue 16's bars over a store of all PolNeAR, checked.

    .venv/bin/python bench/views.py --db sqlite:///tmp/polnear.db [--workers 2] [--list FILE] [--json]

A store that does not exist yet is built first, as a user would
(``sayso ingest ../shared/data/polnear/{train,dev,test}.jsonl --db STORE --workers N``;
a few minutes). Then, reading the store through every front end (the web app
in-process through its test client, the CLI as a user runs it, in a subprocess):

1. the top 20 speakers and their counts on ``/`` (the home page's HTML),
   ``/api/speakers``, ``/speakers``, ``sayso speakers`` and ``sayso stats`` are the same, and
   so is the number of named speakers (home page, ``/api/speakers``, ``sayso speakers``);
2. among the top 100 speakers, no two look like one person under two name forms:
   one name's words contained in order in the other's ("Obama" and "Barack
   Obama", "Donald Trump" and "Donald J. Trump"), or the same surname with first
   names that could be one (an initial, or one without a first name). Speakers
   sharing only a surname ("Bill Clinton", "Hillary Clinton") are listed apart,
   for a reader to judge, and do not fail the check;
3. the names ``Trump``, ``donald trump`` and ``Donald J. Trump`` select the same
   attributions (the same count and the same ``(article id, position)`` keys) in
   ``sayso search --speaker``, ``sayso export --speaker`` (whose rows all carry one
   ``speaker_id`` and ``speaker_canonical``), ``/api/attributions?speaker=`` and
   ``/search?speaker=`` (every page of each), the same person and count on the speaker's profile
   (``/api/speakers/NAME``, ``/speakers/NAME``), and the same timeline in ``sayso stats --plot --speaker``
   (its count, and the monthly counts it plots, which must also be those of the
   search's attributions by publication month);
4. ``import sayso.store, sayso.serve`` loads no spaCy or thinc module.

It prints what each view says and every difference; the exit status is 0 when
every check holds, 1 otherwise. ``--list FILE`` writes the top 100 (rank,
name, type, attributions, articles, other name forms) as tab-separated text.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sayso.corpus.stats import quotes_over_time
from sayso.serve import create_app
from sayso.store import SpeakerCount, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's note that it prefers the httpx2 fork
    from fastapi.testclient import TestClient

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
FILES = [POLNEAR / f"{part}.jsonl" for part in ("train", "dev", "test")]
NAMES = ("Trump", "donald trump", "Donald J. Trump")
SAYSO = Path(sys.executable).with_name("sayso")
_HOME_ITEM = re.compile(r'<li><a href="/speakers/[^"]*">([^<]*)</a> <span class="muted">([\d,]+) in ([\d,]+) articles')
_HOME_LIST = re.compile(r"<h2>Most quoted</h2>\s*<ol[^>]*>(.*?)</ol>", re.S)
_ROW = re.compile(r'<tr><td><a href="/speakers/[^"]*">([^<]*)</a>.*?<td class="n">([\d,]+)</td>')
_PROFILE = re.compile(r"<h1>([^<]*)</h1>.*?<b>([\d,]+)</b> attributions", re.S)
_NAMED = re.compile(r"<b>([\d,]+)</b> named speakers")
_RESULT_COUNT = re.compile(r'id="result-count">([\d,]+) attribution')
_HIT_LINK = re.compile(r'href="/articles/([^"#]+)#attr-(\d+)"')
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

Ranked = list[tuple[str, int]]
Keys = list[tuple[str, int]]


@dataclass
class Report:
    """What the checks found: lines to print, and whether each check held."""

    lines: list[str] = field(default_factory=list)
    held: dict[str, bool] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)

    def say(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)

    def check(self, name: str, ok: bool) -> None:
        self.held[name] = ok
        self.say(f"  => {name}: {'holds' if ok else 'FAILS'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store (sqlite:///PATH or a path); built when missing")
    parser.add_argument("--workers", type=int, default=2, help="ingest workers when the store is built (default 2)")
    parser.add_argument("--top", type=int, default=20, help="speakers compared across the views (default 20)")
    parser.add_argument("--pairs-top", type=int, default=100, help="speakers checked for two name forms (default 100)")
    parser.add_argument("--list", type=Path, metavar="FILE", help="write the top --pairs-top speakers to FILE (TSV)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object at the end")
    args = parser.parse_args(argv)
    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    report = Report()
    report.say(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()} {_cpu()}, "
               f"Python {platform.python_version()}, store {url}")
    _build_if_missing(url, args.workers, report)
    with open_store(url, create=False) as store:
        state = store.current_state()
        report.say(f"store: {state.articles:,} articles, {state.attributions:,} attributions; "
                   f"index {'current' if store.index_state() == state else 'BEHIND or missing'}")
        registry = store.speakers(max(args.top, args.pairs_top))
        timelines = {name: quotes_over_time(store, speaker=name) for name in NAMES}
        published = {(h.article_id, h.idx): h.published for h in store.export()}
    with TestClient(create_app(url)) as client:
        check_top(report, client, args.db, args.top)
        check_pairs(report, registry[:args.pairs_top], args.list)
        check_names(report, client, args.db, timelines, published)
    check_imports(report)
    ok = all(report.held.values())
    report.say(f"all checks {'hold' if ok else 'do NOT hold'}: "
               + ", ".join(f"{name} {'ok' if held else 'FAILS'}" for name, held in report.held.items()))
    if args.json:
        print(json.dumps({"held": report.held, **report.figures}, ensure_ascii=False, indent=2, default=str))
    return 0 if ok else 1


def _build_if_missing(url: str, workers: int, report: Report) -> None:
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    if path is None or path.exists():
        return
    command = [str(SAYSO), "ingest", *map(str, FILES), "--db", url, "--workers", str(workers)]
    report.say(f"building the store: {' '.join(command)}")
    started = time.perf_counter()
    subprocess.run(command, check=True)
    report.say(f"built in {time.perf_counter() - started:.0f} s")


def sayso(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``sayso`` command as a user would; its output (a failure stops the script)."""
    return subprocess.run([str(SAYSO), *args], check=True, capture_output=True, text=True)


# 1. The top speakers on every view.

def check_top(report: Report, client: TestClient, db: str, top: int) -> None:
    report.say(f"\n1. The top {top} speakers and their attributions, on every view")
    page = client.get("/").text
    listed = _HOME_LIST.search(page)
    views: dict[str, Ranked] = {
        "/": [(html.unescape(n), _int(c)) for n, c, _ in _HOME_ITEM.findall(listed.group(1) if listed else "")],
        "/api/speakers": [(s["name"], s["attributions"])
                          for s in client.get("/api/speakers", params={"limit": top}).json()["items"]],
        "/speakers": [(html.unescape(n), _int(c)) for n, c in _ROW.findall(client.get("/speakers").text)][:top],
        "sayso speakers": [(s["name"], s["attributions"])
                           for s in json.loads(sayso("speakers", "--top", str(top), "--format", "json", "--db", db).stdout)],
        "sayso stats": [(s["name"], s["count"]) for s in next(
            row for row in json.loads(sayso("stats", "--top", str(top), "--format", "json", "--db", db).stdout)
            if row["all_outlets"])["top_speakers"]],
    }
    reference = views["/api/speakers"]
    for rank, row in enumerate(reference, start=1):
        report.say(f"  {rank:>3}. {row[0]} {row[1]:,}")
    same = True
    for view, ranked in views.items():
        if ranked == reference and len(ranked) == top:
            report.say(f"  {view}: the same {len(ranked)}")
            continue
        same = False
        report.say(f"  {view}: DIFFERS ({len(ranked)} rows)")
        for rank, (mine, theirs) in enumerate(zip(ranked + [None] * top, reference + [None] * top), start=1):
            if rank <= top and mine != theirs:
                report.say(f"    #{rank}: {mine} here, {theirs} on /api/speakers")
    named = {
        "/": _int(m.group(1)) if (m := _NAMED.search(page)) else None,
        "/api/speakers": client.get("/api/speakers", params={"limit": 1}).json()["total"],
        "sayso speakers": len(json.loads(sayso("speakers", "--format", "json", "--db", db).stdout)),
    }
    report.say("  named speakers: " + ", ".join(f"{view} {n:,}" if n is not None else f"{view} ?"
                                               for view, n in named.items()))
    report.figures["top"] = {view: ranked for view, ranked in views.items()}
    report.figures["named_speakers"] = named
    report.check(f"top {top} identical", same)
    report.check("named speakers counted alike", len(set(named.values())) == 1)


# 2. One person under two name forms among the top speakers.

def words(name: str) -> list[str]:
    """The words of a name, lower case, without a generational suffix ("Jr.")."""
    return [w for w in _all_words(name) if w not in _SUFFIXES]


def suffix(name: str) -> set[str]:
    """A name's generational suffixes ("Jr.", "III")."""
    return {w for w in _all_words(name) if w in _SUFFIXES}


def _all_words(name: str) -> list[str]:
    return [w for w in (w.casefold().rstrip(".") for w in _WORD.findall(name)) if w]


def contained(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` occur in ``long`` in the same order (gaps allowed)."""
    rest = iter(long)
    return len(short) < len(long) and all(any(w == other for other in rest) for w in short)


def first_names_agree(a: list[str], b: list[str]) -> bool:
    """Whether two names of one surname could be one person's: same first word, or one of them an initial."""
    x, y = a[0], b[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def pairs(speakers: list[SpeakerCount]) -> Iterator[tuple[str, SpeakerCount, SpeakerCount]]:
    """The pairs of speakers of one type whose names look alike, and how: ``contained``,
    ``surname`` (first names that could be one) or ``relatives`` (only the surname shared, or
    a generational suffix apart)."""
    for i, a in enumerate(speakers):
        for b in speakers[i + 1:]:
            if a.type != b.type:
                continue
            wa, wb = words(a.name), words(b.name)
            if not wa or not wb:
                continue
            if contained(wa, wb) or contained(wb, wa) or wa == wb:
                how = "contained"
            elif a.type == "person" and wa[-1] == wb[-1] and len(wa) > 1 and len(wb) > 1:
                how = "surname" if first_names_agree(wa, wb) else "relatives"
            else:
                continue
            # "Donald Trump" and "Donald Trump Jr.": father and son
            yield "relatives" if suffix(a.name) != suffix(b.name) else how, a, b


def check_pairs(report: Report, speakers: list[SpeakerCount], listing: Path | None) -> None:
    report.say(f"\n2. The top {len(speakers)} speakers: one person under two name forms?")
    rows = [f"{rank}\t{s.name}\t{s.type}\t{s.attributions}\t{s.articles}\t{', '.join(s.aliases)}"
            for rank, s in enumerate(speakers, start=1)]
    report.say("  " + " · ".join(f"{rank}. {s.name} {s.attributions:,}" for rank, s in enumerate(speakers, start=1)))
    if listing:
        listing.write_text("rank\tspeaker\ttype\tattributions\tarticles\tother name forms\n"
                           + "".join(row + "\n" for row in rows), encoding="utf-8")
        report.say(f"  (written to {listing})")
    found = list(pairs(speakers))
    twice = [(how, a, b) for how, a, b in found if how != "relatives"]
    for how, a, b in found:
        label = "SAME PERSON?" if how != "relatives" else "same surname only (checked by hand)"
        report.say(f"  {label} [{how}]: {a.name} ({a.attributions:,}, {a.id}) and {b.name} ({b.attributions:,}, {b.id})")
    if not found:
        report.say("  no two names alike")
    report.figures["top_listed"] = [(s.name, s.type, s.attributions, s.articles, s.id) for s in speakers]
    report.figures["pairs"] = [(how, a.name, b.name) for how, a, b in found]
    report.check(f"no person twice in the top {len(speakers)}", not twice)


# 3. One name, the same attributions everywhere.

def check_names(report: Report, client: TestClient, db: str, timelines: dict[str, Any],
                published: dict[tuple[str, int], Any]) -> None:
    report.say(f"\n3. {', '.join(repr(n) for n in NAMES)}: the same attributions on every view")
    selected: dict[tuple[str, str], Keys] = {}
    plotted: dict[str, list[tuple[str, int]]] = {}
    profiles: dict[str, list[tuple[str, int]]] = {}
    people: dict[str, set[tuple[str, str]]] = {}
    for name in NAMES:
        hits = json.loads(sayso("search", "--speaker", name, "--limit", "1000000", "--format", "json", "--db", db).stdout)
        selected[("sayso search", name)] = [(h["article_id"], h["idx"]) for h in hits]
        rows = [json.loads(line) for line in sayso("export", "--speaker", name, "--format", "jsonl", "--db", db).stdout.splitlines()]
        selected[("sayso export", name)] = [(r["article_id"], r["idx"]) for r in rows]
        people[name] = {(r["speaker_id"], r["speaker_canonical"]) for r in rows}
        selected[("/api/attributions", name)] = api_keys(client, name)
        selected[("/search", name)] = page_keys(client, name)
        timeline = timelines[name]
        points = [(start.isoformat(), n) for start, n in timeline.points]
        with tempfile.TemporaryDirectory() as tmp:
            said = sayso("stats", "--plot", str(Path(tmp) / "plot.svg"), "--speaker", name, "--db", db).stderr
        count = re.search(r"plotted (\d+) attributions? (.*?)(?: \(| in )", said)
        plotted[name] = points
        selected[("sayso stats --plot", name)] = [("(count)", int(count.group(1)) if count else -1)]
        profile = client.get(f"/api/speakers/{quote(name)}").json()
        shown = _PROFILE.search(client.get(f"/speakers/{quote(name)}").text)
        profiles[name] = [(profile["name"], profile["attributions"]),
                          (html.unescape(shown.group(1)), _int(shown.group(2))) if shown else ("?", -1)]
        report.say(f"  {name!r}: /api/speakers/… and /speakers/… say {profiles[name]}")
        report.say(f"  {name!r}: stats --plot says {said.strip()!r}; timeline {timeline.speaker!r}, "
                   f"{timeline.total:,} attributions in {len(points)} months + {timeline.undated} undated")
    reference = sorted(selected[("sayso search", NAMES[0])])
    ok = bool(reference)
    for (view, name), keys in selected.items():
        if view == "sayso stats --plot":
            same = keys[0][1] == len(reference)
            detail = f"{keys[0][1]:,} attributions"
        else:
            same = sorted(keys) == reference and len(set(keys)) == len(keys)
            missing, extra = set(reference) - set(keys), set(keys) - set(reference)
            detail = f"{len(keys):,} attributions" + (f", {len(missing)} missing, {len(extra)} extra" if not same else "")
        ok &= same
        report.say(f"  {view} {name!r}: {detail}{'' if same else '  DIFFERS'}")
    one = len(set().union(*people.values())) == 1
    ok &= one
    report.say(f"  sayso export's speaker_id and speaker_canonical: {sorted(set().union(*people.values()))}"
               f"{'' if one else '  NOT ONE PERSON'}")
    for name, answers in profiles.items():
        same = [n for _, n in answers] == [len(reference)] * 2 and len({speaker for speaker, _ in answers}) == 1
        ok &= same
        report.say(f"  profile {name!r}: {'the same person and count' if same else 'DIFFERS'}")
    by_month = Counter(published[key].strftime("%Y-%m-01") for key in reference if published[key] is not None)
    months = sorted(by_month.items())
    for name, points in plotted.items():
        counted = [(start, n) for start, n in points if n]
        same = counted == months
        ok &= same
        report.say(f"  stats timeline {name!r}: {'the search hits by month' if same else 'DIFFERS from the search hits by month'}")
    report.figures["names"] = {f"{view} | {name}": len(keys) if view != "sayso stats --plot" else keys[0][1]
                               for (view, name), keys in selected.items()}
    report.check("one name, the same attributions", ok)


def api_keys(client: TestClient, name: str) -> Keys:
    """Every attribution ``/api/attributions?speaker=name`` pages through, and a check of its total."""
    keys: Keys = []
    total = None
    while total is None or len(keys) < total:
        answer = client.get("/api/attributions", params={"speaker": name, "limit": 100, "offset": len(keys)}).json()
        total = answer["total"]
        if not answer["items"]:
            break
        keys += [(h["article_id"], h["idx"]) for h in answer["items"]]
    return keys if total == len(keys) else keys + [("(total differs)", total or 0)]


def page_keys(client: TestClient, name: str) -> Keys:
    """Every attribution the ``/search?speaker=name`` pages link to, and a check of the count it shows."""
    keys: Keys = []
    total = None
    while total is None or len(keys) < total:
        page = client.get("/search", params={"speaker": name, "offset": len(keys)}).text
        shown = _RESULT_COUNT.search(page)
        total = _int(shown.group(1)) if shown else 0
        found = [(article, int(idx)) for article, idx in _HIT_LINK.findall(page)]
        if not found:
            break
        keys += found
    return keys if total == len(keys) else keys + [("(count shown differs)", total or 0)]


# 4. The store and the server without spaCy.

def check_imports(report: Report) -> None:
    report.say("\n4. import sayso.store, sayso.serve")
    code = ("import sayso.store, sayso.serve; import sys; "
            "print([m for m in sys.modules if m.startswith(('spacy','thinc'))])")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    report.say(f"  spaCy/thinc modules loaded: {loaded}")
    report.check("no spaCy loaded", loaded == "[]")


def _cpu() -> str:
    """The processor's model name and how many cores this process may use, where Linux says."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor()
    model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")
    return f"{model}, {len(os.sched_getaffinity(0))} cores"


def _int(text: str) -> int:
    return int(text.replace(",", ""))


if __name__ == "__main__":
    sys.exit(main())

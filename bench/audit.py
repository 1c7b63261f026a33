#!/usr/bin/env python3
"""Samples of the corpus index for a person to audit: speaker merges and quote clusters (issue 5).

    .venv/bin/python bench/audit.py --db sqlite:////tmp/audit/polnear.db [--seed 20161108]
        [--merges 50] [--clusters 30] [--top 10] [--rebuild]

The store should hold the 1,008 PolNeAR records, ingested with
``sayso ingest ../shared/data/polnear/{train,dev,test}.jsonl --db URL`` (the
JSONL ``publisher`` and ``date`` fields are read as outlet and publication date),
which also builds the corpus index the script reads (tables ``corpus_speakers``,
``speaker_aliases``, ``attribution_speakers``, ``quote_clusters``,
``cluster_quotes``): what users of the store get. An index that lags behind the
store is brought up to date first; ``--rebuild`` rebuilds it whatever its state,
to audit a change to the registry or clustering code.

The script prints, for a person to judge (the verdicts are written by hand in
``bench/audits/``):

- the ``--top`` speakers with their mentions, articles and name forms;
- the separate-people check of issue 5: Bill Clinton, Donald Trump Jr., Ivanka
  Trump and Chelsea Clinton are speakers of their own, and none of their name
  forms is joined to Donald Trump or Hillary Clinton;
- ``--merges`` merges drawn with ``--seed``. A merge is a distinct (name form,
  speaker) pair where the form differs from the speaker's name by more than case
  and punctuation ("Mr. Trump" → Donald Trump, "Clinton" → Hillary Clinton). Each
  comes with up to two attributions whose article gave that form as the speaker:
  the article, its outlet, the source as written and its sentence, and the other
  people of that article who share the surname, which is what decides whether a
  surname means that person there;
- ``--clusters`` quote clusters run by at least two outlets, drawn with the same
  seed (all of them when there are fewer): each appearance with its article,
  outlet, date and speaker, first appearance first.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass

from sayso.corpus.index import rebuild, update
from sayso.corpus.names import alias_key, parse_name
from sayso.store import Store, open_store

# Issue 5: these people stay apart from the two top speakers wherever they are quoted.
SEPARATE = ("Bill Clinton", "Donald Trump Jr.", "Ivanka Trump", "Chelsea Clinton")
TOP_TWO = ("Donald Trump", "Hillary Clinton")
# Capitalised words that open a sentence or a phrase before a name, not part of it.
_FUNCTION_WORDS = frozenset({
    "a", "an", "and", "as", "at", "because", "but", "by", "for", "former", "from", "if", "in", "now", "of", "on",
    "or", "said", "says", "so", "the", "then", "to", "when", "where", "whatever", "while", "who", "with", "without",
})
# A sentence ends at a line break, or at . ? ! (and closing quotes) before a space, but not after
# an honorific, a title abbreviation or an initial ("Mrs. Clinton", "Donald J. Trump").
_SENTENCE_END = re.compile(
    r"\n|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bGov)(?<!\bRep)(?<!\bGen)(?<!\bJr)"
    r"(?<!\b[A-Z])[.?!]+[\"”’']*(?= )"
)


@dataclass(frozen=True)
class Merge:
    """A name form joined to a speaker whose name differs from it."""

    form: str
    speaker_id: str
    speaker: str
    mentions: int


def speakers(store: Store) -> dict[str, tuple[str, str, int, int]]:
    """id -> (name, type, mentions, articles) of every corpus speaker."""
    rows = store.query("SELECT id, name, speaker_type, mentions, articles FROM corpus_speakers")
    return {r[0]: (r[1], r[2], int(r[3]), int(r[4])) for r in rows}


def aliases(store: Store) -> dict[str, list[tuple[str, int]]]:
    """speaker id -> its name forms with their mentions, most mentioned first."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for speaker_id, alias, mentions in store.query(
        "SELECT speaker_id, alias, mentions FROM speaker_aliases ORDER BY speaker_id, mentions DESC, alias"
    ):
        found[speaker_id].append((alias, int(mentions)))
    return found


def merges(store: Store) -> list[Merge]:
    """Every (form, speaker) pair whose form is not the speaker's own name, in a fixed order."""
    names = speakers(store)
    found = [
        Merge(form, speaker_id, names[speaker_id][0], mentions)
        for speaker_id, forms in aliases(store).items() for form, mentions in forms
        if alias_key(form) != alias_key(names[speaker_id][0])
    ]
    return sorted(found, key=lambda m: (m.speaker_id, m.form))


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) holding ``text[start:end]``, on one line."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    left = max((i for i in ends if i <= start), default=0)
    right = min((i for i in ends if i >= end), default=len(text))
    return " ".join(text[left:right].split())


def surname_of(form: str) -> str:
    """The last word of a name form as written ("Clinton" for "Hillary Rodham Clinton")."""
    parsed = parse_name(form)
    return (parsed.display if parsed else form).split()[-1]


def namesakes(text: str, form: str) -> list[str]:
    """How ``text`` writes the people with the surname of ``form``, with counts: full names
    ("Bill Clinton"), honorific forms ("Mrs. Clinton") and the bare surname."""
    surname = surname_of(form)
    counted: dict[str, int] = defaultdict(int)
    for match in re.finditer(rf"((?:[A-Z][\w.’'-]* ){{0,3}}){re.escape(surname)}\b", text):
        words = match.group(1).split()
        while words and words[0].casefold() in _FUNCTION_WORDS:
            words.pop(0)
        counted[" ".join([*words, surname])] += 1
    return [f"{name} ({n})" for name, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))]


def named_at(text: str, form: str) -> str | None:
    """The first sentence of ``text`` that names the surname of ``form``."""
    match = re.search(rf"\b{re.escape(surname_of(form))}\b", text)
    return sentence_at(text, match.start(), match.end()) if match else None


def evidence(store: Store, merge: Merge, rng: random.Random, count: int = 2) -> list[str]:
    """Up to ``count`` attributions whose article named ``merge.form`` as the speaker, described."""
    rows = store.query(
        "SELECT a.id, a.doc_id, a.outlet, a.published, t.idx, t.source_text, t.source_spans, a.text"
        " FROM attributions t JOIN articles a ON a.id = t.article_id"
        " JOIN attribution_speakers s ON s.article_id = t.article_id AND s.idx = t.idx"
        " WHERE t.speaker = ? AND s.speaker_id = ? ORDER BY a.id, t.idx",
        (merge.form, merge.speaker_id),
    )
    lines = []
    for _, doc_id, outlet, published, idx, source, spans, text in rng.sample(rows, min(count, len(rows))):
        start, end = _first_span(spans)
        lines.append(f"    {doc_id} ({outlet}, {str(published)[:10]}) #{idx}, source {source!r}:")
        lines.append(textwrap.indent(textwrap.fill(sentence_at(text, start, end), 110), "      | "))
        first = named_at(text, merge.form)
        if first and surname_of(merge.form) not in (source or ""):
            lines.append("      first named in the article:")
            lines.append(textwrap.indent(textwrap.fill(first, 110), "      | "))
        lines.append(f"      the surname in the article: {', '.join(namesakes(text, merge.form)) or 'none'}")
    return lines


def _first_span(spans: object) -> tuple[int, int]:
    """The first ``[start, end]`` of a stored span list (JSON text in SQLite, JSON in PostgreSQL)."""
    parsed = json.loads(spans) if isinstance(spans, str) else spans
    return (int(parsed[0][0]), int(parsed[0][1])) if parsed else (0, 0)


def print_top(store: Store, top: int) -> None:
    """The ``top`` most mentioned speakers with their name forms."""
    names, forms = speakers(store), aliases(store)
    print(f"## Top {top} speakers\n")
    ranked = sorted(names.items(), key=lambda kv: (-kv[1][2], kv[0]))[:top]
    for rank, (speaker_id, (name, kind, mentions, articles)) in enumerate(ranked, 1):
        joined = ", ".join(f"{f} {n}" for f, n in forms.get(speaker_id, []))
        print(f"{rank:>2}. {name} ({kind}, {speaker_id}): {mentions} mentions, {articles} articles; forms: {joined}")
    print()


def check_separate(store: Store) -> bool:
    """Print and return whether each of :data:`SEPARATE` is a speaker apart from :data:`TOP_TWO`."""
    names, forms = speakers(store), aliases(store)
    holders = defaultdict(set)
    for speaker_id, pairs in forms.items():
        for form, _ in pairs:
            holders[alias_key(form)].add(speaker_id)
    top = {name: holders.get(alias_key(name), set()) for name in TOP_TWO}
    print("## Separate people\n")
    ok = True
    for name, ids in top.items():
        print(f"{name}: {', '.join(f'{i} ({names[i][0]}, {names[i][2]} mentions)' for i in sorted(ids)) or 'MISSING'}")
        ok &= len(ids) == 1
    top_ids = set().union(*top.values())
    for name in SEPARATE:
        ids = holders.get(alias_key(name), set())
        inside = ids & top_ids
        described = ", ".join(f"{i} ({names[i][0]}, {names[i][2]} mentions)" for i in sorted(ids)) or "not quoted"
        print(f"{name}: {described}{' -- JOINED TO A TOP SPEAKER' if inside else ''}")
        ok &= not inside
    # No form of the top two may name another person: a different given name or a suffix.
    for name, ids in top.items():
        want = parse_name(name)
        for speaker_id in ids:
            for form, n in forms[speaker_id]:
                parsed = parse_name(form)
                if parsed and parsed.is_full and (parsed.given[0] != want.given[0] or parsed.suffix):
                    print(f"{name} holds the form {form!r} ({n}) -- ANOTHER PERSON")
                    ok = False
    # Forms of the top two left out of them: other persons (or a bare surname of any type) named with their surname.
    kept_apart = top_ids | {i for other in SEPARATE for i in holders.get(alias_key(other), set())}
    for name in top:
        surname = parse_name(name).surname
        others = [
            f"{names[i][0]!r} ({names[i][1]}, {names[i][2]})" for i in sorted(names, key=lambda i: -names[i][2])
            if i not in kept_apart and surname in alias_key(names[i][0]).split()
            and (names[i][1] in ("person", "unknown") or alias_key(names[i][0]) == surname)
        ]
        print(f"other speakers named with '{surname}', not joined to {name}: {', '.join(others) or 'none'}")
    print(f"\nseparate-people bar: {'met' if ok else 'NOT met'}\n")
    return ok


def print_merges(store: Store, count: int, seed: int) -> None:
    """``count`` merges drawn with ``seed``, each with the evidence to judge it."""
    rng = random.Random(seed)
    found = merges(store)
    sample = rng.sample(found, min(count, len(found)))
    print(f"## {len(sample)} of {len(found)} merges (seed {seed})\n")
    for n, merge in enumerate(sample, 1):
        print(f"M{n:02}. {merge.form!r} -> {merge.speaker} ({merge.speaker_id}), {merge.mentions} mentions")
        for line in evidence(store, merge, rng):
            print(line)
        print()


def print_clusters(store: Store, count: int, seed: int) -> None:
    """``count`` clusters of two or more outlets drawn with ``seed``, each appearance with its first marked."""
    rng = random.Random(seed)
    spread = store.query(
        "SELECT id, text, first_article_id, first_idx, first_outlet, first_published, outlets, quotes"
        " FROM quote_clusters WHERE outlets >= 2 ORDER BY id"
    )
    sample = rng.sample(spread, min(count, len(spread)))
    print(f"## {len(sample)} of {len(spread)} clusters run by two or more outlets (seed {seed})\n")
    for n, (cluster_id, text, first_article, first_idx, first_outlet, first_day, outlets, quotes) in enumerate(sample, 1):
        print(f"C{n:02}. {cluster_id}: {outlets} outlets, {quotes} quotes; text: {text!r}")
        members = store.query(
            "SELECT a.id, a.doc_id, a.outlet, a.published, q.idx, t.speaker, q.text FROM cluster_quotes q"
            " JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN attributions t ON t.article_id = q.article_id AND t.idx = q.idx"
            " WHERE q.cluster_id = ? ORDER BY a.published, a.id, q.idx",
            (cluster_id,),
        )
        for article_id, doc_id, outlet, published, idx, speaker, quote in members:
            first = " FIRST" if (article_id, idx) == (first_article, first_idx) else ""
            print(f"    {str(published)[:10]} {outlet or '-':<14} {doc_id} #{idx} [{speaker}]{first}")
            print(textwrap.indent(textwrap.fill(quote, 110), "      | "))
        print(f"    first appearance: {first_outlet}, {str(first_day)[:10]}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, metavar="URL", help="a store of PolNeAR with its corpus index")
    parser.add_argument("--seed", type=int, default=20161108)
    parser.add_argument("--merges", type=int, default=50)
    parser.add_argument("--clusters", type=int, default=30)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument(
        "--rebuild", action="store_true",
        help="rebuild the corpus index first (after a change to the registry or the clustering code)",
    )
    args = parser.parse_args()
    with open_store(args.db, create=False) as store:
        if args.rebuild:
            rebuild(store)
        elif update(store) is not None:  # what 'sayso ingest' does at its end, had it not finished
            print(f"audit: the corpus index of {args.db} lagged behind the store: rebuilt it", file=sys.stderr)
        print_top(store, args.top)
        ok = check_separate(store)
        print_merges(store, args.merges, args.seed)
        print_clusters(store, args.clusters, args.seed)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Where the lost attributions die: every gold attribution sayso misses, sorted by stage.

A gold attribution counts as found when sayso's output (the flat view) matches it at who-said-what
level (the referee's rule: content Dice >= 0.5 and the source matching, one to one).
Every other one is put in the first stage that lost it:

- **no cue candidate**: no word of its cue became a candidate (the cue model scored it
  below the judge's floor, or it is not a word the model scores), and no candidate
  elsewhere matches it;
- **no content found**: its cue scored above the floor but the rules attached nothing to it;
- **judge**: some candidate matches it (content and source), but the output does not: the
  judge rejected it, or a rival with the same content won;
- **attachment: content**: candidates on its cue, none of whose contents overlaps its content;
- **span edges**: a candidate on its cue overlaps its content, but by Dice < 0.5;
- **attachment: source**: a candidate on its cue has its content but a wrong or missing source.

The table also counts the misses per cue lemma (the lemma of the gold cue's head word).

    .venv/bin/python bench/recall.py [GOLD.jsonl ...] [--top N] [--json]

By default it reads PolNeAR dev and the world-news dev set from ../shared.
"""

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc

from sayso.eval_records import read_gold
from sayso.nlp import load
from sayso.pipeline.attributions import Attributor
from sayso.pipeline.cues import features, index_doc, is_candidate
from sayso.records import flat
from sayso.spanmatch import SOFT_DICE, ScoredText, Unit, dice, match_greedily, overlapping_pairs, role_score
from sayso.train import cue_heads

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT = (SHARED / "polnear" / "dev.jsonl", SHARED / "worldnews" / "dev.jsonl")
STAGES = ("no cue candidate", "no content found", "judge", "attachment: content", "span edges",
          "attachment: source")
ROLES = ("content", "source", "cue")


def _units(text: ScoredText, record: dict | object) -> dict[str, Unit]:
    """The three roles of a gold dict or a candidate/attribution record as scoring units."""
    if isinstance(record, dict):
        spans = {r: record.get(r) or [] for r in ROLES}
    else:
        spans = {r: [(s.start, s.end) if hasattr(s, "start") else s for s in getattr(record, r)] for r in ROLES}
    return {r: Unit(text, tuple(sorted(map(tuple, spans[r])))) for r in ROLES}


def _who_said_what(gold: dict[str, Unit], pred: dict[str, Unit]) -> float | None:
    """The referee's who-said-what score of a pair, or None when it does not match."""
    content = dice(gold["content"], pred["content"])
    source = role_score(gold["source"], pred["source"])
    return content + source if content >= SOFT_DICE and source is not None else None


def _found(gold: list[dict[str, Unit]], pred: list[dict[str, Unit]]) -> set[int]:
    """Indices of the gold attributions the output matches one to one."""
    pairs = [(s, i, j) for i, j in overlapping_pairs([g["content"] for g in gold], [p["content"] for p in pred])
             if (s := _who_said_what(gold[i], pred[j])) is not None]
    return {i for i, _ in match_greedily(pairs)}


def stage(gold: dict[str, Unit], candidates: list[dict[str, Unit]], cue_prob: float, floor: float) -> str:
    """The first stage that lost a missed gold attribution (see the module docstring)."""
    if any(_who_said_what(gold, c) is not None for c in candidates):
        return "judge"
    on_cue = [c for c in candidates if gold["cue"].overlaps(c["cue"]) and dice(gold["cue"], c["cue"]) > 0]
    if not on_cue:
        return "no content found" if cue_prob >= floor else "no cue candidate"
    if any(dice(gold["content"], c["content"]) >= SOFT_DICE for c in on_cue):
        return "attachment: source"
    if any(gold["content"].overlaps(c["content"]) and dice(gold["content"], c["content"]) > 0 for c in on_cue):
        return "span edges"
    return "attachment: content"


def misses(attributor: Attributor, docs: list[Doc], gold_records: list[dict]) -> list[tuple[str, str, str]]:
    """(stage, cue lemma, where) of every gold attribution the output misses; ``where`` names
    the document, the cue and the content's opening words, for reading the misses one by one."""
    floor = min(attributor.threshold, attributor.quoted_threshold,
                attributor.judge.floor if attributor.judge else 1.0)
    lost = []
    for record, doc in zip(gold_records, docs, strict=True):
        text = ScoredText(record["doc_id"], record["text"])
        quotes = doc._.quotes or []
        index = index_doc(doc, quotes)
        gold = [_units(text, a) for a in record["attributions"]]
        output = [_units(text, a) for a in flat(attributor(doc, quotes))]
        candidates = [_units(text, c) for c in attributor.candidates(doc, quotes, index)]
        found = _found(gold, output)
        for i, a in enumerate(record["attributions"]):
            if i in found:
                continue
            heads = sorted(cue_heads(doc, [a]))
            head = doc[heads[0]] if heads else None
            prob = attributor.model.probability(features(head, index)) if head is not None and is_candidate(head) else 0.0
            lemma = head.lemma_.lower() if head is not None else "(none)"
            cue = " ".join(record["text"][s:e] for s, e in a["cue"])
            content = " ".join(record["text"][s:e] for s, e in a["content"])
            where = f"{record['doc_id']}: [{cue}] {content[:70]!r}"
            lost.append((stage(gold[i], candidates, prob, floor), lemma, where))
    return lost


def table(name: str, n_gold: int, lost: list[tuple[str, str, str]], top: int) -> str:
    """Markdown: misses per stage, then the lemmas with the most misses, by stage."""
    by_stage = Counter(s for s, _, _ in lost)
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    for s, lemma, _ in lost:
        by_lemma[lemma][s] += 1
    lines = [f"**{name}**: {n_gold} gold attributions, {len(lost)} missed at who-said-what "
             f"(recall {1 - len(lost) / n_gold:.3f})", "",
             "| stage | missed | share of gold |", "| --- | ---: | ---: |"]
    lines += [f"| {s} | {by_stage[s]} | {by_stage[s] / n_gold:.3f} |" for s in STAGES]
    lines += ["", "| cue lemma | missed | " + " | ".join(STAGES) + " |", "| --- " + "| ---: " * (len(STAGES) + 1) + "|"]
    for lemma, counts in sorted(by_lemma.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]:
        lines.append(f"| {lemma} | {sum(counts.values())} | " + " | ".join(str(counts[s] or "") for s in STAGES) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, default=list(DEFAULT))
    parser.add_argument("--top", type=int, default=25, help="cue lemmas listed per set")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", action="store_true", help="also list every miss: stage, document, cue, content")
    args = parser.parse_args()

    nlp = load()
    attributor = nlp.get_pipe("sayso_attributions").attributor
    results = {}
    for path in args.gold:
        gold = read_gold(path)
        with nlp.select_pipes(disable=["sayso_attributions", "sayso_speakers", "sayso_context"]):
            docs = list(nlp.pipe((g["text"] for g in gold), batch_size=16))
        n_gold = sum(len(g["attributions"]) for g in gold)
        results[path.name if path.parent.name == "." else f"{path.parent.name}/{path.name}"] = (
            n_gold, misses(attributor, docs, gold))
    if args.json:
        print(json.dumps({name: {"gold": n, "missed": [list(x) for x in lost]} for name, (n, lost) in results.items()}))
        return
    print("\n\n".join(table(name, n, lost, args.top) for name, (n, lost) in results.items()))
    if args.list:
        for name, (_, lost) in results.items():
            print(f"\n{name}")
            print("\n".join(f"{s:<20} {where}" for s, _, where in sorted(lost)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Tune and measure the accurate tier (issue 17): who-said-what with and without the tagger.

    .venv/bin/python bench/accurate.py --model DIR [--theta 0.3 0.5 ...] [--alpha 0 0.2 ...] [--write]

Runs the base pipeline and the tagger once over PolNeAR dev (the documents with speaker labels,
as ``sayso eval --speakers bench/labels/polnear-dev-speakers.jsonl`` scores them) and the
world-news dev set, then re-runs only sayso's own components for every (theta, alpha) of the
grid (:class:`sayso.pipeline.tagger.Blend`), so a grid costs one parse. The row "off" is the
default pipeline (no tagger): it must equal ``sayso eval``'s figures. Tuning picks the best
PolNeAR dev who-said-what; world-news is the quasi-held-out check, never tuned on, and PolNeAR
test is never read. ``--write`` stores the best setting in DIR's blend.json.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from pathlib import Path

import sayso
from sayso.eval_records import apply_speaker_labels, read_gold
from sayso.evaluate import resolution_report, score
from sayso.nlp import SAYSO_COMPONENTS
from sayso.pipeline.tagger import SETTINGS_FILE, Blend
from sayso.records import flat

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
ROOT = Path(__file__).resolve().parents[1]


def sets() -> dict[str, list[dict]]:
    """PolNeAR dev (speaker-labelled documents) and world-news dev, as ``sayso eval`` reads them."""
    polnear = apply_speaker_labels(read_gold(SHARED / "polnear" / "dev.jsonl"),
                                   ROOT / "bench" / "labels" / "polnear-dev-speakers.jsonl")
    return {"polnear-dev": polnear, "worldnews-dev": read_gold(SHARED / "worldnews" / "dev.jsonl")}


def figures(nlp, docs, gold: list[dict], blend: Blend | None) -> dict[str, float]:
    """Re-run sayso's components after the tagger on parsed ``docs`` with ``blend`` (None: no
    tagger) and score them."""
    after = [(name, proc) for name, proc in nlp.pipeline if name in SAYSO_COMPONENTS and name != "sayso_quotes"]
    preds = []
    for doc, record in zip(docs, gold, strict=True):
        doc._.tagged = replace(doc._.tagger_output, blend=blend) if blend is not None else None
        for _, proc in after:
            doc = proc(doc)
        preds.append({"doc_id": record["doc_id"], "attributions": [a.to_dict() for a in flat(doc._.attributions)]})
    report = score(gold, preds)
    out = {f"strict {r}": report["span_strict"][r]["f1"] for r in ("source", "cue", "content")}
    out["detection"] = report["attribution"]["detection"]["f1"]
    out["who-said-what"] = report["attribution"]["who-said-what"]["f1"]
    if any("speaker" in a for r in gold for a in r["attributions"]):
        res = resolution_report(gold, preds)
        out["speaker"] = res["accuracy"].get("speaker")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, type=Path)
    parser.add_argument("--theta", type=float, nargs="*", default=[0.3, 0.5, 0.7, 0.9])
    parser.add_argument("--alpha", type=float, nargs="*", default=[0.0, 0.2, 0.4, 0.6])
    parser.add_argument("--write", action="store_true", help="store the best setting in the model's blend.json")
    args = parser.parse_args()
    from spacy.tokens import Doc

    if not Doc.has_extension("tagger_output"):
        Doc.set_extension("tagger_output", default=None)
    nlp = sayso.load(accurate=args.model)
    parsed = {}
    for name, gold in sets().items():
        with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in SAYSO_COMPONENTS and p != "sayso_quotes"]):
            docs = list(nlp.pipe(r["text"] for r in gold))
        for doc in docs:
            doc._.tagger_output = doc._.tagged
        parsed[name] = (docs, gold)
    rows = {}
    grid = [None] + [Blend(t, a) for t in args.theta for a in args.alpha]
    for blend in grid:
        key = "off" if blend is None else f"theta={blend.theta} alpha={blend.alpha}"
        rows[key] = {name: figures(nlp, docs, gold, blend) for name, (docs, gold) in parsed.items()}
        print(key, json.dumps({n: {k: round(v, 4) for k, v in f.items() if v is not None}
                                for n, f in rows[key].items()}), flush=True)
    best = max((k for k in rows if k != "off"), key=lambda k: rows[k]["polnear-dev"]["who-said-what"])
    print("best on PolNeAR dev:", best, json.dumps(rows[best]))
    print("off:", json.dumps(rows["off"]))
    if args.write:
        blend = grid[list(rows).index(best)]
        assert blend is not None
        (args.model / SETTINGS_FILE).write_text(json.dumps(asdict(blend), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Ablation on PolNeAR dev: what each learned part of sayso_attributions adds.

Configurations, each scored with sayso.evaluate (the referee's figures):

1. rules only: cues from a hand-written list of reporting verbs, spans from the
   dependency rules;
2. learned cues: the cue model instead of the list;
3. + learned span boundaries;
4. + the judge (what ships).

The texts are parsed once; only the attribution step is re-run per configuration.

    .venv/bin/python bench/ablation.py [--data ../shared/data/polnear/dev.jsonl] [--json]
"""

import argparse
import json
from pathlib import Path

from sayso.eval_records import read_gold
from sayso.evaluate import score
from sayso.nlp import load
from sayso.pipeline.attributions import Attributor
from sayso.pipeline.cues import CueModel
from sayso.pipeline.learned import MODEL_DIR, LearnedModels
from sayso.records import flat

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"
# The rules-only baseline's cue list: verbs (and "according") that introduce reported speech,
# as a careful rule writer would list them without looking at the corpus.
REPORTING = (
    "say tell add according state claim allege insist argue warn deny admit acknowledge explain "
    "note write tweet post announce report suggest believe think call describe refer ask reply "
    "respond answer urge accuse praise criticize predict promise vow declare confirm assert "
    "contend maintain complain recall reveal estimate testify"
).split()


def lexicon_model() -> CueModel:
    """A cue "model" that accepts exactly the listed lemmas: the rules-only baseline."""
    weights = {"bias": -10.0, **{f"l={lemma}": 20.0 for lemma in REPORTING}}
    return CueModel(weights=weights)


def configurations(model_dir: Path) -> dict[str, Attributor]:
    learned = LearnedModels.from_disk(model_dir)
    cues, spans, judge = learned.cues, learned.spans, learned.judge
    return {
        "rules only": Attributor(lexicon_model(), 0.5, 0.5),
        "learned cues": Attributor(cues, 0.45, 0.25),
        "+ span boundaries": Attributor(cues, 0.45, 0.25, spans),
        "+ judge (shipped)": Attributor(cues, 0.45, 0.25, spans, judge),
    }


ROWS = (
    ("span_strict", "source"), ("span_strict", "cue"), ("span_strict", "content"),
    ("attribution", "detection"), ("attribution", "who-said-what"), ("attribution", "full"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--models", type=Path, default=MODEL_DIR)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    gold = read_gold(args.data)
    nlp = load()
    with nlp.select_pipes(disable=["sayso_attributions", "sayso_speakers", "sayso_context"]):
        docs = list(nlp.pipe((g["text"] for g in gold), batch_size=16))
    results = {}
    for name, attributor in configurations(args.models).items():
        pred = [{"doc_id": g["doc_id"], "attributions": [a.to_dict() for a in flat(attributor(d, d._.quotes))]}
                for g, d in zip(gold, docs, strict=True)]
        report = score(gold, pred)
        results[name] = {f"{section}/{key}": report[section][key]["f1"] for section, key in ROWS}
    if args.json:
        print(json.dumps(results, indent=1))
        return
    header = ["configuration"] + [f"{s.replace('span_', '')} {k}" for s, k in ROWS]
    print("| " + " | ".join(header) + " |")
    print("| --- " + "| ---: " * len(ROWS) + "|")
    for name, figures in results.items():
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in figures.values()) + " |")


if __name__ == "__main__":
    main()

"""Build sayso's learned parts from annotated data in the referee's JSONL shape.

``python -m sayso.train --train TRAIN.jsonl --out sayso/pipeline/model`` rebuilds
the shipped cue model from PolNeAR train. It is deterministic (fixed seed, sorted
features), so a rerun gives the same weights and the same figures.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sayso.pipeline.cues import MODEL_PATH, CueModel, features, index_doc, is_candidate
from sayso.pipeline.quotes import find_quotes

log = logging.getLogger(__name__)
# PolNeAR train article whose annotator marked everything "Discuss" and annotated nothing.
UNANNOTATED = frozenset({"breitbart_2016-06-29_donald-trump-denies-mike-tyson-i"})
SEED = 0


def read_gold(path: Path) -> list[dict]:
    """Annotated documents ``{"doc_id", "text", "attributions"}``, minus known-unannotated ones."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if r["doc_id"] not in UNANNOTATED]


def cue_heads(doc: Doc, attributions: list[dict]) -> set[int]:
    """Indices of the tokens heading a gold cue (the token whose head lies outside the cue)."""
    heads: set[int] = set()
    for a in attributions:
        ids = {
            t.i
            for s, e in a.get("cue") or []
            for t in (doc.char_span(s, e, alignment_mode="expand") or [])
        }
        for i in ids:
            tok = doc[i]
            if tok.head.i not in ids or tok.head.i == i:
                heads.add(i)
                break
    return heads


def cue_examples(docs: Iterable[Doc], rows: Iterable[dict]) -> Iterator[tuple[list[str], int]]:
    """(features, label) for every candidate token of every document."""
    for doc, row in zip(docs, rows):
        gold = cue_heads(doc, row["attributions"])
        index = index_doc(doc, find_quotes(doc.text))
        for tok in doc:
            if is_candidate(tok):
                yield features(tok, index), int(tok.i in gold)


def fit_cue_model(
    examples: Iterable[tuple[list[str], int]], c: float = 0.5, min_count: int = 3
) -> CueModel:
    """Logistic regression over the sparse features; the weights become a plain dict."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, labels = [], []
    counts: Counter[str] = Counter()
    for f, y in examples:
        feats.append(f)
        counts.update(f)
        labels.append(y)
    # Features seen fewer than min_count times carry noise and bloat the shipped model.
    kept = {f for f, n in counts.items() if n >= min_count}
    vec = DictVectorizer(sort=True)
    feats = [{f: 1 for f in fs if f in kept} for fs in feats]
    x = vec.fit_transform(feats)
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=SEED)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-3}
    weights["bias"] = weights.get("bias", 0.0) + round(float(clf.intercept_[0]), 5)
    return CueModel(weights=weights)


def parse(nlp: Language, rows: list[dict], n_process: int = 1) -> list[Doc]:
    """Parse the texts with the base pipeline only (sayso's own components are not needed)."""
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("sayso_")]):
        return list(nlp.pipe((r["text"] for r in rows), batch_size=16, n_process=n_process))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_PATH.parent)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)
    import spacy

    from sayso.nlp import BASE_MODEL

    rows = read_gold(args.train)
    docs = parse(spacy.load(BASE_MODEL), rows, args.n_process)
    model = fit_cue_model(cue_examples(docs, rows))
    model.to_disk(args.out / "cues.json")
    print(f"cue model: {len(model.weights)} weights -> {args.out / 'cues.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build sayso's learned parts from annotated data in the referee's JSONL shape.

:func:`train` (``sayso train``) parses the texts with the base spaCy pipeline and
fits the three learned parts on them: the cue model, the span boundary model and
the judge. It is deterministic (fixed seed, sorted features), so
a rerun gives the same weights and the same figures; the shipped models in
``sayso/pipeline/model`` are built by it from PolNeAR train.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from sayso.pipeline.attributions import Attributor
from sayso.pipeline.cues import CueModel, features, index_doc, is_candidate
from sayso.pipeline.judge import Judge
from sayso.pipeline.learned import LearnedModels
from sayso.pipeline.quotes import find_quotes
from sayso.pipeline.spans import ROLES, SpanModel, child_features
from sayso.spanmatch import SOFT_DICE, ScoredText, Unit, dice, role_score

log = logging.getLogger(__name__)
# PolNeAR train article whose annotator marked everything "Discuss" and annotated nothing.
UNANNOTATED = frozenset({"breitbart_2016-06-29_donald-trump-denies-mike-tyson-i"})
SEED = 0


def trainable(records: list[dict]) -> list[dict]:
    """The records to learn from: known-unannotated articles left out."""
    return [r for r in records if r["doc_id"] not in UNANNOTATED]


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
    for doc, row in zip(docs, rows, strict=True):
        gold = cue_heads(doc, row["attributions"])
        index = index_doc(doc, find_quotes(doc.text))
        for tok in doc:
            if is_candidate(tok):
                yield features(tok, index), int(tok.i in gold)


def _gold_tokens(doc: Doc, spans: list[list[int]]) -> list[Token]:
    return [t for s, e in spans for t in (doc.char_span(s, e, alignment_mode="expand") or [])]


def span_examples(docs: Iterable[Doc], rows: Iterable[dict]) -> Iterator[tuple[list[str], int]]:
    """(features, label) for every dependent of every gold role head: is its subtree in the span?

    A dependent holding another role's tokens is a question about itself alone
    (``partial``), as at inference.
    """
    for doc, row in zip(docs, rows, strict=True):
        in_quote = index_doc(doc, find_quotes(doc.text)).in_quote
        for a in row["attributions"]:
            cue_ids = cue_heads(doc, [a])
            if not cue_ids:
                continue
            cue = doc[min(cue_ids)]
            roles = {r: _gold_tokens(doc, a.get(r) or []) for r in ROLES}
            ids = {r: {t.i for t in toks} for r, toks in roles.items()}
            taken_by = {"source": {cue.i}, "content": {cue.i} | ids["source"],
                        "cue": ids["source"] | ids["content"]}
            for role, toks in roles.items():
                heads = [cue] if role == "cue" else [t for t in toks if t.head.i not in ids[role] or t.head == t]
                for head in heads:
                    for child in head.children:
                        sub = [t.i for t in child.subtree]
                        if any(i in taken_by[role] for i in sub):
                            if child.i not in taken_by[role]:
                                yield (child_features(role, head, child, cue, in_quote, partial=True),
                                       int(child.i in ids[role]))
                            continue
                        inside = sum(i in ids[role] for i in sub) / len(sub)
                        yield child_features(role, head, child, cue, in_quote), int(inside >= 0.5)


def fit_weights(
    examples: Iterable[tuple[list[str], int]], c: float = 0.5, min_count: int = 3
) -> dict[str, float]:
    """Logistic regression over sparse binary features; the weights become a plain dict."""
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
    x = vec.fit_transform([{f: 1 for f in fs if f in kept} for fs in feats])
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=SEED)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-3}
    # The intercept is stored as the weight of "bias", which models add to every score.
    weights["bias"] = weights.get("bias", 0.0) + round(float(clf.intercept_[0]), 5)
    return weights


def fit_cue_model(
    examples: Iterable[tuple[list[str], int]], c: float = 0.5, min_count: int = 3
) -> CueModel:
    """The cue model: :func:`fit_weights` over :func:`cue_examples`."""
    return CueModel(weights=fit_weights(examples, c, min_count))


def fit_span_model(examples: Iterable[tuple[list[str], int]], c: float = 0.5) -> SpanModel:
    """The span boundary model: :func:`fit_weights` over :func:`span_examples`."""
    return SpanModel(weights=fit_weights(examples, c, min_count=2))


def _units(text: ScoredText, spans: Sequence[Sequence[int]] | None) -> Unit:
    return Unit(text, tuple(sorted((start, end) for start, end in spans or [])))


def _matches_gold(found: tuple[Unit, Unit, Unit], gold: list[tuple[Unit, Unit, Unit]]) -> bool:
    """Whether a candidate's (content, source, cue) matches some gold attribution's, softly.

    The cue counts too: of two candidates for one content ("went on to discuss" and
    "discuss"), the judge should learn to keep the one whose cue is the annotators'.
    """
    content, source, cue = found
    return any(dice(g_content, content) >= SOFT_DICE and role_score(g_source, source) is not None
               and dice(g_cue, cue) >= SOFT_DICE for g_content, g_source, g_cue in gold)


def judge_examples(
    docs: list[Doc], rows: list[dict], spans: SpanModel, folds: int = 2, floor: float = 0.1
) -> Iterator[tuple[list[str], int]]:
    """(evidence, label) for candidates built by cue models that never saw their document.

    Each fold's documents get candidates from a cue model fitted on the other folds,
    so the judge learns how reliable the cue probabilities are on unseen text.
    """
    for k in range(folds):
        fit_on = [i for i in range(len(docs)) if i % folds != k]
        cues = fit_cue_model(cue_examples([docs[i] for i in fit_on], [rows[i] for i in fit_on]))
        attributor = Attributor(cues, threshold=floor, quoted_threshold=floor, spans=spans)
        for i in range(k, len(docs), folds):
            doc = docs[i]
            text = ScoredText(rows[i]["doc_id"], doc.text)
            gold = [(_units(text, a.get("content")), _units(text, a.get("source")), _units(text, a.get("cue")))
                    for a in rows[i]["attributions"]]
            quotes = find_quotes(text.text)
            for f in attributor.candidates(doc, quotes, index_doc(doc, quotes)):
                label = _matches_gold((_units(text, f.content), _units(text, f.source), _units(text, f.cue)), gold)
                yield list(f.evidence), int(label)


# Tuned on PolNeAR dev: who-said-what F1 0.716 / 0.721 / 0.717 and strict content F1 0.602 /
# 0.605 / 0.604 at 0.30 / 0.34 / 0.38 (2026-12-07, with every line a sentence for the parser;
# 0.714 at 0.38 before).
JUDGE_THRESHOLD = 0.34


def fit_judge(examples: Iterable[tuple[list[str], int]], floor: float = 0.1) -> Judge:
    """The judge: :func:`fit_weights` over :func:`judge_examples`."""
    return Judge(weights=fit_weights(examples, c=0.5, min_count=2), threshold=JUDGE_THRESHOLD, floor=floor)


def parse(nlp: Language, rows: list[dict], n_process: int = 1) -> list[Doc]:
    """Parse the texts with the base pipeline only (sayso's own components are not needed)."""
    from sayso.nlp import SAYSO_COMPONENTS

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p not in SAYSO_COMPONENTS]):
        return list(nlp.pipe((r["text"] for r in rows), batch_size=16, n_process=n_process))


@dataclass
class TrainReport:
    """What a training run built, and how the result scores on dev when dev was given."""

    out: Path
    train_docs: int
    weights: dict[str, int]
    seconds: float
    dev: dict[str, Any] | None = None


def train(
    train_records: list[dict],
    out: Path,
    dev_records: list[dict] | None = None,
    n_process: int = 1,
    progress: Callable[[str], None] = log.info,
) -> TrainReport:
    """Build every learned model from annotated records into ``out``.

    Args:
        train_records: ``{"doc_id", "text", "attributions"}`` records (the referee's gold shape).
        out: the model directory to write; ``sayso.load(models=out)`` uses it.
        dev_records: if given, the pipeline with the new models is scored on them.
        n_process: processes for parsing with spaCy.
        progress: called with a line of text at each step.
    """
    from sayso.nlp import BASE_MODEL, load_base

    started = time.perf_counter()
    rows = trainable(train_records)
    progress(f"parsing {len(rows)} training documents")
    docs = parse(load_base(BASE_MODEL), rows, n_process)
    progress("fitting the cue model")
    cues = fit_cue_model(cue_examples(docs, rows))
    progress("fitting the span boundary model")
    spans = fit_span_model(span_examples(docs, rows))
    progress("fitting the judge (two cross-fitted cue models)")
    judge = fit_judge(judge_examples(docs, rows, spans))
    LearnedModels(cues, spans, judge).to_disk(out)
    report = TrainReport(out, len(rows), {"cue": len(cues.weights), "span": len(spans.weights),
                                          "judge": len(judge.weights)}, 0.0)
    if dev_records is not None:
        from sayso.evaluate import predict, score
        from sayso.nlp import load

        progress(f"scoring on {len(dev_records)} dev documents")
        nlp = load(models=str(out))
        report.dev = score(dev_records, list(predict(dev_records, nlp=nlp)))
    report.seconds = time.perf_counter() - started
    return report

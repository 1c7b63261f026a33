"""Scoring attributions against gold in the referee's JSONL shape.

The project's quality figures come from the referee ``../shared/bench/score.py``,
which is not shipped. This module gives the same figures, to the last bit and in
the same JSON structure, so that ``sayso eval`` can be run anywhere and its output
compared with the referee's directly. The comparison rules live in
:mod:`sayso.spanmatch`, reading and checking the records in :mod:`sayso.eval_records`;
this module counts, reports, and runs sayso on gold texts.

Gold lines: ``{"doc_id", "text", "attributions": [{"source", "cue", "content"}]}``
with ``[start, end]`` pairs as Python ``str`` offsets into ``text``. Prediction
lines: ``{"doc_id", "attributions": [...]}``, for example sayso's own output;
other keys are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from sayso.errors import Errors, SaysoError
from sayso.eval_records import (
    ROLES,
    Attributions,
    EvalInputError,
    Labelled,
    apply_speaker_labels,
    check_gold,
    check_max_docs,
    check_predictions,
    json_lines,
    numbered,
    read_gold,
)
from sayso.nlp import DEFAULT_BATCH_SIZE, extract_many
from sayso.records import flat
from sayso.resolution import FieldScores, score_fields
from sayso.spanmatch import (
    SOFT_DICE,
    ScoredText,
    Spans,
    Unit,
    dice,
    has_quote,
    match_greedily,
    overlapping_pairs,
    role_score,
)

__all__ = ["EvalInputError", "evaluate", "format_report", "predict", "read_gold", "score", "score_files"]

LEVELS = ("detection", "who-said-what", "full")
QUOTE_GROUPS = ("quoted", "unquoted")


# ---------------------------------------------------------------- counting


@dataclass
class _Tally:
    """True positives, predicted and gold units of one metric, summed over documents."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self) -> dict[str, float | int]:
        """Precision, recall, F1; 0/0 is 1.0 when both sides are empty, else 0.0."""
        p = _ratio(self.tp, self.pred, self.gold)
        r = _ratio(self.tp, self.gold, self.pred)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "pred": self.pred, "gold": self.gold}


def _ratio(num: int, den: int, other: int) -> float:
    if den:
        return num / den
    return 1.0 if other == 0 else 0.0


def _recalls(n: int, found: dict[str, int]) -> dict[str, int | float | None]:
    """Recall of each level over a group of ``n`` gold attributions; None for an empty group."""
    return {"n": n, **{level: count / n if n else None for level, count in found.items()}}


def _distinct(units: list[Unit]) -> list[Unit]:
    """One unit per distinct span list, in order of first appearance: a shared source counts once."""
    by_spans: dict[Spans, Unit] = {}
    for unit in units:
        if not unit.empty:
            by_spans.setdefault(unit.spans, unit)
    return list(by_spans.values())


def _span_matches(gold: list[Unit], pred: list[Unit]) -> tuple[int, int]:
    """How many of the distinct spans of one role match one-to-one, strictly and softly.

    Strict candidates are ranked by their Dice score too, however low, as the referee does.
    """
    strict, soft = [], []
    for i, j in overlapping_pairs(gold, pred):
        score = dice(gold[i], pred[j])
        if score >= SOFT_DICE:
            soft.append((score, i, j))
        if gold[i].strictly_equals(pred[j]):
            strict.append((score, i, j))
    return len(match_greedily(strict)), len(match_greedily(soft))


def _quote_group(text: ScoredText, content: Spans) -> str:
    """Whether a gold content is a direct or mixed quote ("quoted") or a paraphrase."""
    return "quoted" if has_quote("\n".join(text.text[s:e] for s, e in content)) else "unquoted"


def _attribution_candidates(gold: list[dict[str, Unit]], pred: list[dict[str, Unit]]) -> dict[str, list]:
    """Candidate pairs per level, scored by the sum of the Dice scores the level requires."""
    candidates: dict[str, list[tuple[float, int, int]]] = {level: [] for level in LEVELS}
    contents = [g["content"] for g in gold], [p["content"] for p in pred]
    for i, j in overlapping_pairs(*contents):
        g, p = gold[i], pred[j]
        content = dice(g["content"], p["content"])
        if content < SOFT_DICE:
            continue
        candidates["detection"].append((content, i, j))
        source = role_score(g["source"], p["source"])
        if source is None:
            continue
        candidates["who-said-what"].append((content + source, i, j))
        cue = role_score(g["cue"], p["cue"])
        if cue is not None:
            candidates["full"].append((content + source + cue, i, j))
    return candidates


def _score(texts: list[ScoredText], gold: dict[str, Attributions], pred: dict[str, Attributions]) -> dict[str, Any]:
    """Counts over all documents first, ratios last: the figures are micro-averaged."""
    token = {r: _Tally() for r in ROLES}
    strict = {r: _Tally() for r in ROLES}
    soft = {r: _Tally() for r in ROLES}
    attribution = {level: _Tally() for level in LEVELS}
    quote_n = dict.fromkeys(QUOTE_GROUPS, 0)
    quote_found = {group: dict.fromkeys(LEVELS, 0) for group in QUOTE_GROUPS}

    for text in texts:
        g_atts, p_atts = gold[text.doc_id], pred.get(text.doc_id, [])
        g_units = [{r: Unit(text, a[r]) for r in ROLES} for a in g_atts]
        p_units = [{r: Unit(text, a[r]) for r in ROLES} for a in p_atts]

        for r in ROLES:
            g_tokens = frozenset().union(*(u[r].tokens for u in g_units))
            p_tokens = frozenset().union(*(u[r].tokens for u in p_units))
            token[r].add(len(g_tokens & p_tokens), len(p_tokens), len(g_tokens))

            g_spans, p_spans = _distinct([u[r] for u in g_units]), _distinct([u[r] for u in p_units])
            n_strict, n_soft = _span_matches(g_spans, p_spans)
            strict[r].add(n_strict, len(p_spans), len(g_spans))
            soft[r].add(n_soft, len(p_spans), len(g_spans))

        groups = [_quote_group(text, a["content"]) for a in g_atts]
        for group in groups:
            quote_n[group] += 1
        for level, candidates in _attribution_candidates(g_units, p_units).items():
            matches = match_greedily(candidates)
            attribution[level].add(len(matches), len(p_atts), len(g_atts))
            for i, _ in matches:
                quote_found[groups[i]][level] += 1

    token_all = _Tally()
    for tally in token.values():
        token_all.add(tally.tp, tally.pred, tally.gold)
    return {
        "docs": {
            "gold": len(texts),
            "with_prediction": sum(t.doc_id in pred for t in texts),
            "gold_attributions": attribution["detection"].gold,
            "pred_attributions": attribution["detection"].pred,
        },
        "token": {**{r: t.prf() for r, t in token.items()}, "all": token_all.prf()},
        "span_strict": {r: t.prf() for r, t in strict.items()},
        "span_soft": {r: t.prf() for r, t in soft.items()},
        "attribution": {level: t.prf() for level, t in attribution.items()},
        "recall_by_quote": {group: _recalls(quote_n[group], quote_found[group]) for group in QUOTE_GROUPS},
    }


def _score_labelled(gold_records: Labelled, pred_records: Labelled, max_docs: int | None) -> dict[str, Any]:
    check_max_docs(max_docs)
    gold = check_gold(gold_records)
    scored = gold.texts[:max_docs]
    return _score(scored, gold.attributions, check_predictions(pred_records, gold, scored))


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]], max_docs: int | None = None) -> dict[str, Any]:
    """All of the referee's figures for predictions ``pred`` against ``gold`` records.

    Args:
        gold: records with ``doc_id``, ``text`` and ``attributions``, in the order that
            ``max_docs`` counts.
        pred: records with ``doc_id`` and ``attributions``; a gold document without one
            counts as predicting nothing.
        max_docs: score only the first N gold documents; predictions for the others are ignored.

    Returns:
        The referee's ``--json`` object: ``docs``, ``token``, ``span_strict``, ``span_soft``,
        ``attribution`` (each role or level with p, r, f1, tp, pred, gold) and ``recall_by_quote``.

    Raises:
        EvalInputError: a malformed record, a span outside its text, an unknown or repeated doc_id.
    """
    return _score_labelled(numbered(gold, "gold"), numbered(pred, "prediction"), max_docs)


def score_files(gold_path: str | Path, pred_path: str | Path, max_docs: int | None = None) -> dict[str, Any]:
    """:func:`score` on two JSONL files, with errors naming the file and line."""
    return _score_labelled(json_lines(gold_path), json_lines(pred_path), max_docs)


# ---------------------------------------------------------------- running and reporting


def predict(
    gold: list[dict[str, Any]], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
    nested: bool = False,
) -> Iterator[dict[str, Any]]:
    """sayso's prediction record ``{"doc_id", "attributions"}`` for each gold text, in order:
    the flat view the referee scores, or with ``nested`` every attribution (see
    :attr:`sayso.records.Attribution.parent`)."""
    texts = (record["text"] for record in gold)
    for record, found in zip(gold, extract_many(texts, nlp=nlp, batch_size=batch_size), strict=True):
        yield {"doc_id": record["doc_id"], "attributions": [a.to_dict() for a in (found if nested else flat(found))]}


def evaluate(
    gold_path: str | Path,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_docs: int | None = None,
    predictions_path: str | Path | None = None,
    speakers_path: str | Path | None = None,
    nested: bool = False,
) -> dict[str, Any]:
    """Run sayso on the texts of a gold file and score the result (see :func:`score`).

    Args:
        gold_path: gold JSONL; it is checked before the pipeline runs.
        nlp: the pipeline, by default :func:`sayso.load`'s.
        batch_size: texts per ``nlp.pipe`` batch.
        max_docs: run on and score only the first N gold documents.
        predictions_path: also write the predictions there as JSONL, one line per document,
            so that the referee can score the very same output.
        speakers_path: speaker labels for some of the gold documents (see
            :func:`sayso.eval_records.apply_speaker_labels`); only those documents are run and scored.
        nested: score every attribution, statements nested in another's content included, for
            gold that annotates them (the example article); by default the flat view PolNeAR
            annotates and the referee scores.
    """
    check_max_docs(max_docs)
    gold = read_gold(gold_path)
    if speakers_path is not None:
        gold = apply_speaker_labels(gold, speakers_path)
    gold = gold[:max_docs]
    predictions = list(predict(gold, nlp=nlp, batch_size=batch_size, nested=nested))
    if predictions_path is not None:
        try:
            with open(predictions_path, "w", encoding="utf-8") as out:
                out.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
        except OSError as exc:
            raise SaysoError(Errors.E032.format(path=predictions_path, detail=exc.strerror)) from None
    report = score(gold, predictions)
    if any("speaker" in a for record in gold for a in record["attributions"]):
        report["resolution"] = resolution_report(gold, predictions)
    return report


def resolution_report(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """Speaker, role, channel and hedge accuracy over who-said-what matches, for gold that has them.

    An extra the referee does not score; see :mod:`sayso.resolution`.
    """
    by_id = {p["doc_id"]: p["attributions"] for p in pred}
    total = FieldScores()
    for record in gold:
        total.add(score_fields(record["text"], record["attributions"], by_id.get(record["doc_id"], [])))
    return total.to_dict()


def format_report(report: dict[str, Any]) -> str:
    """The figures of :func:`score` as an aligned table, laid out like the referee's."""
    docs = report["docs"]
    lines = [
        f"docs: {docs['gold']} gold, {docs['with_prediction']} with predictions; "
        f"attributions: {docs['gold_attributions']} gold, {docs['pred_attributions']} predicted",
        "",
        f"{'metric':<12} {'role/level':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>7} {'pred':>7} {'gold':>7}",
    ]
    for section in ("token", "span_strict", "span_soft", "attribution"):
        for name, m in report[section].items():
            lines.append(
                f"{section.replace('_', '-'):<12} {name:<14} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} "
                f"{m['tp']:7d} {m['pred']:7d} {m['gold']:7d}"
            )
    by_quote = report["recall_by_quote"]
    quoted, unquoted = by_quote["quoted"], by_quote["unquoted"]
    lines += [
        "",
        f"{'attribution recall':<27} {'quoted':>8} {'unquoted':>9}",
        f"{'gold attributions':<27} {quoted['n']:>8d} {unquoted['n']:>9d}",
    ]
    for level in LEVELS:
        cells = ["-" if group[level] is None else f"{group[level]:.3f}" for group in (quoted, unquoted)]
        lines.append(f"{level:<27} {cells[0]:>8} {cells[1]:>9}")
    if "resolution" in report:
        res = report["resolution"]
        lines += ["", f"resolved fields over {res['matched']} who-said-what matches (of {res['gold']} gold):"]
        lines += [f"{name:<27} {acc:8.3f}" for name, acc in res["accuracy"].items()]
        grades = res["speaker_grades"]
        lines.append(f"{'speaker grades':<27} {grades['right']} right, {grades['partial']} partial, {grades['wrong']} wrong")
        channel = res["channel_given"]
        if channel["gold"]:
            lines.append(f"{'channel where gold gives one':<27} {channel['accuracy']:8.3f} ({channel['right']} of {channel['gold']})")
        gender = res["speaker_gender"]
        if gender["gold"]:
            lines.append(f"{'speaker_gender':<27} {gender['accuracy']:8.3f} ({gender['right']} of {gender['gold']} gold genders)")
    return "\n".join(lines)

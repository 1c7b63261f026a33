"""Building the cue model from annotated data: gold labels, determinism, a usable model."""


import pytest

from sayso.eval_records import read_gold
from sayso.pipeline.cues import features, index_doc
from sayso.pipeline.quotes import find_quotes
from sayso.spanmatch import ScoredText, Unit
from sayso.train import UNANNOTATED, _matches_gold, cue_examples, cue_heads, fit_cue_model, parse, trainable


@pytest.fixture(scope="module")
def sample(nlp, polnear_train_path):
    rows = trainable(read_gold(polnear_train_path))[:25]
    return rows, parse(nlp, rows)


def test_train_skips_the_unannotated_article(polnear_train_path):
    rows = read_gold(polnear_train_path)
    assert any(r["doc_id"] in UNANNOTATED for r in rows)
    assert not any(r["doc_id"] in UNANNOTATED for r in trainable(rows))


def test_train_cue_head_is_the_verb_of_a_multiword_cue(nlp):
    text = "The campaign said in a statement that it would appeal."
    doc = nlp(text)
    start = text.index("said in a statement")
    gold = [{"cue": [[start, start + len("said in a statement")]]}]
    assert [doc[i].text for i in cue_heads(doc, gold)] == ["said"]


def test_train_is_deterministic_and_learns_said(sample, nlp):
    rows, docs = sample
    first = fit_cue_model(cue_examples(docs, rows), min_count=1)
    second = fit_cue_model(cue_examples(docs, rows), min_count=1)
    assert first.weights == second.weights
    doc = nlp("“We will appeal,” the senator said on Monday.")
    index = index_doc(doc, find_quotes(doc.text))
    said = next(t for t in doc if t.text == "said")
    monday = next(t for t in doc if t.text == "Monday")
    assert first.probability(features(said, index)) > 0.5 > first.probability(features(monday, index))


def test_judge_label_asks_for_the_annotators_cue():
    # PolNeAR dev: the annotators' cue is "went on to discuss", so a candidate cued "discuss"
    # alone, with the same content and source, is not what they marked.
    text = ScoredText("dev", "Caddell went on to discuss recently released polls, including ones showing Trump leading.")

    def unit(*phrases: str) -> Unit:
        return Unit(text, tuple((text.text.index(p), text.text.index(p) + len(p)) for p in phrases))

    content, source = unit("recently released polls, including ones showing Trump leading"), unit("Caddell")
    gold = [(content, source, unit("went on to discuss"))]
    assert _matches_gold((content, source, unit("went on to discuss")), gold)
    assert not _matches_gold((content, source, unit("discuss")), gold)

"""The accurate tier's component and how its probabilities enter candidates and the judge; the
default pipeline without it; the coded errors when its model or its extra is missing."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

import sayso
from sayso.errors import SaysoError
from sayso.pipeline.attributions import Attributor
from sayso.pipeline.cues import index_doc
from sayso.pipeline.quotes import quotes_of
from sayso.pipeline.tagger import MODEL_FILE, SETTINGS_FILE, TOKENIZER_FILE, Blend, Tagged, TokenTagger

TEXT = ("The figures meant that prices would rise, the minister said on Tuesday.\n\n"
        '"We are optimistic," she added. Critics were concerned that the figures were wrong.')


def _rerun(nlp, doc, tagged: Tagged | None) -> list:
    doc._.tagged = tagged
    return [a.to_dict() for a in nlp.get_pipe("sayso_attributions")(doc)._.attributions]


def test_the_default_pipeline_has_no_tagger_and_tags_nothing(nlp):
    assert "sayso_tagger" not in nlp.pipe_names
    assert nlp(TEXT)._.tagged is None


def test_a_tagger_that_admits_nothing_and_weighs_nothing_changes_nothing(nlp):
    doc = nlp(TEXT)
    plain = _rerun(nlp, doc, None)
    neutral = Tagged([[0.0, 0.0, 0.0] for _ in doc], Blend(theta=1.01, alpha=0.0))
    assert plain and _rerun(nlp, doc, neutral) == plain


def test_the_blend_moves_the_judges_confidence_towards_the_tagger(nlp):
    doc = nlp(TEXT)
    sure = _rerun(nlp, doc, Tagged([[1.0, 1.0, 1.0] for _ in doc], Blend(theta=1.01, alpha=1.0)))
    assert sure and all(a["confidence"] == pytest.approx(1.0) for a in sure)


def test_a_word_the_tagger_marks_as_a_cue_is_a_candidate_below_the_cue_models_floor(nlp):
    doc = nlp(TEXT)
    default = nlp.get_pipe("sayso_attributions").attributor
    strict = Attributor(default.model, 0.99, 0.99, default.spans, replace(default.judge, floor=0.99))
    quotes = quotes_of(doc._.quotes or [])
    meant = next(t.i for t in doc if t.text == "meant")
    probabilities = [[1.0 if t.i == meant else 0.0, 0.0, 0.0] for t in doc]
    heads = {f.head for f in strict.candidates(doc, quotes, index_doc(doc, quotes))}
    tagged = Tagged(probabilities, Blend(theta=0.5, alpha=0.3))
    with_tagger = strict.candidates(doc, quotes, index_doc(doc, quotes), tagged)
    assert meant not in heads
    assert meant in {f.head for f in with_tagger}
    assert all(f.tagger is not None for f in with_tagger)


def test_a_directory_without_a_built_tagger_is_error_e149(tmp_path):
    with pytest.raises(SaysoError, match="E149.*tagger.onnx is missing"):
        sayso.load(accurate=tmp_path)


def test_a_missing_accurate_extra_is_error_e150_naming_the_package(tmp_path, monkeypatch):
    for name in (MODEL_FILE, TOKENIZER_FILE, SETTINGS_FILE):
        (tmp_path / name).write_text("{}", encoding="utf-8")  # a directory that looks built
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # what an import of a package not installed does
    with pytest.raises(SaysoError, match=r"E150.*onnxruntime.*sayso\[accurate\]"):
        TokenTagger(tmp_path)

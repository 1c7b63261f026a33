"""Batches of documents through the pipeline, failures kept per document."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sayso.batch import Extracted, extract_batch, extract_documents, sections
from sayso.ingest import Document, IngestError


@Language.component("test_fails_on_bomb")
def _fails_on_bomb(doc):
    if "BOMB" in doc.text:
        raise ValueError("component choked")
    doc._.attributions = []
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    import sayso.pipeline  # noqa: F401  (declares doc._.attributions)

    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_bomb")
    return nlp


def _doc(name: str, text: str) -> Document:
    return Document(name, text, f"{name}.txt")


def test_batch_keeps_input_order_with_errors_in_place(fragile_nlp):
    error = IngestError("gone.txt", "[E010] gone.txt: no such file or directory")
    items = [_doc("a", "Haidai said."), error, _doc("b", "Reno said."), _doc("c", "Kivinen said.")]
    batches = list(extract_documents(items, fragile_nlp, batch_size=2))
    assert [len(b) for b in batches] == [2, 2]
    flat = [r for b in batches for r in b]
    assert flat[1] is error
    assert [r.document.doc_id for r in flat if isinstance(r, Extracted)] == ["a", "b", "c"]


def test_batch_failing_document_becomes_an_error_and_the_others_survive(fragile_nlp):
    items = [_doc("a", "Haidai said."), _doc("bad", "BOMB said Reno."), _doc("c", "Kivinen said.")]
    [batch] = extract_documents(items, fragile_nlp, batch_size=8)
    assert [type(r).__name__ for r in batch] == ["Extracted", "IngestError", "Extracted"]
    assert batch[1].reason == "[E020] bad.txt: extraction failed (ValueError: component choked)"


def test_batch_of_errors_only_needs_no_pipeline():
    error = IngestError("empty.txt", "[E001] empty.txt: empty document (no text)")
    assert list(extract_documents([error], nlp=None)) == [[error]]


def test_sections_cut_a_long_text_at_paragraph_breaks_and_leave_an_article_whole(bakhmut_text):
    assert sections(bakhmut_text) == [(0, len(bakhmut_text))]
    text = "\n\n".join([bakhmut_text] * 5)
    cuts = sections(text, limit=len(bakhmut_text) + 10)
    assert len(cuts) == 5 and cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(cuts, cuts[1:]))  # nothing lost, nothing twice
    assert all(text[start:end].strip() == bakhmut_text for start, end in cuts)
    words = "said " * 1000  # no break of any kind but spaces
    assert all(end - start <= 300 and words[end - 1] == " " for start, end in sections(words, limit=300)[:-1])


def test_a_text_run_in_sections_gives_each_section_the_attributions_of_its_article_alone(
        nlp, bakhmut_text, monkeypatch):
    alone = extract_batch([_doc("one", bakhmut_text)], nlp)[0]
    text = "\n\n".join([bakhmut_text] * 3)
    monkeypatch.setattr("sayso.batch.SECTION_CHARS", len(bakhmut_text) + 10)
    long = extract_batch([_doc("three", text)], nlp)[0]
    assert isinstance(alone, Extracted) and isinstance(long, Extracted) and alone.attributions
    step = len(bakhmut_text) + 2
    for n in range(3):
        moved = [a.moved(n * step, n * len(alone.every)).to_dict() for a in alone.every]
        assert [a.to_dict() for a in long.every[n * len(moved):(n + 1) * len(moved)]] == moved
    for a in long.attributions:
        assert all(text[s.start:s.end] == s.text for s in (*a.content, *a.cue, *a.source))
    assert [p.attribution for p in long.relays] == [
        p.attribution + n * len(alone.attributions) for n in range(3) for p in alone.relays]

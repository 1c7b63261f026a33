"""Batches of documents through the pipeline, failures kept per document."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sayso.batch import Extracted, extract_documents
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

"""The tagger's export: the ONNX graph ``sayso train --accurate`` writes computes what the PyTorch
model does, its int8 quantisation stays close, and the pipeline's component reads it. On a small
randomly initialised encoder of MiniLM's shape (the real checkpoint is an 83 MB download)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

torch = pytest.importorskip("torch", reason="needs PyTorch (pip install 'sayso[train-accurate]')")
pytest.importorskip("onnx", reason="needs onnx (pip install 'sayso[train-accurate]')")
ort = pytest.importorskip("onnxruntime", reason="needs onnxruntime (pip install 'sayso[accurate]')")

from sayso.accurate.encoder import Tagger  # noqa: E402
from sayso.accurate.fit import FitReport, _export, examples  # noqa: E402
from sayso.pipeline.tagger import MODEL_FILE, SETTINGS_FILE, TOKENIZER_FILE, Blend, TokenTagger  # noqa: E402

CONFIG = {"vocab_size": 64, "hidden_size": 32, "max_position_embeddings": 64, "type_vocab_size": 2,
          "layer_norm_eps": 1e-12, "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
          "num_attention_heads": 4, "num_hidden_layers": 2, "intermediate_size": 64, "pad_token_id": 0}
TEXT = 'The minister said that the deficit had halved.\n\n"We are optimistic," she added.'


@pytest.fixture(scope="module")
def built(tmp_path_factory, wordpiece_tokenizer):
    torch.manual_seed(0)
    model = Tagger(CONFIG).eval()
    out = tmp_path_factory.mktemp("tagger")
    report = FitReport(str(out), 0, 0, 0, 0.0, {})
    _export(model, out, report)
    wordpiece_tokenizer.save(str(out / TOKENIZER_FILE))
    (out / SETTINGS_FILE).write_text(json.dumps(asdict(Blend())), encoding="utf-8")
    return model, out, report


def test_the_onnx_graph_gives_the_models_probabilities_and_int8_stays_close(built, wordpiece_tokenizer):
    model, out, report = built
    ((window, _),) = examples([{"text": TEXT, "attributions": []}], wordpiece_tokenizer)
    ids = torch.tensor([window.ids])
    mask = torch.ones_like(ids)
    with torch.no_grad():
        expected = model(ids, mask).numpy()
    feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
    fp32 = ort.InferenceSession(str(out / "tagger.fp32.onnx")).run(None, feed)[0]
    int8 = ort.InferenceSession(str(out / MODEL_FILE)).run(None, feed)[0]
    assert fp32.shape == (1, len(window.ids), 3)
    assert abs(fp32 - expected).max() < 1e-4
    assert abs(int8 - fp32).max() < 0.1
    assert report.int8_bytes < report.fp32_bytes


def test_padding_does_not_change_a_windows_probabilities(built):
    model, _, _ = built
    ids = torch.tensor([[2, 5, 6, 7, 3, 0, 0], [2, 5, 6, 7, 3, 9, 3]])
    mask = (ids != 0).long()
    with torch.no_grad():
        both = model(ids, mask)
        alone = model(ids[:1, :5], mask[:1, :5])
    assert torch.allclose(both[0, :5], alone[0], atol=1e-5)


def test_the_component_tags_every_token_of_a_doc(built):
    import spacy

    _, out, _ = built
    doc = TokenTagger(out)(spacy.blank("en")(TEXT))
    assert len(doc._.tagged.probabilities) == len(doc)
    words = [t.i for t in doc if not t.is_space]
    assert all(0.0 < doc._.tagged.probabilities[i][k] < 1.0 for i in words for k in range(3))
    assert doc._.tagged.blend == Blend()

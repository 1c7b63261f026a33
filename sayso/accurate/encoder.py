"""all-MiniLM-L6-v2 in plain PyTorch, with a tagging head: a 6-layer BERT whose module names
match the checkpoint's, so its weights load as they are, and three sigmoid outputs per wordpiece.

Written out rather than taken from ``transformers``: training needs the forward pass and nothing
else, and the ONNX graph exported from it is all that inference ever runs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F


class _Embeddings(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        h = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], h, padding_idx=cfg.get("pad_token_id", 0))
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], h)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], h)
        self.LayerNorm = nn.LayerNorm(h, eps=cfg["layer_norm_eps"])
        self.dropout = nn.Dropout(cfg["hidden_dropout_prob"])

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.word_embeddings(ids) + self.position_embeddings(positions) + self.token_type_embeddings.weight[0]
        return self.dropout(self.LayerNorm(x))


class _SelfAttention(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        h = cfg["hidden_size"]
        self.heads = cfg["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.dropout = cfg["attention_probs_dropout_prob"]

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, h // self.heads).transpose(1, 2)

        q, k, v = (split(F.linear(x, p.weight, p.bias)) for p in (self.query, self.key, self.value))
        scores = q @ k.transpose(-1, -2) / math.sqrt(h // self.heads) + bias
        weights = F.dropout(scores.softmax(-1), self.dropout, self.training)
        return (weights @ v).transpose(1, 2).reshape(b, n, h)


class _Output(nn.Module):
    """A dense layer, dropout, then the residual and LayerNorm (BERT's "output" blocks)."""

    def __init__(self, cfg: dict, inner: int) -> None:
        super().__init__()
        self.dense = nn.Linear(inner, cfg["hidden_size"])
        self.LayerNorm = nn.LayerNorm(cfg["hidden_size"], eps=cfg["layer_norm_eps"])
        self.dropout = nn.Dropout(cfg["hidden_dropout_prob"])

    def forward(self, x: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class _Attention(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.self = _SelfAttention(cfg)
        self.output = _Output(cfg, cfg["hidden_size"])


class _Intermediate(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])


class _Layer(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.attention = _Attention(cfg)
        self.intermediate = _Intermediate(cfg)
        self.output = _Output(cfg, cfg["intermediate_size"])

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        x = self.attention.output(self.attention.self(x, bias), x)
        return self.output(F.gelu(self.intermediate.dense(x)), x)


class _Encoder(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer(cfg) for _ in range(cfg["num_hidden_layers"]))


class Tagger(nn.Module):
    """The encoder and a linear head of three logits per wordpiece (cue, source, content)."""

    def __init__(self, cfg: dict, roles: int = 3) -> None:
        super().__init__()
        self.embeddings = _Embeddings(cfg)
        self.encoder = _Encoder(cfg)
        self.dropout = nn.Dropout(cfg["hidden_dropout_prob"])
        self.head = nn.Linear(cfg["hidden_size"], roles)

    def logits(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bias = (1.0 - mask[:, None, None, :].to(torch.float32)) * -1e4  # padding is never attended to
        x = self.embeddings(ids)
        for layer in self.encoder.layer:
            x = layer(x, bias)
        return self.head(self.dropout(x))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Probabilities (what the exported graph outputs)."""
        return torch.sigmoid(self.logits(ids, mask))


def pretrained(base: Path, seed: int) -> Tagger:
    """A :class:`Tagger` with the encoder's weights from ``base`` (a directory of
    :mod:`sayso.accurate.base`'s files) and a head initialised from ``seed``."""
    from safetensors.torch import load_file

    torch.manual_seed(seed)
    model = Tagger(json.loads((base / "config.json").read_text(encoding="utf-8")))
    # The checkpoint's pooler (for sentence embeddings) and position ids (a buffer) are not used.
    state = {k: v for k, v in load_file(str(base / "model.safetensors")).items()
             if k != "embeddings.position_ids" and not k.startswith("pooler.")}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or set(missing) != {"head.weight", "head.bias"}:
        raise RuntimeError(f"the encoder's checkpoint does not fit: missing {missing}, unexpected {unexpected}")
    return model

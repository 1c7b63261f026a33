"""Component ``sayso_tagger`` (the accurate tier): per-token cue/source/content probabilities
from a fine-tuned encoder, for candidate generation and the judge (:mod:`sayso.pipeline.attributions`).

The tagger is all-MiniLM-L6-v2 fine-tuned on PolNeAR train by ``sayso train --accurate``
(:mod:`sayso.accurate`), run here as an ONNX graph with ONNX Runtime and the encoder's fast
tokenizer: no PyTorch. It reads the text in paragraph windows (:mod:`sayso.pipeline.wordpieces`)
and gives each spaCy token the largest probability of its wordpieces, per role, as
``doc._.tagged``. It is in the pipeline only when asked for (``sayso.load(accurate=...)``); without
it, ``doc._.tagged`` is None and the attributions are exactly the default pipeline's.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sayso.errors import Errors, SaysoError
from sayso.pipeline.wordpieces import ROLES, token_maxima, windows

MODEL_FILE = "tagger.onnx"
TOKENIZER_FILE = "tokenizer.json"
SETTINGS_FILE = "blend.json"
# Where a built tagger is looked for when none is named (nothing ships there by default).
DEFAULT_DIR = Path(__file__).parent / "model" / "accurate"


@dataclass(frozen=True)
class Blend:
    """How the tagger's probabilities are used: a token whose cue probability reaches ``theta``
    is a cue candidate even when the linear cue model ruled it out, and a candidate's confidence is
    ``(1 - alpha) * judge + alpha * tagger``, the tagger's part being the mean probability of each
    role over the candidate's tokens of that role."""

    # The best of bench/accurate.py's grid on PolNeAR dev among settings that use the tagger
    # (2026-12-08; none beat the default pipeline: bench/RESULTS.md, "Accurate tier").
    theta: float = 0.9
    alpha: float = 0.15


@dataclass(frozen=True)
class Tagged:
    """The tagger's output on a doc: ``probabilities[i]`` is token i's (cue, source, content)."""

    probabilities: list[list[float]]
    blend: Blend

    def mean(self, role: int, tokens: list[int]) -> float:
        return sum(self.probabilities[i][role] for i in tokens) / len(tokens) if tokens else 0.0


def check_tagger_dir(directory: Path) -> None:
    """Raise E149 when ``directory`` holds no built tagger."""
    for name in (MODEL_FILE, TOKENIZER_FILE, SETTINGS_FILE):
        if not (directory / name).is_file():
            raise SaysoError(Errors.E149.format(path=directory, file=name))


class TokenTagger:
    """Writes ``doc._.tagged``: an ONNX Runtime session and the tokenizer of a built tagger."""

    def __init__(self, directory: str | Path, threads: int = 1, batch_size: int = 8) -> None:
        from sayso.extras import require

        directory = Path(directory)
        check_tagger_dir(directory)
        ort = require("onnxruntime", Errors.E150.format(what="onnxruntime"))
        tokenizers = require("tokenizers", Errors.E150.format(what="tokenizers"))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(directory / MODEL_FILE), options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizers.Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.blend = Blend(**json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8")))
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np

        wins = windows(doc.text, self.tokenizer)
        rows: list = []
        for at in range(0, len(wins), self.batch_size):
            batch = wins[at:at + self.batch_size]
            n = max(len(w.ids) for w in batch)
            ids = np.zeros((len(batch), n), dtype=np.int64)
            mask = np.zeros((len(batch), n), dtype=np.int64)
            for k, w in enumerate(batch):
                ids[k, :len(w.ids)] = w.ids
                mask[k, :len(w.ids)] = 1
            out = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            rows.extend(out[k, :len(w.ids)].tolist() for k, w in enumerate(batch))
        extents = [(t.idx, t.idx + len(t.text)) for t in doc]
        doc._.tagged = Tagged(token_maxima(extents, wins, rows), self.blend)
        return doc


@Language.factory("sayso_tagger", default_config={"directory": str(DEFAULT_DIR), "threads": 1},
                  assigns=["doc._.tagged"])
def make_tagger(nlp: Language, name: str, directory: str, threads: int) -> TokenTagger:
    """Args: directory: a tagger built by ``sayso train --accurate``; threads: ONNX Runtime's
    intra-op threads."""
    return TokenTagger(directory, threads)


__all__ = ["DEFAULT_DIR", "MODEL_FILE", "ROLES", "SETTINGS_FILE", "TOKENIZER_FILE", "Blend", "Tagged", "TokenTagger"]

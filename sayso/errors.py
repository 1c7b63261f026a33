"""sayso's error messages, each with a stable code, in one place.

Code raises ``SaysoError(Errors.E003.format(origin=..., detail=...))``; reading
``Errors.E003`` gives the message with its code in front (``"[E003] ..."``), so
users can search for the code and tests can match on it while the wording
changes. Every message names the input it is about and the reason.
"""

from __future__ import annotations


class SaysoError(Exception):
    """A problem with sayso's input or environment that the user can fix."""


class _Coded(type):
    """Prefix a message with its attribute name when it is read, as spaCy's errors do."""

    def __getattribute__(cls, code: str) -> str:
        message = super().__getattribute__(code)
        if code[:1] in "EW" and code[1:].isdigit():
            return f"[{code}] {message}"
        return message


class Errors(metaclass=_Coded):
    """Coded message templates; format them with the named fields."""

    # Reading input (sayso.ingest): one per document, the rest of the batch goes on.
    E001 = "{origin}: empty document (no text)"
    E002 = "{origin}: binary data (NUL bytes), not text"
    E003 = "{origin}: not valid UTF-8 ({detail})"
    E004 = "{origin}: text too long ({size}; the limit is {limit:,} characters)"
    E005 = "{origin}: malformed JSON ({detail})"
    E006 = "{origin}: JSONL record is {kind}, not an object"
    E007 = '{origin}: JSONL record has no "text" field'
    E008 = '{origin}: "text" is {kind}, not a string'
    E009 = '{origin}: "doc_id" is {kind}, not a string or integer'
    E010 = "{origin}: no such file or directory"
    E011 = "{origin}: cannot read ({detail})"
    E012 = "{origin}: directory holds no .txt files"
    E013 = "{origin}: text has an unpaired surrogate at character {position}, not valid Unicode"
    # Running the pipeline (sayso.batch).
    E020 = "{origin}: extraction failed ({detail})"
    # Store and output (fatal for a run).
    E030 = "{path}: cannot open the store ({detail})"
    E031 = "{path}: store schema version {found} is newer than this sayso ({supported})"
    E032 = "{path}: cannot write output ({detail})"
    E033 = "{path}: cannot write to the store ({detail})"
    # Annotated documents and models for training (sayso.formats, sayso train, --models): fatal for a run.
    E040 = "{path}: folder holds no brat .ann files"
    E041 = "{path}: brat annotation file has no text file {txt} beside it"
    E042 = (
        "{origin}: {ident} says {stored} but the text at {offsets} is {found} "
        "(offsets counted in another unit, e.g. UTF-16 after an emoji?)"
    )
    E043 = "{origin}: malformed brat annotation ({detail})"
    E044 = "{path}: annotated documents must be a .jsonl file or a folder of brat .txt/.ann pairs"
    E045 = "{path}: a second document named {doc_id!r} (the first is {first})"
    E046 = "doc_id {doc_id!r} cannot be written as brat files: it must be a plain file name"
    E047 = "{path}: no learned models here ({file} is missing); 'sayso train --out {path}' builds them"
    E048 = "training needs scikit-learn, which is not installed: pip install 'sayso[train]'"

"""Stable article ids: the same article read twice gets the same id.

The id is the SHA-256 of the normalised text, so a re-run over the same files (or
the same article saved with other line endings or Unicode composition) replaces
its earlier results in the store instead of adding a copy. The text itself is
never changed: offsets point into the text exactly as read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_ENDS = re.compile(r"\r\n?")


def normalise(text: str) -> str:
    """``text`` in NFC with ``\\n`` line ends and no surrounding whitespace."""
    return _LINE_ENDS.sub("\n", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Hex SHA-256 of :func:`normalise` (``text``) in UTF-8.

    Defined for any string: a lone surrogate, which readers refuse but a caller
    may pass, is hashed as its own three bytes, so that the document gets an id
    and fails where it is written, alone, rather than wherever its id is asked for.
    """
    return hashlib.sha256(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()

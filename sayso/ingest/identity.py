"""Stable article ids: the same article read twice gets the same id (defined with the records, in :mod:`sayso.records`).

The id is the SHA-256 of the normalised text, so a re-run over the same files (or
the same article saved with other line endings or Unicode composition) replaces
its earlier results in the store instead of adding a copy. The text itself is
never changed: offsets point into the text exactly as read.
"""

from __future__ import annotations

from sayso.records import article_id, normalise

__all__ = ["article_id", "normalise"]

"""sayso: on whose say-so? Attributions from news text.

Public API::

    import sayso
    for a in sayso.extract(text):
        print(a.speaker, a.kind, a.content[0].text)

``extract``, ``extract_many`` and ``load`` come from :mod:`sayso.nlp` when first
used, so that importing any part of sayso that does not run the pipeline (the
store, the corpus index, the server) does not load spaCy.
"""

import logging
from typing import TYPE_CHECKING, Any

from sayso.records import Attribution, Channel, Span

if TYPE_CHECKING:
    from sayso.nlp import extract, extract_many, load

__version__ = "0.1.0"
__all__ = ["Attribution", "Channel", "Span", "__version__", "extract", "extract_many", "load"]
_PIPELINE = frozenset({"extract", "extract_many", "load"})

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name in _PIPELINE:
        from sayso import nlp

        return getattr(nlp, name)
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")

"""sayso: on whose say-so? Attributions from news text.

Public API::

    import sayso
    for a in sayso.extract(text):
        print(a.speaker, a.kind, a.content[0].text)
"""

import logging

from sayso.nlp import extract, extract_many, load
from sayso.records import Attribution, Channel, Span

__version__ = "0.1.0"
__all__ = ["Attribution", "Channel", "Span", "__version__", "extract", "extract_many", "load"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

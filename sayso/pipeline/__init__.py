"""sayso's spaCy components. Importing this package registers their factories.

Order in the pipeline (each reads what the previous ones wrote):
``sayso_quotes`` (quotation marks) → ``sayso_attributions`` (cue, source and
content spans) → ``sayso_speakers`` (who the source is) → ``sayso_context``
(channel and hedging) → ``sayso_relays`` (who posted and passed on what an
attribution quotes).
"""

from sayso.pipeline import attributions, context, quotes, relays, speakers  # noqa: F401
from sayso.pipeline.extensions import ensure_extensions

ensure_extensions()

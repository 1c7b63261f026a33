"""Options several ``sayso`` subcommands share, so that they read and behave the same everywhere."""

from __future__ import annotations

import argparse

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


def pipeline(models: str | None) -> Language | None:
    """The pipeline with the models in ``models``, or None for the default one, loaded when needed."""
    if models is None:
        return None
    check_models(models)
    return load(models=models)


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

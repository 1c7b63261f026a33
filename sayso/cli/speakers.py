"""``sayso speakers``: the speakers in the store, most quoted first, and their curation.

A translation of :meth:`sayso.store.Store.speakers` (each person once,
all their name forms counted together, from the corpus index ``sayso ingest``
builds) and of :func:`sayso.corpus.index.curate`:

    sayso speakers [--top N] [filters]          list
    sayso speakers merge KEEP OTHER             OTHER is the same speaker as KEEP
    sayso speakers split SPEAKER FORM           the name form FORM is someone else
    sayso speakers alias ALIAS CANONICAL        ALIAS is a name of CANONICAL
    sayso speakers import-aliases FILE.csv      alias,canonical rows

Curation is stored and replayed on every later rebuild of the index, so it
survives re-ingesting. A store without an index (written before it existed)
lists each article's names as they are, with a note.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from sayso.cli.options import positive
from sayso.cli.output import grid, printable
from sayso.cli.query import (
    add_filter_options,
    add_store_options,
    open_existing,
    print_json,
)
from sayso.corpus.curation import CurationOp, read_alias_file
from sayso.corpus.index import curate
from sayso.store import DEFAULT_URL, SpeakerCount

_COLUMNS = ("#", "speaker", "type", "attributions", "articles", "role", "other names")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``speakers`` subcommand, with its curation actions, to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "speakers",
        help="list the stored speakers, most quoted first; merge, split or alias them",
        description="Speakers with how many attributions and articles quote them (all their name forms "
        "together), the type and role the articles give them most often, and their other name forms. "
        "Anonymous sources are not listed. The actions correct how name forms are joined; the "
        "corrections are kept in the store and outlive re-ingesting.",
    )
    parser.add_argument("--top", type=positive, metavar="N", help="only the N most quoted")
    add_filter_options(parser, kind=False)
    add_store_options(parser)
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=False)
    for name, first, second, help_text in (
        ("merge", "keep", "other", "make OTHER (a name form or id) the same speaker as KEEP"),
        ("split", "speaker", "form", "take the name form FORM out of SPEAKER: it is someone else"),
        ("alias", "alias", "canonical", "make ALIAS a name of the speaker called CANONICAL (created if unknown)"),
    ):
        action = actions.add_parser(name, help=help_text, description=help_text + ".")
        action.add_argument(first, metavar=first.upper())
        action.add_argument(second, metavar=second.upper())
        _add_db(action)
        action.set_defaults(func=run_curation)
    imported = actions.add_parser(
        "import-aliases", help="add the aliases of a CSV file of alias,canonical rows",
        description="Add an alias for each row of a UTF-8 CSV file of alias,canonical rows (a header row "
        "'alias,canonical' is allowed). Either every row applies or none is kept.",
    )
    imported.add_argument("file", metavar="FILE")
    _add_db(imported)
    imported.set_defaults(func=run_curation)


def _add_db(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the action (sayso speakers --db X merge …) must not be reset here.
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=f"the store (default {DEFAULT_URL})")


def run(args: argparse.Namespace) -> int:
    """Print the speakers as a table or a JSON array."""
    options = {"speaker": args.speaker, "outlet": args.outlet, "since": args.since, "until": args.until}
    with open_existing(args.db) as store:
        indexed = store.index_state() is not None
        found = store.speakers(args.top, **options)
    if not indexed:
        print("sayso: this store has no corpus index yet (run sayso ingest on it): each article's names "
              "are listed as they are", file=sys.stderr)
    if args.format == "json":
        print_json([s.to_dict() for s in found])
    elif found:
        sys.stdout.write(table(found, shutil.get_terminal_size().columns))
    else:
        print("sayso: no speakers stored", file=sys.stderr)
    return 0


def run_curation(args: argparse.Namespace) -> int:
    """Apply one curation action (or an alias file), keep it, and say what the speaker is now."""
    if args.action == "import-aliases":
        ops = read_alias_file(args.file)
    elif args.action == "merge":
        ops = [CurationOp("merge", args.keep, args.other)]
    elif args.action == "split":
        ops = [CurationOp("split", args.speaker, args.form)]
    else:
        ops = [CurationOp("alias", args.canonical, args.alias)]
    with open_existing(args.db) as store:
        speakers = curate(store, ops)
    for op, speaker in zip(ops, speakers, strict=True):
        forms = printable(", ".join(sorted(speaker.aliases)) or speaker.name)
        print(f"sayso: {op.op}: {printable(speaker.name)} ({speaker.id}) has the name forms: {forms}",
              file=sys.stderr)
    return 0


def table(speakers: list[SpeakerCount], width: int) -> str:
    """One line per speaker; the role and other names take the width the other columns leave."""
    caps = {"#": 5, "speaker": 30, "type": 12, "attributions": 12, "articles": 8, "role": 30}
    rows = [
        {
            "#": str(number),
            "speaker": s.name,
            "type": s.type,
            "attributions": str(s.attributions),
            "articles": str(s.articles),
            "role": s.role or "",
            "other names": ", ".join(s.aliases),
        }
        for number, s in enumerate(speakers, start=1)
    ]
    return grid(rows, _COLUMNS, caps, width, keep=("speaker",))

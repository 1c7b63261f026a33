"""``sayso serve``: the store over HTTP, as a REST API and as pages for people, with uvicorn.

A translation of :func:`sayso.serve.create_app`: it reads the options and the
token, and runs the app until interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sayso.cli.options import positive
from sayso.errors import Errors, SaysoError
from sayso.serve import MAX_BODY
from sayso.store import DEFAULT_URL

TOKEN_VARIABLE = "SAYSO_TOKEN"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` subcommand to the ``sayso`` parser."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the store: a REST API and pages to browse it (articles, speakers, search, clusters)",
        description="Serve the store over HTTP until interrupted: the REST API under /api (OpenAPI at "
        "/openapi.json) and pages for people at /. Read-only unless a token is given: then POST "
        "/api/articles stores articles sent with 'Authorization: Bearer TOKEN'.",
    )
    parser.add_argument(
        "--db", default=DEFAULT_URL, metavar="URL",
        help=f"the store: sqlite:///PATH, a plain path or postgresql://… (default {DEFAULT_URL}); it must exist",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1, this machine only)"
    )
    parser.add_argument("--port", type=positive, default=8000, help="the port to listen on (default 8000)")
    parser.add_argument(
        "--token-file", type=Path, metavar="FILE",
        help=f"a file holding the bearer token that allows POST /api/articles (else ${TOKEN_VARIABLE}; "
        "neither: read-only)",
    )
    parser.add_argument(
        "--max-body", type=positive, default=MAX_BODY, metavar="BYTES",
        help=f"the largest request body, and so pasted article, accepted (default {MAX_BODY:,})",
    )
    parser.add_argument(
        "--cors-origin", action="append", default=[], metavar="URL",
        help="an origin whose pages may call the API (repeatable; default none: no CORS headers)",
    )
    parser.add_argument(
        "--workers", type=positive, metavar="N",
        help="processes answering requests, each on its own core (default: one per core, at most 4)",
    )
    parser.add_argument("--access-log", action="store_true", help="log every request on stderr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 2 (through the caller) when the store, the token or the address is unusable."""
    from sayso.serve.app import check_token, create_app
    from sayso.serve.workers import default_workers, serve

    token = check_token(*read_token(args.token_file))
    app = create_app(args.db, token=token, max_body=args.max_body, cors_origins=args.cors_origin)
    mode = "POST /api/articles needs the token" if token else "read-only"
    workers = args.workers or default_workers()
    processes = f"{workers} worker processes" if workers > 1 else "one process"
    print(f"sayso: serving {args.db} on http://{args.host}:{args.port}/ ({mode}) with {processes}", file=sys.stderr)
    serve(app, host=args.host, port=args.port, workers=workers, access_log=args.access_log)
    return 0


def read_token(path: Path | None) -> tuple[str | None, str]:
    """The bearer token from ``path``, else from ``$SAYSO_TOKEN``, and where it came from.

    Raises:
        SaysoError: the file cannot be read (E100).
    """
    if path is not None:
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as e:
            detail = getattr(e, "strerror", None) or str(e)
            raise SaysoError(Errors.E100.format(path=path, detail=detail)) from None
    token = os.environ.get(TOKEN_VARIABLE)
    return token, f"${TOKEN_VARIABLE}"

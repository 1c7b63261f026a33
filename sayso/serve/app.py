"""The ASGI application of ``sayso serve``: REST API under ``/api``, pages everywhere else.

:func:`create_app` puts the parts together: one module per resource (:mod:`~sayso.serve.home`,
:mod:`~sayso.serve.articles`, :mod:`~sayso.serve.speakers`, :mod:`~sayso.serve.attributions`,
:mod:`~sayso.serve.clusters`, :mod:`~sayso.serve.paste`), each holding its JSON routes under
``/api`` and its pages over one read function, all over one :class:`Backend`, which opens
the store once per worker thread (a SQLite connection belongs to the thread that
opened it) and runs extraction and writing one request at a time (the pipeline
is loaded once; SQLite has one writer). Around them, as pure ASGI layers so that
they cost little per request:

- a request body limit (:class:`BodyLimit`): the Content-Length is checked before
  anything is read, a streamed body is counted as it arrives; 413 either way;
- security headers on every answer, among them a Content-Security-Policy that
  allows only the server's own script and style, so that even text that escaped
  escaping could not run;
- one error shape: ``{"error": {"code", "message"}}`` for the API, an HTML page
  saying the same for the pages.

The server is read-only unless a bearer token is configured, and sends no CORS
headers unless origins are given.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sayso.errors import Errors, SaysoError
from sayso.ingest.web import Fetcher
from sayso.serve import (
    MAX_ARTICLE_BODY,
    MAX_BODY,
    MIN_TOKEN,
    articles,
    attributions,
    clusters,
    docs,
    home,
    outlets,
    paste,
    speakers,
)
from sayso.serve.backend import CODES, Backend, ServeError
from sayso.serve.render import error_page
from sayso.store import open_store

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
     b" form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

# The library's coded errors a route lets through: the HTTP status and machine-readable code
# each one answers with (looked up by SaysoError.code, never by its text). Any other is a 500.
STATUS_OF = {
    "E001": (422, "invalid_request"),  # empty text
    "E004": (422, "invalid_request"),  # text over the pipeline's limit
    "E013": (422, "invalid_request"),  # text with an unpaired surrogate
    "E038": (400, "ambiguous"),  # an id prefix of several articles
    "E112": (400, "ambiguous"),  # a name form of several speakers, none dominant
}


def check_token(token: str | None, where: str) -> str | None:
    """``token`` stripped, refused when too short to guess-proof (E101); None stays None."""
    if token is None:
        return None
    token = token.strip()
    if len(token) < MIN_TOKEN:
        problem = "empty" if not token else f"only {len(token)} characters long"
        raise SaysoError(Errors.E101.format(where=where, problem=problem, minimum=MIN_TOKEN))
    return token


def create_app(
    store_url: str,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    max_article_body: int = MAX_ARTICLE_BODY,
    cors_origins: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> FastAPI:
    """The server's ASGI app over the store at ``store_url`` (which must exist).

    Args:
        token: the bearer token ``POST /api/articles`` requires; None keeps the
            server read-only (that route answers 403).
        max_body: the largest request body accepted, in bytes (413 beyond), and
            so the largest text ``/api/extract`` and the paste page take.
        max_article_body: the same for ``POST /api/articles``.
        cors_origins: origins allowed to call the API from a browser; none by default.
        fetcher: how the paste page fetches an article's URL; by default with the
            guard against local and private addresses on (tests on loopback turn it off).

    Raises:
        SaysoError: the store is missing or cannot be opened (E030, E031, E034,
            E035), or the token is too short (E101).
    """
    token = check_token(token, "the token given")
    open_store(store_url, create=False).close()  # fail now, not at the first request
    backend = Backend(store_url, token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()

    app = FastAPI(
        title="sayso",
        summary="Who said what in the stored news articles: attributions, speakers, quote clusters.",
        version=_version(),
        docs_url=None,  # FastAPI's loads its script from a CDN: /docs is sayso.serve.docs, self-hosted
        redoc_url=None,
        lifespan=lifespan,
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.backend = backend
    app.state.max_body = max_body
    app.state.fetcher = fetcher or Fetcher(private_hint="this server does not fetch those")
    for resource in (home, articles, speakers, attributions, outlets, clusters, paste, docs):
        app.include_router(resource.router)
    docs.mount_assets(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(SaysoError, _sayso_error)
    app.add_exception_handler(Exception, _server_error)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=max_body, article_limit=max_article_body)
    return app


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread while the block runs; yields its base URL.

    For tests, scripts and notebooks; ``port`` 0 takes a free one.
    """
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name="sayso-serve", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SaysoError(Errors.E109.format(host=host, port=port, detail="see the log above"))
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _version() -> str:
    from sayso import __version__

    return __version__


def error_response(request: Request | Scope, status: int, message: str, code: str | None = None) -> Response:
    """The error answer for ``request``: JSON under ``/api`` (and for anything not a page), else HTML."""
    scope = request.scope if isinstance(request, Request) else request
    code = code or CODES.get(status, "error")
    if scope["path"].startswith("/api") or scope["path"] == "/openapi.json":
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return error_page(scope, status, code, message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if isinstance(exc, ServeError):
        response = error_response(request, exc.status_code, str(exc.detail), exc.code)
    elif exc.status_code == 404:
        response = error_response(request, 404, Errors.E104.format(path=request.url.path))
    elif exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
        response = error_response(request, 405, Errors.E107.format(detail=detail))
    else:
        message = Errors.E107.format(detail=exc.detail) if exc.status_code < 500 else str(exc.detail)
        response = error_response(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    """422 naming what is wrong and where (``query limit: …``); 400 for a body that is not JSON."""
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(request, 400, Errors.E107.format(detail="the body is not valid JSON"))
    parts = []
    for error in errors[:3]:
        where = " ".join(str(part) for part in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(request, 422, Errors.E107.format(detail="; ".join(parts)))


async def _sayso_error(request: Request, exc: Exception) -> Response:
    """A coded library error, answered with the status :data:`STATUS_OF` gives its code."""
    assert isinstance(exc, SaysoError)
    if exc.code not in STATUS_OF:
        return await _server_error(request, exc)
    status, code = STATUS_OF[exc.code]
    # Without the store's path or URL, which are the operator's business.
    message = str(exc).replace(f"{request.app.state.backend.store().name}: ", "")
    return error_response(request, status, message, code)


async def _server_error(request: Request, exc: Exception) -> Response:
    """500 without the details (they may name files or data); those go to the log."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, Errors.E108.format(kind=type(exc).__name__))


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (``article_limit`` for ``POST /api/articles``) with 413."""

    def __init__(self, app: ASGIApp, *, limit: int, article_limit: int) -> None:
        self.app = app
        self.limit = limit
        self.article_limit = article_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        article = scope["method"] == "POST" and scope["path"].rstrip("/") == "/api/articles"
        limit = self.article_limit if article else self.limit
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            size = f"{int(declared):,} bytes" if declared.isdigit() else "a Content-Length that is not a number"
            status = 413 if declared.isdigit() else 400
            await error_response(scope, status, Errors.E102.format(size=size, limit=limit, unit="bytes"))(
                scope, receive, send
            )
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                size = f"over {limit:,} bytes"
                raise ServeError(413, Errors.E102.format(size=size, limit=limit, unit="bytes"))
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


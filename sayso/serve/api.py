"""The REST API under ``/api``: each route reads its parameters, makes library calls, returns records.

Every list is a page (``limit`` up to :data:`MAX_LIMIT`, ``offset``, ``total``);
every error is ``{"error": {"code", "message"}}`` (see :mod:`sayso.serve.app`).
Reading routes use the store, :mod:`sayso.serve.queries` and the corpus index;
``POST /api/extract`` runs the pipeline without storing anything, and
``POST /api/articles`` (only with the operator's bearer token) stores one article.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request
from fastapi.responses import Response
from pydantic_core import to_json

from sayso.batch import Extracted, extract_batch
from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.ingest.dates import EARLIEST, LATEST, parse_date
from sayso.ingest.document import checked
from sayso.ingest.identity import article_id
from sayso.records import CHANNEL_TYPES, KINDS
from sayso.serve import models, queries
from sayso.serve.app import Backend, ServeError
from sayso.serve.corpus import Cluster
from sayso.store import Filters, Store, StoredArticle

MAX_LIMIT = 100
MAX_OFFSET = 100_000  # deep pages cost a scan each; narrow the filters instead
DEFAULT_LIMIT = 20

_ERRORS = {status: {"model": models.ErrorResponse} for status in (400, 404, 413, 422, 500)}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[date | datetime | None, Query(description="published on or after (YYYY-MM-DD: that whole day, UTC)")]
Until = Annotated[date | datetime | None, Query(description="published on or before (a time: before it)")]
Outlet = Annotated[str | None, Query(max_length=200, description="the whole outlet name, any case")]
Kind = Literal[KINDS]  # type: ignore[valid-type]
Channel = Literal[CHANNEL_TYPES]  # type: ignore[valid-type]


def backend(request: Request) -> Backend:
    return request.app.state.backend


def store(request: Request) -> Store:
    return backend(request).store()


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles", response_model=models.Page[models.ArticleSummary], summary="List articles, latest first")
def list_articles(
    request: Request,
    outlet: Outlet = None,
    speaker: Annotated[str | None, Query(max_length=200, description="articles quoting exactly this name")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    found, total = queries.articles(
        store(request), Filters(outlet=outlet, since=since, until=until),
        speakers=[speaker] if speaker else (), limit=limit, offset=offset,
    )
    return page(found, total, limit, offset)


@router.get("/articles/{key}", response_model=models.Article, summary="One article with its text and attributions")
def get_article(
    request: Request, key: Annotated[str, Path(description="its id, the start of it, or its doc_id")]
) -> dict:
    return find_article(store(request), key).to_dict()


def find_article(store: Store, key: str) -> StoredArticle:
    """The article ``key`` names (id, doc_id or id prefix); 404 (E103) when none, 400 when several."""
    try:
        return store.article(key) or store.find_article(key)
    except SaysoError as e:
        message = str(e)
        if message.startswith("[E037]"):
            raise ServeError(404, Errors.E103.format(what="article", key=key)) from None
        if message.startswith("[E038]"):  # without the store's path, which is the operator's business
            raise ServeError(400, message.replace(f"{store.name}: ", ""), "ambiguous") from None
        raise


@router.post(
    "/articles", status_code=201, response_model=models.Stored, summary="Store one article (needs the bearer token)",
    responses={401: {"model": models.ErrorResponse}, 403: {"model": models.ErrorResponse}},
)
def post_article(
    request: Request,
    article: models.ArticleIn,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN, as the operator configured")] = None,
) -> dict:
    """Extract the article's attributions and store it, replacing an earlier copy of the same text."""
    server = backend(request)
    server.authorise(authorization)
    published = parse_date(article.published) if article.published else None
    if article.published and published is None:
        detail = f"published: {article.published!r} is not an ISO 8601 date from {EARLIEST.year} to {LATEST.year - 1}"
        raise ServeError(422, Errors.E107.format(detail=detail))
    text = checked_text(article.text)
    document = Document(
        doc_id=article.doc_id or f"api-{article_id(text)[:12]}", text=text, origin="POST /api/articles",
        title=article.title, url=article.url, published=published, outlet=article.outlet,
        authors=tuple(article.authors),
    )
    with server.lock:
        [result] = extract_batch([document])
        if isinstance(result, IngestError):
            raise ServeError(422, result.reason)
        refused = server.store().write([result])
        if refused:  # a value the store cannot take: the article's fault, named in the answer
            raise ServeError(422, refused[0].reason)
    assert isinstance(result, Extracted)
    return {
        "id": document.article_id, "doc_id": document.doc_id, "attributions": len(result.attributions),
        "href": f"/api/articles/{document.article_id}",
    }


@router.post("/extract", response_model=models.Extraction, summary="Find the attributions of a text; nothing is stored")
def extract(request: Request, body: Annotated[models.ExtractRequest, Body()]) -> dict:
    text = checked_text(body.text)
    found = backend(request).extract(text)
    return {"attributions": [a.to_dict() for a in found]}


def checked_text(text: str) -> str:
    """``text`` when the pipeline can take it; 422 with the reason (empty, bad Unicode, too long) otherwise."""
    try:
        return checked(text, "text")
    except SaysoError as e:
        raise ServeError(422, str(e)) from None


# The busiest route takes the short way. It runs on the event loop: a search takes a millisecond
# or two, and handing it to a worker thread and back costs more than that when many requests wait
# (threads queue for Python's one lock). Its records are written out as JSON directly instead of
# being copied into the response model first: the same JSON (tests check it against the model).
@router.get("/attributions", response_model=models.Page[models.Hit], summary="Search the attributions")
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="words the content or speaker must all hold (stemmed)")] = "",
    speaker: Annotated[str | None, Query(max_length=200, description="speakers whose name holds this")] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    kind: Kind | None = None,
    channel: Channel | None = None,
    hedged: Annotated[bool | None, Query(description="only hedged (true) or unhedged (false) attributions")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Best match first; with no words, latest first."""
    filters = Filters(q, speaker, outlet, since, until, kind, channel, hedged)
    hits, total = run_search(store(request), filters, limit, offset)
    return Response(to_json(page(hits, total, limit, offset)), media_type="application/json")


def run_search(store: Store, filters: Filters, limit: int, offset: int) -> tuple[list, int]:
    """A page of hits for ``filters`` and their total."""
    return store.search_page(filters, limit, offset)


@router.get("/speakers", response_model=models.Page[models.Speaker], summary="Named speakers, most quoted first")
def list_speakers(
    request: Request,
    name: Annotated[str | None, Query(max_length=200, description="speakers whose name holds this, any case")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    db = store(request)
    found = db.speakers(offset + limit, speaker=name)[offset:]
    return page(found, queries.speaker_total(db, name), limit, offset)


@router.get("/speakers/{name:path}/quotes", response_model=models.Page[models.SpeakerQuote],
            summary="A speaker's attributions, latest first")
def speaker_quotes(request: Request, name: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    db = store(request)
    names = speaker_names(request, db, name)
    found, total = queries.speaker_quotes(db, names, limit=limit, offset=offset)
    return page(found, total, limit, offset)


@router.get("/speakers/{name:path}", response_model=models.SpeakerDetail,
            summary="A speaker: name forms, roles, attributions per month, outlets")
def get_speaker(request: Request, name: str) -> dict:
    return speaker_detail(request, store(request), name)


def speaker_names(request: Request, db: Store, name: str) -> list[str]:
    """The stored names a speaker page covers: ``name`` and its other forms in the corpus index.

    Raises:
        ServeError: no attribution has this speaker (404, E103).
    """
    profile = backend(request).corpus.profile(name)
    names = list(dict.fromkeys([name, *(profile.aliases if profile else ())]))
    if not db.query("SELECT 1 FROM article_speakers WHERE speaker = ? LIMIT 1", [name]):
        raise ServeError(404, Errors.E103.format(what="speaker", key=name))
    return names


def speaker_detail(request: Request, db: Store, name: str) -> dict:
    """Everything the speaker page and ``GET /api/speakers/{name}`` show."""
    corpus = backend(request).corpus
    names = speaker_names(request, db, name)
    profile = corpus.profile(name)
    main = next(s for s in db.speakers(speaker=name) if s.name == name)
    roles = profile.roles if profile and profile.roles else queries.speaker_roles(db, names)
    return {
        "name": name,
        "type": main.type,
        "role": main.role,
        "attributions": queries.speaker_quotes(db, names, limit=1, offset=0)[1],
        "articles": queries.articles(db, Filters(), speakers=names, limit=1, offset=0)[1],
        "id": profile.id if profile else None,
        "aliases": [n for n in names if n != name] if profile else [],
        "roles": roles,
        "months": queries.speaker_months(db, names),
        "outlets": queries.speaker_outlets(db, names),
        "note": corpus.note,
    }


@router.get("/clusters", response_model=models.ClusterPage, summary="Quote clusters: a quote across outlets")
def list_clusters(
    request: Request,
    min_outlets: Annotated[int, Query(ge=1, le=1000, description="clusters run by at least this many outlets")] = 2,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Most outlets first. Empty, with a ``note`` saying why, when no cluster index was built."""
    corpus = backend(request).corpus
    found, total = corpus.clusters(min_outlets=min_outlets, limit=limit, offset=offset)
    return {**page([cluster_dict(c) for c in found], total, limit, offset), "note": corpus.note}


@router.get("/clusters/{cluster_id}", response_model=models.Cluster, summary="One quote cluster, in publication order")
def get_cluster(request: Request, cluster_id: str) -> dict:
    return cluster_dict(find_cluster(request, cluster_id))


def find_cluster(request: Request, cluster_id: str) -> Cluster:
    found = backend(request).corpus.cluster(cluster_id)
    if found is None:
        raise ServeError(404, Errors.E103.format(what="quote cluster", key=cluster_id))
    return found


def cluster_dict(cluster: Cluster) -> dict:
    return {"id": cluster.id, "text": cluster.text, "first": cluster.first, "outlets": cluster.outlets,
            "quotes": list(cluster.quotes)}


@router.get("/stats", response_model=models.Stats, summary="The store in figures")
def stats(request: Request) -> queries.Stats:
    return queries.stats(store(request))

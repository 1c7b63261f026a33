"""The REST API under ``/api``: each route reads its parameters, makes library calls, returns records.

Every list is a page (``limit`` up to :data:`MAX_LIMIT`, ``offset``, ``total``);
every error is ``{"error": {"code", "message"}}`` (see :mod:`sayso.serve.app`).
Reading routes use the store (its reads, :mod:`sayso.store.reads`) and the corpus index;
``POST /api/extract`` runs the pipeline without storing anything, and
``POST /api/articles`` (only with the operator's bearer token) stores one article.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request
from fastapi.responses import Response
from pydantic_core import to_json

from sayso.corpus.stats import quotes_over_time
from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.ingest.dates import EARLIEST, LATEST, parse_date
from sayso.ingest.document import checked
from sayso.ingest.identity import article_id
from sayso.records import CHANNEL_TYPES, KINDS
from sayso.serve import models
from sayso.serve.backend import Backend, ServeError
from sayso.store import Filters, SpeakerRef, Store, StoredArticle
from sayso.store.results import Cluster, Count, Stats

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
    speaker: Annotated[str | None, Query(max_length=200, description="articles quoting this speaker (a name form or id)")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    db = store(request)
    found, total = db.articles(
        Filters(outlet=outlet, since=since, until=until),
        speaker=find_speaker(db, speaker) if speaker else None, limit=limit, offset=offset,
    )
    return page(found, total, limit, offset)


@router.get("/articles/{key}", response_model=models.Article, summary="One article with its text and attributions")
def get_article(
    request: Request, key: Annotated[str, Path(description="its id, the start of it, or its doc_id")]
) -> dict:
    return find_article(store(request), key).to_dict()


def find_article(store: Store, key: str) -> StoredArticle:
    """The article ``key`` names (id, doc_id or id prefix); 404 (E103) when none, 400 when several (E038)."""
    try:
        return store.article(key) or store.find_article(key)
    except SaysoError as e:
        if e.code == "E037":  # told as the API's own "no such article", without the store's path
            raise ServeError(404, Errors.E103.format(what="article", key=key)) from None
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
    """Extract the article's attributions and store it, as ``sayso ingest`` does (:func:`sayso.runner.ingest`):
    the same text stored already is not extracted again, and the answer is the stored article's."""
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
    from sayso.runner import ingest  # here: a server that only reads never loads spaCy

    failures: list[IngestError] = []
    with server.lock:
        db = server.store()
        ingest([document], db, progress=lambda _, failed: failures.extend(failed))
    if failures:
        raise ServeError(422, failures[0].reason)
    stored = db.article(document.article_id)
    assert stored is not None
    return {
        "id": stored.id, "doc_id": stored.doc_id, "attributions": len(stored.attributions),
        "href": f"/api/articles/{stored.id}",
    }


@router.post("/extract", response_model=models.Extraction, summary="Find the attributions of a text; nothing is stored")
def extract(request: Request, body: Annotated[models.ExtractRequest, Body()]) -> dict:
    text = checked_text(body.text)
    found = backend(request).extract(text)
    return {"attributions": [a.to_dict() for a in found]}


def checked_text(text: str) -> str:
    """``text`` when the pipeline can take it; else its SaysoError (empty, bad Unicode, too long: 422)."""
    return checked(text, "text")


# The busiest route takes the short way. It runs on the event loop: a search takes a millisecond
# or two, and handing it to a worker thread and back costs more than that when many requests wait
# (threads queue for Python's one lock). Its records are written out as JSON directly instead of
# being copied into the response model first: the same JSON (tests check it against the model).
@router.get("/attributions", response_model=models.Page[models.Hit], summary="Search the attributions")
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="words the content or speaker must all hold (stemmed)")] = "",
    speaker: Annotated[str | None, Query(
        max_length=200, description="a speaker of the corpus registry: its id or a name form, any case"
        " ('Trump' is Donald Trump); failing those, every speaker with a name form holding this")] = None,
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
    return page(found, db.speaker_total(name), limit, offset)


@router.get("/speakers/{name:path}/quotes", response_model=models.Page[models.SpeakerQuote],
            summary="A speaker's attributions, latest first")
def speaker_quotes(request: Request, name: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    db = store(request)
    found, total = db.speaker_quotes(find_speaker(db, name), limit=limit, offset=offset)
    return page(found, total, limit, offset)


@router.get("/speakers/{name:path}", response_model=models.SpeakerDetail,
            summary="A speaker: name forms, roles, attributions per month, outlets")
def get_speaker(request: Request, name: str) -> dict:
    return speaker_detail(request, store(request), name)


def find_speaker(db: Store, name: str) -> SpeakerRef:
    """The one speaker ``name`` names, as every view resolves it (:meth:`Store.speaker`).

    Raises:
        ServeError: no speaker has this id or name form (404, E103).
        SaysoError: several do (E112, answered 400 ``ambiguous``).
    """
    found = db.speaker(name)
    if found is None:
        raise ServeError(404, Errors.E103.format(what="speaker", key=name))
    return found


def speaker_detail(request: Request, db: Store, name: str) -> dict:
    """Everything the speaker page and ``GET /api/speakers/{name}`` show."""
    corpus = backend(request).corpus
    speaker = find_speaker(db, name)
    profile = corpus.profile(speaker.id) if speaker.id else None
    listed = db.speakers(speaker=speaker.name)
    main = next(s for s in listed if (s.id, s.name) == (speaker.id, speaker.name))
    roles = profile.roles if profile and profile.roles else db.speaker_roles(speaker)
    return {
        "name": speaker.name,
        "type": main.type,
        "role": main.role,
        "attributions": main.attributions,
        "articles": main.articles,
        "id": speaker.id,
        "aliases": [a for a in profile.aliases if a != speaker.name] if profile else [],
        "roles": roles,
        "months": [Count(start.strftime("%Y-%m"), n) for start, n in quotes_over_time(db, speaker=speaker).points],
        "outlets": db.speaker_outlets(speaker),
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
    return {**page(found, total, limit, offset), "note": corpus.note}


@router.get("/clusters/{cluster_id}", response_model=models.Cluster, summary="One quote cluster, in publication order")
def get_cluster(request: Request, cluster_id: str) -> Cluster:
    return find_cluster(request, cluster_id)


def find_cluster(request: Request, cluster_id: str) -> Cluster:
    found = backend(request).corpus.cluster(cluster_id)
    if found is None:
        raise ServeError(404, Errors.E103.format(what="quote cluster", key=cluster_id))
    return found


@router.get("/stats", response_model=models.Stats, summary="The store in figures")
def stats(request: Request) -> Stats:
    return store(request).overview()

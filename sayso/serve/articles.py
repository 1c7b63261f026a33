"""Articles: ``/api/articles`` and ``/articles`` (the list, one article), and storing one
(``POST /api/articles``, only with the operator's bearer token).

Both the JSON and the HTML routes read through :func:`read_articles` and :func:`read_article`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from sayso.errors import Errors, SaysoError
from sayso.ingest import Document, IngestError
from sayso.ingest.dates import EARLIEST, LATEST, parse_date
from sayso.ingest.document import checked
from sayso.ingest.identity import article_id
from sayso.serve import models, params
from sayso.serve.backend import ServeError
from sayso.serve.download import Format, download, keyed
from sayso.serve.render import highlighted, render
from sayso.serve.speakers import find_speaker
from sayso.store import Filters, Store, StoredArticle
from sayso.store.results import ArticleSummary

router = APIRouter()


def read_articles(
    db: Store, filters: Filters, speaker: str | None, limit: int, offset: int
) -> tuple[list[ArticleSummary], int]:
    """A page of the articles ``filters`` (outlet, time window) allow, quoting ``speaker`` when given."""
    return db.articles(filters, speaker=find_speaker(db, speaker) if speaker else None, limit=limit, offset=offset)


def read_article(db: Store, key: str) -> StoredArticle:
    """The article ``key`` names (id, doc_id or id prefix); 404 (E103) when none, 400 when several (E038)."""
    try:
        return db.article(key) or db.find_article(key)
    except SaysoError as e:
        if e.code == "E037":  # told as the API's own "no such article", without the store's path
            raise ServeError(404, Errors.E103.format(what="article", key=key)) from None
        raise


@router.get("/api/articles", response_model=models.Page[models.ArticleSummary], summary="List articles, latest first",
            tags=["api"], responses=params.ERRORS)
def list_articles(
    request: Request,
    outlet: params.Outlet = None,
    speaker: Annotated[str | None, Query(max_length=200, description="articles quoting this speaker (a name form or id)")] = None,
    since: params.Since = None,
    until: params.Until = None,
    limit: params.Limit = params.DEFAULT_LIMIT,
    offset: params.Offset = 0,
) -> dict:
    found, total = read_articles(params.store(request), Filters(outlet=outlet, since=since, until=until), speaker, limit, offset)
    return params.page(found, total, limit, offset)


@router.get("/api/articles/{key}", response_model=models.Article, tags=["api"], responses=params.ERRORS,
            summary="One article with its text and attributions (format=csv or json: its attributions as a file)")
def get_article(
    request: Request, key: Annotated[str, Path(description="its id, the start of it, or its doc_id")],
    format: Format = None,
) -> dict | Response:
    found = read_article(params.store(request), key)
    if format:
        keys = [(found.id, i) for i in range(len(found.attributions))]
        return download(params.backend(request), keyed(keys), format, f"sayso-article-{found.id[:12]}")
    return found.to_dict()


@router.post(
    "/api/articles", status_code=201, response_model=models.Stored, summary="Store one article (needs the bearer token)",
    tags=["api"], responses={**params.ERRORS, 401: {"model": models.ErrorResponse}, 403: {"model": models.ErrorResponse}},
)
def post_article(
    request: Request,
    article: models.ArticleIn,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN, as the operator configured")] = None,
) -> dict:
    """Extract the article's attributions and store it, as ``sayso ingest`` does (:func:`sayso.runner.ingest`):
    the same text stored already is not extracted again, and the answer is the stored article's."""
    server = params.backend(request)
    server.authorise(authorization)
    published = parse_date(article.published) if article.published else None
    if article.published and published is None:
        detail = f"published: {article.published!r} is not an ISO 8601 date from {EARLIEST.year} to {LATEST.year - 1}"
        raise ServeError(422, Errors.E107.format(detail=detail))
    text = checked(article.text, "text")  # empty, bad Unicode, too long: 422
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


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(
    request: Request, outlet: params.Text = None, speaker: params.Text = None, since: params.Text = None, until: params.Text = None,
    offset: params.PageOffset = 0,
) -> HTMLResponse:
    filters = Filters(outlet=outlet or None, since=params.day("since", since), until=params.day("until", until))
    found, total = read_articles(params.store(request), filters, speaker or None, params.PAGE_SIZE, offset)
    form = {"outlet": outlet, "speaker": speaker, "since": since, "until": until}
    return render(request, "articles.html", articles=found, params=form, pager=params.pager(total, params.PAGE_SIZE, offset))


@router.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, key: str) -> HTMLResponse:
    found = read_article(params.store(request), key)
    return render(request, "article.html", article=found, **highlighted(found.text, found.attributions))

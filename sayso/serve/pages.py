"""The HTML pages: the same reads as the API, rendered server-side with Jinja2.

Templates autoescape everything they write, article text included; the article
text is handed to them already cut into plain segments (:mod:`sayso.serve.highlight`),
never as markup. A link is made from an article's URL only when it is http(s).
Charts are inline SVG whose geometry :mod:`sayso.serve.chart` computes. The
pages work without JavaScript; the one small script shows an attribution's
details on a click and says when a pasted article is being read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.types import Scope

from sayso.errors import Errors
from sayso.records import CHANNEL_TYPES, KINDS, Attribution
from sayso.serve import api, chart
from sayso.serve.backend import ServeError
from sayso.serve.highlight import segments, speaker_colours
from sayso.store import Filters

PAGE_SIZE = 20

router = APIRouter(include_in_schema=False)

Offset = Annotated[int, Query(ge=0, le=api.MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=500)]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host (so a link to it cannot run script), else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``?key=value&…`` of ``params`` with ``changes``, leaving out empty values."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "", 0)}
    return "?" + urlencode(kept) if kept else "?"


_env = Environment(
    loader=FileSystemLoader(FilePath(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["safe_url"] = safe_url
_env.filters["pathpart"] = lambda value: quote(str(value), safe="")
_env.filters["num"] = lambda value: f"{value:,}"
_env.filters["day"] = lambda moment: moment.date().isoformat() if moment else ""
_env.globals["query_string"] = query_string


def render(request: Request | Scope, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    scope = request.scope if isinstance(request, Request) else request
    html = _env.get_template(template).render(path=scope["path"], **context)
    return HTMLResponse(html, status_code=status)


def error_page(scope: Scope, status: int, code: str, message: str) -> Response:
    return render(scope, "error.html", status=status, status_code=status, code=code, message=message)


def _pager(total: int, limit: int, offset: int) -> dict[str, int]:
    return {"total": total, "limit": limit, "offset": offset}


# A form sends every field, the empty ones as "": on pages, "" means "not given".

def _day(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ServeError(422, Errors.E107.format(detail=f"{name}: {value!r} is not a date (YYYY-MM-DD)")) from None


def _choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in choices:
        raise ServeError(422, Errors.E107.format(detail=f"{name}: {value!r} is not one of {', '.join(choices)}"))
    return value


def _flag(name: str, value: str | None) -> bool | None:
    return {"true": True, "false": False, None: None}[_choice(name, value, ("true", "false"))]


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    db = api.store(request)
    stats = db.overview()
    latest, _ = db.articles(Filters(), limit=8, offset=0)
    return render(
        request, "home.html", stats=stats, chart=chart.month_chart(stats.months), latest=latest,
        speakers=db.speakers(20), note=api.backend(request).corpus.note,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, outlet: Text = None, speaker: Text = None, since: Text = None, until: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    db = api.store(request)
    found, total = db.articles(
        Filters(outlet=outlet or None, since=_day("since", since), until=_day("until", until)),
        speaker=api.find_speaker(db, speaker) if speaker else None, limit=PAGE_SIZE, offset=offset,
    )
    params = {"outlet": outlet, "speaker": speaker, "since": since, "until": until}
    return render(request, "articles.html", articles=found, params=params, pager=_pager(total, PAGE_SIZE, offset))


@router.get("/articles/{key}", response_class=HTMLResponse)
def article(request: Request, key: str) -> HTMLResponse:
    found = api.find_article(api.store(request), key)
    return render(request, "article.html", article=found, **_highlighted(found.text, found.attributions))


def _highlighted(text: str, attributions: list[Attribution]) -> dict[str, Any]:
    colours = speaker_colours(attributions)
    return {"segments": segments(text, attributions), "colours": colours, "attributions": attributions}


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, name: Text = None, offset: Offset = 0) -> HTMLResponse:
    db = api.store(request)
    found = db.speakers(offset + PAGE_SIZE, speaker=name)[offset:]
    total = db.speaker_total(name)
    pager = _pager(total, PAGE_SIZE, offset)
    return render(request, "speakers.html", speakers=found, params={"name": name}, pager=pager)


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker(request: Request, name: str, offset: Offset = 0) -> HTMLResponse:
    db = api.store(request)
    detail = api.speaker_detail(request, db, name)
    quotes, total = db.speaker_quotes(api.find_speaker(db, name), limit=PAGE_SIZE, offset=offset)
    month_chart = chart.month_chart(detail["months"])
    return render(
        request, "speaker.html", speaker=detail, chart=month_chart, quotes=quotes, params={},
        pager=_pager(total, PAGE_SIZE, offset),
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    kind: Text = None,
    channel: Text = None,
    hedged: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    params = {"q": q, "speaker": speaker, "outlet": outlet, "since": since, "until": until, "kind": kind,
              "channel": channel, "hedged": hedged}
    asked = any(params.values())
    hits, total = [], 0
    if asked:
        filters = Filters(
            q or "", speaker or None, outlet or None, _day("since", since), _day("until", until),
            _choice("kind", kind, KINDS), _choice("channel", channel, CHANNEL_TYPES), _flag("hedged", hedged),
        )
        hits, total = api.run_search(api.store(request), filters, PAGE_SIZE, offset)
    return render(
        request, "search.html", params=params, asked=asked, hits=hits, kinds=KINDS, channels=CHANNEL_TYPES,
        pager=_pager(total, PAGE_SIZE, offset),
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters(
    request: Request, min_outlets: Annotated[int, Query(ge=1, le=1000)] = 2, offset: Offset = 0
) -> HTMLResponse:
    corpus = api.backend(request).corpus
    found, total = corpus.clusters(min_outlets=min_outlets, limit=PAGE_SIZE, offset=offset)
    return render(
        request, "clusters.html", clusters=found, note=corpus.note, params={"min_outlets": min_outlets},
        pager=_pager(total, PAGE_SIZE, offset),
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str) -> HTMLResponse:
    found = api.find_cluster(request, cluster_id)
    return render(request, "cluster.html", cluster=found, timeline=chart.cluster_timeline(found))


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", text="", limit=request.app.state.max_body, result=None)


@router.post("/paste", response_class=HTMLResponse)
async def paste(request: Request) -> HTMLResponse:
    """Extract from the posted form's ``text`` (URL-encoded) and show it highlighted; nothing is stored."""
    body = await request.body()  # the body limit applies while it is read
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise ServeError(400, Errors.E107.format(detail="send the form (application/x-www-form-urlencoded)"))
    text = parse_qs(body.decode("utf-8", "replace")).get("text", [""])[0].replace("\r\n", "\n")
    found = await run_in_threadpool(api.backend(request).extract, api.checked_text(text))
    return render(request, "paste.html", text=text, limit=request.app.state.max_body, result=_highlighted(text, found))

"""Searching the attributions: ``GET /api/attributions`` and the ``/search`` page, one read
(:func:`read_hits`) under both, with the same filters and downloads of every row they allow.

Words are matched stemmed, a phrase in double quotes as a phrase
(:class:`~sayso.store.results.Filters`); the page marks the matched words in each result.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic_core import to_json

from sayso.records import CHANNEL_TYPES, KINDS
from sayso.serve import models
from sayso.serve.download import Format, download, filtered
from sayso.serve.params import (
    DEFAULT_LIMIT,
    ERRORS,
    PAGE_SIZE,
    Channel,
    Gender,
    Kind,
    Limit,
    Offset,
    Outlet,
    PageOffset,
    Since,
    Text,
    Until,
    backend,
    choice,
    day,
    flag,
    page,
    pager,
    store,
)
from sayso.serve.render import query_string, render
from sayso.store import Filters, Store
from sayso.store.results import GENDERS, Hit

router = APIRouter()


def read_hits(db: Store, filters: Filters, limit: int, offset: int) -> tuple[list[Hit], int]:
    """A page of the attributions ``filters`` allow, best match first (latest first without words), and their total."""
    return db.search_page(filters, limit, offset)


# The busiest route takes the short way. It runs on the event loop: a search takes a millisecond
# or two, and handing it to a worker thread and back costs more than that when many requests wait
# (threads queue for Python's one lock). Its records are written out as JSON directly instead of
# being copied into the response model first: the same JSON (tests check it against the model).
@router.get("/api/attributions", response_model=models.Page[models.Hit], tags=["api"], responses=ERRORS,
            summary="Search the attributions (format=csv or json: every match as a file)")
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="words the content or speaker must all hold (stemmed);"
                            ' words in double quotes ("schools and clinics") as a phrase')] = "",
    speaker: Annotated[str | None, Query(
        max_length=200, description="a speaker of the corpus registry: its id or a name form, any case"
        " ('Trump' is Donald Trump); failing those, every speaker with a name form holding this")] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    kind: Kind | None = None,
    channel: Channel | None = None,
    hedged: Annotated[bool | None, Query(description="only hedged (true) or unhedged (false) attributions")] = None,
    gender: Annotated[Gender | None, Query(description="only speakers the text shows to be female or male")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: Format = None,
) -> Response:
    """Best match first; with no words, latest first."""
    filters = Filters(q, speaker, outlet, since, until, kind, channel, hedged, gender)
    if format:
        return download(backend(request), filtered(filters), format, "sayso-search")
    hits, total = read_hits(store(request), filters, limit, offset)
    return Response(to_json(page(hits, total, limit, offset)), media_type="application/json")


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    outlet: Text = None,
    since: Text = None,
    until: Text = None,
    kind: Text = None,
    channel: Text = None,
    hedged: Text = None,
    gender: Text = None,
    offset: PageOffset = 0,
) -> HTMLResponse:
    params = {"q": q, "speaker": speaker, "outlet": outlet, "since": since, "until": until, "kind": kind,
              "channel": channel, "hedged": hedged, "gender": gender}
    asked = any(params.values())
    hits: list[Hit] = []
    total = 0
    if asked:
        filters = Filters(
            q or "", speaker or None, outlet or None, day("since", since), day("until", until),
            choice("kind", kind, KINDS), choice("channel", channel, CHANNEL_TYPES), flag("hedged", hedged),
            choice("gender", gender, GENDERS),
        )
        hits, total = read_hits(store(request), filters, PAGE_SIZE, offset)
    return render(
        request, "search.html", params=params, asked=asked, hits=hits, kinds=KINDS, channels=CHANNEL_TYPES,
        genders=GENDERS, pager=pager(total, PAGE_SIZE, offset),
        download="/api/attributions" + query_string(params),
    )

"""The store in figures: ``GET /api/stats`` and the home page, over one read (:func:`read_overview`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sayso.serve import chart, models
from sayso.serve.params import ERRORS, backend, store
from sayso.serve.render import render
from sayso.store import Filters, Store
from sayso.store.results import Stats

router = APIRouter()


def read_overview(db: Store) -> Stats:
    """Counts over the whole store: articles, attributions, speakers, outlets, kinds, channels, months."""
    return db.overview()


@router.get("/api/stats", response_model=models.Stats, summary="The store in figures", tags=["api"], responses=ERRORS)
def stats(request: Request) -> Stats:
    return read_overview(store(request))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    db = store(request)
    overview = read_overview(db)
    latest, _ = db.articles(Filters(), limit=8, offset=0)
    return render(
        request, "home.html", stats=overview, chart=chart.month_chart(overview.months), latest=latest,
        speakers=db.speakers(20), note=backend(request).corpus.note,
    )

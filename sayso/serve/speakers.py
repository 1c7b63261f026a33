"""Speakers: ``/api/speakers`` and ``/speakers`` (the corpus registry's people and bodies, most
quoted first), one speaker's profile and their quotes.

A speaker is the registry's (:meth:`Store.speaker`): the name a user gives ("Trump", "donald
trump") finds the same person on every page and route. The JSON and HTML routes read through
:func:`read_speakers`, :func:`read_speaker` and :func:`read_quotes`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from sayso.corpus.stats import quotes_over_time
from sayso.errors import Errors
from sayso.serve import chart, models
from sayso.serve.backend import Backend, ServeError
from sayso.serve.download import Format, download, filtered
from sayso.serve.params import (
    DEFAULT_LIMIT,
    ERRORS,
    PAGE_SIZE,
    Limit,
    Offset,
    PageOffset,
    Text,
    backend,
    page,
    pager,
    store,
)
from sayso.serve.render import render
from sayso.store import Filters, SpeakerRef, Store
from sayso.store.results import GENDERS, Count, SpeakerCount, SpeakerQuote

router = APIRouter()


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


def read_speakers(db: Store, name: str | None, limit: int, offset: int) -> tuple[list[SpeakerCount], int]:
    """A page of the speakers (whose name holds ``name``, when given), most quoted first, and their total."""
    return db.speakers(offset + limit, speaker=name)[offset:], db.speaker_total(name)


def read_speaker(server: Backend, name: str) -> models.SpeakerDetail:
    """Everything the speaker page and ``GET /api/speakers/{name}`` show of the speaker ``name`` names."""
    db = server.store()
    speaker = find_speaker(db, name)
    profile = server.corpus.profile(speaker.id) if speaker.id else None
    main = next(s for s in db.speakers(speaker=speaker.name) if (s.id, s.name) == (speaker.id, speaker.name))
    genders = {g: db.count(Filters(speaker=speaker.id or speaker.name, gender=g)) for g in GENDERS}
    return models.SpeakerDetail(
        name=speaker.name,
        type=main.type,
        role=main.role,
        attributions=main.attributions,
        articles=main.articles,
        id=speaker.id,
        gender=max(genders, key=genders.__getitem__) if any(genders.values()) else None,
        genders=[Count(g, n) for g, n in genders.items() if n],
        aliases=[a for a in profile.aliases if a != speaker.name] if profile else [],
        roles=list(profile.roles if profile and profile.roles else db.speaker_roles(speaker)),
        months=[Count(start.strftime("%Y-%m"), n) for start, n in quotes_over_time(db, speaker=speaker).points],
        outlets=db.speaker_outlets(speaker),
        note=server.corpus.note,
    )


def read_quotes(db: Store, name: str, limit: int, offset: int) -> tuple[list[SpeakerQuote], int]:
    """A page of the attributions of the speaker ``name`` names, latest first, and their total."""
    return db.speaker_quotes(find_speaker(db, name), limit=limit, offset=offset)


@router.get("/api/speakers", response_model=models.Page[models.Speaker], summary="Named speakers, most quoted first",
            tags=["api"], responses=ERRORS)
def list_speakers(
    request: Request,
    name: Annotated[str | None, Query(max_length=200, description="speakers whose name holds this, any case")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    found, total = read_speakers(store(request), name, limit, offset)
    return page(found, total, limit, offset)


@router.get("/api/speakers/{name:path}/quotes", response_model=models.Page[models.SpeakerQuote], tags=["api"],
            responses=ERRORS, summary="A speaker's attributions, latest first (format=csv or json: all of them as a file)")
def speaker_quotes(
    request: Request, name: str, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None
) -> dict | Response:
    db = store(request)
    if format:
        speaker = find_speaker(db, name)
        return download(backend(request), filtered(Filters(speaker=speaker.id or speaker.name)), format, "sayso-speaker")
    found, total = read_quotes(db, name, limit, offset)
    return page(found, total, limit, offset)


@router.get("/api/speakers/{name:path}", response_model=models.SpeakerDetail, tags=["api"], responses=ERRORS,
            summary="A speaker: name forms, gender, roles, attributions per month, outlets")
def get_speaker(request: Request, name: str) -> models.SpeakerDetail:
    return read_speaker(backend(request), name)


@router.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
def speakers_page(request: Request, name: Text = None, offset: PageOffset = 0) -> HTMLResponse:
    found, total = read_speakers(store(request), name, PAGE_SIZE, offset)
    return render(request, "speakers.html", speakers=found, params={"name": name}, pager=pager(total, PAGE_SIZE, offset))


@router.get("/speakers/{name:path}", response_class=HTMLResponse, include_in_schema=False)
def speaker_page(request: Request, name: str, offset: PageOffset = 0) -> HTMLResponse:
    detail = read_speaker(backend(request), name)
    quotes, total = read_quotes(store(request), name, PAGE_SIZE, offset)
    return render(
        request, "speaker.html", speaker=detail, chart=chart.month_chart(detail.months), quotes=quotes, params={},
        pager=pager(total, PAGE_SIZE, offset), key=detail.id or detail.name,
    )

"""Outlets side by side: ``/outlets`` and ``GET /api/outlets``, over one read (:func:`read_outlets`).

For a chosen period, each outlet's attributions, share of anonymous sources, share of direct
quotes, shares of women and of men among the named people it quotes, its most quoted speakers
and channels: the figures of ``sayso stats`` (:func:`sayso.corpus.stats.corpus_stats`), most
attributions first, with server-drawn charts of the shares.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from sayso.corpus.stats import COLUMNS, Window, WindowStats, corpus_stats
from sayso.serve import chart
from sayso.serve.download import MEDIA, Format
from sayso.serve.params import ERRORS, Since, Text, Until, day, store
from sayso.serve.render import query_string, render
from sayso.store import Store

router = APIRouter()

TOP = 5  # speakers listed per outlet


def read_outlets(db: Store, since: date | None, until: date | None) -> tuple[WindowStats, list[WindowStats]]:
    """The figures over all outlets in the period, and each outlet's, most attributions first."""
    rows = corpus_stats(db, since=since, until=until, top=TOP)
    if not rows:  # no article in the period
        return WindowStats(Window("all"), None, 0, 0, [], None, None, {}, {}), []
    everything, *outlets = rows
    return everything, sorted(outlets, key=lambda row: (-row.attributions, row.outlet or "\uffff"))


@router.get("/api/outlets", tags=["api"], responses=ERRORS,
            summary="Outlets compared: attributions, anonymous and direct shares, women and men, top speakers, channels")
def list_outlets(request: Request, since: Since = None, until: Until = None, format: Format = None) -> Response:
    """All outlets first (``outlet`` null, ``all_outlets`` true), then each outlet, most attributions first;
    ``format=csv`` or ``json`` gives the same rows as a file (the columns of ``sayso stats``)."""
    everything, outlets = read_outlets(store(request), since, until)
    rows = [everything, *outlets]
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="sayso-outlets.csv"'}
        return StreamingResponse(_csv(rows), media_type=MEDIA["csv"], headers=headers)
    body = json.dumps([row.to_dict() for row in rows], ensure_ascii=False)
    headers = {"Content-Disposition": 'attachment; filename="sayso-outlets.json"'} if format else {}
    return Response(body, media_type=MEDIA["json"], headers=headers)


def _csv(rows: list[WindowStats]) -> Iterator[str]:
    buffer = io.StringIO()
    flat = [row.to_row() for row in rows]
    writer = csv.DictWriter(buffer, fieldnames=list(dict.fromkeys([*COLUMNS, *(k for row in flat for k in row)])))
    writer.writeheader()
    writer.writerows(flat)
    yield buffer.getvalue()


@router.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
def outlets_page(request: Request, since: Text = None, until: Text = None) -> HTMLResponse:
    everything, outlets = read_outlets(store(request), day("since", since), day("until", until))
    params = {"since": since, "until": until}

    def shares(*kinds: str) -> chart.ShareChart | None:
        return chart.share_chart([(o.outlet or "(no outlet)", [(k, getattr(o, f"{k}_share")) for k in kinds])
                                  for o in outlets])

    return render(
        request, "outlets.html", everything=everything, outlets=outlets, params=params,
        anonymous=shares("anonymous"), direct=shares("direct"), gender=shares("women", "men"),
        download="/api/outlets" + query_string(params),
    )

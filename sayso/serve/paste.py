"""Finding the attributions of a text without storing it: ``POST /api/extract`` and the paste page.

Both run the pipeline through the :class:`~sayso.serve.backend.Backend` (loaded on first use,
one request at a time) over :func:`read_extraction`.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from sayso.errors import Errors
from sayso.ingest.document import checked
from sayso.records import Attribution
from sayso.serve import models
from sayso.serve.backend import Backend, ServeError
from sayso.serve.params import ERRORS, backend
from sayso.serve.render import highlighted, render

router = APIRouter()


def read_extraction(server: Backend, text: str) -> list[Attribution]:
    """The attributions of ``text``; its SaysoError when the pipeline cannot take it (empty, bad Unicode,
    too long: 422)."""
    return server.extract(checked(text, "text"))


@router.post("/api/extract", response_model=models.Extraction, tags=["api"], responses=ERRORS,
             summary="Find the attributions of a text; nothing is stored")
def extract(request: Request, body: Annotated[models.ExtractRequest, Body()]) -> dict:
    return {"attributions": [a.to_dict() for a in read_extraction(backend(request), body.text)]}


@router.get("/paste", response_class=HTMLResponse, include_in_schema=False)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", text="", limit=request.app.state.max_body, result=None)


@router.post("/paste", response_class=HTMLResponse, include_in_schema=False)
async def paste(request: Request) -> HTMLResponse:
    """Extract from the posted form's ``text`` (URL-encoded) and show it highlighted; nothing is stored."""
    body = await request.body()  # the body limit applies while it is read
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise ServeError(400, Errors.E107.format(detail="send the form (application/x-www-form-urlencoded)"))
    text = parse_qs(body.decode("utf-8", "replace")).get("text", [""])[0].replace("\r\n", "\n")
    found = await run_in_threadpool(read_extraction, backend(request), text)
    return render(request, "paste.html", text=text, limit=request.app.state.max_body, result=highlighted(text, found))

"""Finding the attributions of a text without storing it: ``POST /api/extract`` and the paste page.

Both run the pipeline through the :class:`~sayso.serve.backend.Backend` (loaded on first use,
one request at a time) over :func:`read_extraction`. The paste page also takes the URL of
an article (in its URL field, or pasted alone in the box): the page is fetched with the
app's :class:`~sayso.ingest.web.Fetcher` (``app.state.fetcher``), whose guard against local
and private addresses stays on in a server, so that a visitor cannot make it probe the
network it runs in; a page that cannot be fetched is shown as its coded message.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from sayso.errors import Errors, SaysoError
from sayso.ingest.document import checked
from sayso.ingest.web import is_url
from sayso.records import Attribution, Document, IngestError
from sayso.serve import models
from sayso.serve.backend import Backend, ServeError
from sayso.serve.params import ERRORS, backend
from sayso.serve.render import highlighted, render

router = APIRouter()

TEXT_ERRORS = ("E001", "E004", "E013")  # empty, too long, bad Unicode: what read_extraction refuses


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
    return _page(request)


@router.post("/paste", response_class=HTMLResponse, include_in_schema=False)
async def paste(request: Request) -> HTMLResponse:
    """Extract from the posted form's ``text``, or from the page at its ``url`` (URL-encoded), and show
    it highlighted; nothing is stored. A lone URL in the box is taken as the page to fetch."""
    body = await request.body()  # the body limit applies while it is read
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise ServeError(400, Errors.E107.format(detail="send the form (application/x-www-form-urlencoded)"))
    form = parse_qs(body.decode("utf-8", "replace"))
    text = form.get("text", [""])[0].replace("\r\n", "\n")
    url = form.get("url", [""])[0].strip()
    if not url and is_url(text.strip()) and not any(c.isspace() for c in text.strip()):
        url, text = text.strip(), ""
    page = None
    if url:
        fetched = await run_in_threadpool(request.app.state.fetcher, url)  # E140-E143 as an IngestError
        if isinstance(fetched, IngestError):
            return _page(request, url=url, error=fetched.reason, status=422)
        page, text = fetched, fetched.text
    try:
        found = await run_in_threadpool(read_extraction, backend(request), text)
    except SaysoError as e:  # an empty box, or text the pipeline cannot take: said on the form
        if e.code not in TEXT_ERRORS:
            raise
        return _page(request, text=text, url=url, error=str(e), status=422)
    return _page(request, text=text, url=url, page=page, result=highlighted(text, found))


def _page(request: Request, *, text: str = "", url: str = "", page: Document | None = None,
          result: dict | None = None, error: str | None = None, status: int = 200) -> HTMLResponse:
    return render(request, "paste.html", status=status, text=text, url=url, page=page, result=result, error=error,
                  limit=request.app.state.max_body)

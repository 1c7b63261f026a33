"""What every resource module's routes share: the request's backend and store, the query
parameters of the API, the page of a list, and the parsing of the pages' form fields.

A JSON route and its HTML twin read the same thing (the resource module's one read
function); they differ only in how their parameters arrive. The API's are typed
(FastAPI checks them, 422 when wrong); a page's come from a form, which sends every
field, the empty ones as ``""``: :func:`day`, :func:`choice` and :func:`flag` read
those, ``""`` meaning "not given".
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Query, Request

from sayso.errors import Errors
from sayso.records import CHANNEL_TYPES, KINDS
from sayso.serve import models
from sayso.serve.backend import Backend, ServeError
from sayso.store import Store
from sayso.store.results import GENDERS

T = TypeVar("T")

MAX_LIMIT = 100
MAX_OFFSET = 100_000  # deep pages cost a scan each; narrow the filters instead
DEFAULT_LIMIT = 20
PAGE_SIZE = 20  # rows of a list page

# The error answers every API route documents in /openapi.json.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": models.ErrorResponse} for status in (400, 404, 413, 422, 500)
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[date | datetime | None, Query(description="published on or after (YYYY-MM-DD: that whole day, UTC)")]
Until = Annotated[date | datetime | None, Query(description="published on or before (a time: before it)")]
Outlet = Annotated[str | None, Query(max_length=200, description="the whole outlet name, any case")]
Kind = Literal[KINDS]  # type: ignore[valid-type]
Channel = Literal[CHANNEL_TYPES]  # type: ignore[valid-type]
Gender = Literal[GENDERS]  # type: ignore[valid-type]
# A page's parameters: form fields, "" when left empty.
PageOffset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=500)]


def backend(request: Request) -> Backend:
    return request.app.state.backend


def store(request: Request) -> Store:
    """This worker thread's connection to the store."""
    return backend(request).store()


def page(items: list[T], total: int, limit: int, offset: int) -> dict[str, Any]:
    """The API's shape of a list (:class:`models.Page`)."""
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def pager(total: int, limit: int, offset: int) -> dict[str, int]:
    """What a list page's pager shows."""
    return {"total": total, "limit": limit, "offset": offset}


def day(name: str, value: str | None) -> date | None:
    """A form's date field; 422 (E107) when it is not YYYY-MM-DD."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ServeError(422, Errors.E107.format(detail=f"{name}: {value!r} is not a date (YYYY-MM-DD)")) from None


def choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    """A form's select field; 422 (E107) when it is not one of ``choices``."""
    if not value:
        return None
    if value not in choices:
        raise ServeError(422, Errors.E107.format(detail=f"{name}: {value!r} is not one of {', '.join(choices)}"))
    return value


def flag(name: str, value: str | None) -> bool | None:
    """A form's yes/no/either field (``true``, ``false`` or empty)."""
    return {"true": True, "false": False, None: None}[choice(name, value, ("true", "false"))]

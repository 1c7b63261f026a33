"""What every SQL statement of the store shares: the joined attribution rows, the article
filters, and how values cross between Python and both backends (times as UTC ISO 8601 text,
JSON as text: PostgreSQL hands back ``timestamptz`` and ``jsonb``, SQLite text)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, overload

from sayso.store.results import Filters

# Attributions ``t`` with their articles ``a``: what every attribution query reads.
JOINED = "attributions t JOIN articles a ON a.id = t.article_id"


def escape_like(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern whose escape character is a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def article_conditions(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions on articles ``a`` for the outlet and date-window filters, and their parameters.

    Public so that front ends querying articles directly filter them the same way.
    """
    conditions: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        conditions.append("lower(a.outlet) = lower(?)")
        params.append(filters.outlet)
    since, until = filters.window()
    if since:
        conditions.append("a.published >= ?")
        params.append(iso(since))
    if until:
        conditions.append("a.published < ?")
        params.append(iso(until))
    return conditions, params


@overload
def iso(moment: datetime) -> str: ...
@overload
def iso(moment: None) -> None: ...
def iso(moment: datetime | None) -> str | None:
    """A time as the text both backends store and compare: UTC, to the second, ISO 8601.

    A time without a zone (readers never give one) is taken as UTC, not as this machine's zone.
    """
    if moment is None:
        return None
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).astimezone(UTC).isoformat(timespec="seconds")


@overload
def stored_time(value: str | datetime) -> datetime: ...
@overload
def stored_time(value: None) -> None: ...
def stored_time(value: str | datetime | None) -> datetime | None:
    """A stored time (ISO text from SQLite, ``datetime`` from PostgreSQL) as an aware UTC time."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(UTC)


def stored_day(value: str | datetime | None) -> date | None:
    """The UTC day of a stored time."""
    moment = stored_time(value)
    return moment.date() if moment else None


def json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value

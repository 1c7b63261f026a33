"""Rendering the pages: Jinja2 templates, autoescaped, and what they are given.

Templates autoescape everything they write, article text included; the article
text is handed to them already cut into plain segments (:mod:`sayso.serve.highlight`),
never as markup. A link is made from an article's URL only when it is http(s).
Charts are inline SVG whose geometry :mod:`sayso.serve.chart` computes. The
pages work without JavaScript; the one small script shows an attribution's
details on a click and says when a pasted article is being read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.types import Scope

from sayso.records import Attribution
from sayso.serve.download import EXPORT_LIMIT
from sayso.serve.highlight import marked, segments, speaker_colours


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
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["safe_url"] = safe_url
_env.filters["pathpart"] = lambda value: quote(str(value), safe="")
_env.filters["num"] = lambda value: f"{value:,}"
_env.filters["pct"] = lambda value: "—" if value is None else f"{value:.0%}"
_env.filters["day"] = lambda moment: moment.date().isoformat() if moment else ""
_env.filters["marked"] = marked
_env.globals["query_string"] = query_string
_env.globals["export_limit"] = EXPORT_LIMIT


def render(request: Request | Scope, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    scope = request.scope if isinstance(request, Request) else request
    html = _env.get_template(template).render(path=scope["path"], **context)
    return HTMLResponse(html, status_code=status)


def error_page(scope: Scope, status: int, code: str, message: str) -> Response:
    return render(scope, "error.html", status=status, status_code=status, code=code, message=message)


def highlighted(text: str, attributions: list[Attribution]) -> dict[str, Any]:
    """What the article and paste pages show of a text: its segments, each speaker's colour."""
    colours = speaker_colours(attributions)
    return {"segments": segments(text, attributions), "colours": colours, "attributions": attributions}

"""``sayso serve``: the store over HTTP, a REST API for programs and pages for people.

    from sayso.serve import create_app
    app = create_app("sqlite:///sayso.db", token=None)   # an ASGI app: run it with uvicorn

:mod:`sayso.serve.app` builds the app over a :mod:`~sayso.serve.backend`; one module per
resource (:mod:`~sayso.serve.articles`, :mod:`~sayso.serve.speakers`, :mod:`~sayso.serve.attributions`,
:mod:`~sayso.serve.clusters`, :mod:`~sayso.serve.outlets`, :mod:`~sayso.serve.paste`,
:mod:`~sayso.serve.home`) holds its JSON and HTML routes over one read; :mod:`~sayso.serve.corpus`
what the stored corpus index knows across articles (speakers' name forms, quote clusters,
read through the store), and
:mod:`~sayso.serve.workers` runs the app in several processes. The web framework is
imported only when an app is made, so that the ``sayso`` command starts fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_ARTICLE_BODY", "MAX_BODY", "MIN_TOKEN", "create_app"]

MAX_BODY = 200_000  # bytes: a pasted article, a search; what /api/extract takes
MAX_ARTICLE_BODY = 8_000_000  # bytes: POST /api/articles, up to the pipeline's 1,000,000 characters as JSON
MIN_TOKEN = 16  # characters of a bearer token


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from sayso.serve.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

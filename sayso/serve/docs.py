"""The API's interactive documentation at ``/docs``: Swagger UI over ``/openapi.json``, served by
the server itself.

FastAPI's own ``/docs`` loads Swagger UI from a CDN and starts it with an inline script; the
server's Content-Security-Policy allows neither (only the server's own script and style). So
the assets come from the ``swagger-ui-bundle-v2`` package (Swagger UI 5, which reads OpenAPI 3.1;
the release of the Swagger UI project, Apache-2.0, repackaged by connexion's maintainers,
pinned in constraints.txt), mounted under ``/docs/assets``, and the page starts them with
``/static/docs.js``, which reads the schema's URL from the page.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from sayso.serve.render import render

router = APIRouter()

ASSETS = "/docs/assets"


def mount_assets(app: FastAPI) -> None:
    """Serve Swagger UI's files under :data:`ASSETS`."""
    from swagger_ui_bundle import swagger_ui_path  # here: only a server needs it

    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", assets=ASSETS, schema=request.app.openapi_url)

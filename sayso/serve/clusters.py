"""Quote clusters: a quote as the outlets that ran it, ``/api/clusters`` and ``/clusters``, one
read each (:func:`read_clusters`, :func:`read_cluster`) under the JSON and the HTML route.

A store's corpus index holds a cluster for every quote, most of them run by one outlet;
the lists show those run by at least ``min_outlets`` (two by default), and say how many
of all the clusters that is.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from sayso.errors import Errors
from sayso.serve import chart, models
from sayso.serve.backend import Backend, ServeError
from sayso.serve.download import Format, download, keyed
from sayso.serve.params import DEFAULT_LIMIT, ERRORS, PAGE_SIZE, Limit, Offset, PageOffset, backend, page, pager
from sayso.serve.render import render
from sayso.store.results import Cluster

router = APIRouter()

MinOutlets = Annotated[int, Query(ge=1, le=1000, description="clusters run by at least this many outlets")]


def read_clusters(server: Backend, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
    """A page of the clusters run by at least ``min_outlets`` outlets, most outlets first, and their total."""
    return server.corpus.clusters(min_outlets=min_outlets, limit=limit, offset=offset)


def read_cluster(server: Backend, cluster_id: str) -> Cluster:
    """The cluster ``cluster_id``; 404 (E103) when there is none."""
    found = server.corpus.cluster(cluster_id)
    if found is None:
        raise ServeError(404, Errors.E103.format(what="quote cluster", key=cluster_id))
    return found


@router.get("/api/clusters", response_model=models.ClusterPage, tags=["api"], responses=ERRORS,
            summary="Quote clusters: a quote across outlets")
def list_clusters(
    request: Request, min_outlets: MinOutlets = 2, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    """Most outlets first. Empty, with a ``note`` saying why, when no cluster index was built."""
    server = backend(request)
    found, total = read_clusters(server, min_outlets, limit, offset)
    return {**page(found, total, limit, offset), "note": server.corpus.note}


@router.get("/api/clusters/{cluster_id}", response_model=models.Cluster, tags=["api"], responses=ERRORS,
            summary="One quote cluster, in publication order (format=csv or json: its attributions as a file)")
def get_cluster(request: Request, cluster_id: str, format: Format = None) -> Cluster | Response:
    server = backend(request)
    found = read_cluster(server, cluster_id)
    if format:
        keys = [(q.article_id, q.idx) for q in found.quotes if q.idx is not None]
        return download(server, keyed(keys), format, "sayso-cluster")
    return found


@router.get("/clusters", response_class=HTMLResponse, include_in_schema=False)
def clusters_page(request: Request, min_outlets: Annotated[int, Query(ge=1, le=1000)] = 2,
                  offset: PageOffset = 0) -> HTMLResponse:
    server = backend(request)
    found, total = read_clusters(server, min_outlets, PAGE_SIZE, offset)
    _, indexed = read_clusters(server, 1, 1, 0)
    return render(
        request, "clusters.html", clusters=found, note=server.corpus.note, params={"min_outlets": min_outlets},
        pager=pager(total, PAGE_SIZE, offset), indexed=indexed,
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
def cluster_page(request: Request, cluster_id: str) -> HTMLResponse:
    found = read_cluster(backend(request), cluster_id)
    return render(request, "cluster.html", cluster=found, timeline=chart.cluster_timeline(found))

"""What the server's routes share: the :class:`Backend` (the store, one connection per thread;
the token; the corpus index; the pipeline, one request at a time) and :class:`ServeError`.

Kept apart from :mod:`sayso.serve.app`, which assembles the routes, so that the resource
modules (:mod:`~sayso.serve.articles`, :mod:`~sayso.serve.speakers`, …) and the app import in
one direction: app → resource modules → backend.
"""

from __future__ import annotations

import hmac
import threading
from contextlib import suppress

from starlette.exceptions import HTTPException

from sayso.errors import Errors
from sayso.records import Attribution
from sayso.serve.corpus import Corpus, StoredCorpus
from sayso.store import Store, open_store

# HTTP status -> the error's machine-readable code.
CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "payload_too_large", 422: "invalid_request", 500: "internal_error",
}

class ServeError(HTTPException):
    """An error answer: status, code and message (``[E1xx] …``), whatever the route."""

    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or CODES.get(status, "error")


class Backend:
    """What the routes share: the store (one connection per thread), the token, the corpus index."""

    def __init__(self, store_url: str, token: str | None) -> None:
        self.store_url = store_url
        self.token = token
        self.corpus: Corpus = StoredCorpus(self.store)
        # The pipeline is loaded once and is not thread-safe; SQLite has one writer: one at a time.
        self.lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()

    def store(self) -> Store:
        """This thread's connection to the store, opened on first use."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.store_url, create=False)
            store.serve_reads()
            with self._opened_lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._opened_lock:
            for store in self._opened:
                with suppress(Exception):  # a SQLite connection refuses to be closed from another thread
                    store.close()
            self._opened.clear()

    def extract(self, text: str) -> list[Attribution]:
        """The attributions of ``text`` (nothing is stored), the pipeline loaded on first use."""
        from sayso.nlp import extract  # here: a server that only reads never loads spaCy

        with self.lock:
            return extract(text)

    def authorise(self, header: str | None) -> None:
        """Allow a write only with the configured bearer token.

        Raises:
            ServeError: no token is configured (403, E105), or the header does not
                carry it (401, E106).
        """
        if self.token is None:
            raise ServeError(403, Errors.E105)
        scheme, _, given = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise ServeError(401, Errors.E106, headers={"WWW-Authenticate": "Bearer"})

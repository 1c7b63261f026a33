"""Articles fetched from the web: ``http://`` and ``https://`` URLs, one document each.

The page is downloaded with trafilatura's downloader (its connection pool, headers and
its guard against requests to private addresses) and read as a saved page is
(:mod:`sayso.ingest.html`), or as a text file when it is served as plain text. A
URL is untrusted input like a file, so the fetch is bounded and never stops a batch:

- each network wait (connecting, each read) is bounded by ``timeout`` seconds, and so is
  the whole download, so a server that drips bytes cannot hold a run;
- the body is read up to ``max_bytes`` (what a saved page may be) and a larger page
  is refused (E142) without being held in memory;
- loopback, private and link-local addresses are refused unless ``private`` is set, so
  that a list of URLs from elsewhere cannot make sayso probe the local network;
- a certificate that does not verify is an error, never retried without verification;
- every failure is an :class:`IngestError` with a code naming the URL: no connection,
  a timeout or too many redirects (E140), an HTTP error status (E141), a page too
  large (E142), or one that is neither HTML nor text (E143).

The URL is the document's ``doc_id`` and ``origin``; its ``url`` is where the page
was found after redirects, unless the page names its canonical URL.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import certifi
import urllib3
from trafilatura.downloads import DEFAULT_HEADERS, create_pool

from sayso.errors import Errors, SaysoError
from sayso.ingest.document import MAX_BYTES, Document, IngestError
from sayso.ingest.html import extract_html
from sayso.ingest.text import text_document

SCHEMES = ("http://", "https://")
DEFAULT_TIMEOUT = 30.0
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


def is_url(source: str) -> bool:
    """Whether a source names a web page rather than a file."""
    return source[:8].lower().startswith(SCHEMES)


@dataclass(frozen=True)
class Fetcher:
    """How URLs are fetched: at most ``timeout`` seconds and ``max_bytes`` bytes a page, and
    whether addresses of the local network (``private``) may be asked; ``private_hint`` ends the
    message refusing one (what the user can do about it, which a server's user cannot)."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = MAX_BYTES
    private: bool = False
    private_hint: str = "--allow-private-urls fetches it"

    def __call__(self, url: str) -> Document | IngestError:
        """The article at ``url``, or an error naming it."""
        try:
            data, final_url, content_type = self._download(url)
            kind = content_type.split(";")[0].strip().lower()
            if kind in _HTML_TYPES or not kind:
                return extract_html(data, url, url, url=final_url, content_type=content_type)
            if kind == "text/plain":
                return text_document(data, url, url, url=final_url)
            return IngestError(url, Errors.E143.format(origin=url, kind=kind))
        except SaysoError as e:
            return IngestError(url, str(e))

    def _download(self, url: str) -> tuple[bytes, str, str]:
        """The page's bytes, the URL it was found at after redirects, and its ``Content-Type``."""
        try:
            response = _pool(self.private).request(
                "GET", url, headers=DEFAULT_HEADERS, preload_content=False,
                timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout),
                retries=urllib3.Retry(total=MAX_REDIRECTS, connect=0, read=0, status=0, raise_on_redirect=True),
            )
        except urllib3.exceptions.HTTPError as e:
            raise SaysoError(Errors.E140.format(origin=url, detail=_reason(e, self.private_hint))) from None
        try:
            if response.status != 200:
                reason = f" {response.reason}" if response.reason else ""
                raise SaysoError(Errors.E141.format(origin=url, status=response.status, reason=reason))
            data = self._body(response.stream(_CHUNK), url)
            # geturl() is the last Location header after a redirect, else the request's path: either may be relative.
            return data, urljoin(url, response.geturl() or url), response.headers.get("Content-Type", "")
        except urllib3.exceptions.HTTPError as e:
            raise SaysoError(Errors.E140.format(origin=url, detail=_reason(e, self.private_hint))) from None
        finally:
            response.release_conn()

    def _body(self, chunks: Iterator[bytes], url: str) -> bytes:
        """The body read chunk by chunk, within the size limit and the time limit."""
        deadline = time.monotonic() + self.timeout
        body = bytearray()
        for chunk in chunks:
            body += chunk
            if len(body) > self.max_bytes:
                raise SaysoError(Errors.E142.format(origin=url, limit=self.max_bytes))
            if time.monotonic() > deadline:
                detail = f"the download took longer than {self.timeout:g} s"
                raise SaysoError(Errors.E140.format(origin=url, detail=detail))
        return bytes(body)


def url_list(path: str) -> list[str]:
    """The URLs listed in the file at ``path``, one a line; blank lines and ``#`` comments are skipped.

    Raises:
        SaysoError: the file cannot be read (E145) or a line is not an http(s) URL (E146),
            before any page is fetched.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        detail = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise SaysoError(Errors.E145.format(path=path, detail=detail)) from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry) or any(c.isspace() for c in entry):
            raise SaysoError(Errors.E146.format(path=path, line=number, text=entry[:80]))
        urls.append(entry)
    return urls


@cache
def _pool(private: bool) -> urllib3.PoolManager:
    """trafilatura's connection pool, with its guard against private addresses unless ``private``."""
    return create_pool(ssrf_protection=not private, ca_certs=certifi.where(), cert_reqs="CERT_REQUIRED")


def _reason(error: urllib3.exceptions.HTTPError, private_hint: str) -> str:
    """Why a request failed, in a few words (urllib3 wraps the cause in a MaxRetryError)."""
    cause = error.reason if isinstance(error, urllib3.exceptions.MaxRetryError) and error.reason else error
    text = str(cause)
    if "SSRF protection" in text:
        return f"the address is on a local or private network; {private_hint}"
    if isinstance(cause, urllib3.exceptions.ResponseError) and "redirect" in text:
        return f"more than {MAX_REDIRECTS} redirects"
    if isinstance(cause, urllib3.exceptions.SSLError):
        return f"TLS certificate or handshake failed: {text.split(':', 1)[-1].strip()[:120]}"
    if isinstance(cause, urllib3.exceptions.NameResolutionError):
        return "the host name does not resolve"
    if isinstance(cause, urllib3.exceptions.NewConnectionError):  # before TimeoutError, its base class
        return "connection refused or unreachable"
    if isinstance(cause, urllib3.exceptions.TimeoutError):
        return "timed out"
    return f"{type(cause).__name__}: {text}"[:160]

"""The JSON shapes of the REST API, as pydantic models: what ``/openapi.json`` documents.

They mirror the library's records (:mod:`sayso.records`, :mod:`sayso.store.results`,
:mod:`sayso.store.reads`) field for field, and are
read from them by attribute (``from_attributes``), so a route returns the
records themselves. Every list is a :class:`Page`; every error is an
:class:`ErrorResponse`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

# The store's records serve as the API's shapes themselves (pydantic reads dataclasses):
# one definition each, documented in /openapi.json as they are.
from sayso.store.results import (
    ArticleSummary,
    Cluster,
    ClusterQuote,
    Count,
    Hit,
    RoleSeen,
    SpeakerQuote,
    Stats,
)
from sayso.store.results import SpeakerCount as Speaker

__all__ = [
    "Article",
    "ArticleIn",
    "ArticleSummary",
    "AttributionOut",
    "ChannelOut",
    "Cluster",
    "ClusterPage",
    "ClusterQuote",
    "Count",
    "ErrorDetail",
    "ErrorResponse",
    "ExtractRequest",
    "Extraction",
    "Hit",
    "Page",
    "Posting",
    "Provenance",
    "RoleSeen",
    "RoleTexts",
    "Speaker",
    "SpeakerDetail",
    "SpeakerQuote",
    "Stats",
    "Stored",
]

T = TypeVar("T")


class _Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(_Model, Generic[T]):
    """One page of a longer list: ``total`` items in all, ``items`` from ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ErrorDetail(_Model):
    code: str = Field(description="stable and machine-readable: not_found, payload_too_large, unauthorized, …")
    message: str = Field(description="for people; starts with sayso's error code ([E103]) when it has one")


class ErrorResponse(_Model):
    """The one shape of every error the API returns (400, 401, 403, 404, 413, 422, 500)."""

    error: ErrorDetail


class RoleTexts(_Model):
    source: str
    cue: str
    content: str


class ChannelOut(_Model):
    type: str
    outlet: str | None
    evidence: list[tuple[int, int]]


class AttributionOut(_Model):
    """An attribution in sayso's public JSON form (docs/library.md, "Output format"): offsets into the text."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    text: RoleTexts
    kind: str
    speaker: str | None
    speaker_type: str
    speaker_role: str | None
    speaker_gender: str | None
    gender_evidence: str | None
    channel: ChannelOut
    hedges: list[str]
    confidence: float


class Posting(_Model):
    """Someone putting a thing out or passing it on: who (``mention`` as the article writes it), their role, where."""

    name: str | None
    mention: str | None
    role: str | None
    platform: str | None
    evidence: list[int]


class Provenance(_Model):
    """Where the statement of attribution number ``attribution`` came from: the ``item`` passed on,
    who first posted it (``origin``, when the article says) and who passed it on, in text order."""

    attribution: int
    item: str
    origin: Posting | None
    relays: list[Posting]


class Article(_Model):
    id: str
    doc_id: str | None
    origin: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: datetime | None
    authors: list[str]
    created: datetime
    text: str
    attributions: list[AttributionOut]
    relays: list[Provenance]


class SpeakerDetail(_Model):
    """A speaker's profile: other name forms (when the corpus index knows them), roles,
    attributions per month ("YYYY-MM") and the outlets quoting them most."""

    name: str
    type: str
    role: str | None
    attributions: int
    articles: int
    id: str | None = Field(description="the speaker's id in the corpus index, when there is one")
    gender: str | None = Field(description="female or male: what the text shows of most of their attributions")
    genders: list[Count] = Field(description="their attributions whose text shows each gender")
    aliases: list[str]
    roles: list[RoleSeen]
    months: list[Count]
    outlets: list[Count]
    note: str | None


class ClusterPage(Page[Cluster]):
    note: str | None = Field(description="why the list is empty when no cluster index was built")


class ExtractRequest(_Model):
    text: str = Field(description="the article's text; offsets in the answer point into it")


class Extraction(_Model):
    attributions: list[AttributionOut]


class ArticleIn(_Model):
    """An article to store, as a JSONL record gives it (docs/cli.md, "Input formats")."""

    text: str
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or time; a time without a zone is UTC")
    outlet: str | None = None
    authors: list[str] = []


class Stored(_Model):
    id: str
    doc_id: str
    attributions: int
    href: str = Field(description="where to read it back")

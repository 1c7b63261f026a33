"""What the parts of the store mixed into :class:`~sayso.store.base.Store` rely on it for.

:class:`~sayso.store.corpus.CorpusTables` and :class:`~sayso.store.reads.Reads` are
written apart from :class:`~sayso.store.base.Store` (one part of the schema, one kind of
read each) but run as its methods. :class:`Plumbing`, their common base, names what they
call on the store, so the type checker checks those calls as it checks the store's own:
what a backend provides (placeholders, a month, streaming) and what :class:`Store` does
for every backend (reads, writes, transactions, a speaker's condition).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sayso.store.results import SpeakerRef


class Plumbing(ABC):
    """The store's plumbing the mixins use; :class:`~sayso.store.base.Store` and its backends provide it."""

    # What a backend provides.

    @abstractmethod
    def _sql(self, sql: str) -> str:
        """``sql`` with its ``?`` placeholders in this backend's style."""

    @abstractmethod
    def _month(self, column: str) -> str:
        """The SQL of the month ("YYYY-MM", UTC) of the stored time ``column``."""

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """The rows of a query too large to hold in memory, as they arrive."""

    # What Store does the same way for every backend.

    @property
    @abstractmethod
    def _gender(self) -> str:
        """SQL for the speaker's gender of attribution ``t``."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of a read written in the SQL both backends share."""

    @abstractmethod
    def _query(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """All rows of a read."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any]) -> None:
        """One statement."""

    @abstractmethod
    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """One statement for each of ``rows``."""

    @abstractmethod
    def _writing(self) -> AbstractContextManager[None]:
        """One write transaction."""

    @abstractmethod
    def speaker_condition(self, name: str | SpeakerRef) -> tuple[str, list[Any]]:
        """The SQL condition on attributions ``t`` keeping those of the speakers ``name`` names."""

    @abstractmethod
    def speaker_total(self, speaker: str | None = None) -> int:
        """How many speakers the store lists."""

"""What the server knows about the corpus as a whole: speakers' other names and roles, quote clusters.

The store knows each article's speakers by the name that article gives them;
across articles the same person appears as "Hillary Clinton", "Clinton" and
"Hillary Rodham Clinton", and the same quote runs in many outlets. Every
``sayso ingest`` leaves the corpus index (:mod:`sayso.corpus.index`) in the
store; the server reads it through a :class:`Corpus`, :class:`StoredCorpus`,
and says so in a note while a store has none yet (one written before the index
existed, until its next ingest).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sayso.store import Store
from sayso.store.results import Cluster, SpeakerProfile

NO_INDEX_NOTE = (
    "This store has no corpus index yet, so quote clusters and speakers' other names are not "
    "shown: run 'sayso ingest' on it (with any input) to build it."
)


class Corpus(Protocol):
    """Corpus-level knowledge the pages and the API show when they have it.

    ``note`` says what is missing (shown beside empty answers), or is None.
    """

    @property
    def note(self) -> str | None:
        """Why something is missing, or None."""

    def profile(self, speaker_id: str) -> SpeakerProfile | None:
        """The registry speaker with this id, if known."""

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        """A page of the clusters run by at least ``min_outlets`` outlets, most outlets
        first, and how many there are."""

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The cluster with this id, if any."""


class StoredCorpus:
    """The corpus index as the store keeps it, read through ``store`` (the calling thread's connection)."""

    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    @property
    def note(self) -> str | None:
        return NO_INDEX_NOTE if self._store().index_state() is None else None

    def profile(self, speaker_id: str) -> SpeakerProfile | None:
        return self._store().speaker_profile(speaker_id)

    def clusters(self, *, min_outlets: int, limit: int, offset: int) -> tuple[list[Cluster], int]:
        return self._store().clusters(min_outlets=min_outlets, limit=limit, offset=offset)

    def cluster(self, cluster_id: str) -> Cluster | None:
        return self._store().cluster(cluster_id)

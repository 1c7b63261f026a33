"""Quote clusters: the same quote across articles, grouped as articles arrive.

Outlets rarely copy a quote letter for letter: quotation marks, punctuation and
case change, an editor trims a word, one outlet runs the whole statement and
another half a sentence of it. A cluster holds all of these, so a reader can see
where a quote first appeared and how far it spread.

A quote is read as its words (case, accents and punctuation dropped) and as the
set of its word pairs ("shingles"; pairs rather than triples, so that two edited
words in a short quote still leave it similar). Each new distinct text finds
candidate clusters without comparing it with every earlier quote:

- **near-duplicates** through MinHash signatures of the shingle sets, split into
  LSH bands: texts sharing a band are candidates, and join when the shingle sets'
  Jaccard similarity is at least ``NEAR`` (``NEAR_SHORT`` when one has fewer than
  ``MIN_FRAGMENT_WORDS`` words: a short text differing in a word is another text);
- **fragments** through winnowing fingerprints (the minimum hash of every
  ``WINDOW`` consecutive word triples) in an inverted index: any run of
  ``WINDOW + 2`` words two texts share yields a fingerprint both hold, and texts
  sharing two fingerprints (one, for a text that has no more) are candidates; one
  shared phrase alone is common between different quotes. A text of at least
  ``MIN_FRAGMENT_WORDS`` words joins a cluster when ``CONTAIN`` of its shingles lie
  in the cluster's longest text, or when it holds that much of the longest text
  (the full statement arriving after a fragment of it).

Both rules also ask what the shared words are evidence of. "is going to be the
next president of the United States" and "that Trump will not be the next president
of the United States" share half their word pairs, yet the phrase they share is in
dozens of other statements; a copied quote shares wording that few others use. So
each word pair counts how many distinct statements (clusters) hold it, kept up to
date as texts arrive (one count per distinct pair, so memory grows with the corpus
as the shingle sets do). A pair is stock wording once more than ``STOCK_SHARE`` of all
statements hold it (and more than ``STOCK_MIN``: in a small corpus counts are noise);
it weighs 1 up to that count ``c`` and ``c / n`` when ``n`` statements hold it, and
two texts join only when the pairs they share weigh at least ``SPECIFIC``. The
weights decide whether to join, not how similar two texts are: an edit makes pairs
no other text holds, so weighing the pairs that differ would count every edit as
strong evidence against a copy.

A fragment joins one cluster only (the one holding most of it), so two different
statements that share a slogan are not chained through it; near-duplicates and
full statements join every cluster they match. Very common fingerprints and band
keys stop collecting postings at ``MAX_POSTINGS``, which bounds the work per quote.
Everything is deterministic: fixed hash seeds, ties broken by arrival order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

import numpy as np

from sayso.records import Attribution

PERMUTATIONS = 60
BANDS = 20  # 20 bands of 3 rows: candidates from a Jaccard similarity of about 0.35
WINDOW = 3  # _hash takes the minimum of three consecutive triples
NEAR = 0.5
NEAR_SHORT = 0.8  # under MIN_FRAGMENT_WORDS words: "stand up and be counted" is not "... be active"
CONTAIN = 0.8
STOCK_SHARE = 0.001  # a word pair in more than this share of statements is stock ("next president")
STOCK_MIN = 10
SPECIFIC = 2.0  # two texts join only when their shared pairs weigh this much: two pairs of uncommon wording
MIN_WORDS = 5
MIN_INDIRECT_WORDS = 12
MIN_FRAGMENT_WORDS = 8
MAX_POSTINGS = 8
BATCH = 2048

_ROWS = PERMUTATIONS // BANDS
_SEEDS = np.random.default_rng(20161108).integers(1, 2**63, size=(4, PERMUTATIONS), dtype=np.uint64)
_MULTIPLIERS = _SEEDS[0] | np.uint64(1)  # multiply-shift hashing wants odd multipliers
_OFFSETS = _SEEDS[1]
_BAND_MIX = _SEEDS[2][:_ROWS] | np.uint64(1)
_MIX = _SEEDS[3][:3] | np.uint64(1)
_SHIFT = np.uint64(32)
_BAND_NUMBERS = np.arange(BANDS, dtype=np.uint64)
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|''(.+?)''")
_APOSTROPHES = re.compile(r"['’‘`]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The words of a quote as compared: no case, accents, punctuation or apostrophes."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _WORD.findall(_APOSTROPHES.sub("", text.casefold()))


def quote_text(attribution: Attribution) -> str | None:
    """The words of an attribution worth clustering, or ``None``.

    A direct quote is its content; a mixed one its quoted words only (the paraphrase
    around them is the outlet's own); both need ``MIN_WORDS`` words. An indirect
    statement clusters only from ``MIN_INDIRECT_WORDS`` words, where shared wording
    means copied text (a wire story), not the same idea told twice.
    """
    text = " ".join(s.text for s in attribution.content)
    if attribution.kind == "mixed":
        text = " … ".join(next(g for g in m.groups() if g) for m in _QUOTED.finditer(text))
    minimum = MIN_WORDS if attribution.kind in ("direct", "mixed") else MIN_INDIRECT_WORDS
    return text.strip() if len(words_of(text)) >= minimum else None


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote as published: where, when, by whom, and its text as written."""

    article_id: str
    text: str
    outlet: str | None = None
    published: date | None = None
    speaker_id: str | None = None
    attribution: int | None = None


def _when(quote: Quote) -> tuple[bool, str]:
    """A sort key for publication time: unknown last, dates and UTC times comparable."""
    published = quote.published
    if isinstance(published, datetime) and published.tzinfo is not None:
        published = published.astimezone(UTC)
    return (published is None, published.isoformat() if published else "")


@dataclass(slots=True)
class QuoteCluster:
    """A quote across articles: its members in arrival order and its distinct texts.

    ``variants`` maps each distinct wording (as first written) to how many members
    use it; ``text`` is the longest wording, the statement the others are part of.
    """

    id: str
    text: str
    members: list[Quote] = field(default_factory=list)
    variants: Counter[str] = field(default_factory=Counter)

    @property
    def first_seen(self) -> Quote:
        """The earliest published member; ties go to the lowest article id, then arrival."""
        return min(self.members, key=lambda q: (_when(q), q.article_id))

    @property
    def outlets(self) -> set[str]:
        return {q.outlet for q in self.members if q.outlet}

    @property
    def outlet_count(self) -> int:
        return len(self.outlets)


def _cluster_id(key: str) -> str:
    return "q" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


class _Hashed(NamedTuple):
    """A text's word-pair hashes (its shingles), fingerprints and LSH band keys."""

    shingles: list[int]
    fingerprints: set[int]
    bands: list[int]


def _hash(word_lists: list[list[int]]) -> list[_Hashed]:
    """Shingles, winnowing fingerprints and MinHash band keys of texts given as word hashes,
    computed for the whole batch at once.

    Shingles are word pairs; fingerprints come from word triples, rarer than pairs: the
    minimum of every ``WINDOW`` consecutive triple hashes, so any run of ``WINDOW + 2``
    words two texts share gives both one fingerprint. Hashing is multiply-shift on
    64-bit integers, deterministic for fixed seeds.
    """
    lengths = np.array([len(w) for w in word_lists])
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    flat = np.fromiter((h for w in word_lists for h in w), dtype=np.uint64, count=int(lengths.sum()))
    pairs = ((flat[:-1] * _MIX[0]) ^ flat[1:]) * _MIX[1] >> _SHIFT
    triples = ((pairs[:-1] * _MIX[2]) ^ flat[2:]) * _MIX[1] >> _SHIFT
    windows = np.minimum(np.minimum(triples[:-2], triples[1:-1]), triples[2:])
    # MinHash over each text's pairs (pairs[start : start + length - 1]).
    hashed = (pairs[:, None] * _MULTIPLIERS[None, :] + _OFFSETS[None, :]) >> _SHIFT
    hashed[(starts + lengths)[:-1] - 1] = np.iinfo(np.uint64).max  # pairs across two texts
    signatures = np.minimum.reduceat(hashed, starts, axis=0)
    rows = signatures.reshape(len(word_lists), BANDS, _ROWS)
    bands = ((rows * _BAND_MIX).sum(axis=2, dtype=np.uint64) >> np.uint64(8) << np.uint64(5)) | _BAND_NUMBERS
    pair_list, triple_list, window_list, band_list = pairs.tolist(), triples.tolist(), windows.tolist(), bands.tolist()
    out = []
    for start, length, band in zip(starts.tolist(), lengths.tolist(), band_list):
        if length - 2 <= WINDOW:
            prints = {min(triple_list[start:start + length - 2])}
        else:
            prints = set(window_list[start:start + length - 2 - WINDOW + 1])
        out.append(_Hashed(pair_list[start:start + length - 1], prints, band))
    return out


class _Postings(dict):
    """key -> variant ids. A key held by ``MAX_POSTINGS`` texts is too common to tell
    anything ("of the"): it stops collecting and yields no candidates."""

    def look_up(self, keys: Iterable[int], least: int = 1) -> set[int]:
        """The variants filed under at least ``least`` of ``keys``."""
        found: list[int] = []
        for key in keys:
            held = self.get(key)
            if type(held) is int:
                found.append(held)
            elif held is not None and len(held) < MAX_POSTINGS:
                found.extend(held)
        if least == 1 or len(found) < least:
            return set(found) if least == 1 else set()
        return {v for v, n in Counter(found).items() if n >= least}

    def file(self, keys: Iterable[int], variant: int) -> None:
        """File ``variant`` under ``keys``."""
        for key in keys:
            held = self.get(key)
            if held is None:
                self[key] = variant
            elif type(held) is int:
                self[key] = array("i", (held, variant))
            elif len(held) < MAX_POSTINGS:
                held.append(variant)


class QuoteClusters:
    """Clusters of quotes, grown one quote (or one batch) at a time; see the module docstring."""

    def __init__(self) -> None:
        self._variant_of: dict[str, int] = {}  # normalised text -> variant id
        self._texts: list[str] = []  # variant id -> its wording as first written
        # Shingle sets kept as arrays: a tenth of a set's memory, and nothing for the
        # garbage collector to walk; only the new text's set is a set.
        self._shingles: list[array] = []
        self._lengths = array("i")
        self._parent = array("i")  # union-find over variant ids; a root stands for its cluster
        self._clusters: dict[int, QuoteCluster] = {}
        self.merged: dict[str, str] = {}  # id of a cluster joined into another -> that one's id
        self._longest: dict[int, int] = {}  # root -> its longest variant
        self._bands = _Postings()
        self._prints = _Postings()
        self._word_hashes: dict[str, int] = {}
        self._statements: Counter[int] = Counter()  # word pair -> how many clusters hold it

    def __len__(self) -> int:
        return len(self._clusters)

    def __iter__(self) -> Iterator[QuoteCluster]:
        return iter(list(self._clusters.values()))

    def resolve(self, cluster_id: str) -> str:
        """The id a cluster has now: a later quote can join two clusters into the older one."""
        while cluster_id in self.merged:
            cluster_id = self.merged[cluster_id]
        return cluster_id

    def add(self, quote: Quote) -> str | None:
        """The id of the cluster ``quote`` joins (``None`` if too short to cluster); a later
        quote may join that cluster into an older one, see :meth:`resolve`."""
        return self.add_many([quote])[0]

    def add_many(self, quotes: Iterable[Quote]) -> list[str | None]:
        """Add quotes in order; hashing is batched, so this is the fast way to load many."""
        quotes = list(quotes)
        ids: list[str | None] = []
        for start in range(0, len(quotes), BATCH):
            ids.extend(self._add_batch(quotes[start:start + BATCH]))
        return ids

    def _add_batch(self, quotes: list[Quote]) -> list[str | None]:
        words = [words_of(q.text) for q in quotes]
        keys = [" ".join(w) for w in words]
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            if len(words[i]) >= MIN_WORDS and key not in self._variant_of:
                first.setdefault(key, i)
        fresh = sorted(first.values())
        hashes = self._word_hashes
        for i in fresh:
            for word in words[i]:
                if word not in hashes:
                    hashes[word] = zlib.crc32(word.encode("utf-8"))
        hashed = dict(zip(fresh, _hash([[hashes[w] for w in words[i]] for i in fresh]))) if fresh else {}
        ids: list[str | None] = []
        for i, (quote, key) in enumerate(zip(quotes, keys)):
            if len(words[i]) < MIN_WORDS:
                ids.append(None)
                continue
            if key not in self._variant_of:
                self._insert(key, len(words[i]), hashed[i], quote.text)
            variant = self._variant_of[key]
            cluster = self._clusters[self._find(variant)]
            cluster.members.append(quote)
            cluster.variants[self._texts[variant]] += 1
            ids.append(cluster.id)
        return ids

    def _insert(self, key: str, length: int, hashed: _Hashed, text: str) -> None:
        """Add a new distinct text: find the clusters it belongs to, then index it."""
        variant = len(self._lengths)
        # One shared fingerprint is one shared phrase; a fragment or a near-duplicate of more
        # than a few words shares two or more.
        least = 2 if len(hashed.fingerprints) > 2 else 1
        candidates = self._bands.look_up(hashed.bands) | self._prints.look_up(hashed.fingerprints, least)
        shingles = frozenset(hashed.shingles)
        self._variant_of[key] = variant
        self._texts.append(text)
        self._shingles.append(array("I", shingles))
        self._lengths.append(length)
        self._parent.append(variant)
        joined, fragment_of, matched = self._matches(variant, shingles, candidates)
        self._count(shingles, matched)
        if joined:
            roots = sorted(joined)
            for root in roots[1:]:
                self._union(roots[0], root)
            self._union(self._find(roots[0]), variant)
        elif fragment_of is not None:
            self._union(fragment_of, variant)
        else:
            self._clusters[variant] = QuoteCluster(_cluster_id(key), text)
            self._longest[variant] = variant
        root = self._find(variant)
        if self._lengths[variant] > self._lengths[self._longest[root]]:
            self._longest[root] = variant
            self._clusters[root].text = text
        self._bands.file(hashed.bands, variant)
        self._prints.file(hashed.fingerprints, variant)

    def _matches(
        self, variant: int, mine: frozenset[int], candidates: set[int]
    ) -> tuple[set[int], int | None, list[int]]:
        """The clusters a new text (its shingle set ``mine``) joins as a near-duplicate or
        fuller statement, the best one it is a fragment of, and the texts that matched it."""
        length, size = self._lengths[variant], len(mine)
        joined: set[int] = set()
        matched: list[int] = []
        fragment: tuple[float, int, int] | None = None
        by_root: dict[int, list[int]] = {}
        for other in sorted(candidates):
            by_root.setdefault(self._find(other), []).append(other)
        for root, others in by_root.items():
            for other in others:
                theirs = self._shingles[other]
                near = NEAR if min(length, self._lengths[other]) >= MIN_FRAGMENT_WORDS else NEAR_SHORT
                # Jaccard >= near needs sizes within that ratio; only then intersect.
                if near * len(theirs) <= size and near * size <= len(theirs):
                    shared = mine.intersection(theirs)
                    if len(shared) >= near * (size + len(theirs) - len(shared)) and self._specific(shared):
                        joined.add(root)
                        matched.append(other)
                        break
            if root in joined:
                continue
            longest = self._longest[root]
            whole = self._shingles[longest]
            shared = mine.intersection(whole)
            fuller = self._lengths[longest] >= MIN_FRAGMENT_WORDS and len(shared) >= CONTAIN * len(whole)
            if fuller and self._specific(shared):
                joined.add(root)  # the fuller statement of a fragment seen earlier
                matched.append(longest)
            elif length >= MIN_FRAGMENT_WORDS and len(shared) >= CONTAIN * size and self._specific(shared):
                score = (len(shared) / size, len(self._clusters[root].members), -root)
                fragment = max(fragment, score) if fragment else score
        fragment_of = -fragment[2] if fragment else None
        if not joined and fragment_of is not None:
            matched.append(self._longest[fragment_of])
        return joined, fragment_of, matched

    def _specific(self, shared: AbstractSet[int]) -> bool:
        """Whether shared word pairs weigh ``SPECIFIC``: wording few statements use, not stock phrases."""
        stock = max(STOCK_MIN, STOCK_SHARE * len(self._clusters))
        statements, weight = self._statements, 0.0
        for pair in shared:
            held = statements.get(pair, 0)
            weight += 1.0 if held <= stock else stock / held
            if weight >= SPECIFIC:
                return True
        return False

    def _count(self, mine: frozenset[int], matched: list[int]) -> None:
        """Count a new text's word pairs as held by one more statement, except those the texts
        it joined already hold: a quote's copies and fragments are one statement, not many."""
        self._statements.update(mine.difference(*(self._shingles[v] for v in matched)))

    def _find(self, variant: int) -> int:
        parent = self._parent
        while parent[variant] != variant:
            parent[variant] = parent[parent[variant]]
            variant = parent[variant]
        return variant

    def _union(self, keep: int, other: int) -> None:
        """Join ``other``'s cluster into ``keep``'s (roots; the older cluster's id stays)."""
        keep, other = self._find(keep), self._find(other)
        if keep == other:
            return
        if other < keep:
            keep, other = other, keep
        self._parent[other] = keep
        gone = self._clusters.pop(other, None)
        if gone is None:  # a new variant: no cluster of its own yet
            return
        cluster = self._clusters[keep]
        self.merged[gone.id] = cluster.id
        cluster.members.extend(gone.members)
        cluster.variants.update(gone.variants)
        longest = self._longest.pop(other)
        if self._lengths[longest] > self._lengths[self._longest[keep]]:
            self._longest[keep] = longest
            cluster.text = gone.text

    def cluster_of(self, text: str) -> QuoteCluster | None:
        """The cluster holding a text with the same words as ``text``, if any."""
        variant = self._variant_of.get(" ".join(words_of(text)))
        return None if variant is None else self._clusters[self._find(variant)]

    def spanning(self, outlets: int = 2) -> list[QuoteCluster]:
        """Clusters quoted by at least ``outlets`` outlets, most outlets first (then by id)."""
        found = [c for c in self._clusters.values() if c.outlet_count >= outlets]
        return sorted(found, key=lambda c: (-c.outlet_count, c.id))

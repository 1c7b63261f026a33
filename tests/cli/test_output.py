"""How results are printed: the table for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, datetime

import pytest

from sayso.batch import Extracted
from sayso.cli.output import Writer, table
from sayso.ingest import Document


@pytest.fixture
def bakhmut(bakhmut_text, kivinen_attribution) -> Extracted:
    document = Document("bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt")
    hedged = dataclasses.replace(kivinen_attribution, hedges=["reportedly", "claimed"], speaker_role=None)
    return Extracted(document, [kivinen_attribution, hedged])


def _column(lines: list[str], header: str, name: str) -> list[str]:
    """The text of one column in the table's lines, as wide as the gap to the next column's name."""
    start = header.index(name)
    end = min((header.index(n) for n in ("cue", "content", "channel", "hedges") if header.index(n) > start),
              default=None)
    return [line[start:end].strip() for line in lines]


def test_output_table_has_header_and_one_readable_row_per_attribution(bakhmut):
    lines = table(bakhmut, 200).splitlines()
    assert lines[0] == "== bakhmut-newsweek-2022-12-27 (examples/bakhmut-newsweek-2022-12-27.txt): 2 attributions"
    assert lines[1].split() == ["#", "kind", "speaker", "(role)", "cue", "content", "channel", "hedges"]
    rows = "\n".join(lines[2:]).split("\n\n")
    assert [row.split()[:3] for row in rows] == [["1", "direct", "Markku"], ["2", "direct", "Markku"]]
    assert "interview:Newsweek" in rows[0]
    assert rows[1].splitlines()[0].rstrip().endswith("reportedly, claimed")


@pytest.mark.parametrize("width", [200, 120, 100])
def test_output_table_wraps_speaker_role_and_content_whole_within_the_width(bakhmut, kivinen_attribution, width):
    lines = table(bakhmut, width).splitlines()
    assert all(len(line) <= width for line in lines)
    first = lines[2:lines.index("", 2)]
    speaker = " ".join(_column(first, lines[1], "speaker (role)")).split()
    assert speaker == "Markku Kivinen (director of the Aleksanteri Institute)".split()
    content = " ".join(_column(first, lines[1], "content")).split()
    assert content == kivinen_attribution.content[0].text.split()
    assert "…" not in "\n".join(lines)


def test_output_table_header_gives_title_outlet_and_date(bakhmut):
    dated = dataclasses.replace(bakhmut.document, title="Russia Suffers Heavy Losses in Bakhmut", outlet="Newsweek",
                                published=datetime(2022, 12, 27, 17, 41, tzinfo=UTC))
    lines = table(Extracted(dated, bakhmut.attributions), 120).splitlines()
    assert lines[1] == "   Russia Suffers Heavy Losses in Bakhmut · Newsweek · 2022-12-27"
    assert lines[2].split()[:2] == ["#", "kind"]


def test_output_table_of_an_article_without_attributions_says_so(bakhmut):
    empty = Extracted(bakhmut.document, [])
    assert table(empty, 100).splitlines()[0].endswith(": 0 attributions")


def test_output_table_speaker_falls_back_to_source_text(bakhmut, kivinen_attribution):
    anonymous = dataclasses.replace(kivinen_attribution, speaker=None, speaker_role=None)
    row = table(Extracted(bakhmut.document, [anonymous]), 200).splitlines()[2]
    assert row.split()[2] == "Kivinen"


def test_output_jsonl_line_is_the_public_record_with_doc_id(bakhmut, kivinen_attribution):
    out = io.StringIO()
    Writer(out, "jsonl").write(bakhmut)
    line = json.loads(out.getvalue())
    assert line["doc_id"] == "bakhmut-newsweek-2022-12-27"
    assert line["attributions"][0] == kivinen_attribution.to_dict()
    assert line["attributions"][0]["text"]["source"] == "Kivinen"


def test_output_json_is_one_array(bakhmut):
    out = io.StringIO()
    writer = Writer(out, "json")
    writer.write(bakhmut)
    writer.write(Extracted(bakhmut.document, []))
    writer.close()
    assert [len(d["attributions"]) for d in json.loads(out.getvalue())] == [2, 0]


def test_output_table_under_100_columns_gives_each_attribution_as_a_block_of_whole_lines(bakhmut, kivinen_attribution):
    lines = table(bakhmut, 80).splitlines()
    assert all(len(line) <= 80 for line in lines[1:])  # the header names the file, at whatever length
    first = lines[1:lines.index("")]
    assert first[0].split() == ["1", "direct", "·", "cue:", "said", "·", "channel:", "interview:Newsweek"]
    assert first[1] == "     Markku Kivinen (director of the Aleksanteri Institute)"
    assert " ".join(line.strip() for line in first[2:]) == kivinen_attribution.content[0].text
    second = lines[lines.index("") + 1:]
    assert " ".join(line.strip() for line in second[:2]).endswith("· hedges: reportedly, claimed")

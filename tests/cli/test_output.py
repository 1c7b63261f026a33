"""How results are printed: the table for people, JSON for programs."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest

from sayso.batch import Extracted
from sayso.cli.output import Writer, table
from sayso.ingest import Document


@pytest.fixture
def bakhmut(bakhmut_text, kivinen_attribution) -> Extracted:
    document = Document("bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt")
    hedged = dataclasses.replace(kivinen_attribution, hedges=["reportedly", "claimed"], speaker_role=None)
    return Extracted(document, [kivinen_attribution, hedged])


def test_output_table_has_header_and_one_readable_row_per_attribution(bakhmut):
    lines = table(bakhmut, 200).splitlines()
    assert lines[0] == "== bakhmut-newsweek-2022-12-27 (examples/bakhmut-newsweek-2022-12-27.txt): 2 attributions"
    assert lines[1].split() == ["#", "kind", "speaker", "(role)", "cue", "content", "channel", "hedges"]
    first, second = lines[2], lines[3]
    assert "Markku Kivinen (director of the Aleksan…" in first  # a fifth of the width
    assert "Bakhmut is a limited breakthrough" in first
    assert "interview:Newsweek" in first
    assert first.split()[:3] == ["1", "direct", "Markku"]
    assert second.rstrip().endswith("reportedly, claimed")
    assert "Markku Kivinen  " in second


def test_output_table_cuts_content_to_the_terminal_width(bakhmut):
    lines = table(bakhmut, 150).splitlines()
    assert all(len(line) <= 150 for line in lines)
    assert "Bakhmut is a limited" in lines[2] and "somewhere" not in lines[2]
    assert "…" in lines[2]


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

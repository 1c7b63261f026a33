"""Reading and writing brat standoff folders, and reading annotated documents of either shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.errors import SaysoError
from sayso.eval_records import read_gold
from sayso.formats import read_annotated, read_brat, write_brat

ROLES = ("source", "cue", "content")
# Train articles worth a round trip beyond the first few: one attribution without a cue, and
# one whose content runs over a blank line (brat writes it over several lines of the .ann file).
NO_CUE = "huff-post_2016-04-08_bernie-sanders-of-course-hillary"
MULTILINE = "nyt_2016-04-18_for-news-outlets-feeling-the-squ"
HAIDAI = "Haidai said the city fell."
HAIDAI_ANN = (
    "T1\tSource 0 6\tHaidai",
    "T2\tCue 7 11\tsaid",
    "T3\tContent 12 25\tthe city fell",
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
)
HAIDAI_ROLES = {"source": ["Haidai"], "cue": ["said"], "content": ["the city fell"]}


@pytest.fixture(scope="module")
def polnear_handful(polnear_train_path) -> list[dict]:
    rows = read_gold(polnear_train_path)
    return rows[:4] + [r for r in rows if r["doc_id"] in {NO_CUE, MULTILINE}]


def _lines(*lines: str, end: str = "\n") -> str:
    return "".join(line + end for line in lines)


def _brat(folder: Path, name: str, text: str, ann: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")
    return folder


def _roles(record: dict) -> list[dict]:
    return [{role: a[role] for role in ROLES} for a in record["attributions"]]


def _texts(record: dict) -> list[dict]:
    """Each attribution's roles as the text of their fragments, to assert on words."""
    text = record["text"]
    return [{role: [text[s:e] for s, e in a[role]] for role in ROLES} for a in record["attributions"]]


def test_brat_round_trip_keeps_every_span_of_polnear_records(tmp_path, polnear_handful):
    write_brat(polnear_handful, tmp_path)
    back = read_annotated(tmp_path)
    by_id = {r["doc_id"]: r for r in back}
    assert sorted(by_id) == sorted(r["doc_id"] for r in polnear_handful)
    for record in polnear_handful:
        assert by_id[record["doc_id"]]["text"] == record["text"]
        assert _roles(by_id[record["doc_id"]]) == _roles(record)
    assert any(a["cue"] == [] for a in by_id[NO_CUE]["attributions"])


def test_brat_span_with_line_breaks_is_written_over_several_lines_and_read_back(tmp_path, polnear_handful):
    write_brat(polnear_handful, tmp_path)
    ann = (tmp_path / f"{MULTILINE}.ann").read_text(encoding="utf-8")
    assert "support robust news gathering.\n\nHooking people on your news prod" in ann
    [record] = [r for r in read_brat(tmp_path) if r["doc_id"] == MULTILINE]
    contents = [c for a in _texts(record) for c in a["content"]]
    assert any(c.startswith("It's about convincing") and "\n\nHooking people" in c for c in contents)


def test_brat_discontinuous_span_and_repeated_content_role_become_sorted_fragments(tmp_path):
    text = "“We will hold the city,” Haidai said, “whatever it costs.” Kyiv agreed."
    ann = (
        "T1\tContent 0 24;38 58\t“We will hold the city,” “whatever it costs.”\n"
        "T2\tSource 25 31\tHaidai\n"
        "T3\tCue 32 36\tsaid\n"
        "T4\tAttribution 32 36\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
        "T5\tContent 64 70\tagreed\n"
        "T6\tSource 59 63\tKyiv\n"
        "T7\tContent 0 3\t“We\n"
        "E2\tAttribution:T5 Source:T6 Content2:T7 Content:T5\n"
    )
    [record] = read_brat(_brat(tmp_path, "haidai", text, ann))
    assert record["attributions"][0] == {
        "id": "E1", "source": [[25, 31]], "cue": [[32, 36]], "content": [[0, 24], [38, 58]]
    }
    assert _texts(record)[1] == {"source": ["Kyiv"], "cue": [], "content": ["“We", "agreed"]}


def test_brat_annotation_continues_on_lines_that_start_no_annotation(tmp_path):
    text = "Haidai wrote on Telegram:\nThe city has fallen.\n\nIt will not be retaken.\n"
    ann = (
        "T1\tSource 0 6\tHaidai\n"
        "T2\tCue 7 24\twrote on Telegram\n"
        "T3\tContent 26 71\tThe city has fallen.\n\nIt will not be retaken.\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    )
    [record] = read_brat(_brat(tmp_path, "telegram", text, ann))
    [roles] = _texts(record)
    assert roles["content"] == ["The city has fallen.\n\nIt will not be retaken."]


def test_brat_file_with_windows_line_ends_reads_like_unix(tmp_path):
    [record] = read_brat(_brat(tmp_path, "haidai", HAIDAI, _lines(*HAIDAI_ANN, end="\r\n")))
    assert _texts(record) == [HAIDAI_ROLES]


def test_brat_keeps_only_attributions_with_content_and_ignores_notes_and_other_spans(tmp_path):
    text = "Reno said Putin's style shows. The bunker grandpa, Haidai called him."
    ann = (
        "T1\tSource 0 4\tReno\n"
        "T2\tCue 5 9\tsaid\n"
        "T3\tContent 10 29\tPutin's style shows\n"
        "T4\tAttribution 5 9\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "#1\tAnnotatorNotes T3\tdiscuss at the weekly meeting\n"
        "T5\tDiscuss 31 49\tThe bunker grandpa\n"
        "T6\tCue 58 64\tcalled\n"
        "E2\tAttribution:T6 Cue:T6\n"
        "T7\tSource 51 57\tHaidai\n"
        "E3\tAttribution:T6 Source:T7 Cue:T6 Content:T5\n"
        "A1\tNegated E1\n"
    )
    [record] = read_brat(_brat(tmp_path, "reno", text, ann))
    assert [a["id"] for a in record["attributions"]] == ["E1", "E3"]
    assert _texts(record)[1] == {"source": ["Haidai"], "cue": ["called"], "content": ["The bunker grandpa"]}


def test_brat_trigger_typed_cue_is_the_cue_when_no_cue_role_is_given(tmp_path):
    ann = _lines(*HAIDAI_ANN[:3], "E1\tCue:T2 Source:T1 Content:T3")
    [record] = read_brat(_brat(tmp_path, "trigger", HAIDAI, ann))
    assert _texts(record) == [HAIDAI_ROLES]


def test_brat_offsets_shifted_by_an_emoji_are_refused_naming_file_and_line(tmp_path):
    # A JavaScript tool counts the emoji as two UTF-16 units, so every later offset is one too far.
    text = "Great news 🎉 for Kyiv. Zelensky said the front holds."
    start = text.index("Zelensky") + 1
    ann = (
        f"T1\tSource {start} {start + 8}\tZelensky\n"
        f"T2\tCue {start + 9} {start + 13}\tsaid\n"
        f"T3\tContent {start + 14} {start + 30}\tthe front holds.\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    )
    folder = _brat(tmp_path, "emoji", text, ann)
    with pytest.raises(SaysoError) as error:
        read_brat(folder)
    message = str(error.value)
    assert message.startswith(f"[E042] {folder / 'emoji.ann'}:1: T1 says 'Zelensky' but the text at")
    assert "'elensky '" in message and "UTF-16" in message


@pytest.mark.parametrize(
    ("ann", "complaint"),
    [
        ("T1\tSource 0 x\tHaidai\n", "'0 x' is not 'start end' pairs"),
        ("T1\tSource 0 99\tHaidai\n", "span 0 99 is reversed or outside the text"),
        (_lines(HAIDAI_ANN[0], "E1\tAttribution:T1 Content:T9"), "'Content:T9' does not refer to a T line"),
    ],
)
def test_brat_malformed_line_is_refused_with_its_line_and_reason(tmp_path, ann, complaint):
    folder = _brat(tmp_path, "bad", "Haidai said so.", ann)
    with pytest.raises(SaysoError, match="E043") as error:
        read_brat(folder)
    assert f"bad.ann:{ann.count(chr(10))}" in str(error.value)
    assert complaint in str(error.value)


def test_read_annotated_reads_a_jsonl_gold_file_as_its_records(tmp_path, polnear_handful):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in polnear_handful), encoding="utf-8")
    assert read_annotated(path) == polnear_handful


def test_read_annotated_reads_brat_folders_recursively_and_skips_unannotated_texts(tmp_path):
    _brat(tmp_path / "2022" / "12", "luhansk", HAIDAI, _lines(*HAIDAI_ANN))
    (tmp_path / "draft.txt").write_text("Not annotated yet.", encoding="utf-8")
    [record] = read_annotated(tmp_path)
    assert (record["doc_id"], record["text"], _texts(record)) == ("luhansk", HAIDAI, [HAIDAI_ROLES])


@pytest.mark.parametrize(
    ("files", "path", "code"),
    [
        ({}, "absent", "E010"),
        ({"notes.txt": "Haidai said so."}, ".", "E040"),
        ({"haidai.ann": ""}, ".", "E041"),
        ({"notes.txt": "Haidai said so."}, "notes.txt", "E044"),
    ],
    ids=["missing-path", "folder-without-ann", "ann-without-txt", "neither-jsonl-nor-folder"],
)
def test_read_annotated_refuses_unusable_paths_with_a_code(tmp_path, files, path, code):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(SaysoError, match=code):
        read_annotated(tmp_path / path)


def test_brat_text_that_is_not_utf8_is_refused_with_the_byte_offset(tmp_path):
    _brat(tmp_path, "latin", "", _lines(*HAIDAI_ANN))
    (tmp_path / "latin.txt").write_bytes("Haidai said the caf\u00e9 fell.".encode("cp1252"))
    with pytest.raises(SaysoError, match=r"\[E003\] .*latin.txt: not valid UTF-8 \(byte 0xe9 at offset 19\)"):
        read_annotated(tmp_path)


def test_read_annotated_refuses_two_documents_of_the_same_name(tmp_path):
    for sub in ("a", "b"):
        _brat(tmp_path / sub, "haidai", "Haidai said so.", "")
    with pytest.raises(SaysoError, match=r"E045.*'haidai'"):
        read_annotated(tmp_path)


def test_write_brat_refuses_a_doc_id_that_is_not_a_file_name(tmp_path):
    with pytest.raises(SaysoError, match="E046"):
        write_brat([{"doc_id": "../escape", "text": "Haidai said so.", "attributions": []}], tmp_path)
    assert list(tmp_path.parent.glob("escape.*")) == []

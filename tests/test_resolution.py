"""Scoring the resolved fields: speaker grades, gender, the world-news gold shape, speaker labels."""

import json

import pytest

from sayso.eval_records import EvalInputError, apply_speaker_labels
from sayso.resolution import field_right, grade_speaker, score_fields

TEXT = "Insp Murphy said the road was closed. Police said it would reopen."
GOLD = [
    {"source": [[0, 11]], "cue": [[12, 16]], "content": [[17, 36]], "speaker": "Murphy",
     "speaker_gender": "male", "channel": "press conference", "hedge": None},
    {"source": [[38, 44]], "cue": [[45, 49]], "content": [[50, 65]], "speaker": "Garda Síochána",
     "speaker_gender": None, "channel": None, "hedge": None},
]


@pytest.mark.parametrize(
    "gold,pred,grade",
    [
        ("Murphy", "Insp Murphy", "right"),  # titles are set aside
        ("Datuk Seri Saifuddin Nasution Ismail", "Saifuddin Nasution Ismail", "right"),
        ("Irungu Houghton", "Houghton", "partial"),
        ("International Monetary Fund (IMF)", "International Monetary Fund", "right"),
        ('Robert C. "Bobby" Scott', "Robert C. Scott", "right"),  # a nickname in quotes is an alias
        ("Ronald dela Rosa", 'Ronald "Bato" dela Rosa', "right"),
        ('Robert C. "Bobby" Scott', "Bobby Scott", "wrong"),
        ("Samsung Electronics", "Samsung Electronics Co Ltd", "right"),
        ("National Disaster Management Authority (NDMA)", "NDMA", "wrong"),
        ("Imran Khan", "Aleema Khan", "wrong"),
        ("Imran Khan", "Imran Khan of Pakistan", "wrong"),
        (None, None, "right"),
        (None, "Analysts", "wrong"),
        ("Ofsted", None, "wrong"),
    ],
)
def test_speaker_grades(gold, pred, grade):
    assert grade_speaker(gold, pred) == grade


def test_world_news_shape_scores_speaker_gender_channel_and_hedge():
    pred = [dict(GOLD[0], speaker="Insp Murphy", channel={"type": "press_conference"}, hedges=[]),
            dict(GOLD[1], speaker="police", speaker_gender="male", channel={"type": "unknown"}, hedges=[])]
    scores = score_fields(TEXT, GOLD, pred)
    assert scores.matched == 2
    assert scores.speaker == {"right": 1, "partial": 0, "wrong": 1}
    assert (scores.gender_right, scores.gender_gold) == (1, 1)  # only where the gold gives a gender
    assert scores.right["channel"] == 2 and scores.right["hedges"] == 2


def test_channel_label_naming_another_channel_is_wrong():
    assert not field_right({"channel": "Facebook"}, {"channel": {"type": "twitter"}}, "channel")
    assert field_right({"channel": "told the ABC"}, {"channel": {"type": "interview"}}, "channel")


def test_speaker_labels_join_gold_by_content_offset(tmp_path):
    record = {"doc_id": "a", "text": TEXT, "attributions": [{k: a[k] for k in ("source", "cue", "content")}
                                                             for a in GOLD]}
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(x) for x in [
        {"doc_id": "a", "content_start": 17, "speaker": "Murphy"},
        {"doc_id": "a", "content_start": 50, "speaker": None},
    ]))
    [labelled] = apply_speaker_labels([record, {**record, "doc_id": "b"}], labels)
    assert [a["speaker"] for a in labelled["attributions"]] == ["Murphy", None]


def test_speaker_labels_must_cover_every_attribution_of_a_document(tmp_path):
    record = {"doc_id": "a", "text": TEXT, "attributions": [{"content": a["content"]} for a in GOLD]}
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"doc_id": "a", "content_start": 17, "speaker": "Murphy"}))
    with pytest.raises(EvalInputError, match="no label for 'a' attribution 1"):
        apply_speaker_labels([record], labels)

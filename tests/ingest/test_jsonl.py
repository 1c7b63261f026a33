"""Reading JSONL files: text, ids and metadata under default or configured keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.errors import SaysoError
from sayso.ingest import Document, Fields, IngestError, read

EXAMPLES = settings(max_examples=50, deadline=None)


def _write(path, *records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_jsonl_polnear_shaped_lines_become_documents_with_their_ids(tmp_path, articles):
    path = tmp_path / "articles3.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in articles[:3]), encoding="utf-8")
    docs = list(read([str(path)]))
    assert [d.doc_id for d in docs] == [d["doc_id"] for d in articles[:3]]
    assert [d.text for d in docs] == [d["text"] for d in articles[:3]]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_jsonl_doc_id_defaults_to_stem_and_line_and_numbers_become_strings(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('\n{"text": "Reno said so."}\n{"doc_id": 7, "text": "Kivinen said so."}\n')
    assert list(read([str(path)])) == [
        Document("wire-2", "Reno said so.", f"{path}:2"),
        Document("7", "Kivinen said so.", f"{path}:3"),
    ]


def test_jsonl_bad_lines_are_errors_naming_file_and_line_and_good_lines_still_read(bad_jsonl, articles):
    path, codes = bad_jsonl
    items = list(read([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {int(e.origin.rsplit(":", 1)[1]): e.reason for e in items if isinstance(e, IngestError)}
    assert [d.doc_id for d in docs] == [d["doc_id"] for d in articles[:3]]
    assert sorted(errors) == sorted(codes)
    for line, code in codes.items():
        assert errors[line].startswith(f"[{code}] {path}:{line}: ")


def test_jsonl_error_reasons_say_what_is_wrong(bad_jsonl):
    path, _ = bad_jsonl
    reasons = {e.origin: e.reason for e in read([str(path)]) if isinstance(e, IngestError)}
    assert reasons[f"{path}:3"].endswith('JSONL record has no "text" field')
    assert reasons[f"{path}:5"].endswith('"text" is a number, not a string')
    assert reasons[f"{path}:6"].endswith("JSONL record is an array, not an object")
    assert reasons[f"{path}:11"].endswith('"doc_id" is an array, not a string or integer')
    assert "malformed JSON (Unterminated string" in reasons[f"{path}:2"]


def test_jsonl_file_without_records_is_an_empty_document_error(tmp_path):
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n\n")
    assert list(read([str(path)])) == [IngestError(str(path), f"[E001] {path}: empty document (no text)")]


def test_jsonl_polnear_shaped_records_come_with_outlet_date_title_and_authors(tmp_path, articles):
    record = articles[0]
    [doc] = read([_write(tmp_path / "article1.jsonl", record)])
    assert (record["publisher"], record["date"], record["author"]) == ("harbor-gazette", "2016-09-12", "Lena Ortiz")
    assert doc.outlet == "harbor-gazette"
    assert doc.published == datetime(2016, 9, 12, tzinfo=UTC)
    assert doc.title == record["title"]
    assert doc.title.startswith("Ferry Fares to Rise")
    assert doc.authors == ("Lena Ortiz",)
    assert doc.url is None


def test_jsonl_default_keys_read_id_url_published_site_and_author_lists(tmp_path):
    path = _write(tmp_path / "wire.jsonl", {
        "id": "nw-1769821", "text": "“Bakhmut is a limited breakthrough,” Kivinen said.",
        "url": "https://www.newsweek.com/1769821", "title": "Bakhmut", "published": "2022-12-27T12:41:03-05:00",
        "site": "Newsweek", "authors": ["Nick Mordowanec", " ", 7, "Staff"]})
    [doc] = read([path])
    assert doc == Document(
        doc_id="nw-1769821", text="“Bakhmut is a limited breakthrough,” Kivinen said.", origin=f"{path}:1",
        title="Bakhmut", url="https://www.newsweek.com/1769821",
        published=datetime(2022, 12, 27, 12, 41, 3, tzinfo=timezone(timedelta(hours=-5))),
        outlet="Newsweek", authors=("Nick Mordowanec", "Staff"))


def test_jsonl_first_key_with_a_value_wins_and_null_metadata_falls_back(tmp_path):
    path = _write(tmp_path / "both.jsonl", {"doc_id": "a", "id": "b", "text": "Reno said so.", "outlet": None,
                                             "publisher": "politico", "site": "www.politico.com"})
    [doc] = read([path])
    assert (doc.doc_id, doc.outlet) == ("a", "politico")


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("2016-09-12", datetime(2016, 9, 12, tzinfo=UTC)),
        ("2016-09-12T14:30:00", datetime(2016, 9, 12, 14, 30, tzinfo=UTC)),
        ("2016-09-12T14:30:00Z", datetime(2016, 9, 12, 14, 30, tzinfo=UTC)),
        ("2016-09-12 14:30:00+02:00", datetime(2016, 9, 12, 14, 30, tzinfo=timezone(timedelta(hours=2)))),
        ("September 12, 2016", None),
        ("2016-13-45", None),
        (20160912, None),
    ],
)
def test_jsonl_dates_are_timezone_aware_and_an_unreadable_one_keeps_the_article(tmp_path, date, published):
    [doc] = read([_write(tmp_path / "dated.jsonl", {"text": "Clinton said so.", "date": date})])
    assert isinstance(doc, Document) and doc.text == "Clinton said so."
    assert doc.published == published
    assert doc.published is None or doc.published.tzinfo is not None


def test_jsonl_metadata_of_the_wrong_type_is_left_out_and_the_article_kept(tmp_path):
    [doc] = read([_write(tmp_path / "odd.jsonl", {"text": "Trump said so.", "title": 42, "url": ["x"],
                                                  "outlet": {"name": "nyt"}, "author": True})])
    assert (doc.text, doc.title, doc.url, doc.outlet, doc.authors) == ("Trump said so.", None, None, None, ())


def test_jsonl_fields_from_options_read_other_keys(tmp_path):
    fields = Fields.from_options(["text=body", "outlet=source", "published=pubDate", "doc_id=guid"])
    assert fields.text == ("body",) and fields.title == ("title",)
    path = _write(tmp_path / "feed.jsonl", {"guid": "g1", "body": "Haidai said so.", "text": "not this",
                                            "source": "Newsweek", "pubDate": "2022-12-27"})
    [doc] = read([path], fields=fields)
    assert (doc.doc_id, doc.text, doc.outlet, doc.published) == ("g1", "Haidai said so.", "Newsweek",
                                                                 datetime(2022, 12, 27, tzinfo=UTC))


def test_jsonl_field_given_twice_tries_its_keys_in_order(tmp_path):
    fields = Fields.from_options(["outlet=source", "outlet=site_name"])
    path = _write(tmp_path / "two.jsonl", {"text": "Kivinen said so.", "site_name": "Newsweek"})
    [doc] = read([path], fields=fields)
    assert fields.outlet == ("source", "site_name") and doc.outlet == "Newsweek"


def test_jsonl_configured_text_key_missing_is_an_error_naming_the_key(tmp_path):
    path = _write(tmp_path / "feed.jsonl", {"text": "Haidai said so."})
    [error] = read([path], fields=Fields.from_options(["text=body"]))
    assert error.reason == f'[E007] {path}:1: JSONL record has no "body" field'


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("text", "[E050] JSONL field mapping 'text': expected NAME=KEY, for example text=body"),
        ("text=", "[E050] JSONL field mapping 'text=': expected NAME=KEY, for example text=body"),
        ("=body", "[E050] JSONL field mapping '=body': expected NAME=KEY, for example text=body"),
        ("body=text", "[E051] JSONL field mapping 'body=text': unknown field 'body' (the fields are text, doc_id, "
                      "url, title, published, outlet, authors)"),
    ],
)
def test_jsonl_bad_field_mapping_is_a_coded_error(option, message):
    with pytest.raises(SaysoError) as e:
        Fields.from_options([option])
    assert str(e.value) == message


def test_jsonl_number_too_long_or_nesting_too_deep_is_malformed_json_not_a_crash(tmp_path):
    path = tmp_path / "hostile.jsonl"
    path.write_text('{"text": "a", "doc_id": ' + "1" * 5000 + "}\n" + "[" * 100_000 + "\n", encoding="utf-8")
    long_number, deep = read([str(path)])
    assert long_number.reason.startswith(f"[E005] {path}:1: malformed JSON (Exceeds the limit (4300 digits)")
    assert deep.reason.startswith(f"[E005] {path}:2: malformed JSON (maximum recursion depth exceeded")


def _check(items: list) -> None:
    assert items
    for item in items:
        assert isinstance(item, Document | IngestError)
        if isinstance(item, Document):
            assert item.text.strip()
            item.text.encode("utf-8")
            assert item.published is None or item.published.tzinfo is not None
            assert all(isinstance(a, str) and a for a in item.authors)


@EXAMPLES
@given(data=st.binary(max_size=2000))
def test_jsonl_arbitrary_bytes_give_documents_or_errors(scratch, data):
    path = scratch / "bytes.jsonl"
    path.write_bytes(data)
    _check(list(read([str(path)])))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_KEYS = st.sampled_from(["text", "doc_id", "id", "url", "title", "date", "published", "outlet", "publisher",
                         "site", "author", "authors", "other"])


@EXAMPLES
@given(records=st.lists(st.dictionaries(_KEYS, _JSON | st.text(max_size=60), max_size=8), min_size=1, max_size=5))
def test_jsonl_arbitrary_records_give_documents_or_errors(scratch, records):
    path = scratch / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read([str(path)]))
    _check(items)
    assert len(items) == len(records)


def test_jsonl_record_without_a_title_takes_its_headline_line(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [{"id": "a", "text": "Port strike ends after ten days\n\nDock workers said they would return."},
             {"id": "b", "title": "Given", "text": "Port strike ends after ten days\n\nDock workers returned."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert [d.title for d in read([str(path)])] == ["Port strike ends after ten days", "Given"]

"""Values made safe where they enter: names that are not valid Unicode escaped, dates out of range dropped.

Each of the first four tests is one of the crashes fuzzing found (issue 19): the value
reached the store, which could not write it, and the whole batch died with a traceback.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sayso.ingest import Document, IngestError, read
from sayso.ingest.dates import EARLIEST, LATEST, parse_date
from sayso.ingest.document import escaped

SAID = "The harbour master said the ferry would run again on Monday."


def test_file_name_byte_that_is_not_utf8_is_kept_escaped_in_the_id_the_origin_and_messages(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as f:
        f.write(SAID.encode())
    with open(folder + b"/vide\xe9.txt", "wb"):
        pass
    doc, empty = read([str(tmp_path)])
    assert (doc.doc_id, doc.origin, doc.text) == ("caf\\xe9", f"{tmp_path}/caf\\xe9.txt", SAID)
    assert empty == IngestError(f"{tmp_path}/vide\\xe9.txt", f"[E001] {tmp_path}/vide\\xe9.txt: empty document (no text)")


def test_jsonl_id_with_an_escaped_lone_surrogate_is_kept_escaped(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": "a\\ud800b", "text": "%s"}\n{"doc_id": "\\udce9t\\u00e9", "text": "%s"}\n' % (SAID, SAID))
    assert [d.doc_id for d in read([str(path)])] == ["a\\ud800b", "\\xe9t\u00e9"]


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01", "9999-12-31"])
def test_jsonl_date_at_the_calendar_edge_is_dropped_and_the_article_kept(tmp_path, date):
    path = tmp_path / "edge.jsonl"
    path.write_text(json.dumps({"id": "edge", "text": SAID, "date": date, "title": "Ferry"}) + "\n")
    [doc] = read([str(path)])
    assert (doc.doc_id, doc.text, doc.title, doc.published) == ("edge", SAID, "Ferry", None)


def test_warc_date_that_overflows_is_dropped_and_the_page_kept(tmp_path, write_warc):
    path = tmp_path / "edge.warc"
    page = f"<html><body><article><p>{SAID}</p></article></body></html>"
    write_warc(path, [{"kind": "response", "uri": "https://example.org/ferry", "payload": page.encode(),
                       "date": "0001-01-01T00:00:00+14:00"}])
    [doc] = read([str(path)])
    assert (doc.text, doc.url, doc.published) == (SAID, "https://example.org/ferry", None)


def test_dates_inside_the_range_are_kept_with_their_zone():
    east = timezone(timedelta(hours=14))
    assert parse_date("1600-01-01T00:00:00Z") == EARLIEST
    assert parse_date("2016-09-12T08:00:00+14:00") == datetime(2016, 9, 12, 8, tzinfo=east)
    assert parse_date("9998-12-31T23:59:59") == datetime(9998, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert parse_date("1599-12-31T23:59:59Z") is None
    assert parse_date(LATEST.isoformat()) is None


def test_document_record_escapes_names_and_drops_metadata_no_store_can_hold():
    doc = Document(
        "id\ud800", SAID, "in/\udcff\n.txt", title="Ferry\x00", url="https://example.org/\udc80", outlet="Harbour",
        published=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), authors=("A. Reporter", "B\ud800"),
    )
    assert (doc.doc_id, doc.origin) == ("id\\ud800", "in/\\xff\\x0a.txt")
    assert (doc.title, doc.url, doc.outlet, doc.authors, doc.published) == (None, None, "Harbour", ("A. Reporter",), None)
    naive = Document("n", SAID, "n.txt", published=datetime(2016, 9, 12))
    assert naive.published == datetime(2016, 9, 12, tzinfo=UTC)


def test_ingest_error_names_its_input_escaped_in_origin_and_reason():
    error = IngestError("\udce9\x1b[31m.txt", "[E001] \udce9\x1b[31m.txt: empty document (no text)")
    assert error == IngestError("\\xe9\\x1b[31m.txt", "[E001] \\xe9\\x1b[31m.txt: empty document (no text)")


def test_escaped_leaves_valid_names_alone_and_is_idempotent():
    for name in ("bakhmut-newsweek", "Zürich – «Bericht» 北京", "back\\slash", "\u202eevil\u200b"):
        assert escaped(name) == name
    once = escaped("a\udce9\ud83d\x00\x7f\x85")
    assert once == "a\\xe9\\ud83d\\x00\\x7f\\x85" == escaped(once)

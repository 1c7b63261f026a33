"""Reading JSONL files of ``{"doc_id", "text"}`` lines."""

from __future__ import annotations

import json

from sayso.ingest import Document, IngestError, read


def test_jsonl_polnear_lines_become_documents_with_their_ids(tmp_path, polnear_dev):
    path = tmp_path / "dev3.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in polnear_dev[:3]), encoding="utf-8")
    docs = list(read([str(path)]))
    assert [d.doc_id for d in docs] == [d["doc_id"] for d in polnear_dev[:3]]
    assert [d.text for d in docs] == [d["text"] for d in polnear_dev[:3]]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_jsonl_doc_id_defaults_to_stem_and_line_and_numbers_become_strings(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('\n{"text": "Reno said so."}\n{"doc_id": 7, "text": "Kivinen said so."}\n')
    assert list(read([str(path)])) == [
        Document("wire-2", "Reno said so.", f"{path}:2"),
        Document("7", "Kivinen said so.", f"{path}:3"),
    ]


def test_jsonl_bad_lines_are_errors_naming_file_and_line_and_good_lines_still_read(bad_jsonl, polnear_dev):
    path, codes = bad_jsonl
    items = list(read([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {int(e.origin.rsplit(":", 1)[1]): e.reason for e in items if isinstance(e, IngestError)}
    assert [d.doc_id for d in docs] == [d["doc_id"] for d in polnear_dev[:3]]
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

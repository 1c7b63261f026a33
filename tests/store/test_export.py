"""Export files: JSONL, CSV and Parquet hold the same rows, one per stored attribution."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sayso.store import open_store
from sayso.store.export import COLUMNS, write_hits


@pytest.fixture(scope="module")
def hits(tmp_path_factory, corpus):
    with open_store(tmp_path_factory.mktemp("export") / "s.db") as store:
        store.write(corpus)
        return list(store.export())


def test_export_jsonl_is_one_hit_a_line(hits):
    out = io.BytesIO()
    assert write_hits(hits, "jsonl", out) == len(hits)
    lines = out.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [h.to_dict() for h in hits]
    assert "“" in out.getvalue().decode("utf-8")  # the article's own quotation marks, not \\u escapes


def test_export_csv_has_a_header_and_lists_as_json(hits):
    out = io.BytesIO()
    assert write_hits(hits, "csv", out) == len(hits)
    assert not out.closed
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [r["content"] for r in rows] == [h.content for h in hits]  # newlines and quotes survive
    assert [json.loads(r["content_spans"]) for r in rows] == [h.content_spans for h in hits]
    assert rows[0]["published"] == hits[0].published.isoformat()
    assert all(r["speaker"] == (h.speaker or "") for r, h in zip(rows, hits, strict=True))


def test_export_parquet_keeps_types_and_values(hits, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    with open(tmp_path / "out.parquet", "wb") as f:
        assert write_hits(iter(hits), "parquet", f) == len(hits)
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("published").type == pa.timestamp("us", tz="UTC")
    rows = table.to_pylist()
    assert [r["content"] for r in rows] == [h.content for h in hits]
    assert [r["published"] for r in rows] == [h.published for h in hits]
    assert [r["source_spans"] for r in rows] == [h.source_spans for h in hits]
    assert [r["hedges"] for r in rows] == [h.hedges for h in hits]


def test_export_of_nothing_is_a_valid_empty_file(tmp_path):
    import pyarrow.parquet as pq

    out = io.BytesIO()
    assert write_hits([], "csv", out) == 0
    assert out.getvalue().decode().strip() == ",".join(COLUMNS)
    with open(tmp_path / "empty.parquet", "wb") as f:
        write_hits([], "parquet", f)
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0

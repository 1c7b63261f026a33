"""``sayso export``: the stored attributions as JSONL, CSV or Parquet, with the search filters."""

from __future__ import annotations

import csv
import json

from sayso.store import Filters


def test_export_jsonl_to_stdout_has_every_attribution(run, query_db, query_store):
    status, out, err = run("export", "--db", query_db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert rows == [h.to_dict() for h in query_store.export()]
    assert f"sayso: {len(rows)} attributions exported" in err


def test_export_csv_with_filters_to_a_file(run, query_db, query_store, tmp_path):
    expected = list(query_store.export(Filters(query="Russia", kind="direct")))
    assert expected
    status, out, _ = run("export", "--format", "csv", "--query", "Russia", "--kind", "direct",
                         "--output", tmp_path / "out.csv", "--db", query_db)
    assert (status, out) == (0, "")
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["article_id"], int(r["idx"]), r["content"]) for r in rows] == [
        (h.article_id, h.idx, h.content) for h in expected
    ]


def test_export_parquet_needs_an_output_file(run, query_db, query_store, tmp_path):
    import pyarrow.parquet as pq

    status, out, err = run("export", "--format", "parquet", "--db", query_db)
    assert (status, out) == (2, "")
    assert "[E060]" in err and "--output FILE" in err
    status, _, _ = run("export", "--format", "parquet", "--output", tmp_path / "out.parquet", "--db", query_db)
    assert status == 0
    assert pq.read_table(tmp_path / "out.parquet").num_rows == len(list(query_store.export()))


def test_export_to_an_unwritable_place_is_an_error(run, query_db, tmp_path):
    status, _, err = run("export", "--output", tmp_path / "no" / "out.jsonl", "--db", query_db)
    assert status == 2
    assert "[E032]" in err and "cannot write output" in err

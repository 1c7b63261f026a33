"""The engine-free unit of work: input rows to result rows, the tables made of them, the model once a process."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pyarrow as pa

from sayso import nlp
from sayso.cli import main
from sayso.ingest import Document, IngestError, read
from sayso.scale.partition import partition
from sayso.scale.rows import INPUT, RESULT, TABLES, attribution_dict, document, input_batch, table


def _extract(paths, tmp_path) -> dict[str, list[dict]]:
    printed = tmp_path / "extract.jsonl"
    main(["extract", *map(str, paths), "--format", "jsonl", "--output", str(printed)])
    return {line["doc_id"]: line["attributions"]
            for line in map(json.loads, printed.read_text(encoding="utf-8").splitlines())}


def _results(batches) -> pa.RecordBatch:
    return pa.Table.from_batches(list(partition(batches, batch_size=4))).combine_chunks().to_batches()[0]


def test_partition_attribution_rows_are_what_sayso_extract_prints(articles, tmp_path):
    sample = tmp_path / "articles.jsonl"
    sample.write_text("".join(json.dumps(d) + "\n" for d in articles[2:8]), encoding="utf-8")
    results = _results([input_batch(list(read([str(sample)])))])
    rows = table(results, "attributions").to_pylist()
    found = {d["doc_id"]: [attribution_dict(r) for r in rows if r["doc_id"] == d["doc_id"]] for d in articles[2:8]}
    expected = _extract([sample], tmp_path)
    assert found == expected
    assert sum(map(len, found.values())) > 20
    assert [r["idx"] for r in rows if r["doc_id"] == articles[2]["doc_id"]] == list(range(len(expected[articles[2]["doc_id"]])))


def test_partition_loads_the_pipeline_once_per_process(articles):
    loads = nlp.LOADS
    documents = [Document(d["doc_id"], d["text"], f"articles:{i}") for i, d in enumerate(articles[:6])]
    for start in (0, 2, 4):  # three engine calls, as three Spark partitions in one worker
        results = _results([input_batch(documents[start:start + 2])])
        assert results.column("error").null_count == 2
    assert nlp.LOADS - loads <= 1  # none when this process has loaded it already (one cache for all)
    assert nlp.load() is nlp.load(models=None) is nlp.load(nlp.BASE_MODEL)


def test_partition_keeps_each_failure_in_its_row_and_extracts_the_rest(articles):
    good = articles[0]
    rows = [
        {"doc_id": good["doc_id"], "text": good["text"], "origin": "feed:1"},
        {"origin": "feed:2", "error": "[E005] feed:2: malformed JSON (Expecting value: column 1)"},
        {"doc_id": "blank", "text": "  \n ", "origin": "feed:3"},
        {"doc_id": None, "text": "Haidai said so.", "origin": "feed:4"},
        {"doc_id": "no-text", "origin": "feed:5"},
        {"doc_id": "huge", "text": "Haidai said so. " * 70_000, "origin": "feed:6"},
    ]
    results = _results([pa.RecordBatch.from_pylist(rows, schema=INPUT)]).to_pylist()
    assert [r["origin"] for r in results] == [f"feed:{n}" for n in range(1, 7)]
    assert results[0]["error"] is None and results[0]["doc_id"] == good["doc_id"] and results[0]["attributions"]
    assert [r["error"][:6] for r in results[1:]] == ["[E005]", "[E001]", "[E009]", "[E008]", "[E004]"]
    failures = table(pa.RecordBatch.from_pylist(results, schema=RESULT), "failures").to_pylist()
    assert [f["code"] for f in failures] == ["E005", "E001", "E009", "E008", "E004"]
    assert failures[1]["reason"] == "[E001] feed:3: empty document (no text)"


def test_partition_article_rows_give_back_the_documents_read(articles):
    published = datetime(2016, 9, 12, 14, 30, tzinfo=UTC)
    documents = [Document(d["doc_id"], d["text"], f"dev:{i}", title=d["title"], url=f"https://x.org/{i}",
                          published=published, outlet=d["publisher"], authors=(d["author"], "Staff"))
                 for i, d in enumerate(articles[6:8])]
    items = [documents[0], IngestError("dev:x", "[E003] dev:x: not valid UTF-8 (byte 0xe9 at offset 3)"), documents[1]]
    articles = table(_results([input_batch(items)]), "articles").to_pylist()
    assert [document(row) for row in articles] == documents
    assert [row["article_id"] for row in articles] == [d.article_id for d in documents]


def test_tables_have_the_schemas_the_parquet_files_are_written_with(articles):
    documents = [Document(d["doc_id"], d["text"], f"articles:{i}") for i, d in enumerate(articles[:2])]
    results = _results([input_batch(documents)])
    for name, schema in TABLES.items():
        assert table(results, name).schema == schema


def test_rows_arrow_cannot_hold_become_that_documents_failure_row_and_the_others_stay(articles):
    from sayso.batch import Extracted
    from sayso.scale.rows import result_batch

    good = [Document(d["doc_id"], d["text"], f"articles.jsonl:{n}") for n, d in enumerate(articles[:2], start=1)]
    # Readers refuse a lone surrogate in text; built here by hand, it gets as far as the Arrow rows.
    broken = Document("broken", "Haidai said \ud800 on Telegram.", "broken.txt")
    inputs = input_batch([good[0], broken, good[1]]).to_pylist()
    results = result_batch([Extracted(good[0], []), Extracted(broken, []), Extracted(good[1], [])]).to_pylist()
    for rows in (inputs, results):
        assert [row["doc_id"] for row in rows] == [good[0].doc_id, None, good[1].doc_id]
        assert rows[1]["origin"] == "broken.txt"
        assert rows[1]["error"].startswith("[E123] broken.txt: cannot be stored (")
    failures = table(result_batch([Extracted(broken, [])]), "failures").to_pylist()
    assert [(f["origin"], f["code"]) for f in failures] == [("broken.txt", "E123")]

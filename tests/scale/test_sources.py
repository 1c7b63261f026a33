"""Listing a corpus job's inputs file by file, reading Parquet input, and the run id."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sayso.errors import SaysoError
from sayso.ingest import Document, Fields, IngestError, read
from sayso.scale.job import plan
from sayso.scale.sources import expand, read_parquet, read_source


def test_sources_folders_globs_and_manifests_become_their_files(tmp_path, monkeypatch):
    (tmp_path / "news" / "2016").mkdir(parents=True)
    for name in ("news/a.txt", "news/2016/b.html", "news/2016/c.parquet", "news/notes.md", "feed.jsonl", "d.warc.gz"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "crawl.paths.gz").write_bytes(gzip.compress(b"d.warc.gz\n\n/nowhere/e.warc.gz\n"))
    monkeypatch.chdir(tmp_path)
    listed = expand(["news", "*.jsonl", "crawl.paths.gz"])
    assert listed.files == tuple(str(tmp_path / name) for name in (
        "news/2016/b.html", "news/2016/c.parquet", "news/a.txt", "feed.jsonl", "d.warc.gz", "/nowhere/e.warc.gz",
    ))
    assert listed.errors == ()


def test_sources_what_names_no_file_is_read_for_the_reader_to_name(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "list.paths").write_text("", encoding="utf-8")
    listed = expand([str(tmp_path / "missing.txt"), str(tmp_path / "empty"), str(tmp_path / "*.jsonl"),
                     str(tmp_path / "list.paths")])
    codes = [item.reason[:6] for path in listed.files for item in read_source(path)]
    assert codes == ["[E010]", "[E012]", "[E019]"]
    assert [e.reason for e in listed.errors] == [f"[E001] {tmp_path / 'list.paths'}: empty document (no text)"]


def test_sources_standard_input_cannot_be_shared_out():
    with pytest.raises(SaysoError, match=r"\[E093\]"):
        expand(["-"])


def test_sources_files_read_as_sayso_extract_reads_them(articles_path):
    assert list(read_source(str(articles_path))) == list(read([str(articles_path)]))


def test_parquet_rows_read_with_field_names_metadata_and_bad_rows(tmp_path, articles):
    d = articles[0]
    path = tmp_path / "feed.parquet"
    pq.write_table(pa.table({
        "id": [7, None, 8, 9],
        "body": [d["text"], d["text"], None, ""],
        "headline": [d["title"], "  ", None, None],
        "date": [datetime(2016, 9, 12, 9, 0), None, None, None],
        "byline": [[d["author"], " "], None, None, None],
    }), path)
    fields = Fields.from_options(["doc_id=id", "text=body", "title=headline", "authors=byline"])
    first, second, no_text, empty = read_parquet(path, fields)
    assert first == Document("7", d["text"], f"{path}:1", title=d["title"],
                             published=datetime(2016, 9, 12, 9, tzinfo=UTC), authors=(d["author"],))
    assert second == Document("feed-2", d["text"], f"{path}:2")
    assert no_text == IngestError(f"{path}:3", f'[E008] {path}:3: "text" is null, not a string')
    assert empty.reason == f"[E001] {path}:4: empty document (no text)"


def test_parquet_metadata_as_text_read_as_jsonl_reads_it(tmp_path, articles):
    d = articles[0]
    path = tmp_path / "feed.parquet"
    pq.write_table(pa.table({"doc_id": [d["doc_id"]], "text": [d["text"]], "date": ["2016-09-12T09:00:00+02:00"],
                             "author": [d["author"]], "publisher": [d["publisher"]]}), path)
    [document] = read_parquet(path)
    assert document.published == datetime(2016, 9, 12, 7, tzinfo=UTC)
    assert (document.doc_id, document.authors, document.outlet) == (d["doc_id"], (d["author"],), d["publisher"])


def test_parquet_file_without_text_column_or_not_parquet_is_one_failure(tmp_path):
    no_text = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"doc_id": ["a", "b"]}), no_text)
    fake = tmp_path / "fake.parquet"
    fake.write_text("Haidai said so.", encoding="utf-8")
    [missing] = read_parquet(no_text)
    [broken] = read_parquet(fake)
    assert missing.reason == f"[E094] {no_text}: cannot read the Parquet file (no text column)"
    assert broken.reason.startswith(f"[E094] {fake}: cannot read the Parquet file (")


def test_run_id_is_the_same_for_the_same_inputs_and_changes_with_them(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("“Bakhmut is a limited breakthrough,” Kivinen said.", encoding="utf-8")
    first = plan([str(article)], tmp_path / "out")
    assert plan([str(article)], tmp_path / "out").run_id == first.run_id
    assert plan([str(article)], tmp_path / "out", fields=Fields.from_options(["text=body"])).run_id != first.run_id
    os.utime(article, ns=(0, 0))
    assert plan([str(article)], tmp_path / "out").run_id != first.run_id
    assert first.run_dir == f"{tmp_path / 'out'}/run={first.run_id}"


@pytest.mark.parametrize("run_id", ["../up", "a/b", "", ".hidden", "x" * 65])
def test_run_id_given_must_be_a_plain_folder_name(tmp_path, run_id):
    with pytest.raises(SaysoError, match=r"\[E096\]"):
        plan([str(tmp_path)], tmp_path / "out", run_id=run_id)

"""The corpus job on Apache Spark (one local[2] session for all): the same rows as one machine."""

from __future__ import annotations

import sys

import pytest

from sayso.cli import main
from sayso.scale import run
from sayso.scale.rows import TABLES


@pytest.fixture(scope="module")
def spark_run(spark, corpus, tmp_path_factory):
    """The corpus through Spark, its documents dealt out to four partitions: its report and output folder."""
    output = tmp_path_factory.mktemp("spark")
    return run(corpus.inputs, output, engine="spark", session=spark, partitions=4), output


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (row.get("article_id") or "", row.get("doc_id") or "",
                                         row.get("idx", 0), row.get("position", 0), row.get("origin") or ""))


def test_spark_attribution_rows_are_what_sayso_extract_prints(spark_run, corpus, tables):
    report, _ = spark_run
    assert tables(report.run_dir).by_doc() == corpus.expected


def test_spark_writes_the_same_rows_as_the_local_engine(spark_run, local_run, tables):
    on_spark, on_pool = tables(spark_run[0].run_dir), tables(local_run[0].run_dir)
    assert spark_run[0].run_id == local_run[0].run_id
    for name in TABLES:
        assert _sorted(getattr(on_spark, name)) == _sorted(getattr(on_pool, name))


def test_spark_counts_documents_and_loads_the_pipeline_once_a_worker(spark_run, corpus):
    report, _ = spark_run
    assert (report.extracted, report.failed) == (9, 2)
    assert report.attributions == sum(map(len, corpus.expected.values()))
    assert 1 <= report.model_loads <= 2  # two Python workers at most, for four partitions


def test_spark_corrupt_warc_and_malformed_jsonl_line_are_failed_rows_and_the_rest_is_written(spark_run, corpus,
                                                                                              tables):
    output = tables(spark_run[0].run_dir)
    assert sorted((f["code"], f["origin"]) for f in output.failures) == [
        ("E005", f"{corpus.failures['E005']}:4"), ("E017", str(corpus.failures["E017"])),
    ]
    assert len(output.articles) == 9


def test_spark_restarted_with_the_same_run_id_replaces_its_output(spark_run, corpus, tables, capsys):
    report, output = spark_run
    first = tables(report.run_dir)
    stale = f"{report.run_dir}/articles/part-99999-stale.parquet"
    with open(stale, "wb") as f:
        f.write(b"left by a job that was killed")
    command = ["scale", *corpus.inputs, "--output", str(output), "--engine", "spark", "--master", "local[2]",
               "--run-id", report.run_id, "--partitions", "4"]
    assert main(command) == 1
    assert [p.name for p in output.iterdir()] == [f"run={report.run_id}"]
    again = tables(report.run_dir)
    for name in TABLES:
        assert _sorted(getattr(again, name)) == _sorted(getattr(first, name))
    err = capsys.readouterr().err
    assert "[E017]" in err and "9 extracted" in err and "0 pipeline loads" in err


def test_spark_without_java_says_how_to_get_it(tmp_path, monkeypatch, capsys, corpus):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["scale", corpus.inputs[0], "--output", str(tmp_path), "--engine", "spark"]) == 2
    err = capsys.readouterr().err
    assert "[E091]" in err and "openjdk-17-jre-headless" in err


def test_spark_without_pyspark_says_how_to_install_it(tmp_path, monkeypatch, capsys, corpus):
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    assert main(["scale", corpus.inputs[0], "--output", str(tmp_path), "--engine", "spark"]) == 2
    assert "[E090]" in capsys.readouterr().err


def test_spark_users_own_dataframe_goes_through_partition_with_map_in_arrow(spark, corpus, articles):
    from pyspark.sql.pandas.types import from_arrow_schema

    from sayso.scale.partition import partition
    from sayso.scale.rows import RESULT, attribution_dict, table

    frame = spark.createDataFrame([(d["doc_id"], d["text"], d["title"]) for d in articles[:2]],
                                     "doc_id string, text string, title string")
    results = frame.select("doc_id", "text").mapInArrow(partition, from_arrow_schema(RESULT)).toArrow()
    rows = table(results.combine_chunks().to_batches()[0], "attributions").to_pylist()
    for d in articles[:2]:
        assert [attribution_dict(r) for r in sorted(rows, key=lambda r: r["idx"]) if r["doc_id"] == d["doc_id"]] \
            == corpus.expected[d["doc_id"]]

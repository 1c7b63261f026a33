"""The corpus job on one machine: the partition function in a process pool, Parquet out."""

from __future__ import annotations

from pathlib import Path

from sayso.cli import main
from sayso.scale import run
from sayso.scale.rows import TABLES


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (row.get("article_id") or "", row.get("doc_id") or "",
                                         row.get("idx", 0), row.get("position", 0), row.get("origin") or ""))


def test_local_two_workers_load_the_pipeline_once_each(local_run, corpus):
    report, _ = local_run
    assert report.model_loads == 2
    assert (report.extracted, report.failed) == (9, 2)
    assert report.attributions == sum(map(len, corpus.expected.values()))


def test_local_attribution_rows_are_what_sayso_extract_prints(local_run, corpus, tables):
    report, _ = local_run
    assert tables(report.run_dir).by_doc() == corpus.expected


def test_local_corrupt_warc_and_malformed_jsonl_line_are_failed_rows_and_the_rest_is_written(local_run, corpus, tables):
    report, _ = local_run
    output = tables(report.run_dir)
    assert sorted((f["code"], f["origin"]) for f in output.failures) == [
        ("E005", f"{corpus.failures['E005']}:4"), ("E017", str(corpus.failures["E017"])),
    ]
    assert "https://example.org/copy" in {a["doc_id"] for a in output.articles}  # the record before the damage
    assert len(output.articles) == 9


def test_local_relay_rows_hold_who_posted_and_who_passed_it_on(local_run, tables):
    report, _ = local_run
    relays = tables(report.run_dir).relays
    # "A video posted Monday on Twitter by journalist Christo Grozev ... was later reposted by Anton Gerashchenko"
    chain = [r for r in relays if r["doc_id"] == "https://www.newsweek.com/bakhmut" and r["item"] == "video"]
    assert [(r["position"], r["step"], r["name"]) for r in chain] == [
        (0, "origin", "Christo Grozev"), (1, "relay", "Anton Gerashchenko"),
    ]
    assert (chain[0]["role"], chain[0]["platform"]) == ("journalist", "Twitter")


def test_local_one_worker_writes_the_same_rows_as_two(local_run, corpus, tables, tmp_path):
    two, _ = local_run
    one = run(corpus.inputs, tmp_path, engine="local", workers=1)
    assert (one.run_id, one.model_loads) == (two.run_id, 1)
    rows_one, rows_two = tables(one.run_dir), tables(two.run_dir)
    for name in TABLES:
        assert _sorted(getattr(rows_one, name)) == _sorted(getattr(rows_two, name))


def test_local_same_command_again_replaces_its_run(corpus, tables, tmp_path, capsys):
    news = corpus.inputs[0]
    command = ["scale", news, "--output", str(tmp_path), "--workers", "1"]
    assert main(command) == 1
    [run_dir] = tmp_path.iterdir()
    first = tables(run_dir)
    (run_dir / "articles" / "part-stale.parquet").write_bytes(b"left by a run that was killed")
    assert main(command) == 1
    assert list(tmp_path.iterdir()) == [run_dir]
    assert not (run_dir / "articles" / "part-stale.parquet").exists()
    again = tables(run_dir)
    assert (len(again.articles), len(again.failures)) == (3, 1)
    assert _sorted(again.attributions) == _sorted(first.attributions)
    err = capsys.readouterr().err
    assert f"[E005] {Path(news)}:4: malformed JSON" in err
    assert f"3 extracted ({len(first.attributions)} attributions), 1 failed" in err

"""A corpus job's Parquet output read back as records, and loaded into a store by `sayso ingest`."""

from __future__ import annotations

import dataclasses

import pytest

from sayso.batch import Extracted
from sayso.cli import main
from sayso.errors import SaysoError
from sayso.ingest import IngestError
from sayso.scale.layout import is_output
from sayso.scale.load import read_output
from sayso.store import open_store


def test_read_output_gives_back_documents_and_records_as_extracted(local_run, corpus):
    report, output = local_run
    results = [r for batch in read_output(output) for r in batch]
    extracted = [r for r in results if isinstance(r, Extracted)]
    assert {r.document.doc_id: r.to_dict()["attributions"] for r in extracted} == corpus.expected
    for r in extracted:
        for a in r.attributions:
            assert all(span.text == r.document.text[span.start:span.end] for span in a.content + a.cue + a.source)
    assert sorted(r.reason[:6] for r in results if isinstance(r, IngestError)) == ["[E005]", "[E017]"]
    assert [r for batch in read_output(report.run_dir) for r in batch] == results
    [parquet_row] = [r for r in extracted if r.document.origin.endswith("table.parquet:1")]
    assert parquet_row.document.title and parquet_row.document.published.tzinfo is not None


def test_ingest_loads_scale_output_into_the_store_as_ingest_of_the_articles_would(local_run, corpus, tmp_path,
                                                                                  capsys):
    _, output = local_run
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    assert main(["ingest", str(output), "--db", str(loaded)]) == 1
    assert "[E017]" in capsys.readouterr().err
    assert main(["ingest", *corpus.same, "--db", str(ingested)]) == 1
    with open_store(loaded) as a, open_store(ingested) as b:
        assert [_hit(h) for h in a.export()] == [_hit(h) for h in b.export()]
        assert _relays(a) == _relays(b)
        assert "Christo Grozev" in {row[4] for row in _relays(a)}
        # The example article's page is in both WARC files: stored once, as read first.
        once = {doc_id: found for doc_id, found in corpus.expected.items() if doc_id != "https://example.org/copy"}
        assert len(list(a.export())) == sum(map(len, once.values()))
        assert {e.reason for e in a.errors()} >= {e.reason for e in b.errors() if "[E017]" in e.reason}
    assert main(["ingest", str(output), "--db", str(loaded)]) == 1
    assert "9 already stored" in capsys.readouterr().err


def test_ingest_scale_output_with_other_paths_is_refused(local_run, corpus, tmp_path, capsys):
    _, output = local_run
    assert main(["ingest", str(output), corpus.inputs[0], "--db", str(tmp_path / "s.db")]) == 2
    assert "[E098]" in capsys.readouterr().err


def test_read_output_refuses_a_folder_that_is_not_scale_output(tmp_path, corpus):
    assert not is_output(corpus.inputs[1])
    with pytest.raises(SaysoError, match=r"\[E092\]"):
        next(read_output(corpus.inputs[1]))


def _hit(hit) -> dict:
    """A stored attribution as the store gives it, less where its article was read from."""
    return {k: v for k, v in dataclasses.asdict(hit).items() if k != "rank"}


def _relays(store) -> list[tuple]:
    """The store's relay rows, in order."""
    return store.query("SELECT article_id, idx, position, step, name, mention, role, platform, evidence_start,"
                       " evidence_end, evidence FROM relays ORDER BY article_id, idx, position")

"""``sayso ingest`` over a few hundred hostile documents mixed with good articles (tests/fuzz/hostile.py).

The same generator, with 10,000 documents and more, is bench/fuzz.py; this is the
part of it every ``make test`` runs: no traceback, no good article lost, every
broken document named in an error line with a code, exit status 1.
"""

from __future__ import annotations

import pytest

from sayso.cli import main


@pytest.mark.timeout(600)
@pytest.mark.parametrize("seed", [19, 2026])
def test_ingest_of_hostile_documents_mixed_with_good_articles_keeps_every_promise(
    nlp, tmp_path, capsys, hostile, articles, seed
):
    folder = hostile.generate(tmp_path / "in", hostile=150, seed=seed, good_texts=[a["text"] for a in articles])
    db = tmp_path / "sayso.db"
    status = main(["ingest", str(folder.path), "--db", str(db)])
    err = capsys.readouterr().err
    verdict = hostile.check(folder.cases, err, db)
    assert status == 1
    assert verdict.tracebacks == 0
    assert [(c.kind, c.origin) for c in verdict.lost] == []
    assert [(c.kind, c.origin) for c in verdict.unnamed] == []
    expected = {case.expect for case in folder.cases}
    assert expected == {hostile.STORED, hostile.FAILED, hostile.EITHER}  # the mix holds every kind of promise

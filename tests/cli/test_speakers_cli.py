"""``sayso speakers``: the most quoted speakers (each with all their name forms), as a table or
JSON, and the curation actions that outlive re-ingesting."""

from __future__ import annotations

import json
import shutil

import pytest


def test_speakers_top_table_lists_the_most_quoted_first_with_whole_roles(run, query_db, query_store):
    top = query_store.speakers(3)
    status, out, _ = run("speakers", "--top", "3", "--db", query_db)
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["#", "speaker", "type", "attributions", "articles", "role", "other", "names"]
    rows = [line for line in lines[1:] if line[:5].strip().isdigit()]
    assert len(rows) == 3
    for line, speaker in zip(rows, top, strict=True):
        assert line.split()[1] == speaker.name.split()[0]
        assert f"  {speaker.attributions}  " in line
    role = lines[0].index("role")
    shown = " ".join(line[role:lines[0].index("other names")].strip() for line in lines[1:])
    assert all(s.role in " ".join(shown.split()) for s in top if s.role)  # wrapped, never cut


def test_speakers_json_is_the_library_list_with_filters(run, query_db, query_store, articles):
    outlet = articles[2]["publisher"]
    expected = query_store.speakers(outlet=outlet, since=None)
    assert expected
    status, out, _ = run("speakers", "--outlet", outlet, "--db", query_db, "--format", "json")
    assert (status, json.loads(out)) == (0, [s.to_dict() for s in expected])
    _, out, _ = run("speakers", "--db", query_db, "--format", "json")
    assert len(json.loads(out)) == len(query_store.speakers()) > len(expected)


def test_speakers_none_in_the_time_asked_says_so(run, query_db):
    status, out, err = run("speakers", "--since", "2030-01-01", "--db", query_db)
    assert (status, out) == (0, "")
    assert "no speakers" in err


@pytest.fixture
def curated_db(query_db, tmp_path) -> str:
    """A copy of the query store that a test may curate."""
    path = tmp_path / "curated.db"
    shutil.copy(query_db.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def _speaker(run, db: str, name: str) -> list[dict]:
    _, out, _ = run("speakers", "--speaker", name, "--db", db, "--format", "json")
    return json.loads(out)


def test_speakers_merge_and_split_are_kept_and_listed(run, curated_db):
    status, _, err = run("speakers", "merge", "Serhiy Haidai", "Christo Grozev", "--db", curated_db)
    assert status == 0 and "Christo Grozev" in err
    [haidai] = _speaker(run, curated_db, "Haidai")
    assert "Christo Grozev" in haidai["aliases"]
    status, _, err = run("speakers", "--db", curated_db, "split", "Serhiy Haidai", "Christo Grozev")
    assert status == 0
    assert "Christo Grozev" not in _speaker(run, curated_db, "Haidai")[0]["aliases"]
    assert [s["name"] for s in _speaker(run, curated_db, "Grozev")] == ["Christo Grozev"]


def test_speakers_import_aliases_from_a_csv_file(run, curated_db, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nChristo Grozev,Bellingcat's Christo Grozev\n", encoding="utf-8")
    status, _, _ = run("speakers", "import-aliases", aliases, "--db", curated_db)
    assert status == 0
    [grozev] = _speaker(run, curated_db, "Grozev")
    assert grozev["name"] == "Bellingcat's Christo Grozev" and "Christo Grozev" in grozev["aliases"]


def test_speakers_curation_of_an_unknown_speaker_is_an_error_and_changes_nothing(run, curated_db):
    status, _, err = run("speakers", "merge", "Nobody Atall", "Serhiy Haidai", "--db", curated_db)
    assert status != 0 and "E080" in err and "Nobody Atall" in err
    assert _speaker(run, curated_db, "Haidai")[0]["aliases"] == []


def test_speakers_of_a_store_without_index_are_each_articles_names(run, curated_db):
    import sqlite3

    with sqlite3.connect(curated_db.removeprefix("sqlite:///")) as conn:
        conn.execute("DELETE FROM corpus_index_state")
    status, out, err = run("speakers", "--db", curated_db, "--format", "json")
    assert status == 0 and "no corpus index" in err
    assert all(s["id"] is None for s in json.loads(out))

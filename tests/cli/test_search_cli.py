"""``sayso search``: the library's ranked search, printed as a table or JSON, with every filter."""

from __future__ import annotations

import json
from datetime import date

import pytest


def test_search_table_has_one_row_per_hit_with_an_id_prefix_show_takes(run, query_db, query_store):
    hits = query_store.search("Bakhmut")
    assert hits
    status, out, _ = run("search", "Bakhmut", "--db", query_db)
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["#", "article", "published", "outlet", "speaker", "(role)", "kind", "content"]
    assert len(lines) == 1 + len(hits)
    for line, hit in zip(lines[1:], hits, strict=True):
        assert line.split()[1] == hit.article_id[:12]
        assert " ".join(hit.content.split())[:15] in line
        assert hit.kind in line


def test_search_json_is_the_library_hits(run, query_db, query_store):
    expected = [h.to_dict() for h in query_store.search("Russia", limit=3)]
    assert len(expected) == 3
    status, out, _ = run("search", "Russia", "--db", query_db, "--format", "json", "--limit", "3")
    assert (status, json.loads(out)) == (0, expected)


@pytest.mark.parametrize("option,filters", [
    (["--channel", "interview"], {"channel": "interview"}),
    (["--hedged"], {"hedged": True}),
    (["--unhedged"], {"hedged": False}),
])
def test_search_channel_and_hedge_filters_are_honoured(run, query_db, query_store, option, filters):
    expected = [h.to_dict() for h in query_store.search("", limit=1000, **filters)]
    everything = query_store.search("", limit=1000)
    assert expected and len(expected) < len(everything)
    status, out, _ = run("search", "", *option, "--limit", "1000", "--db", query_db, "--format", "json")
    assert (status, json.loads(out)) == (0, expected)


def test_search_filters_are_passed_to_the_library(run, query_db, query_store, articles):
    outlet = articles[0]["publisher"].upper()
    speaker = next(h.speaker for h in query_store.search("", outlet=outlet, limit=1000) if h.speaker)
    expected = query_store.search(
        "", speaker=speaker.lower(), outlet=outlet, since=date(2016, 1, 1), until=date(2016, 12, 31), limit=50
    )
    assert expected
    status, out, _ = run("search", "", "--speaker", speaker.lower(), "--outlet", outlet, "--since", "2016-01-01",
                         "--until", "2016-12-31", "--limit", "50", "--db", query_db, "--format", "json")
    assert (status, json.loads(out)) == (0, [h.to_dict() for h in expected])
    kind = expected[0].kind
    _, out, _ = run("search", "", "--kind", kind, "--db", query_db, "--format", "json", "--limit", "1000")
    assert {h["kind"] for h in json.loads(out)} == {kind}


def test_search_without_a_match_says_so_on_stderr(run, query_db):
    status, out, err = run("search", "Zaporizhzhia", "--db", query_db)
    assert (status, out) == (0, "")
    assert "no attribution matches" in err


def test_search_missing_store_is_an_error_and_creates_nothing(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run("search", "Bakhmut")  # the default store, sayso.db here
    assert (status, out) == (2, "")
    assert err.startswith("sayso: error: [E035] sayso.db: no such store")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["2016-13-01", "yesterday", "12/27/2022"])
def test_search_bad_date_is_a_usage_error(run, query_db, value, capsys):
    with pytest.raises(SystemExit) as e:
        run("search", "Bakhmut", "--since", value, "--db", query_db)
    assert e.value.code == 2
    assert "is not a date" in capsys.readouterr().err

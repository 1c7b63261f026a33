"""``sayso search``: the library's ranked search, printed as a table or JSON, with every filter."""

from __future__ import annotations

import json
from datetime import date

import pytest


def _rows(out: str) -> list[str]:
    """The table's rows, each with the lines it wraps onto: a row starts with its number."""
    rows: list[str] = []
    for line in out.splitlines()[1:]:
        if line[:6].strip().isdigit():
            rows.append(line)
        elif line.strip():
            rows[-1] += "\n" + line
    return rows


def test_search_table_names_each_hit_by_title_and_doc_id_which_show_takes(run, query_db, query_store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    hits = query_store.search("", limit=100)
    assert any(h.title for h in hits) and any(not h.title for h in hits)
    status, out, _ = run("search", "--limit", "100", "--db", query_db)
    assert status == 0
    assert out.splitlines()[0].split() == ["#", "article", "published", "outlet", "speaker", "(role)", "kind", "content"]
    header, rows = out.splitlines()[0], _rows(out)
    assert len(rows) == len(hits)
    for row, hit in zip(rows, hits, strict=True):
        article = [line[header.index("article"):header.index("published")].strip() for line in row.splitlines()]
        assert f"({hit.doc_id})" in "".join(article)  # a long doc_id wraps within its column
        assert not hit.title or hit.title in " ".join(article)
        assert all(word in row.split() for word in hit.content.split())  # wrapped, never cut
        assert hit.article_id[:12] not in row
    assert all(run("show", doc_id, "--db", query_db)[0] == 0 for doc_id in {hit.doc_id for hit in hits})


def test_search_takes_several_words_without_quoting(run, query_db, query_store):
    expected = [h.to_dict() for h in query_store.search("Russian troops")]
    assert expected
    status, out, _ = run("search", "Russian", "troops", "--db", query_db, "--format", "json")
    assert (status, json.loads(out)) == (0, expected)


def test_search_offset_pages_through_the_hits_as_the_api_does(run, query_db, query_store):
    everything = [h.to_dict() for h in query_store.search("", limit=1000)]
    assert len(everything) > 4
    _, out, _ = run("search", "--limit", "3", "--offset", "2", "--db", query_db, "--format", "json")
    assert json.loads(out) == everything[2:5]


def test_search_json_is_the_library_hits(run, query_db, query_store):
    expected = [h.to_dict() for h in query_store.search("Russia", limit=3)]
    assert len(expected) == 3
    status, out, _ = run("search", "Russia", "--db", query_db, "--format", "json", "--limit", "3")
    assert (status, json.loads(out)) == (0, expected)


@pytest.mark.parametrize("option,filters", [
    (["--channel", "interview"], {"channel": "interview"}),
    (["--hedged"], {"hedged": True}),
    (["--unhedged"], {"hedged": False}),
    (["--gender", "male"], {"gender": "male"}),
])
def test_search_channel_hedge_and_gender_filters_are_honoured(run, query_db, query_store, option, filters):
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

"""``sayso speakers``: the most quoted speakers, as a table or JSON."""

from __future__ import annotations

import json


def test_speakers_top_table_lists_the_most_quoted_first(run, query_db, query_store):
    top = query_store.speakers(3)
    status, out, _ = run("speakers", "--top", "3", "--db", query_db)
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["#", "speaker", "type", "attributions", "articles", "role"]
    assert len(lines) == 4
    for line, speaker in zip(lines[1:], top, strict=True):
        assert line.split()[1:1 + len(speaker.name.split())] == speaker.name.split()
        assert f"  {speaker.attributions}  " in line


def test_speakers_json_is_the_library_list_with_filters(run, query_db, query_store, polnear_dev):
    outlet = polnear_dev[1]["publisher"]
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

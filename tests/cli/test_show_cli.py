"""``sayso show``: one stored article by id, id prefix or doc_id."""

from __future__ import annotations

import json

from sayso.batch import Extracted
from sayso.ingest import Document
from sayso.store import open_store


def test_show_by_doc_id_prints_metadata_and_attributions(run, query_db, query_store, articles):
    dev = articles[0]
    article = query_store.find_article(dev["doc_id"])
    status, out, _ = run("show", dev["doc_id"], "--db", query_db)
    assert status == 0
    assert f"    title: {dev['title']}\n" in out
    assert f"       id: {article.id}\n" in out
    assert f"   outlet: {dev['publisher']}\n" in out
    assert f"published: {dev['date']}T00:00:00+00:00\n" in out
    count = len(article.attributions)
    assert f"== {dev['doc_id']} (" in out and f"): {count} attribution{'' if count == 1 else 's'}\n" in out


def test_show_by_id_prefix_as_json_gives_text_and_records(run, query_db, query_store, bakhmut_text):
    article = query_store.find_article("bakhmut-newsweek-2022-12-27")
    status, out, _ = run("show", article.id[:12], "--db", query_db, "--format", "json")
    shown = json.loads(out)
    assert status == 0
    assert shown == article.to_dict()
    assert shown["text"] == bakhmut_text
    assert shown["outlet"] is None and shown["attributions"]


def test_show_gives_who_posted_and_who_passed_on_what_the_example_quotes(run, query_db, query_store):
    article = query_store.find_article("bakhmut-newsweek-2022-12-27")
    [video] = [p for p in article.relays if p.item == "video"]
    _, out, _ = run("show", article.id, "--db", query_db)
    assert out.endswith(f"relays:\n  #{video.attribution}: video posted by Christo Grozev (journalist) on Twitter;"
                        " relayed by Anton Gerashchenko (advisor to the Ukrainian Ministry of Internal Affairs)\n")
    _, out, _ = run("show", article.id, "--db", query_db, "--format", "json")
    [shown] = [p for p in json.loads(out)["relays"] if p["item"] == "video"]
    assert (shown["origin"]["name"], [r["name"] for r in shown["relays"]]) == ("Christo Grozev", ["Anton Gerashchenko"])
    start, end = shown["origin"]["evidence"]
    assert "posted" in article.text[start:end] and "Grozev" in article.text[start:end]


def test_show_unknown_article_is_an_error(run, query_db):
    status, out, err = run("show", "kherson", "--db", query_db)
    assert (status, out) == (2, "")
    assert "[E037]" in err and "no article 'kherson'" in err


def test_show_escapes_control_characters_of_the_article(run, tmp_path, kivinen_attribution, bakhmut_text):
    hostile = Document("bakhmut", bakhmut_text, "bakhmut.txt", title="Bakhmut \x1b[2J\x1b]0;owned\x07 breakthrough")
    with open_store(tmp_path / "s.db") as store:
        store.write([Extracted(hostile, [kivinen_attribution])])
    status, out, _ = run("show", "bakhmut", "--db", tmp_path / "s.db")
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "title: Bakhmut \ufffd[2J\ufffd]0;owned\ufffd breakthrough" in out


def test_show_takes_a_unique_start_of_a_doc_id(run, query_db, query_store):
    article = query_store.find_article("bakhmut-newsweek-2022-12-27")
    status, out, _ = run("show", "bakhmut-news", "--db", query_db, "--format", "json")
    assert (status, json.loads(out)["id"]) == (0, article.id)


def test_show_ambiguous_doc_id_start_is_an_error_listing_the_candidates(run, query_db, query_store, articles):
    shared = "harbor-gazette_2016-09-1"  # two of the stored test articles' doc_ids start so
    candidates = [d["doc_id"] for d in articles[:3] if d["doc_id"].startswith(shared)]
    assert len(candidates) == 2
    status, out, err = run("show", shared, "--db", query_db)
    assert (status, out) == (2, "")
    assert "[E038]" in err and f"{shared!r} names several articles" in err
    for doc_id in candidates:
        assert f"{doc_id} ({query_store.find_article(doc_id).id[:12]})" in err

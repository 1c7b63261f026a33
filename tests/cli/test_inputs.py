"""What ``sayso extract`` and ``ingest`` share about input: URLs, ``--urls FILE``, and no store made of nothing."""

from __future__ import annotations

import json

import pytest


def test_extract_fetches_urls_among_the_paths_and_names_each_that_fails(run, web_server, example_path):
    page, missing = f"{web_server}/bakhmut.html", f"{web_server}/gone"
    status, out, err = run("extract", page, missing, example_path, "--allow-private-urls", "--format", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [d["doc_id"] for d in docs] == [page, "bakhmut-newsweek-2022-12-27"]
    from_page, from_file = ({a["speaker"] for a in d["attributions"]} for d in docs)
    assert "Markku Kivinen" in from_page and from_page == from_file
    assert f"sayso: [E141] {missing}: the server answered HTTP 404 Not Found\n" in err
    assert err.endswith("sayso: 2 extracted, 1 failed\n")


def test_ingest_urls_file_stores_its_pages_with_their_metadata(run, web_server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today\n{web_server}/bakhmut.html\n{web_server}/schools.txt\n", encoding="utf-8")
    db = tmp_path / "web.db"
    status, _, err = run("ingest", "--urls", urls, "--db", db, "--allow-private-urls")
    assert status == 0, err
    status, out, _ = run("show", f"{web_server}/schools", "--db", db, "--format", "json")
    shown = json.loads(out)
    assert (shown["title"], shown["outlet"]) == ("Minister: schools will stay open", "The Daily Ledger")
    status, out, _ = run("search", "limited", "breakthrough", "--db", db, "--format", "json")
    assert {hit["doc_id"] for hit in json.loads(out)} == {f"{web_server}/bakhmut.html"}


def test_private_urls_are_refused_unless_allowed(run, web_server, tmp_path):
    url = f"{web_server}/bakhmut.html"
    status, out, err = run("extract", url, "--format", "jsonl")
    assert (status, out) == (1, "")
    assert f"[E140] {url}: cannot fetch the page (the address is on a local or private network" in err


def test_urls_file_with_a_line_that_is_no_url_stops_before_fetching_anything(run, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("https://a.example/one\nnews/two.html\n", encoding="utf-8")
    status, _, err = run("ingest", "--urls", urls, "--db", tmp_path / "x.db")
    assert status == 2
    assert err.startswith(f"sayso: error: [E146] {urls}: line 2: not an http:// or https:// URL")
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_run_that_reads_no_article_makes_no_store(run, tmp_path, command):
    db = tmp_path / "x.db"
    status, _, err = run(command, tmp_path / "nosuch.txt", "--db", db)
    assert status == 2
    assert f"sayso: [E010] {tmp_path / 'nosuch.txt'}: no such file or directory\n" in err
    assert f"[E147] {db}: no article could be read, so no store was made" in err
    assert not db.exists()


def test_a_run_that_reads_no_article_into_an_existing_store_records_the_failure(run, tmp_path, example_path):
    db = tmp_path / "x.db"
    assert run("ingest", example_path, "--db", db)[0] == 0
    status, _, err = run("ingest", tmp_path / "nosuch.txt", "--db", db)
    assert status == 1
    assert "[E010]" in err and "E147" not in err


def test_a_store_in_a_folder_that_does_not_exist_is_a_clear_error(run, tmp_path, example_path):
    db = tmp_path / "no" / "such" / "x.db"
    status, _, err = run("ingest", example_path, "--db", db)
    assert status == 2
    assert err == f"sayso: error: [E148] {db}: the folder {db.parent} does not exist; make it first (mkdir -p {db.parent})\n"
    assert not (tmp_path / "no").exists()


def test_no_path_and_no_urls_file_is_a_usage_error(capsys):
    from sayso.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["ingest"])
    assert exit_.value.code == 2
    assert "give at least one PATH, or --urls FILE" in capsys.readouterr().err

"""``sayso stats``: figures as a table, JSON and CSV that read back the same; plots as PNG and SVG; usage errors."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

import pytest

from sayso.corpus.stats import COLUMNS, corpus_stats
from sayso.store import open_store

# PolNeAR dev articles quoting Donald Trump, as "Donald J. Trump" (NYT) and as "Donald Trump".
DEV = {
    "nyt_2016-10-04_in-avoiding-tax-trump-is-merely-": ("nyt", "2016-10-04"),
    "breitbart_2016-10-04_bill-clinton-calls-obamacare-cra": ("breitbart", "2016-10-04"),
    "huff-post_2016-09-22_trump-the-dealmaker-could-addres": ("huff-post", "2016-09-22"),
}


@pytest.fixture(scope="module")
def stats_db(nlp, tmp_path_factory, polnear_dev, example_path) -> str:
    """A store filled by ``sayso ingest``, corpus index included: three PolNeAR dev articles with
    their outlet and day under other keys (read with ``--field``) and the example, which has neither."""
    from sayso.cli import main

    root = tmp_path_factory.mktemp("stats-cli")
    wire = root / "wire.jsonl"
    records = [
        {"id": d["doc_id"], "body": d["text"], "source": DEV[d["doc_id"]][0], "day": DEV[d["doc_id"]][1]}
        for d in polnear_dev if d["doc_id"] in DEV
    ]
    wire.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = root / "stats.db"
    fields = ["--field", "text=body", "--field", "outlet=source", "--field", "published=day"]
    assert main(["ingest", str(wire), str(example_path), "--db", str(db), *fields, "--log-every", "0"]) == 0
    return f"sqlite:///{db}"


def test_stats_table_gives_each_outlet_its_figures_and_lists(run, stats_db):
    status, out, err = run("stats", "--db", stats_db)
    assert status == 0
    assert err == ""  # the index is up to date after sayso ingest
    assert out.startswith("== all time\n  all outlets: 4 articles, ")
    for outlet in ("breitbart", "huff-post", "nyt", "no outlet"):
        assert f"\n  {outlet}: 1 article, " in out
    assert "% anonymous, " in out
    # Of the attributions to a named person, the shares the text shows to be women and men.
    assert re.search(r"% direct; named people: \d+\.\d% women, \d+\.\d% men\n", out)
    assert re.search(r"\n    speakers: .*, Donald Trump \d", out)
    assert "Donald J. Trump" not in out  # the corpus index joined it to Donald Trump
    assert "    types:    person " in out
    assert "    channels: " in out


def test_stats_json_is_the_librarys_figures(run, stats_db):
    status, out, _ = run("stats", "--db", stats_db, "--by", "month", "--top", "3", "--format", "json")
    assert status == 0
    with open_store(stats_db) as store:
        expected = [row.to_dict() for row in corpus_stats(store, by="month", top=3)]
    assert json.loads(out) == expected
    assert [(r["window"], r["outlet"]) for r in expected if r["all_outlets"]] == [
        ("2016-09", None), ("2016-10", None), ("undated", None)
    ]
    assert all(len(r["top_speakers"]) <= 3 for r in expected)


def test_stats_csv_reads_back_as_the_json_figures(run, stats_db):
    _, out, _ = run("stats", "--db", stats_db, "--by", "week", "--format", "csv")
    _, data, _ = run("stats", "--db", stats_db, "--by", "week", "--format", "json")
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = json.loads(data)
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == len(expected) > 3
    for row, figures in zip(rows, expected, strict=True):
        assert row["window"] == figures["window"]
        assert row["outlet"] == (figures["outlet"] or "")
        assert row["all_outlets"] == str(figures["all_outlets"])
        assert int(row["attributions"]) == figures["attributions"]
        assert json.loads(row["top_speakers"]) == figures["top_speakers"]
        assert int(row["type_anonymous"]) == figures["speaker_types"]["anonymous"]
        assert int(row["channel_interview"]) == figures["channels"]["interview"]
        if figures["attributions"]:
            assert float(row["direct_share"]) == figures["direct_share"]


def test_stats_outlet_and_dates_filter(run, stats_db):
    _, out, _ = run("stats", "--db", stats_db, "--outlet", "NYT", "--format", "json")
    assert [(r["outlet"], r["articles"]) for r in json.loads(out)] == [(None, 1), ("nyt", 1)]
    _, out, _ = run("stats", "--db", stats_db, "--since", "2016-10-01", "--format", "json")
    assert json.loads(out)[0]["articles"] == 2


def test_stats_undated_and_outletless_articles_have_rows_of_their_own(run, stats_db):
    status, out, _ = run("stats", "--db", stats_db, "--by", "year")
    assert status == 0
    assert out.index("== 2016 (2016-01-01 to 2016-12-31)\n  all outlets: 3 articles, ") < out.index(
        "== undated (articles without a publication date)\n  all outlets: 1 article, "
    ) < out.index("\n  no outlet: 1 article, ")


def test_stats_on_a_store_without_corpus_index_counts_article_names_and_says_so(run, corpus, tmp_path):
    db = tmp_path / "unindexed.db"
    with open_store(db) as store:
        store.write(corpus)  # what the library's writes leave: no corpus index yet
    status, out, err = run("stats", "--db", db, "--format", "json")
    assert status == 0
    assert "corpus index is behind the store" in err
    names = [s["name"] for s in json.loads(out)[0]["top_speakers"]]
    assert names and set(names) <= {a.speaker for r in corpus for a in r.attributions}


@pytest.mark.parametrize(
    ("options", "described"),
    [(["--speaker", "donald j. trump"], "of Donald Trump"), (["--outlet", "NYT", "--by", "week"], "in nyt")],
)
def test_stats_plot_png_of_a_speaker_or_an_outlet(run, stats_db, tmp_path, options, described):
    path = tmp_path / "plot.png"
    status, out, err = run("stats", "--db", stats_db, "--plot", path, *options)
    assert status == 0
    assert out == ""
    assert f"attributions {described}" in err and str(path) in err
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_stats_plot_svg_is_xml(run, stats_db, tmp_path):
    path = tmp_path / "trump.svg"
    status, _, _ = run("stats", "--db", stats_db, "--plot", path, "--speaker", "Donald Trump", "--by", "year")
    assert status == 0
    assert ElementTree.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (["--plot", "trump.gif", "--speaker", "Donald Trump"], "E110"),
        (["--plot", "nobody.png", "--speaker", "Nobody Quoted Here"], "E111"),
        (["--plot", "all.png"], "E114"),
        (["--speaker", "Donald Trump"], "E115"),
        (["--plot", "trump.png", "--speaker", "Donald Trump", "--by", "all"], "E116"),
    ],
)
def test_stats_usage_errors_stop_with_their_code(run, stats_db, tmp_path, monkeypatch, options, code):
    monkeypatch.chdir(tmp_path)
    status, out, err = run("stats", "--db", stats_db, *options)
    assert status == 2
    assert out == ""
    assert f"sayso: error: [{code}] " in err
    assert list(tmp_path.iterdir()) == []


def test_stats_plot_of_an_example_without_date_says_nothing_can_be_plotted(run, query_db, tmp_path):
    status, _, err = run("stats", "--db", query_db, "--plot", tmp_path / "haidai.png", "--speaker", "serhiy haidai")
    assert status == 2
    assert "[E113] all " in err and "of Serhiy Haidai are in articles without a publication date" in err

"""Corpus statistics and plots over a store of real articles, before and after the corpus index is built."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import UTC, date, datetime
from xml.etree import ElementTree

import pytest

from sayso.corpus.index import rebuild
from sayso.corpus.plot import plot_timeline
from sayso.corpus.stats import (
    BY,
    Timeline,
    Window,
    corpus_stats,
    quotes_over_time,
    window_of,
)
from sayso.errors import SaysoError
from sayso.ingest import read
from sayso.ingest.jsonl import Fields
from sayso.records import CHANNEL_TYPES, SPEAKER_TYPES
from sayso.runner import ingest
from sayso.store import open_store

NYT = "nyt_2016-10-04_in-avoiding-tax-trump-is-merely-"  # quotes "Donald J. Trump"
# Outlets as an outlet's own metadata might spell them, and dates, or None for none.
ARTICLES = {
    NYT: ("NYT", "2016-10-04"),
    "breitbart_2016-10-04_bill-clinton-calls-obamacare-cra": ("Breitbart", "2016-10-04"),  # "Donald Trump"
    "huff-post_2016-09-22_trump-the-dealmaker-could-addres": ("huff-post", "2016-09-22"),  # "Donald Trump"
    "breitbart_2016-09-20_poll-wealthy-voters-abandon-repu": ("breitbart", "2016-09-20"),
    "breitbart_2016-09-12_stealth-over-health-hillary-clin": ("breitbart", None),
    "breitbart_2016-09-15_pat-caddell-democrat-voters-worr": (None, "2016-09-15"),
}


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory, polnear_dev, bakhmut_text) -> str:
    """A SQLite store of six PolNeAR dev articles and the example (Newsweek, 2022-12-27), one
    without a date and one without an outlet, read with ``--field``-style mappings; no corpus index."""
    root = tmp_path_factory.mktemp("stats")
    records = [
        {"doc_id": d["doc_id"], "text": d["text"], "source": ARTICLES[d["doc_id"]][0], "day": ARTICLES[d["doc_id"]][1]}
        for d in polnear_dev if d["doc_id"] in ARTICLES
    ]
    day = "2022-12-27T10:00:00-05:00"
    records.append({"doc_id": "bakhmut", "text": bakhmut_text, "source": "Newsweek", "day": day})
    source = root / "articles.jsonl"
    source.write_text("".join(json.dumps({k: v for k, v in r.items() if v}) + "\n" for r in records), encoding="utf-8")
    path = root / "plain.db"
    with open_store(path) as store:
        report = ingest(read([str(source)], fields=Fields.from_options(["outlet=source", "published=day"])), store)
    assert report.stored == len(ARTICLES) + 1
    return str(path)


@pytest.fixture(scope="module")
def indexed_db(plain_db, tmp_path_factory) -> str:
    """The same store with its corpus index built, as ``sayso ingest`` leaves it."""
    path = tmp_path_factory.mktemp("indexed") / "indexed.db"
    shutil.copy(plain_db, path)
    with open_store(path) as store:
        rebuild(store)
    return str(path)


def _hits(path: str) -> list:
    with open_store(path) as store:
        return list(store.export())


def _rows(path: str, **options) -> list:
    with open_store(path) as store:
        return corpus_stats(store, **options)


@pytest.mark.parametrize(
    ("moment", "by", "expected"),
    [
        (datetime(2016, 10, 4, 23, 59, tzinfo=UTC), "year", Window("2016", date(2016, 1, 1), date(2017, 1, 1))),
        (datetime(2016, 12, 31, tzinfo=UTC), "month", Window("2016-12", date(2016, 12, 1), date(2017, 1, 1))),
        (datetime(2016, 10, 4, tzinfo=UTC), "week", Window("2016-W40", date(2016, 10, 3), date(2016, 10, 10))),
        # 1 January 2016 is a Friday: ISO week 53 of 2015, which began on Monday 28 December.
        (datetime(2016, 1, 1, tzinfo=UTC), "week", Window("2015-W53", date(2015, 12, 28), date(2016, 1, 4))),
        (None, "month", Window("undated")),
        (None, "all", Window("all")),
    ],
)
def test_stats_window_of_a_time_is_its_utc_year_month_or_iso_week(moment, by, expected):
    assert window_of(moment, by) == expected


def test_stats_window_of_refuses_an_unknown_grouping():
    with pytest.raises(ValueError, match="day"):
        window_of(None, "day")


def test_stats_all_time_rows_add_up_to_the_stored_attributions(plain_db):
    hits = _hits(plain_db)
    rows = _rows(plain_db)

    assert {row.window for row in rows} == {Window("all")}
    everything, *outlets = rows
    assert everything.outlet is None
    assert everything.articles == len(ARTICLES) + 1
    assert everything.attributions == len(hits) > 50
    assert sum(r.articles for r in outlets) == everything.articles
    assert sum(r.attributions for r in outlets) == everything.attributions
    assert everything.anonymous_share == sum(h.speaker_type == "anonymous" for h in hits) / len(hits)
    assert everything.direct_share == sum(h.kind == "direct" for h in hits) / len(hits)
    assert list(everything.speaker_types) == list(SPEAKER_TYPES)
    assert everything.speaker_types == {t: sum(h.speaker_type == t for h in hits) for t in SPEAKER_TYPES}
    assert list(everything.channels) == list(CHANNEL_TYPES)
    assert sum(everything.channels.values()) == len(hits)
    assert everything.channels["interview"] == sum(h.channel_type == "interview" for h in hits) > 0


def test_stats_outlet_spellings_are_one_outlet_and_articles_without_one_come_last(plain_db):
    outlets = [row.outlet for row in _rows(plain_db)]
    # "Breitbart" once and "breitbart" twice: one outlet, under its more frequent spelling.
    assert outlets == [None, "breitbart", "huff-post", "Newsweek", "NYT", ""]
    breitbart = _rows(plain_db)[1]
    assert breitbart.articles == 3
    assert breitbart.attributions == sum(1 for h in _hits(plain_db) if h.outlet and h.outlet.lower() == "breitbart")


def test_stats_by_month_windows_in_time_order_with_the_undated_article_last(plain_db):
    rows = _rows(plain_db, by="month")
    windows = list(dict.fromkeys(row.window.label for row in rows))
    assert windows == ["2016-09", "2016-10", "2022-12", "undated"]
    undated = [row for row in rows if row.window.label == "undated"]
    assert [(row.outlet, row.articles) for row in undated] == [(None, 1), ("breitbart", 1)]
    by_month = Counter(h.published.strftime("%Y-%m") if h.published else "undated" for h in _hits(plain_db))
    assert {row.window.label: row.attributions for row in rows if row.outlet is None} == dict(by_month)


def test_stats_by_week_uses_iso_weeks(plain_db):
    weeks = {row.window for row in _rows(plain_db, by="week") if row.outlet == "NYT"}
    assert weeks == {Window("2016-W40", date(2016, 10, 3), date(2016, 10, 10))}


def test_stats_outlet_and_dates_filter_the_articles_and_leave_undated_ones_out(plain_db):
    assert [(r.outlet, r.articles) for r in _rows(plain_db, outlet="nyt")] == [(None, 1), ("NYT", 1)]
    rows = _rows(plain_db, since=date(2016, 9, 16), until=date(2016, 10, 4))
    # One "Breitbart" and one "breitbart" left: the first spelling in code point order.
    assert [(r.outlet, r.articles) for r in rows] == [(None, 4), ("Breitbart", 2), ("huff-post", 1), ("NYT", 1)]


def test_stats_top_speakers_are_the_articles_names_without_an_index(plain_db):
    everything = _rows(plain_db, top=50)[0]
    names = {s.name: s.count for s in everything.top_speakers}
    hits = _hits(plain_db)
    assert names["Donald J. Trump"] == sum(h.speaker == "Donald J. Trump" for h in hits) > 0
    assert names["Donald Trump"] == sum(h.speaker == "Donald Trump" for h in hits) > 0
    counts = [s.count for s in everything.top_speakers]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == sum(h.speaker is not None for h in hits)  # anonymous and unnamed sources are not listed
    assert len(_rows(plain_db, top=3)[0].top_speakers) == 3


def test_stats_top_speakers_join_name_forms_through_the_corpus_index(plain_db, indexed_db):
    before = {s.name: s.count for s in _rows(plain_db, top=50)[0].top_speakers}
    after = {s.name: s.count for s in _rows(indexed_db, top=50)[0].top_speakers}
    assert "Donald J. Trump" not in after
    assert after["Donald Trump"] == before["Donald Trump"] + before["Donald J. Trump"]
    assert sum(after.values()) == sum(before.values())
    assert _rows(indexed_db)[0].speaker_types == _rows(plain_db)[0].speaker_types


def test_stats_quotes_over_time_finds_a_registry_speaker_by_any_name_form(plain_db, indexed_db):
    with open_store(indexed_db) as store:
        joined = quotes_over_time(store, speaker="donald j. trump", by="month")
    with open_store(plain_db) as store:
        alone = quotes_over_time(store, speaker="donald j. trump", by="month")
    hits = _hits(plain_db)
    assert joined.speaker == "Donald Trump"
    assert joined.total == sum(h.speaker in ("Donald Trump", "Donald J. Trump") for h in hits)
    assert dict(joined.points)[date(2016, 10, 1)] > dict(alone.points)[date(2016, 10, 1)]
    assert alone.speaker == "Donald J. Trump"
    assert alone.points == [(date(2016, 10, 1), sum(h.speaker == "Donald J. Trump" for h in hits))]


def test_stats_quotes_over_time_fills_empty_windows_and_counts_undated_apart(plain_db):
    with open_store(plain_db) as store:
        everyone = quotes_over_time(store, by="month")
        breitbart = quotes_over_time(store, outlet="BREITBART", by="year")
    starts = [start for start, _ in everyone.points]
    assert starts[0] == date(2016, 9, 1) and starts[-1] == date(2022, 12, 1)
    assert len(starts) == 12 * 6 + 4  # every month from September 2016 to December 2022
    assert dict(everyone.points)[date(2019, 5, 1)] == 0
    assert everyone.total == len(_hits(plain_db))
    stealth = sum(1 for h in _hits(plain_db) if h.doc_id == "breitbart_2016-09-12_stealth-over-health-hillary-clin")
    assert breitbart.outlet == "breitbart"
    assert breitbart.undated == stealth > 0
    assert [start for start, _ in breitbart.points] == [date(2016, 1, 1)]


def test_stats_quotes_over_time_refuses_all_as_windows(plain_db):
    with open_store(plain_db) as store, pytest.raises(ValueError, match="all"):
        quotes_over_time(store, outlet="NYT", by="all")


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_draws_a_speakers_quotes_to_png_or_svg(indexed_db, tmp_path, suffix):
    with open_store(indexed_db) as store:
        timeline = quotes_over_time(store, speaker="Donald Trump", by="week")
    path = tmp_path / f"trump.{suffix.upper()}"
    plot_timeline(timeline, path)
    data = path.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert ElementTree.fromstring(data).tag == "{http://www.w3.org/2000/svg}svg"


def test_plot_draws_names_from_articles_as_plain_text_not_math(tmp_path):
    # "$" pairs would be matplotlib math markup; a name like this must not break the drawing.
    points = [(date(2016, 9, 1), 2), (date(2016, 10, 1), 0)]
    timeline = Timeline("Mr. $\\frac{5$ Bill", "Wall $treet $ Journal", "month", points)
    plot_timeline(timeline, tmp_path / "hostile.svg")
    assert ElementTree.parse(tmp_path / "hostile.svg").getroot().tag.endswith("svg")


@pytest.mark.parametrize(
    ("timeline", "name", "code"),
    [
        (Timeline("Serhiy Haidai", None, "month", [(date(2022, 12, 1), 3)]), "haidai.pdf", "E110"),
        (Timeline("Nobody", None, "month", []), "nobody.png", "E111"),
        (Timeline("Pat Caddell", None, "month", [], undated=4), "caddell.png", "E113"),
    ],
)
def test_plot_refuses_a_bad_suffix_no_quotes_or_only_undated_ones(tmp_path, timeline, name, code):
    with pytest.raises(SaysoError, match=rf"\[{code}\]"):
        plot_timeline(timeline, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_plot_names_an_unwritable_file(tmp_path):
    timeline = Timeline("Serhiy Haidai", None, "month", [(date(2022, 12, 1), 3)])
    with pytest.raises(SaysoError, match=r"\[E032\]"):
        plot_timeline(timeline, tmp_path / "no-such-folder" / "haidai.png")


def test_stats_every_grouping_gives_the_same_totals(plain_db):
    totals = {by: sum(r.attributions for r in _rows(plain_db, by=by) if r.outlet is None) for by in BY}
    assert set(totals.values()) == {len(_hits(plain_db))}


def test_stats_and_timelines_are_the_same_on_sqlite_and_postgresql(store_url, corpus, tmp_path):
    answers = []
    for url in (f"sqlite:///{tmp_path / 'reference.db'}", store_url):
        with open_store(url) as store:
            store.write(corpus)
            rebuild(store)
            answers.append((
                corpus_stats(store, by="week", since=date(2016, 1, 1)),
                quotes_over_time(store, outlet="newsweek", by="week"),
                quotes_over_time(store, speaker="SERHIY HAIDAI", by="month"),
            ))
    assert answers[1] == answers[0]
    weeks, newsweek, haidai = answers[1]
    assert [r.window.label for r in weeks if r.outlet is None] == ["2016-W37", "2016-W38", "2022-W52"]
    assert sum(r.attributions for r in weeks if r.outlet is None) == sum(len(r.attributions) for r in corpus)
    assert newsweek.points[0][0] == date(2022, 12, 26)  # published 27 December, 10:00 in New York
    assert haidai.speaker == "Serhiy Haidai" and haidai.total > 0


def test_stats_shares_of_women_and_men_are_of_the_attributions_to_named_people(plain_db):
    hits = _hits(plain_db)
    everything, *outlets = _rows(plain_db)
    named = [h for h in hits if h.speaker and h.speaker_type == "person"]
    assert everything.named_people == len(named) > 0
    assert everything.women_share == sum(h.speaker_gender == "female" for h in named) / len(named)
    assert everything.men_share == sum(h.speaker_gender == "male" for h in named) / len(named) > 0
    assert sum(r.named_people for r in outlets) == everything.named_people

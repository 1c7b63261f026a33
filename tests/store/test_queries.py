"""Reading a store, on SQLite and PostgreSQL: ranked search and its filters, hostile query text,
speakers, one article by id, prefix or doc_id, and export. Expected answers are worked out
from the articles themselves, so they hold whatever the pipeline finds in them."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from sayso.batch import Extracted
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.store import Filters, open_store

ALL = 10_000


@pytest.fixture
def store(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus)
        yield store


def _keys(hits) -> list[tuple[str, int]]:
    return [(h.article_id, h.idx) for h in hits]


def _where(corpus, keep) -> set[tuple[str, int]]:
    """The (article id, index) of every attribution in ``corpus`` for which ``keep(result, attribution)``."""
    return {
        (r.document.article_id, i) for r in corpus for i, a in enumerate(r.attributions) if keep(r, a)
    }


def _says(word: str):
    """Whether an attribution's content or speaker holds ``word`` or a word made from it."""
    pattern = re.compile(rf"\b{word}\w*", re.IGNORECASE)
    return lambda r, a: bool(pattern.search(" ".join(s.text for s in a.content) + " " + (a.speaker or "")))


def test_search_finds_every_attribution_holding_the_word_and_only_those(store, corpus):
    expected = _where(corpus, _says("Bakhmut"))
    assert expected
    hits = store.search("Bakhmut", limit=ALL)
    assert set(_keys(hits)) == expected
    assert all(h.rank > 0 for h in hits)
    assert "bakhmut" in hits[0].content.lower()


def test_search_needs_every_word(store, corpus):
    russia, breakthrough = _says("Russia"), _says("breakthrough")
    expected = _where(corpus, lambda r, a: russia(r, a) and breakthrough(r, a))
    assert expected and expected < _where(corpus, russia)
    assert set(_keys(store.search("russia BREAKTHROUGH", limit=ALL))) == expected


def test_search_matches_other_forms_of_the_word(store, corpus):
    expected = _where(corpus, _says("breakthrough"))
    assert expected
    assert set(_keys(store.search("breakthroughs", limit=ALL))) == expected


def test_search_finds_a_speaker_by_name(store, corpus):
    named = {a.speaker for r in corpus for a in r.attributions if a.speaker and " " in a.speaker}
    surname = min(named).split()[-1]
    hits = store.search(surname, limit=ALL)
    assert set(_keys(hits)) == _where(corpus, _says(surname))
    assert any(surname in (h.speaker or "") for h in hits)


def test_search_ranks_the_content_saying_the_word_more_often_first(store_url, bakhmut_text, attribute):
    t = bakhmut_text
    # Contents of about the same length (24 and 26 words), "Putin" once and twice.
    once = attribute(t, "for Ukraine’s cities to be “erased from the earth” while also being critical of strategies "
                        "put forward by Putin and other Russian generals", "called", "Kadyrov", "mixed")
    twice = attribute(t, "Russian offensive efforts in Bakhmut reflect Putin’s style of political management in "
                         "Moscow in which the main political advisors consist of Putin’s former bodyguard",
                      "said", "Reno", "direct")
    document = Document("bakhmut", t, "bakhmut.txt")
    with open_store(store_url) as store:
        store.write([Extracted(document, [once, twice])])
        hits = store.search("Putin")
    assert [h.idx for h in hits] == [1, 0]
    assert hits[0].rank > hits[1].rank
    assert hits[0].content_spans == [[twice.content[0].start, twice.content[0].end]]
    assert (hits[0].cue, hits[0].source, hits[0].kind) == ("said", "Reno", "direct")


def test_search_filters_by_speaker_outlet_kind_and_time(store, corpus):
    bakhmut = corpus[0].document.article_id
    speaker = next(a.speaker for a in corpus[0].attributions if a.speaker and " " in a.speaker)
    part = speaker.split()[-1].upper()
    expected = _where(corpus, lambda r, a: part.lower() in (a.speaker or "").lower())
    assert set(_keys(store.search("", speaker=part, limit=ALL))) == expected
    assert {h.article_id for h in store.search("", outlet="NEWSWEEK", limit=ALL)} == {bakhmut}
    assert set(_keys(store.search("", kind="direct", limit=ALL))) == _where(corpus, lambda r, a: a.kind == "direct")
    # Published 2022-12-27 at 15:00 UTC.
    assert {h.article_id for h in store.search("", since=date(2022, 12, 27), limit=ALL)} == {bakhmut}
    assert {h.article_id for h in store.search("", until=date(2022, 12, 27), limit=ALL)} == {
        r.document.article_id for r in corpus
    }
    assert bakhmut not in {h.article_id for h in store.search("", until=date(2022, 12, 26), limit=ALL)}
    new_york = timezone(timedelta(hours=-5))
    assert store.search("", until=datetime(2022, 12, 27, 10, 0, tzinfo=new_york), since=date(2020, 1, 1)) == []
    assert store.search("", since=datetime(2022, 12, 27, 15, 0), until=datetime(2022, 12, 27, 15, 1), limit=ALL)
    assert store.search("Bakhmut", outlet="Newsweek", since=date(2023, 1, 1)) == []


def test_search_without_words_lists_latest_first_in_pages(store, corpus):
    everything = store.search("", limit=ALL)
    assert len(everything) == sum(len(r.attributions) for r in corpus)
    assert everything[0].article_id == corpus[0].document.article_id  # 2022, the others 2016
    dates = [h.published for h in everything]
    assert dates == sorted(dates, reverse=True)
    assert store.search("", limit=5, offset=5) == everything[5:10]


PAGED = [Filters("Bakhmut"), Filters(""), Filters("said", kind="direct"), Filters("", speaker="a", hedged=False),
         Filters("Bakhmut", outlet="Newsweek", since=date(2023, 1, 1))]


@pytest.mark.parametrize("filters", PAGED, ids=range(len(PAGED)))
def test_search_page_is_a_slice_of_the_whole_search_with_its_total(store, filters):
    everything = store.search(
        filters.query, speaker=filters.speaker, outlet=filters.outlet, since=filters.since, kind=filters.kind,
        hedged=filters.hedged, limit=ALL,
    )
    assert store.count(filters) == len(everything)
    for offset in range(0, len(everything) + 6, 5):  # up to a page past the last one
        assert store.search_page(filters, 5, offset) == (everything[offset:offset + 5], len(everything))


HOSTILE = [
    '"', "'", 'Bakhmut"', "NEAR(Bakhmut troops)", "content_text:Bakhmut", "speaker:Haidai", "Bakhmut*",
    "-Bakhmut", "Bakhmut AND NOT troops", "Bakhmut OR Kherson", "^Bakhmut", "{speaker content_text}: Haidai",
    "'; DROP TABLE articles; --", "%_\\", "Bakhmut\x00", "Bakhmut & !troops | (Putin <-> style)", "(", "\U0001f600",
    "Bakhmut " * 500,
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_search_reads_hostile_query_text_as_its_words_only(store, corpus, query):
    words = " ".join(re.findall(r"\w+", query))
    hits = store.search(query, limit=ALL)
    assert hits == (store.search(words, limit=ALL) if words else [])
    assert len(store.search("", limit=ALL)) == sum(len(r.attributions) for r in corpus)


def test_speakers_counts_attributions_and_articles_most_quoted_first(store, corpus):
    expected: dict[str, tuple[int, set[str]]] = {}
    for r in corpus:
        for a in r.attributions:
            if a.speaker:
                n, articles = expected.get(a.speaker, (0, set()))
                expected[a.speaker] = (n + 1, articles | {r.document.article_id})
    found = store.speakers()
    assert {s.name: (s.attributions, s.articles) for s in found} == {
        name: (n, len(articles)) for name, (n, articles) in expected.items()
    }
    order = [(-s.attributions, s.name) for s in found]
    assert order == sorted(order)
    assert store.speakers(3) == found[:3]
    newsweek = {a.speaker for a in corpus[0].attributions if a.speaker}
    assert {s.name for s in store.speakers(outlet="newsweek")} == newsweek


def test_speakers_type_and_role_are_the_ones_given_most_often(store_url, bakhmut_text, kivinen_attribution):
    professor = dataclasses.replace(kivinen_attribution, speaker_role="professor")
    anonymous = dataclasses.replace(kivinen_attribution, speaker=None, speaker_type="anonymous")
    first = Document("bakhmut", bakhmut_text, "bakhmut.txt")
    second = Document("bakhmut-updated", bakhmut_text + "\nUpdated.", "bakhmut-updated.txt")
    with open_store(store_url) as store:
        store.write([Extracted(first, [kivinen_attribution, kivinen_attribution, anonymous]),
                     Extracted(second, [professor])])
        [kivinen] = store.speakers()
        assert kivinen.to_dict() == {"name": "Markku Kivinen", "type": "person",
                                     "role": "director of the Aleksanteri Institute", "attributions": 3, "articles": 2,
                                     "id": None, "aliases": []}
        store.write([Extracted(second, [professor, professor, professor])])
        assert store.speakers(speaker="kivinen")[0].role == "professor"


def test_article_by_id_prefix_or_doc_id(store, corpus):
    bakhmut = corpus[0].document
    assert store.article(bakhmut.article_id).doc_id == bakhmut.doc_id
    assert store.article("0" * 64) is None
    for key in (bakhmut.article_id, bakhmut.article_id[:10], bakhmut.doc_id):
        assert store.find_article(key).id == bakhmut.article_id
    with pytest.raises(SaysoError, match=r"^\[E037\] .*no article 'kherson'"):
        store.find_article("kherson")
    with pytest.raises(SaysoError, match=r"^\[E037\]"):
        store.find_article("%")
    shared = os.path.commonprefix(sorted(r.document.article_id for r in corpus)[:2])
    with pytest.raises(SaysoError, match=rf"^\[E038\] .*{shared!r} names several articles"):
        store.find_article(shared)


def test_export_streams_every_attribution_or_the_ones_filters_allow(store, corpus):
    rows = list(store.export())
    assert len(rows) == sum(len(r.attributions) for r in corpus)
    assert rows == store.search("", limit=ALL)
    assert rows[0].published == corpus[0].document.published
    matching = list(store.export(Filters(query="Russia", outlet="Newsweek")))
    assert matching and matching == store.search("Russia", outlet="Newsweek", limit=ALL)


def _says_phrase(phrase: str):
    """Whether an attribution's content holds ``phrase``, its words in a row (any case, any spacing)."""
    pattern = re.compile(r"\b" + r"\W+".join(phrase.split()) + r"\b", re.IGNORECASE)
    return lambda r, a: bool(pattern.search(" ".join(s.text for s in a.content)))


def test_search_reads_words_in_double_quotes_as_a_phrase_and_the_rest_as_words(store, corpus):
    expected = _where(corpus, _says_phrase("political management"))
    loose = _where(corpus, lambda r, a: _says("political")(r, a) and _says("management")(r, a))
    assert expected and expected <= loose
    assert set(_keys(store.search('"political management"', limit=ALL))) == expected
    assert set(_keys(store.search("“political management” Putin", limit=ALL))) == expected & _where(corpus, _says("Putin"))
    assert store.search('"management political"', limit=ALL) == []
    assert loose <= set(_keys(store.search("management political", limit=ALL)))  # stemmed: "politics" too


def test_search_filters_by_the_speakers_gender_the_text_shows(store, corpus):
    for gender in ("female", "male"):
        expected = _where(corpus, lambda r, a, g=gender: a.speaker_gender == g)
        hits = store.search_page(Filters(gender=gender), ALL)[0]
        assert set(_keys(hits)) == expected
        assert {h.speaker_gender for h in hits} <= {gender}
    assert _where(corpus, lambda r, a: a.speaker_gender == "male")


def test_hits_reads_the_attributions_named_in_the_order_given(store, corpus):
    keys = sorted(_where(corpus, lambda r, a: True))[:7][::-1] + [("no-such-article", 0)]
    hits = list(store.hits(keys))
    assert _keys(hits) == keys[:-1]
    assert hits == [h for key in keys[:-1] for h in store.export() if (h.article_id, h.idx) == key]

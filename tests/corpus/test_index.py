"""sayso.corpus.index: the corpus index kept in the store (SQLite and PostgreSQL), rebuilt
as articles arrive, with curation that outlives every rebuild."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sayso.batch import extract_documents
from sayso.corpus.curation import CurationOp
from sayso.corpus.index import curate, rebuild, update
from sayso.errors import SaysoError
from sayso.ingest import Document
from sayso.store import open_store

REPRINT = (
    "“Bakhmut is a limited breakthrough but having lost several fights, Russia has to show strength "
    "somewhere,” Markku J. Kivinen said, as Newsweek reported on Tuesday.\n\n"
    "The Finnish professor added that the fighting would go on."
)


@pytest.fixture(scope="module")
def reprint(nlp):
    """Another outlet, a day later, quoting the example's Kivinen under a longer form of his name."""
    document = Document("reprint", REPRINT, "reprint.txt", outlet="Helsinki Daily",
                        published=datetime(2022, 12, 28, 8, tzinfo=UTC))
    return [r for batch in extract_documents([document], nlp=nlp) for r in batch]


def _rows(store, sql: str, params=()):
    return store.query(sql, params)


def test_index_gives_every_named_attribution_one_speaker_joined_across_articles(store_url, corpus, reprint):
    with open_store(store_url) as store:
        store.write([*corpus, *reprint])
        index = rebuild(store)
        named = _rows(store, "SELECT count(*) FROM attributions WHERE speaker IS NOT NULL")[0][0]
        linked = _rows(store, "SELECT count(*) FROM attribution_speakers")[0][0]
        kivinen = store.speakers(speaker="Kivinen")
    assert linked == named > 20
    [speaker] = kivinen
    assert {speaker.name, *speaker.aliases} == {"Markku Kivinen", "Markku J. Kivinen"}
    assert speaker.articles == 2 and "Aleksanteri Institute" in speaker.role
    assert index.registry.find("Markku J. Kivinen")[0].id == speaker.id


def test_index_every_name_form_of_a_speaker_selects_the_same_attributions_everywhere(store_url, corpus, reprint):
    from sayso.corpus.stats import corpus_stats, quotes_over_time
    from sayso.store import Filters

    with open_store(store_url) as store:
        store.write([*corpus, *reprint])
        rebuild(store)
        [kivinen] = store.speakers(speaker="Kivinen")
        selected = {}
        for name in ("Markku Kivinen", "markku j. kivinen", "Markku J. Kivinen", kivinen.id):
            hits = store.search("", speaker=name, limit=1000)
            selected[name] = (sorted((h.article_id, h.idx) for h in hits), quotes_over_time(store, speaker=name).total)
            assert {h.speaker_id for h in hits} == {kivinen.id} and {h.speaker_canonical for h in hits} == {kivinen.name}
        exported = [h for h in store.export(Filters()) if h.speaker_id == kivinen.id]
        stats_top = corpus_stats(store, top=100)[0].top_speakers
        listed = store.speakers()
    assert len({repr(v) for v in selected.values()}) == 1
    assert len(selected["Markku Kivinen"][0]) == kivinen.attributions == len(exported) > 1
    assert {h.speaker for h in exported} == {"Markku Kivinen", "Markku J. Kivinen"}  # as written, one person
    assert [(s.name, s.count) for s in stats_top] == [(s.name, s.attributions) for s in listed[:100]]


def test_index_a_name_given_with_stray_white_space_names_the_same_speaker(store_url, corpus, reprint):
    from sayso.corpus.stats import quotes_over_time
    from sayso.store import Filters

    with open_store(store_url) as store:
        store.write([*corpus, *reprint])
        rebuild(store)
        [kivinen] = store.speakers(speaker="Kivinen")
        for name in (" Markku Kivinen", "markku  j. kivinen ", "\tMarkku J.\nKivinen"):
            assert store.speaker(name).id == kivinen.id
            assert store.count(Filters(speaker=name)) == kivinen.attributions > 1
            assert quotes_over_time(store, speaker=name).total == kivinen.attributions
        assert store.find_speakers("  ") == []


def test_index_a_name_form_of_several_speakers_is_refused_where_one_is_needed(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus)
        rebuild(store)
        assert store.speaker("no such person at all") is None
        several = store.find_speakers("a")  # a part of many names
        assert len(several) > 1
        with pytest.raises(SaysoError, match=r"\[E112\]") as raised:
            store.speaker("a", partial=True)
    assert raised.value.code == "E112"


def test_index_clusters_a_quote_across_outlets_with_its_first_appearance(store_url, corpus, reprint):
    with open_store(store_url) as store:
        store.write([*reprint, *corpus])  # arrival order does not decide what came first
        rebuild(store)
        clusters = _rows(store, "SELECT id, text, first_outlet, first_published, outlets FROM quote_clusters"
                                " WHERE outlets >= 2")
    [(cluster_id, text, first_outlet, first_published, outlets)] = clusters
    assert "limited breakthrough" in text and outlets == 2
    assert (first_outlet, first_published) == ("Newsweek", "2022-12-27")


def test_relays_are_stored_with_their_article(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus)
        rows = _rows(store, "SELECT step, name, role, platform, item FROM relays ORDER BY article_id, idx, position")
    chain = [row for row in rows if row[1] in ("Christo Grozev", "Anton Gerashchenko")]
    assert chain[:2] == [
        ("origin", "Christo Grozev", "journalist", "Twitter", "video"),
        ("relay", "Anton Gerashchenko", "advisor to the Ukrainian Ministry of Internal Affairs", None, "video"),
    ]


def test_curation_outlives_reingesting_and_rebuilding(store_url, corpus, reprint):
    with open_store(store_url) as store:
        store.write(corpus)
        rebuild(store)
        [kept] = curate(store, [CurationOp("merge", "Serhiy Haidai", "Christo Grozev")])
        assert "Christo Grozev" in kept.aliases
        store.write([*corpus, *reprint])  # the same articles again, and a new one
        assert update(store) is not None
        [haidai] = store.speakers(speaker="Haidai")
        assert "Christo Grozev" in haidai.aliases and not store.speakers(speaker="Grozev")[1:]
        assert _rows(store, "SELECT op, target, name FROM curation") == [("merge", "Serhiy Haidai", "Christo Grozev")]


def test_curation_that_does_not_apply_is_refused_and_not_kept(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus)
        rebuild(store)
        with pytest.raises(SaysoError, match="E080"):
            curate(store, [CurationOp("alias", "Serhiy Haidai", "Haidai"), CurationOp("merge", "Nobody Atall", "X")])
        assert store.curation().ops == []


def test_update_catches_up_after_a_run_stopped_before_the_index_and_is_then_a_no_op(store_url, corpus):
    with open_store(store_url) as store:
        store.write(corpus[:2])
        rebuild(store)
        store.write(corpus[2:])  # as if killed between the last batch and the index
        caught_up = update(store)
        assert caught_up is not None
        indexed = set().union(*(s.articles for s in caught_up.registry))
        assert indexed == {r.document.article_id for r in corpus if any(a.speaker for a in r.attributions)}
        assert update(store) is None

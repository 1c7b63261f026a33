"""sayso.corpus.clusters: the same quote across articles (exact, near-duplicate, fragment), grouped as it arrives."""

import json
import re
from datetime import date

import pytest

from sayso.corpus.clusters import Quote, QuoteClusters, quote_text, words_of

# Real quotes from PolNeAR articles, as different outlets printed them.
COAL = [
    ("usa-today", "We're going to put a lot of coal miners and coal companies out of business."),
    ("politico", "going to put a lot of coal miners and coal companies out of business,"),
    ("breitbart", "“We’re going to put a lot of coal companies and coal miners out of business.”"),
    ("west-journal", "WE'RE GOING TO PUT A LOT OF COAL MINERS AND COAL COMPANIES OUT OF BUSINESS!"),
]
BENGHAZI = [
    ("wash-post", '"What difference - at this point, what difference does it make?"'),
    ("breitbart", "“What difference at this point does it make?”"),
]
ISIS_FULL = ("“No, I meant he’s the founder of ISIS. I do. He was the most valuable player. "
             "I give him the most valuable player award,”")
ISIS_FRAGMENT = "“No, I meant he’s the founder of ISIS.”"
# Different statements that share the slogan, and the slogan alone.
SLOGAN = [
    ("I am greatly honored by the endorsement of Senator Cruz. We have fought the battle and he was a tough and "
     "brilliant opponent. I look forward to working with him for many years to come in order to make America great "
     "again."),
    "In our shared mission to make America great again, I support and endorse our speaker of the House, Paul Ryan,",
    ("When Donald Trump says ‘Let’s make America great again,’ that is code for let’s take America backward, back to "
     "a time when opportunity and dignity were reserved for some,"),
    "And let’s make America great again.",
]
# Two statements sharing only a stock phrase (USA Today, 2016-10-03; Breitbart quoting John Podesta, 2016-11-06).
STOCK_PHRASE = [
    ("usa-today", "that Trump will not be the next president of the United States"),
    ("breitbart", "is going to be the next president of the United States."),
]


def quotes(pairs: list[tuple[str, str]], day: int = 1) -> list[Quote]:
    return [Quote(f"{outlet}-{i}", text, outlet, date(2016, 5, day + i)) for i, (outlet, text) in enumerate(pairs)]


def test_clusters_exact_near_and_fragment_forms_of_one_quote_join():
    clusters = QuoteClusters()
    ids = clusters.add_many(quotes(COAL))
    assert len(set(ids)) == 1
    cluster = clusters.cluster_of(COAL[0][1])
    assert cluster.outlet_count == 4 and len(cluster.members) == 4
    # Wordings differing only in case and punctuation count as one, under the first printed.
    assert cluster.variants == {COAL[0][1]: 2, COAL[1][1]: 1, COAL[2][1]: 1}


def test_clusters_near_duplicate_with_a_dropped_repetition_joins():
    clusters = QuoteClusters()
    first, second = clusters.add_many(quotes(BENGHAZI))
    assert first == second


def test_clusters_full_statement_arriving_after_its_fragment_joins_and_becomes_the_text():
    clusters = QuoteClusters()
    fragment = clusters.add(Quote("huff-post-1", ISIS_FRAGMENT, "huff-post", date(2016, 8, 11)))
    full = clusters.add(Quote("wash-post-1", ISIS_FULL, "wash-post", date(2016, 8, 12)))
    assert fragment == full
    cluster = clusters.cluster_of(ISIS_FRAGMENT)
    assert cluster.text == ISIS_FULL
    assert cluster.first_seen.article_id == "huff-post-1"


def test_clusters_a_full_statement_joins_the_clusters_of_two_fragments_into_the_older_one():
    clusters = QuoteClusters()
    first = clusters.add(Quote("a", "“No, I meant he’s the founder of ISIS.”"))
    second = clusters.add(Quote("b", "He was the most valuable player. I give him the most valuable player award"))
    assert first != second
    assert clusters.add(Quote("c", ISIS_FULL)) == first
    assert clusters.resolve(second) == first and clusters.merged == {second: first}
    assert len(clusters) == 1 and len(clusters.cluster_of(ISIS_FULL).members) == 3


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [3, 0, 1, 2]])
def test_clusters_different_quotes_sharing_a_slogan_stay_apart(order):
    clusters = QuoteClusters()
    ids = clusters.add_many([Quote(f"a{i}", SLOGAN[i], "nyt") for i in order])
    assert len(set(ids)) == 4


@pytest.fixture(scope="module")
def about_presidents(polnear_train_path) -> list[Quote]:
    """The sentences of PolNeAR's training articles that name a president: a corpus in which "the next
    president of the United States" is stock wording, held by dozens of different statements."""
    with polnear_train_path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    sentences = [s for text in texts for s in re.split(r"(?<=[.?!”])\s+|\n+", text) if "resident" in s]
    return [Quote(f"train-{i}", s, "train") for i, s in enumerate(sentences)]


def test_clusters_quotes_sharing_only_a_stock_phrase_stay_apart(about_presidents):
    clusters = QuoteClusters()
    clusters.add_many(about_presidents)
    trump, podesta = clusters.add_many(quotes(STOCK_PHRASE))
    assert trump is not None and podesta is not None
    assert clusters.resolve(trump) != clusters.resolve(podesta)
    assert "breitbart" not in clusters.cluster_of(STOCK_PHRASE[0][1]).outlets


def test_clusters_an_edited_copy_of_a_quote_in_common_words_still_joins_among_stock_phrases(about_presidents):
    clusters = QuoteClusters()
    clusters.add_many(about_presidents)
    first, second = clusters.add_many(quotes(BENGHAZI))
    assert clusters.resolve(first) == clusters.resolve(second)
    assert clusters.cluster_of(BENGHAZI[0][1]).outlets == {"wash-post", "breitbart"}


def test_clusters_first_seen_is_the_earliest_publication_with_ties_to_the_lowest_article_id():
    clusters = QuoteClusters()
    text = COAL[0][1]
    clusters.add_many([
        Quote("usa-today-b", text, "usa-today", date(2016, 5, 3)),
        Quote("politico-z", text, "politico", date(2016, 5, 2)),
        Quote("nyt-a", text, "nyt", date(2016, 5, 2)),
        Quote("wire", text, "ap", None),
    ])
    first = clusters.cluster_of(text).first_seen
    assert (first.article_id, first.outlet, first.published) == ("nyt-a", "nyt", date(2016, 5, 2))


def test_clusters_are_deterministic_and_independent_of_batching():
    everything = quotes(COAL) + quotes(BENGHAZI, day=9) + [Quote(f"s{i}", t, "nyt") for i, t in enumerate(SLOGAN)]
    batched, single = QuoteClusters(), QuoteClusters()
    ids = batched.add_many(everything)
    assert [single.add(q) for q in everything] == ids
    assert ids == QuoteClusters().add_many(everything)
    assert sorted(c.id for c in batched.spanning(2)) == sorted({ids[0], ids[4]})


def test_clusters_short_quotes_differing_in_a_word_stay_apart():
    clusters = QuoteClusters()
    ids = clusters.add_many([Quote("a", "“to stand up and be active.”"), Quote("b", "“stand up and be counted.”"),
                             Quote("c", "“Stand up and be counted!”")])
    assert ids[0] != ids[1] == ids[2]


def test_clusters_short_quotes_are_not_clustered():
    clusters = QuoteClusters()
    assert clusters.add(Quote("a", "“the bunker grandpa.”")) is None
    assert len(clusters) == 0


def test_clusters_words_ignore_quotation_marks_case_accents_and_apostrophes():
    assert words_of("“We’re going to WIN,” Zelenskýj said") == ["were", "going", "to", "win", "zelenskyj", "said"]
    assert words_of("''We're going to win''") == words_of('"we’re going to win."')


def test_clusters_quote_text_keeps_direct_quotes_the_quoted_words_of_mixed_ones_and_long_indirect_ones(
    bakhmut_attributions,
):
    found = {name: quote_text(a) for name, a in bakhmut_attributions.items()}
    assert found["kivinen_said"].startswith("“Bakhmut is a limited breakthrough")
    assert found["he_added"] == "can only slightly halt the offensive of the [Ukraine] Armed Forces,"
    assert found["kadyrov"] is None  # "erased from the earth" is too short to tell one quote from another
    assert found["kivinen_told"].startswith("that Russia’s key intention")
    assert found["reno_he_said"] is None  # a short paraphrase

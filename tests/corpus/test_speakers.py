"""sayso.corpus.speakers: one speaker per person across articles, joined only with evidence; curation replays."""

from datetime import date, timedelta

import pytest

from sayso.corpus.curation import Curation, read_aliases
from sayso.corpus.entries import SpeakerMention
from sayso.corpus.speakers import SpeakerRegistry
from sayso.errors import SaysoError

HAIDAI_ROLE = "governor of the Russian-occupied Luhansk region"


def mention(name: str, article: str, day: int = 1, role: str | None = None, kind: str = "person",
            outlet: str = "nyt") -> SpeakerMention:
    return SpeakerMention(name, kind, role, article, outlet, date(2016, 9, 1) + timedelta(days=day - 1))


def build(articles: dict[str, list[str]]) -> tuple[SpeakerRegistry, dict[tuple[str, str], str]]:
    """A registry of ``{article: [speaker names]}``, in order; the id each (article, name) got."""
    registry, ids = SpeakerRegistry(), {}
    for day, (article, names) in enumerate(articles.items(), start=1):
        for name, speaker_id in zip(names, registry.add_article([mention(n, article, day) for n in names])):
            ids[(article, name)] = speaker_id
    return registry, ids


def test_registry_keeps_the_trump_and_clinton_families_apart():
    registry, ids = build({
        "a1": ["Donald Trump", "Donald J. Trump", "Ivanka Trump"],
        "a2": ["Donald Trump Jr.", "Trump Jr.", "Melania Trump", "Donald Trump"],
        "a3": ["Hillary Clinton", "Bill Clinton", "Chelsea Clinton", "Hillary Rodham Clinton"],
    })
    donald = {ids[("a1", "Donald Trump")], ids[("a1", "Donald J. Trump")], ids[("a2", "Donald Trump")]}
    hillary = {ids[("a3", "Hillary Clinton")], ids[("a3", "Hillary Rodham Clinton")]}
    assert len(donald) == 1 and len(hillary) == 1
    assert ids[("a2", "Donald Trump Jr.")] == ids[("a2", "Trump Jr.")]
    others = [ids[k] for k in [("a2", "Donald Trump Jr."), ("a1", "Ivanka Trump"), ("a2", "Melania Trump"),
                               ("a3", "Bill Clinton"), ("a3", "Chelsea Clinton")]]
    assert len({*donald, *hillary, *others}) == 7
    assert registry.get(donald.pop()).name == "Donald Trump"


def test_registry_merges_transliterations_across_articles():
    registry, ids = build({
        "bakhmut": ["Serhiy Haidai", "Haidai"],
        "kyiv-independent": ["Serhii Haidai", "Volodymyr Zelenskyy"],
        "reuters": ["Volodymyr Zelensky", "Zelenskiy"],
    })
    assert ids[("bakhmut", "Serhiy Haidai")] == ids[("kyiv-independent", "Serhii Haidai")] == ids[("bakhmut", "Haidai")]
    zelensky = ids[("kyiv-independent", "Volodymyr Zelenskyy")]
    assert zelensky == ids[("reuters", "Volodymyr Zelensky")] == ids[("reuters", "Zelenskiy")]
    assert set(registry.get(zelensky).aliases) == {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskiy"}


def test_registry_ids_do_not_depend_on_which_spelling_came_first():
    first, _ = build({"a": ["Serhiy Haidai"], "b": ["Serhii Haidai"]})
    second, _ = build({"b": ["Serhii Haidai"], "a": ["Serhiy Haidai"]})
    assert [s.id for s in first] == [s.id for s in second]


def test_registry_bare_surname_takes_the_only_full_name_of_its_article():
    # Hillary dominates the corpus, but this article names only Bill.
    articles = {f"h{i}": ["Hillary Clinton"] for i in range(12)}
    articles["bill"] = ["Bill Clinton", "Clinton"]
    _, ids = build(articles)
    assert ids[("bill", "Clinton")] == ids[("bill", "Bill Clinton")] != ids[("h0", "Hillary Clinton")]


def test_registry_bare_surname_goes_to_the_dominant_full_name_only_without_a_rival():
    dominant = {f"h{i}": ["Hillary Clinton"] for i in range(12)} | {"c": ["Chelsea Clinton"], "x": ["Clinton"]}
    _, ids = build(dominant)
    assert ids[("x", "Clinton")] == ids[("h0", "Hillary Clinton")]
    rivals = {f"h{i}": ["Hillary Clinton"] for i in range(12)} | {f"b{i}": ["Bill Clinton"] for i in range(12)}
    registry, ids = build(rivals | {"x": ["Clinton"]})
    bare = ids[("x", "Clinton")]
    assert bare not in (ids[("h0", "Hillary Clinton")], ids[("b0", "Bill Clinton")])
    assert registry.get(bare).name == "Clinton"


def test_registry_bare_surname_needs_a_well_attested_full_name_outside_its_article():
    _, ids = build({"clarkston": ["Ted Terry"], "politico": ["Terry"]})
    assert ids[("politico", "Terry")] != ids[("clarkston", "Ted Terry")]
    _, ids = build({f"c{i}": ["Ted Terry"] for i in range(10)} | {"politico": ["Terry"]})
    assert ids[("politico", "Terry")] == ids[("c0", "Ted Terry")]


def test_registry_bare_surname_counts_articles_not_mentions_of_the_full_name():
    # PolNeAR: a few articles quoting Bobby Scott often made him the "Scott" of an article about
    # Keith Lamont Scott. Mentions in one article are one source; articles are the evidence.
    profiles = {f"profile{i}": ["Bobby Scott"] * 6 for i in range(3)}
    registry, ids = build(profiles | {"charlotte": ["Scott"]})
    assert registry.get(ids[("profile0", "Bobby Scott")]).full_mentions == 18
    assert ids[("charlotte", "Scott")] != ids[("profile0", "Bobby Scott")]
    _, ids = build({f"a{i}": ["Bobby Scott"] for i in range(5)} | {"charlotte": ["Scott"]})
    assert ids[("charlotte", "Scott")] == ids[("a0", "Bobby Scott")]


def test_registry_gender_honorific_is_evidence_for_a_bare_surname():
    articles = {f"h{i}": ["Hillary Clinton", "Mrs. Clinton"] for i in range(40)}
    articles |= {f"b{i}": ["Bill Clinton"] for i in range(10)} | {"m": ["Mr. Clinton"], "f": ["Mrs. Clinton"]}
    registry, ids = build(articles)
    hillary, bill = ids[("h0", "Hillary Clinton")], ids[("b0", "Bill Clinton")]
    assert registry.get(hillary).gender == "f"
    assert ids[("f", "Mrs. Clinton")] == hillary
    assert ids[("m", "Mr. Clinton")] == bill  # not the dominant Hillary: "Mr." rules her out


def test_registry_settle_joins_a_bare_name_seen_before_its_full_name():
    registry, ids = build({"early": ["Haidai"]} | {f"a{i}": ["Serhiy Haidai"] for i in range(10)})
    early = ids[("early", "Haidai")]
    assert early != ids[("a0", "Serhiy Haidai")]
    assert registry.settle() == 1
    assert registry.resolve(early) == ids[("a0", "Serhiy Haidai")]
    assert registry.get(early).mentions == 11


def test_registry_keeps_roles_with_first_and_last_day_and_counts():
    registry = SpeakerRegistry()
    for day, (name, role) in enumerate([("Serhiy Haidai", HAIDAI_ROLE), ("Serhii Haidai", "Luhansk governor"),
                                        ("Serhiy Haidai", HAIDAI_ROLE)], start=3):
        speaker_id = registry.add(mention(name, f"a{day}", day, role, outlet="newsweek" if day < 5 else "kyiv"))
    speaker = registry.get(speaker_id)
    top = speaker.roles[0]
    assert (top.role, top.count, top.first, top.last) == (HAIDAI_ROLE, 2, date(2016, 9, 3), date(2016, 9, 5))
    assert speaker.mentions == 3 and speaker.articles == {"a3", "a4", "a5"}
    assert speaker.outlets == {"newsweek": 2, "kyiv": 1}
    assert (speaker.first_seen, speaker.last_seen) == (date(2016, 9, 3), date(2016, 9, 5))


def test_registry_organisations_join_by_name_without_the_article():
    registry = SpeakerRegistry()
    first = registry.add(mention("The New York Times", "a", kind="organisation"))
    assert registry.add(mention("New York Times", "b", kind="organisation")) == first
    assert registry.add(mention("F.B.I.", "c", kind="organisation")) == registry.add(mention("FBI", "d", kind="organisation"))
    assert registry.add(SpeakerMention("", "anonymous", None, "e")) is None


def test_registry_a_full_person_name_typed_otherwise_joins_the_person():
    registry = SpeakerRegistry()
    early = registry.add(mention("Ivanka Trump", "a", kind="unknown"))
    person = registry.add(mention("Ivanka Trump", "b"))
    assert registry.add(mention("Ivanka Trump", "c", kind="organisation")) == person != early
    campaign = registry.add(mention("Trump", "d", kind="organisation"))  # a bare name could be the campaign
    assert registry.settle() == 1
    assert registry.resolve(early) == person and registry.get(person).mentions == 3
    assert registry.get(campaign).type == "organisation"


def test_registry_a_lone_surname_typed_otherwise_joins_the_full_name_the_corpus_is_sure_of():
    # The small tagger calls "Wexley said" an organisation; five articles name Tamsin Wexley in full.
    articles = {f"a{n}": ["Tamsin Wexley"] for n in range(5)}
    registry, ids = build(articles)
    lone = registry.add(mention("Wexley", "b", kind="organisation"))
    assert registry.settle() == 1
    assert registry.resolve(lone) == ids[("a0", "Tamsin Wexley")]


def test_registry_a_lone_surname_typed_otherwise_stays_without_a_well_attested_full_name():
    registry, ids = build({"a": ["Tamsin Wexley"], "b": ["Tamsin Wexley"]})
    lone = registry.add(mention("Wexley", "c", kind="organisation"))
    registry.settle()
    assert registry.resolve(lone) != ids[("a", "Tamsin Wexley")]


def test_registry_a_full_name_typed_otherwise_is_the_person_its_article_calls_mr():
    registry = SpeakerRegistry()
    ids = registry.add_article([
        mention("Chidubem Okafor", "a", kind="organisation"), mention("Mr Okafor", "a"), mention("Okafor", "a"),
    ])
    assert len(set(ids)) == 1
    assert registry.get(ids[0]).type == "person" and registry.get(ids[0]).name == "Chidubem Okafor"
    # Without the article's own surname the organisation stays one.
    assert registry.add(mention("Okafor Holdings", "b", kind="organisation")) != ids[0]


def test_registry_speakers_from_the_example_article(bakhmut_doc):
    registry = SpeakerRegistry()
    mentions = [SpeakerMention.of(a, "bakhmut", "Newsweek", date(2022, 12, 27)) for a in bakhmut_doc._.attributions]
    registry.add_article([m for m in mentions if m is not None])
    names = {s.name: s for s in registry}
    assert {"Serhiy Haidai", "Markku Kivinen", "William Reno", "Christo Grozev"} <= set(names)
    assert names["Serhiy Haidai"].roles[0].role == HAIDAI_ROLE
    assert names["Serhiy Haidai"].roles[0].first == date(2022, 12, 27)


# Curation.

def corpus() -> dict[str, list[str]]:
    return {
        "a1": ["Donald Trump", "Trump"], "a2": ["Donald J. Trump"], "a3": ["Volodymyr Zelensky"],
        "a4": ["Wolodymyr Selenskyj"], "a5": ["Eric Trump"],
    }


def test_registry_merge_joins_two_speakers_and_the_old_id_redirects():
    registry, ids = build(corpus())
    zelensky, selenskyj = ids[("a3", "Volodymyr Zelensky")], ids[("a4", "Wolodymyr Selenskyj")]
    assert zelensky != selenskyj  # Z/S is beyond the generic rules
    kept = registry.merge("Volodymyr Zelensky", "Wolodymyr Selenskyj")
    assert kept.id == zelensky and registry.resolve(selenskyj) == zelensky
    later = registry.add(mention("Wolodymyr Selenskyj", "a6"))
    assert later == zelensky and registry.get(zelensky).mentions == 3


def test_registry_split_takes_a_name_form_out_for_good():
    registry, ids = build(corpus())
    donald = ids[("a1", "Donald Trump")]
    assert ids[("a1", "Trump")] == donald
    split = registry.split("Donald Trump", "Trump")
    assert split.id != donald and set(split.aliases) == {"Trump"}
    assert registry.add(mention("Trump", "a7")) == split.id
    assert "Trump" not in registry.get(donald).aliases


def test_registry_alias_csv_sends_a_form_to_its_canonical_speaker():
    registry, ids = build(corpus())
    for op in read_aliases("alias,canonical\nWolodymyr Selenskyj,Volodymyr Zelensky\n", "aliases.csv"):
        registry.alias(op.name, op.target)
    zelensky = ids[("a3", "Volodymyr Zelensky")]
    assert registry.resolve(ids[("a4", "Wolodymyr Selenskyj")]) == zelensky
    assert registry.add(mention("Wolodymyr Selenskyj", "a8")) == zelensky
    assert registry.get(zelensky).name == "Volodymyr Zelensky"


def test_registry_curation_survives_a_rebuild():
    registry, _ = build(corpus())
    registry.merge("Volodymyr Zelensky", "Wolodymyr Selenskyj")
    registry.split("Donald Trump", "Trump")
    registry.alias("Eric F. Trump", "Eric Trump")
    rows = registry.curation.to_rows()  # what the store keeps
    rebuilt, _ = build(corpus())
    assert rebuilt.apply(Curation.from_rows(rows)) == []
    def snapshot(r: SpeakerRegistry) -> list:
        return sorted((s.id, sorted(s.aliases), s.mentions) for s in r)

    assert snapshot(rebuilt) == snapshot(registry)
    assert rebuilt.add(mention("Eric F. Trump", "a9")) == registry.find("Eric Trump")[0].id


def test_registry_curation_errors_name_the_problem():
    registry, _ = build(corpus() | {"a6": ["Ivanka Trump"], "a7": ["Ivanka Trump"]})
    with pytest.raises(SaysoError, match=r"\[E080\].*'Jared Kushner'"):
        registry.merge("Donald Trump", "Jared Kushner")
    registry.split("Donald Trump", "Trump")
    registry.add(mention("Trump", "a8"))
    with pytest.raises(SaysoError, match=r"\[E082\]"):
        registry.split("Ivanka Trump", "Ivanka Trump")
    assert registry.apply(Curation.from_rows([("merge", "Donald Trump", "Nobody")]))[0].startswith("[E080]")


def test_registry_an_ambiguous_name_asks_for_an_id():
    registry, ids = build({"b": ["Bill Clinton", "Clinton"], "h": ["Hillary Clinton", "Clinton"], "c": ["Chelsea Clinton"]})
    bill, hillary = ids[("b", "Bill Clinton")], ids[("h", "Hillary Clinton")]
    assert {s.id for s in registry.find("Clinton")} == {bill, hillary}
    with pytest.raises(SaysoError, match=r"\[E081\] 'Clinton' names 2 speakers"):
        registry.merge("Clinton", "Chelsea Clinton")
    assert registry.merge(hillary, "Chelsea Clinton").id == hillary

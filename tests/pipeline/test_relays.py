"""sayso.pipeline.relays (component sayso_relays): who posted what an attribution quotes, on which platform, and who passed it on."""

from sayso.pipeline.relays import find_relays
from sayso.records import flat

GERASHCHENKO_ROLE = "advisor to the Ukrainian Ministry of Internal Affairs"


def test_relays_example_video_posted_by_grozev_and_reposted_by_gerashchenko(bakhmut_doc):
    attributions = flat(bakhmut_doc._.attributions)
    found = find_relays(bakhmut_doc, attributions)
    assert len(found) == 1
    provenance = found[0]
    assert attributions[provenance.attribution].cue[0].text == "reportedly shows"
    assert provenance.item == "video"
    origin = provenance.origin
    assert (origin.name, origin.text, origin.role, origin.platform) == (
        "Christo Grozev", "journalist Christo Grozev", "journalist", "Twitter"
    )
    assert origin.evidence.text == "posted Monday on Twitter by journalist Christo Grozev"
    assert bakhmut_doc.text[origin.evidence.start:origin.evidence.end] == origin.evidence.text
    (relay,) = provenance.relays
    assert (relay.name, relay.role, relay.platform) == ("Anton Gerashchenko", GERASHCHENKO_ROLE, None)
    assert relay.evidence.text == f"The video was later reposted by Anton Gerashchenko, {GERASHCHENKO_ROLE}"


def test_relays_component_relays_the_top_level_attributions_not_the_nested(bakhmut_doc):
    assert any(a.parent is not None for a in bakhmut_doc._.attributions)
    assert bakhmut_doc._.relays == find_relays(bakhmut_doc, flat(bakhmut_doc._.attributions))
    assert bakhmut_doc._.relays[0].origin.name == "Christo Grozev"


def test_relays_survive_a_docbin_round_trip(nlp, bakhmut_doc):
    from spacy.tokens import DocBin

    stored = DocBin(store_user_data=True)
    stored.add(bakhmut_doc)
    restored = next(DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab))
    assert list(restored._.relays) == bakhmut_doc._.relays
    assert restored._.relays[0].relays[0].evidence.text.startswith("The video was later reposted")


def test_relays_a_later_mention_beyond_the_paragraph_gap_is_another_video(bakhmut_doc):
    (provenance,) = find_relays(bakhmut_doc, list(bakhmut_doc._.attributions), max_paragraph_gap=0)
    assert provenance.origin.name == "Christo Grozev" and provenance.relays == ()


def test_relays_poster_named_in_a_phrase_on_the_cue(parse, attribute):
    text = "And so, when those two come in conflict, God's rules always win,\" Rubio said in a video posted by CBN."
    doc = parse(text)
    (provenance,) = find_relays(doc, [attribute(text, "when those two come in conflict", "said", "Rubio", "direct")])
    assert (provenance.item, provenance.origin.name, provenance.origin.platform) == ("video", "CBN", None)
    assert provenance.origin.evidence.text == "posted by CBN"


def test_relays_poster_of_an_according_to_source(parse, attribute):
    text = (
        "The stockpiling of seven-figure checks before Bush even declared his candidacy spurred a flurry of anxious "
        "conversations between Clinton and her staff, according to hacked emails posted by WikiLeaks."
    )
    attribution = attribute(text, "The stockpiling of seven-figure checks", "according to",
                            "hacked emails posted by WikiLeaks", "according_to")
    (provenance,) = find_relays(parse(text), [attribution])
    assert (provenance.item, provenance.origin.name) == ("email", "WikiLeaks")


def test_relays_a_retweet_names_the_retweeter_and_where_the_message_came_from(parse, attribute):
    text = ("She retweeted a message from her senior policy advisor, Ann O'Leary, that read: \"Senate Dems are right: "
            "Public Health emergencies are not the place to inject harmful partisan policies.\"")
    attribution = attribute(text, "Senate Dems are right", "retweeted", "She", "direct")
    (provenance,) = find_relays(parse(text), [attribution])
    assert (provenance.item, provenance.origin.name, provenance.origin.role) == (
        "message", "Ann O'Leary", "senior policy advisor"
    )
    (relay,) = provenance.relays
    assert (relay.text, relay.platform) == ("She", "Twitter")


def test_relays_a_published_poll_names_no_poster_and_gives_no_record(parse, attribute):
    text = ("Mr. Obama's approval rating stands at 52 percent, according to a New York Times/CBS News poll "
            "released last week.")
    attribution = attribute(text, "Mr. Obama's approval rating stands at 52 percent", "according to",
                            "a New York Times/CBS News poll released last week", "according_to")
    assert find_relays(parse(text), [attribution]) == []

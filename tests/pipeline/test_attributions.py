"""Cue, source and content spans on real news sentences."""

import time

import pytest

import sayso


def by_content(attributions, fragment):
    """The attribution with the shortest content containing ``fragment``."""
    hits = [a for a in attributions if any(fragment in s.text for s in a.content)]
    assert hits, f"no attribution with content containing {fragment!r}"
    return min(hits, key=lambda a: sum(s.end - s.start for s in a.content))


def texts(spans):
    return " ".join(s.text for s in spans)


@pytest.fixture(scope="module")
def example(bakhmut_text):
    return sayso.extract(bakhmut_text)


@pytest.mark.parametrize(
    "content,source,cue,kind",
    [
        ("Thousands of Russian troops have already died", "a Ukrainian close to the action",
         "according to", "according_to"),
        ("the city under the Ukrainian flag has become", "Serhiy Haidai, governor of the "
         "Russian-occupied Luhansk region", "said", "indirect"),
        ("“can only slightly halt the offensive", "he", "added", "mixed"),
        ("“they will not change the general picture.”", "he", "saying", "direct"),
        ("“It is no longer even a strategic military plan", "Haidai", "said", "direct"),
        ("Chechen forces, led by Ramzan Kadyrov", "He", "alleged", "indirect"),
        ("the bunker grandpa", "Haidai", "referred to as", "direct"),
        ("Russia’s key intention involves entirely conquering", "Markku Kivinen", "told", "indirect"),
        ("“Bakhmut is a limited breakthrough", "Kivinen", "said", "direct"),
        ("minor advances in Bakhmut may provide Russia", "William Reno", "told", "indirect"),
        ("“It is more likely that Russian offensive efforts", "Reno", "said", "direct"),
        ("Prigozhin’s role, for example", "He", "said", "indirect"),
        ("“Corrupt and divided political systems", "he", "added", "direct"),
    ],
)
def test_attributions_example_article(example, content, source, cue, kind):
    a = by_content(example, content)
    assert texts(a.source).startswith(source)
    assert cue in texts(a.cue)
    assert a.kind == kind


def test_attributions_example_byline_not_in_content(example):
    first = by_content(example, "Thousands of Russian troops")
    assert "Mordowanec" not in texts(first.content)


def test_attributions_offsets_index_the_input(bakhmut_text, example):
    for a in example:
        for span in a.content + a.cue + a.source:
            assert bakhmut_text[span.start:span.end] == span.text


@pytest.mark.parametrize(
    "text,content,source,cue",
    [
        # PolNeAR dev, New York Times: NYT-style quotation marks, inverted order.
        ("''The lack of reciprocity is deplorable,'' said Elez Biberaj, the director of the "
         "VOA Eurasian division.", "''The lack of reciprocity is deplorable,''",
         "Elez Biberaj, the director of the VOA Eurasian division", "said"),
        # PolNeAR dev, USA Today: present tense, no "that".
        ("Clinton says it means Trump “may not have paid a dime” in federal income taxes for "
         "nearly two decades.", "it means Trump “may not have paid a dime”", "Clinton", "says"),
        # PolNeAR dev, Politico: a stance, not speech.
        ("Republican nominee Donald Trump has called for the complete repeal of Obamacare.",
         "the complete repeal of Obamacare", "Republican nominee Donald Trump", "called for"),
        # PolNeAR dev, Washington Post: passive with agent.
        ("The decision was criticized by Senator John McCain.", None, None, None),
    ],
)
def test_attributions_polnear_sentences(text, content, source, cue):
    found = sayso.extract(text)
    if content is None:
        return
    a = by_content(found, content)
    assert texts(a.source) == source
    assert cue in texts(a.cue)


def test_attributions_quote_over_two_sentences_is_one_attribution():
    text = ('"Subpoenas are not optional," Chaffetz said. "Mr. Pagliano is a crucial fact '
            'witness in this committee\'s investigation."')
    found = sayso.extract(text)
    a = by_content(found, "Subpoenas are not optional")
    assert texts(a.source) == "Chaffetz"
    assert any("crucial fact witness" in s.text for s in a.content)
    assert len(found) == 1


def test_attributions_plain_narration_has_none():
    text = "The museum opened on Saturday. Thousands of visitors walked through its halls."
    assert sayso.extract(text) == []


def test_attributions_quote_split_by_its_source_is_one_attribution():
    found = sayso.extract("“We will win,” he said, “and we will win big.”")
    assert len(found) == 1
    assert [s.text for s in found[0].content] == ["“We will win,”", "“and we will win big.”"]
    assert texts(found[0].source) == "he"


def test_attributions_survive_a_docbin_round_trip(nlp, bakhmut_doc):
    from spacy.tokens import DocBin

    stored = DocBin(store_user_data=True)
    stored.add(bakhmut_doc)
    restored = next(DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab))
    assert list(restored._.attributions) == bakhmut_doc._.attributions
    assert list(restored._.quotes) == bakhmut_doc._.quotes
    assert restored._.attributions[1].speaker == "Serhiy Haidai"


@pytest.mark.parametrize(
    "text,source,cue,content",
    [
        # A debate transcript, as PolNeAR's Washington Post articles quote them.
        ("WALLACE: Do you really see those two as equivalent?", "WALLACE", ":",
         "Do you really see those two as equivalent?"),
        # A quoted post after the poster's name and a dash (PolNeAR dev, Huffington Post).
        ("Adriana Rodarte ― “As a young woman I would rather live anywhere else.”", "Adriana Rodarte", "―",
         "“As a young woman I would rather live anywhere else.”"),
        # The same article's usual form: the quotation, a dash, then the name signing it, here
        # with a no-break space after the dash.
        ("“Maybe, we can build a wall around Donald Trump.” ―\xa0Steve Quinlan", "Steve Quinlan", "―",
         "“Maybe, we can build a wall around Donald Trump.”"),
        # ... and with the dash glued to the closing mark, which spaCy alone leaves as one token.
        ("“Trump must stop portraying Latinos as dangerous gangsters.”― Carla Sanchez.", "Carla Sanchez", "―",
         "“Trump must stop portraying Latinos as dangerous gangsters.”"),
        # A headline (PolNeAR dev, Politico) whose speaker the tagger calls a common noun.
        ("Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe race is close.", "Poll", ":",
         "Clinton and Trump in dead heat heading into first debate."),
    ],
)
def test_attributions_name_label_with_punctuation_cue(text, source, cue, content):
    found = sayso.extract(text)
    assert [(texts(a.source), texts(a.cue), texts(a.content)) for a in found] == [(source, cue, content)]


def test_attributions_colon_in_narration_is_not_a_cue():
    assert sayso.extract("The plan has three parts: taxes, trade and troops.") == []


def test_attributions_dash_after_a_quotation_without_a_name_is_not_a_cue():
    found = sayso.extract("They chanted “lock her up” ― and the crowd went on chanting for an hour.")
    assert "―" not in [texts(a.cue) for a in found]
    assert by_content(found, "lock her up").content[-1].text.endswith("”")


def test_attributions_quote_kept_when_the_parse_gives_its_cue_only_the_next_paragraph():
    # PolNeAR dev (Politico): spaCy glues the two paragraphs and makes "noted" the clause of "said".
    text = ('"This is a waste of time. It’s destroying this committee. It’s destroying the reputation of '
            'this committee," said Del. Stacey Plaskett of the Virgin Islands.\n\n'
            "Democrats repeatedly noted that last year Pagliano invoked his 5th Amendment rights.")
    found = by_content(sayso.extract(text), "This is a waste of time")
    assert texts(found.source) == "Del. Stacey Plaskett of the Virgin Islands"
    assert texts(found.cue) == "said"
    assert "\n" not in texts(found.content)


def test_attributions_quotation_closed_by_its_speaker_and_cue_is_the_content():
    # PolNeAR dev (Breitbart): the parse gives "said" the relative clause after "election".
    text = ("“It’s finished,” she said of the 2016 presidential election, in which she was sure Trump "
            "would triumph and more and more people across the country would at last see the truth.")
    found = [a for a in sayso.extract(text) if texts(a.cue) == "said"]
    assert [(texts(a.source), texts(a.content)) for a in found] == [("she", "“It’s finished,”")]


def test_attributions_quoted_phrase_inside_a_sentence_is_not_taken_for_a_closed_quotation():
    # PolNeAR dev (USA Today): the quotation is part of "Bemoaning …", not what Trump said.
    text = 'Bemoaning the "phony system," Trump accused Holt of being a Democrat.'
    found = by_content(sayso.extract(text), "being a Democrat")
    assert "phony" not in texts(found.content)


def test_attributions_transcript_labels_keep_their_own_paragraphs():
    # PolNeAR dev (Breitbart): a transcript quoted paragraph by paragraph with straight marks,
    # curly ones inside; each speaker's words stay theirs.
    text = ('"WALLACE: Do you really see those two as equivalent, Mark Cuban and Gennifer Flowers?\n\n'
            '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” '
            "But this is America, Chris. It’s serious business.")
    found = [a for a in sayso.extract(text) if texts(a.cue) == ":"]
    assert texts(found[0].source) == "WALLACE"
    assert texts(found[0].content) == "Do you really see those two as equivalent, Mark Cuban and Gennifer Flowers?"
    assert all("PENCE" not in texts(a.content) for a in found)


@pytest.mark.parametrize(
    "text,fragment,content",
    [
        # PolNeAR dev (Politico): the coordinated clause goes; its "and" must not stay behind.
        ("But Fowler said the politics surrounding the top of the ticket would be more intense — and he noted "
         "that any change would occur a few weeks later in the campaign season.",
         "the politics", "the politics surrounding the top of the ticket would be more intense"),
        # PolNeAR dev (Breitbart): "according to the poll" is the cue and source; its full stop is no content.
        ("Clinton beats Trump by 46 percent to 42 percent, according to the poll. Twelve percent were not sure.",
         "Clinton beats", "Clinton beats Trump by 46 percent to 42 percent"),
    ],
)
def test_attributions_content_ends_with_a_word(text, fragment, content):
    assert texts(by_content(sayso.extract(text), fragment).content) == content


def test_attributions_colon_ending_a_paragraph_introduces_the_next_one():
    # PolNeAR dev (Breitbart).
    text = ("Caddell continued:\n\n"
            '"The health issue overall is very much a partisan issue, but that doesn’t account for almost the '
            'same numbers here."\n\nThe poll was taken on Monday.')
    found = by_content(sayso.extract(text), "The health issue")
    assert (texts(found.source), texts(found.cue)) == ("Caddell", "continued")
    assert "The poll" not in texts(found.content)


def test_attributions_passive_cue_with_an_agent_attributes_to_the_agent():
    # PolNeAR dev (Breitbart): the endorsed nominee is what the papers' endorsements are about.
    text = ("The Democratic presidential nominee has been endorsed by dozens of papers ranging from such expected "
            "backers as The New York Times to such once-certain Republican advocates as The Dallas Morning News.")
    found = by_content(sayso.extract(text), "nominee")
    assert texts(found.content) == "The Democratic presidential nominee"
    assert texts(found.source).startswith("dozens of papers")


def test_attributions_thing_passed_on_in_the_passive_is_not_a_statement(example):
    # The example article: "The video was later reposted by Anton Gerashchenko, …" is a relay.
    assert not [a for a in example if "reposted" in texts(a.cue)]


def test_attributions_quotation_after_a_cue_borrowing_the_source_still_joins_the_first():
    # PolNeAR dev (Huffington Post): "emphasizing" borrows DuVernay; the second quotation is hers too.
    text = ("“You can’t talk about change if you don’t know what we’re changing,” DuVernay said, emphasizing why "
            "understanding our past is crucial to our outlook on our present. “What we need to change is our "
            "overall collective thinking about this moment.”")
    found = [a for a in sayso.extract(text) if texts(a.cue) == "said"]
    assert [s.text[:12] for s in found[0].content] == ["“You can’t t", "“What we nee"]


def test_attributions_cue_takes_no_word_from_the_quotation_before_it():
    # PolNeAR dev (NYT): the parse hangs the quotation's "will" on "said" as its auxiliary.
    text = (
        '"If it doesn\'t have the capability to threaten its neighbors with nuclear weapons yet, it will at '
        'some point, probably sooner rather than later," said James Acton, a physicist and co-director of '
        "the Nuclear Policy Program at the Carnegie Endowment for International Peace."
    )
    found = sayso.extract(text)
    assert [[s.text for s in a.cue] for a in found] == [["said"]]


def test_a_run_of_words_without_punctuation_is_no_sentence_to_look_for_cues_in():
    """'said said said …' parses as one chain: each cue's subtree is the rest of it, and putting
    them together took minutes for a few thousand words. A 'sentence' that long is skipped;
    the same words cut into sentences are still read."""
    started = time.perf_counter()
    assert sayso.extract("the mayor said " * 1000) == []
    assert time.perf_counter() - started < 30
    assert sayso.extract("The mayor said the ferry would run. " * 3)

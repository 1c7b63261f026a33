"""sayso_context: the channel a statement came through, carried over a passage, and its hedges."""

import pytest

import sayso
from sayso.pipeline.context import add_context, make_context
from sayso.pipeline.speakers import resolve_speakers
from sayso.records import CHANNEL_TYPES

TELEGRAM = ("telegram", None)
NEWSWEEK = ("interview", "Newsweek")
UNKNOWN = ("unknown", None)


@pytest.fixture
def bakhmut_context(bakhmut_doc, bakhmut_attributions):
    attributions = list(bakhmut_attributions.values())
    resolve_speakers(bakhmut_doc, attributions)
    add_context(bakhmut_doc, attributions)
    return bakhmut_attributions


def context(parse, text, *attributions, **options):
    """(channel type, outlet, hedges) of hand-built attributions of ``text``."""
    doc = parse(text)
    resolve_speakers(doc, list(attributions))
    add_context(doc, list(attributions), **options)
    return [(a.channel.type, a.channel.outlet, a.hedges) for a in attributions]


@pytest.mark.parametrize(
    "name,channel,hedges",
    [
        ("ukrainian", UNKNOWN, ["according to"]),
        ("haidai_telegram", TELEGRAM, []),
        ("he_added", TELEGRAM, []),
        ("saying", TELEGRAM, []),
        ("haidai_said", TELEGRAM, []),
        ("he_alleged", TELEGRAM, ["alleged"]),
        ("bunker_grandpa", TELEGRAM, []),
        ("kadyrov", UNKNOWN, []),
        ("video", ("twitter", None), ["reportedly"]),
        ("wagner", ("video", None), ["reportedly"]),
        ("kivinen_told", NEWSWEEK, []),
        ("kivinen_said", NEWSWEEK, []),
        ("reno_told", NEWSWEEK, []),
        ("reno_he_said", NEWSWEEK, []),
        ("reno_said", NEWSWEEK, []),
        ("reno_he_said_that", NEWSWEEK, []),
        ("reno_he_added", NEWSWEEK, []),
    ],
)
def test_context_bakhmut_channels_and_hedges(bakhmut_context, name, channel, hedges):
    found = bakhmut_context[name]
    assert ((found.channel.type, found.channel.outlet), found.hedges) == (channel, hedges)


@pytest.mark.parametrize(
    "name,evidence",
    [
        ("haidai_telegram", ["on his Telegram page"]),
        ("he_alleged", ["on his Telegram page"]),  # carried over, with the words that named it
        ("video", ["on Twitter"]),
        ("kivinen_told", ["Newsweek"]),
    ],
)
def test_context_channel_evidence_is_the_naming_phrase(bakhmut_context, bakhmut_text, name, evidence):
    spans = bakhmut_context[name].channel.evidence
    assert [s.text for s in spans] == evidence
    assert all(bakhmut_text[s.start:s.end] == s.text for s in spans)


def test_context_channel_carries_only_within_the_paragraph_gap(bakhmut_doc, bakhmut_attributions):
    attributions = list(bakhmut_attributions.values())
    resolve_speakers(bakhmut_doc, attributions)
    add_context(bakhmut_doc, attributions, max_paragraph_gap=0)
    assert bakhmut_attributions["haidai_telegram"].channel.type == "telegram"
    assert bakhmut_attributions["he_added"].channel.type == "unknown"  # the next paragraph
    assert bakhmut_attributions["reno_he_said"].channel.type == "unknown"


@pytest.mark.parametrize(
    "text,content,cue,source,expected",
    [
        (
            "“I think the best alternative to Donald Trump to stop him from getting to 1,237 is Ted Cruz, and I’m "
            "going to help Ted in every way I can,” Graham told CNN.",
            "I think the best alternative to Donald Trump", "told", "Graham", ("interview", "CNN", []),
        ),
        (
            "House Speaker Paul Ryan told CNN Tuesday that Ginsburg’s comments “shows bias to me.”",
            "that Ginsburg’s comments “shows bias to me.”", "told", "House Speaker Paul Ryan",
            ("interview", "CNN", []),
        ),
        (
            "Pate claimed in an interview with Breitbart News that he’s not backing any particular candidate.",
            "that he’s not backing any particular candidate", "claimed", "Pate",
            ("interview", "Breitbart News", ["claimed"]),
        ),
        (
            "\"This is a radical Sunni group, they need to be defeated by Sunnis themselves on the ground,\" Rubio said "
            "Dec. 6  on CNN's State of the Union.",
            "This is a radical Sunni group", "said", "Rubio", ("tv", "CNN", []),
        ),
        (
            "''It's nonsense,'' Mr. Trump said by telephone on NBC's ''Meet the Press.''",
            "It's nonsense", "said", "Mr. Trump", ("tv", "NBC", []),
        ),
        (
            "“He's absolutely right,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and "
            "Friends.”",
            "He's absolutely right", "said", "Flynn, a top Trump surrogate", ("tv", "Fox News", []),
        ),
        (
            "\"Go Donald Trump, go!!!,\" Italy's Northern League leader Matteo Salvini wrote on Facebook.",
            "Go Donald Trump, go!!!", "wrote", "Italy's Northern League leader Matteo Salvini", ("facebook", None, []),
        ),
        (
            "''If Hillary thinks she can unleash her husband, with his terrible record of women abuse, while playing "
            "the women's card on me, she's wrong!'' Mr. Trump wrote on Twitter on Monday.",
            "If Hillary thinks she can unleash her husband", "wrote", "Mr. Trump", ("twitter", None, []),
        ),
        (
            "Sanders  has denounced supporters that level sexist attacks, saying his campaign doesn’t want “that "
            "crap,” in an interview with CNN on Sunday.",
            "his campaign doesn’t want “that crap,”", "saying", "Sanders", ("interview", "CNN", []),
        ),
        (
            "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con.”",
            "that Machado was “disgusting” and “a con.”", "tweeted", "Trump", ("twitter", None, []),
        ),
        (
            "\"I count on the Security Council to remain united and take appropriate action,\" he told reporters.",
            "I count on the Security Council", "told", "he", ("press_conference", None, []),
        ),
        (
            "Regarding the exchanges between Mr. Band and Mrs. Clinton's aides, the campaign said in a statement: "
            "''Neither of these emails involve the secretary or relate to the foundation's work.''",
            "Neither of these emails involve the secretary", "said in a statement", "the campaign",
            ("statement", None, []),
        ),
        (
            "The New York Post reports that Hillary Clinton’s team avoided taking her to the emergency room.",
            "that Hillary Clinton’s team avoided taking her to the emergency room", "reports", "The New York Post",
            ("report", "New York Post", []),
        ),
        (
            "At a Trump rally in Birmingham, Alabama, on Saturday, some of his supporters kicked and punched a Black "
            "Lives Matter protester, with Trump reportedly yelling: “Get him the hell out of here!”",
            "“Get him the hell out of here!”", "yelling:", "Trump", ("unknown", None, ["reportedly"]),
        ),
        (
            "Clinton beats Trump by 46 percent to 42 percent, according to the poll.",
            "Clinton beats Trump by 46 percent to 42 percent", "according to", "the poll",
            ("unknown", None, ["according to"]),
        ),
    ],
)
def test_context_channel_outlet_and_hedges_of_news_sentences(parse, attribute, text, content, cue, source, expected):
    assert context(parse, text, attribute(text, content, cue, source)) == [expected]


@pytest.mark.parametrize(
    "text,parts,expected",
    [
        (
            "Was that really Chris Christie, the brusque, take-a-back-seat-to-no-one governor of New Jersey?\n\n"
            "Christie defended his endorsement this week on his regular radio call-in show.\n\n"
            "“I’ve known him personally for 14 years,” the governor said.",
            [("his endorsement", "defended", "Christie"),
             ("I’ve known him personally for 14 years", "said", "the governor", "direct")],
            [("radio", None, []), ("radio", None, [])],
        ),
        (
            "Tom Fitton, the president of Judicial Watch, said in a telephone interview that the two worked hand in "
            "hand.\n\n''There was no daylight between the two,'' Mr. Band wrote.",
            [("that the two worked hand in hand", "said", "Tom Fitton, the president of Judicial Watch"),
             ("There was no daylight between the two", "wrote", "Mr. Band", "direct")],
            [("interview", None, []), ("unknown", None, [])],
        ),
    ],
    ids=["same-speaker-named-by-title", "another-speaker"],
)
def test_context_channel_carries_to_the_same_speaker_only(parse, attribute, text, parts, expected):
    assert context(parse, text, *(attribute(text, *part) for part in parts)) == expected


def test_context_factory_rejects_a_negative_paragraph_gap(nlp):
    with pytest.raises(ValueError, match="max_paragraph_gap"):
        make_context(nlp, "sayso_context", max_paragraph_gap=-1)


def test_context_extract_gives_bakhmut_speakers_their_channels(bakhmut_text):
    """Whatever the extractor finds in the example, Haidai's statements came through
    Telegram and Kivinen's and Reno's through their interviews with Newsweek."""
    expected = {"Serhiy Haidai": TELEGRAM, "Markku Kivinen": NEWSWEEK, "William Reno": NEWSWEEK}
    for found in sayso.extract(bakhmut_text):
        assert found.channel.type in CHANNEL_TYPES
        if found.speaker in expected:
            assert (found.channel.type, found.channel.outlet) == expected[found.speaker], found.content[0].text
        if found.kind == "according_to":
            assert "according to" in found.hedges

"""Channels of today's news (issue 17): platforms, broadcasters by outlet, courts; our own sentences."""

import pytest

import sayso
from sayso.records import CHANNEL_TYPES


def channel_of(text):
    """(type, outlet) of the one attribution found in ``text``."""
    found = sayso.extract(text)
    assert len(found) == 1, [a.content for a in found]
    return found[0].channel.type, found[0].channel.outlet


@pytest.mark.parametrize("text,expected", [
    ("The singer wrote on X that the tour was cancelled.", ("twitter", None)),
    ("The senator tweeted that the vote had been rigged.", ("twitter", None)),
    ("The goalkeeper posted on Instagram that he would be back next season.", ("instagram", None)),
    ("The actor said in a TikTok video that he was recovering well.", ("tiktok", None)),
    ("The chef told viewers on YouTube that the restaurant would close.", ("youtube", None)),
    ("The mayor posted on Threads that the road would stay closed.", ("threads", None)),
    ("The professor wrote on Bluesky that the study had been retracted.", ("bluesky", None)),
    ("The candidate said on Truth Social that the polls were wrong.", ("truth_social", None)),
    ("The coach said on his podcast that he would retire in June.", ("podcast", None)),
    ("The minister said in a WhatsApp message that the meeting was off.", ("whatsapp", None)),
])
def test_a_platform_named_where_a_statement_was_made_is_its_channel(text, expected):
    assert channel_of(text) == expected


def test_x_is_a_platform_only_where_something_was_said_on_it():
    assert channel_of("Generation X voters said the economy mattered most.")[0] == "unknown"


@pytest.mark.parametrize("text,expected", [
    ("The striker told Sky Sports that he was staying at the club.", ("interview", "Sky Sports")),
    ("The minister said on Geo News that the talks had failed.", ("tv", "Geo News")),
    ("Speaking on BBC Radio 4's Today programme, the chancellor said growth would return.",
     ("radio", "BBC Radio 4")),
    ("Appearing on Sky News, the minister said the strike was over.", ("tv", "Sky News")),
])
def test_a_broadcaster_is_named_as_the_outlet(text, expected):
    assert channel_of(text) == expected


@pytest.mark.parametrize("text", [
    "The officer told the court that he had seen the car leave.",
    "She testified that the money had gone missing in March.",
    "In a court filing, the company said the claims were baseless.",
    "The district court has ruled that the mayor must stand trial in June.",
    "The ruling said that the contract had been broken.",
])
def test_courts_are_a_channel(text):
    assert channel_of(text)[0] == "court"


def test_a_colon_after_the_platform_introduces_the_quotation():
    found = sayso.extract('Dara Osei, who scored twice, posted on Instagram: "What a night. This one is for the fans."')
    assert len(found) == 1
    post = found[0]
    assert post.content[0].text == '"What a night. This one is for the fans."'
    assert post.cue[0].text.startswith("posted on Instagram")
    assert (post.speaker, post.channel.type, post.kind) == ("Dara Osei", "instagram", "direct")


def test_a_statement_carries_over_to_the_same_speakers_next_words():
    text = ('Mayor Lena Fischer said in a statement that the bridge would reopen in May.\n\n'
            '"We thank everyone for their patience," Fischer said.')
    assert [a.channel.type for a in sayso.extract(text)] == ["statement", "statement"]


def test_every_channel_type_is_a_record_type():
    from sayso.pipeline.context import _lexicons

    assert {c.type for c in _lexicons().channels} <= set(CHANNEL_TYPES)


def test_addressing_the_media_after_the_cue_is_a_press_conference_carried_to_the_speakers_next_words():
    text = ("\u201cThe inquiry must start at once,\u201d Governor Amina Bello said while addressing the media on Friday.\n\n"
            "\u201cNobody will be spared,\u201d she added.")
    found = [a for a in sayso.extract(text) if a.cue[0].text in ("said", "added")]
    assert [a.channel.type for a in found] == ["press_conference", "press_conference"]


def test_a_participle_after_the_cue_that_names_no_audience_gives_no_channel():
    found = sayso.extract("The governor said the inquiry would start at once, adding details of the budget.")
    assert found[0].channel.type == "unknown"


def test_a_web_address_told_is_an_interview_with_that_outlet():
    assert channel_of("Dr Rahman told dhakanews24.com that the ward had been closed since May.") == (
        "interview", "dhakanews24.com")
    assert channel_of("The nurse told the hospital board that the ward had been closed since May.")[0] == "unknown"


def test_a_court_spokesman_speaks_through_no_court():
    assert channel_of("A court spokesman said the hearing was postponed.")[0] == "unknown"


def test_appearing_on_television_after_the_cue_is_the_tv_channel():
    text = "\u201cThe roads are open again,\u201d the police spokesman said while appearing on Lakeside Television on Monday."
    assert channel_of(text)[0] == "tv"

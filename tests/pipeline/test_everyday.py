"""Everyday news patterns (issue 17), on passages of our own writing."""

import pytest

import sayso
from sayso.nlp import load_base
from sayso.pipeline.breaks import mark_line_starts


def texts(spans):
    return " ".join(s.text for s in spans)


def by_cue(attributions, cue):
    hits = [a for a in attributions if texts(a.cue).startswith(cue)]
    assert hits, f"no attribution with cue {cue!r}: {[texts(a.cue) for a in attributions]}"
    return hits[0]


LEAD = "The governor of the central bank, Amara Okafor, said on Tuesday that prices were still rising too fast."


def test_a_headline_line_is_never_parsed_with_the_lead_sentence():
    doc = load_base()("Central bank chief: inflation fight is not over\n\n" + LEAD)
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The governor") in starts
    said = next(t for t in doc if t.text == "said")
    assert all(t.idx >= doc.text.index("The governor") for t in said.subtree)


def test_every_line_starts_a_sentence_even_after_a_single_line_break():
    doc = load_base().make_doc("Court hears appeal today\nThe judge said the case was urgent.")
    mark_line_starts(doc)
    the = next(t for t in doc if t.text == "The")
    assert the.is_sent_start and not doc[1].is_sent_start


def test_the_lead_under_a_headline_is_found_as_it_is_alone():
    alone = sayso.extract(LEAD)
    headed = sayso.extract("Central bank chief: inflation fight is not over\n\n" + LEAD)
    lead = by_cue(headed, "said")
    assert texts(lead.content) == texts(by_cue(alone, "said").content) == "that prices were still rising too fast"
    assert texts(lead.source) == "The governor of the central bank, Amara Okafor"


STATEMENT = "Qatar's prime minister said in a statement that the window for a deal was closing."


def test_said_in_a_statement_that_is_found_alone_and_among_other_paragraphs():
    for text in (STATEMENT, f"Farmers gathered outside the ministry on Monday.\n\n{STATEMENT}\n\nTalks resume next week."):
        found = by_cue(sayso.extract(text), "said")
        assert texts(found.cue) in ("said", "said in a statement")  # the span model's call
        assert texts(found.content) == "that the window for a deal was closing"
        assert texts(found.source) == "Qatar's prime minister"
        assert found.channel.type == "statement"


def test_a_quoted_paragraph_without_a_cue_continues_the_statement_before_it():
    text = ("The mayor, Ruth Adeyemi, said the city would rebuild the bridge by spring.\n\n"
            "\"We owe it to the people who cross it every day. Nothing will stop us.\"\n\n"
            "Council members were not convinced.")
    found = sayso.extract(text)
    said = by_cue(found, "said")
    assert [s.text for s in said.content] == [
        "the city would rebuild the bridge by spring",
        "\"We owe it to the people who cross it every day. Nothing will stop us.\""]
    assert said.kind == "mixed" and said.speaker == "Ruth Adeyemi"


def test_a_quotation_over_several_paragraphs_is_attributed_whole():
    text = ("\"We waited for months,\" said Maria Lopez, a nurse at the clinic.\n\n"
            "\"Nobody ever came back to me. Not once.\n\n"
            "\"In the end I stopped calling. What else could I do?\"\n\n"
            "The clinic did not respond to questions.")
    found = sayso.extract(text)
    assert len(found) == 1
    assert [s.text[:12] for s in found[0].content] == ["\"We waited f", "\"Nobody ever", "\"In the end "]
    assert found[0].speaker == "Maria Lopez" and found[0].kind == "direct"


def test_a_quoted_paragraph_after_another_speakers_cue_is_not_joined():
    text = ("The mayor said the bridge would reopen in spring. Her deputy, Tomas Varga, said it would not.\n\n"
            "\"The money is simply not there.\"")
    found = sayso.extract(text)
    mayor = by_cue(found, "said")
    assert all("money" not in s.text for s in mayor.content)


def test_a_headline_label_is_an_attribution_of_its_own_beside_the_lead():
    found = sayso.extract("Central bank chief: inflation fight is not over\n\n" + LEAD)
    label = by_cue(found, ":")
    assert (texts(label.source), texts(label.content)) == ("Central bank chief", "inflation fight is not over")
    assert texts(by_cue(found, "said").content) == "that prices were still rising too fast"


def test_a_headline_signed_with_a_dash_is_its_signers():
    found = sayso.extract("Port workers not to blame for delays – Kofi Mensah\n\n"
                          "The union leader, Kofi Mensah, said on Monday that the software caused the delays.")
    signed = by_cue(found, "–")
    assert (signed.speaker, texts(signed.content)) == ("Kofi Mensah", "Port workers not to blame for delays")


def test_a_colon_in_a_sentence_is_no_label():
    assert sayso.extract("The result: a stalemate that nobody wanted.\n\nTalks resume on Monday.") == []


def test_a_place_after_a_dash_in_a_headline_signs_nothing():
    found = sayso.extract("Two suspects shot dead on the Ring Road – Airport Junction\n\nPolice said the men were armed.")
    assert [texts(a.cue) for a in found] == ["said"]


def test_a_statement_inside_an_outlets_report_is_nested_in_it():
    found = sayso.extract("Amina Diallo said the border would reopen on Monday, Radio Kaya reported.")
    outer = by_cue(found, "reported")
    inner = by_cue(found, "said")
    assert outer.parent is None and inner.parent == found.index(outer)
    assert (inner.speaker, texts(inner.content)) == ("Amina Diallo", "the border would reopen on Monday")
    assert inner.channel.type == "report"


def test_the_flat_view_leaves_nested_statements_out():
    from sayso.records import flat

    found = sayso.extract("Amina Diallo said the border would reopen on Monday, Radio Kaya reported.")
    assert [texts(a.cue) for a in flat(found)] == ["reported"]


def test_the_example_articles_video_holds_the_mercenaries_words(bakhmut_text):
    found = sayso.extract(bakhmut_text)
    calling = by_cue(found, "calling")
    video = found[calling.parent]
    assert texts(video.cue).endswith("shows") and texts(calling.source) == "Wagner mercenaries"
    assert calling.channel.type == "video"


def test_a_question_put_to_someone_attributes_nothing():
    assert sayso.extract("Do you really believe the budget will balance?") == []
    found = sayso.extract("The senator asked whether the budget would balance. She doubts it will.")
    assert texts(by_cue(found, "doubts").content) == "it will"


@pytest.mark.parametrize("text,cue,content", [
    ("The mayor conceded that the budget was tight.", "conceded", "that the budget was tight"),
    ("She maintained that the library would stay open.", "maintained", "that the library would stay open"),
    ("The union called for a pay rise.", "called for", "a pay rise"),
    ("The minister resigned on Friday, citing health reasons.", "citing", "health reasons"),
    ("The bank held rates, cautioning that inflation could return.", "cautioning", "that inflation could return"),
    ("The minister's claim that the deficit had halved was challenged by economists.", "claim",
     "that the deficit had halved"),
])
def test_stance_verbs_and_noun_cues_polnear_annotates_are_found(text, cue, content):
    found = by_cue(sayso.extract(text), cue)
    assert texts(found.content) == content


def test_a_nested_record_keeps_its_parent_through_json_and_a_top_level_one_has_none():
    from sayso.records import Attribution

    text = "Amina Diallo said the border would reopen on Monday, Radio Kaya reported."
    outer, inner = sorted(sayso.extract(text), key=lambda a: a.parent is not None)
    assert "parent" not in outer.to_dict()
    assert Attribution.from_dict(inner.to_dict(), text).parent == inner.parent == 0


@pytest.mark.parametrize(
    "text,content",
    [
        ("The driver reportedly left the scene before the police arrived.",
         "The driver left the scene before the police arrived"),
        ("The shop was closed because its owner allegedly sold fake medicine.",
         "its owner sold fake medicine"),
        ("The charity, which is allegedly run by a former minister, refused to comment.",
         "which is run by a former minister"),
    ],
)
def test_an_attributing_adverb_hands_its_clause_to_unnamed_others(text, content):
    found = by_cue(sayso.extract(text), "reportedly" if "reportedly" in text else "allegedly")
    assert texts(found.content) == content
    assert found.source == []


def test_an_attributing_adverb_on_a_speech_verb_joins_that_cue():
    found = sayso.extract("The coach reportedly said that he would resign after the final.")
    assert len(found) == 1 and texts(found[0].content) == "that he would resign after the final"


def test_a_gerund_after_allegedly_is_what_someone_is_charged_with_not_a_statement():
    assert sayso.extract("Two men were arrested for allegedly stealing copper cable.") == []


@pytest.mark.parametrize(
    "text,cue,source,content",
    [
        ("The finance minister said the budget would be balanced next year, state media reported on Monday.",
         "reported", "state media", "The finance minister said the budget would be balanced next year"),
        ("As reported by the Daily Courier, the council voted to close the library.",
         "reported", "the Daily Courier", "the council voted to close the library"),
    ],
)
def test_an_outlets_wrap_around_a_sentence_reports_the_whole_sentence(text, cue, source, content):
    found = by_cue(sayso.extract(text), cue)
    assert texts(found.source) == source
    assert texts(found.content).rstrip(".") == content  # the full stop is the span model's call


def test_a_passive_quoted_as_saying_names_who_is_quoted():
    found = by_cue(sayso.extract("\u201cWe will not give up,\u201d the captain was quoted as saying."), "was quoted")
    assert texts(found.source) == "the captain"


def test_a_quotation_closing_the_paragraph_continues_the_indirect_statement_before_it():
    text = ("The coach said his players needed more rest. \"We have played nine games in a month. "
            "Nobody can keep that up.\"\n\nThe club plays again on Sunday.")
    found = sayso.extract(text)
    said = by_cue(found, "said")
    assert [s.text for s in said.content] == [
        "his players needed more rest", "\"We have played nine games in a month. Nobody can keep that up.\""]


@pytest.mark.parametrize(
    "text,cue,content",
    [
        ("It is believed that the fire started in the kitchen of the hotel.",
         "is believed", "that the fire started in the kitchen of the hotel"),
        ("The talks stalled amid allegations that the contractor had inflated its prices.",
         "allegations", "that the contractor had inflated its prices"),
    ],
)
def test_a_clause_reported_with_no_one_named_is_an_attribution_without_a_source(text, cue, content):
    found = by_cue(sayso.extract(text), cue)
    assert texts(found.content) == content
    assert found.source == []


def test_adding_after_a_comma_goes_with_the_speaker_not_the_noun_before_it():
    text = ("Kenya captain Joe Mwangi admitted that his side was \"outplayed\" by a disciplined Nigerian side, "
            "adding that the Musa-led team \"fully deserves\" the title.")
    adding = by_cue(sayso.extract(text), "adding")
    assert texts(adding.source) == "Kenya captain Joe Mwangi"
    assert texts(adding.content) == "that the Musa-led team \"fully deserves\" the title"


def test_a_relative_clause_after_the_speaker_tags_nothing_and_the_next_quotation_stays_his():
    text = ("\u201cWe were the better side for most of the game,\u201d said Okafor, who is coaching in his second final. "
            "\u201cThe players should be proud.\u201d")
    found = sayso.extract(text)
    assert [texts(a.cue) for a in found] == ["said"]
    assert texts(found[0].content) == ("\u201cWe were the better side for most of the game,\u201d "
                                       "\u201cThe players should be proud.\u201d")


def test_a_passive_report_without_an_agent_reports_its_subject():
    found = by_cue(sayso.extract("No injuries had been reported on Tuesday night."), "had been reported")
    assert texts(found.content) == "No injuries"
    assert found.source == []


def test_an_inverted_headline_tag_reports_the_words_before_it():
    found = sayso.extract("Beaten by a better team, admits Kenya coach after final\n\nKenya lost the final on Sunday.")
    admits = by_cue(found, "admits")
    assert texts(admits.content) == "Beaten by a better team"
    assert texts(admits.source) == "Kenya coach"


def test_a_that_clause_the_parse_hangs_on_a_gerund_after_the_cue_is_the_cues():
    found = by_cue(sayso.extract("The driver told police during questioning that he had fallen asleep at the wheel."),
                   "told")
    assert texts(found.content) == "that he had fallen asleep at the wheel"
    assert texts(found.source) == "The driver"


def test_a_quotation_glued_to_the_sentence_before_it_is_split_off_and_keeps_its_speaker():
    text = ("\u201cThe water rose in minutes,\u201d farmer Ruth Wanjiru told reporters.\u201cWe lost every goat "
            "we had.\u201d")
    assert "\u201c" in [t.text for t in load_base().make_doc(text)]
    told = by_cue(sayso.extract(text), "told")
    assert texts(told.source) == "farmer Ruth Wanjiru"
    assert len(told.content) == 2


@pytest.mark.parametrize(
    "headline,cue,source,content",
    [
        ("Nigeria FA rejects coup claims", "rejects", "Nigeria FA", "coup claims"),
    ],
)
def test_a_headlines_subject_and_object_are_found_where_the_parse_loses_them(headline, cue, source, content):
    found = by_cue(sayso.extract(f"{headline}\n\nThe meeting was held on Monday."), cue)
    assert texts(found.source) == source
    assert texts(found.content) == content


def test_a_relative_clause_that_reports_a_statement_is_not_part_of_the_source():
    text = ("\u201cThe roads will reopen on Friday,\u201d said Chief Engineer Amos Kiprop, who promised "
            "residents that the bridge would be repaired by June.")
    said = by_cue(sayso.extract(text), "said")
    assert texts(said.source) == "Chief Engineer Amos Kiprop"


def test_a_name_and_title_tagging_a_long_sentence_are_its_source_even_when_the_parse_loses_them():
    text = ("The capital has effectively contained the outbreak of measles cases in the northern district through "
            "multiple measures including school closures, mass vaccination and disinfection, Peter Mwangi, "
            "spokesman for the health ministry, said at a briefing on Monday.")
    found = [(texts(a.source), texts(a.cue), texts(a.content)[:27]) for a in sayso.extract(text)]
    assert found == [("Peter Mwangi, spokesman for the health ministry", "said", "The capital has effectively")]


def test_a_gerund_with_a_subject_of_its_own_keeps_the_clause_it_reports():
    text = ("The unions are now criticizing the pay offer, with at least one leader writing to the minister "
            "that \u201cthe deal is an insult\u201d to nurses across the country.")
    found = {texts(a.cue): (texts(a.source), texts(a.content)[:38]) for a in sayso.extract(text)}
    assert found["writing"] == ("at least one leader", "that \u201cthe deal is an insult\u201d to nurses")
    assert found["are now criticizing"][1].startswith("the pay offer")

"""Dependency attachment: where source and content hang on a cue, on real news sentences."""

import pytest

from sayso.pipeline.attachment import attach, source_of, subtree, tops


def word(doc, text):
    return next(t for t in doc if t.text == text)


def joined(tokens):
    return " ".join(t.text for t in tokens)


@pytest.mark.parametrize(
    "sentence,cue,source,content,how",
    [
        # PolNeAR dev (USA Today): reported clause without "that".
        ("Kevin Sullivan says he instructed staff Monday to check the records.", "says",
         "Kevin Sullivan", "he instructed staff Monday to check the records", "clause"),
        # The example article: the clause after the cue, with "that".
        ("Markku Kivinen told Newsweek that Russia's key intention involves conquering Luhansk.", "told",
         "Markku Kivinen", "that Russia 's key intention involves conquering Luhansk", "clause"),
        # PolNeAR dev (Politico): a stance with an object.
        ("Former President Bill Clinton criticized the Affordable Care Act as a crazy system.", "criticized",
         "Former President Bill Clinton", "the Affordable Care Act as a crazy system", "comp:dobj"),
    ],
)
def test_attachment_finds_source_and_content(parse, sentence, cue, source, content, how):
    doc = parse(sentence)
    found = attach(word(doc, cue))
    assert joined(found.source) == source
    assert joined(found.content) == content
    assert found.how == how


def test_attachment_according_to_takes_the_clause_it_hangs_from(parse, bakhmut_text):
    sentence = bakhmut_text[bakhmut_text.index("Thousands"):bakhmut_text.index("action.") + 7]
    doc = parse(sentence)
    found = attach(word(doc, "according"))
    assert joined(found.source) == "a Ukrainian close to the action"
    assert joined(found.cue) == "according to"
    assert "Thousands of Russian troops have already died" in joined(found.content)
    assert "according" not in joined(found.content)


def test_attachment_saying_borrows_the_subject_of_added(parse):
    doc = parse("“They can only halt the offensive,” he added, saying “they will not change the picture.”")
    assert joined(source_of(word(doc, "saying"))) == "he"


def test_attachment_participle_cue_speaks_for_its_noun(parse):
    doc = parse("A video shows Wagner mercenaries calling the chief of staff a “piece of s***” on Monday.")
    assert joined(source_of(word(doc, "calling"))) == "Wagner mercenaries"


def test_attachment_relative_pronoun_is_not_content(parse):
    doc = parse("They want to impress Putin, whom Haidai referred to as “the bunker grandpa.”")
    found = attach(word(doc, "referred"))
    assert "whom" not in joined(found.content)
    assert "bunker grandpa" in joined(found.content)


def test_attachment_subtree_without_cuts_away_the_parenthetical(parse):
    doc = parse("The economy, she said, is strong.")
    is_ = word(doc, "is")
    kept = joined(subtree(is_, without=word(doc, "said")))
    assert kept.endswith("is strong .") and "she" not in kept


def test_attachment_tops_are_the_heads_of_a_run(parse):
    doc = parse("The governor of Luhansk said it.")
    run = list(doc[0:4])
    assert [t.text for t in tops(run)] == ["governor"]


def test_attachment_chaining_verb_takes_its_infinitive_into_the_cue(parse):
    # PolNeAR dev (USA Today): "continue to ignore" is the cue, what they ignore the content.
    doc = parse("Obama and Clinton continue to ignore the reality that a worldwide terror campaign is being "
                "deliberately executed.")
    found = attach(word(doc, "continue"))
    assert joined(found.cue + found.cue_chain) == "continue to ignore"
    assert joined(found.content).startswith("the reality that")
    assert joined(found.source) == "Obama and Clinton"


def test_attachment_wanting_verb_keeps_its_infinitive_in_the_content(parse):
    # PolNeAR dev (Politico): PolNeAR leaves "to know" in the content after "wanted".
    doc = parse("Republicans wanted to know who else beside Pagliano and Combetta had received legal protection "
                "and who approved the agreements.")
    found = attach(word(doc, "wanted"))
    assert found.cue_chain == []
    assert joined(found.content).startswith("to know")


def test_attachment_passive_cue_takes_the_agent_as_source_and_the_patient_as_content(parse):
    # PolNeAR dev (Breitbart).
    doc = parse("The Democratic presidential nominee has been endorsed by dozens of papers.")
    found = attach(word(doc, "endorsed"))
    assert (joined(found.source), joined(found.content), found.how) == (
        "dozens of papers", "The Democratic presidential nominee", "passive")


def test_attachment_parenthetical_cue_before_its_head_takes_the_statement_around_it(parse):
    # PolNeAR dev (Politico): "he said" hangs from the verb after it, the first clause from "said".
    doc = parse("Though that transition was relatively seamless, he said, replacing Clinton would be much more "
                "acrimonious and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders.")
    found = attach(word(doc, "said"))
    assert found.how == "parataxis"
    assert joined(found.content).startswith("Though that transition was relatively seamless")
    assert "replacing Clinton would be much more acrimonious" in joined(found.content)
    assert "he" not in [t.text for t in found.content]


def test_attachment_passive_cue_without_an_agent_keeps_its_subject_in_the_content(parse):
    # PolNeAR dev (Huffington Post): no one is named; what is expected is of the subject.
    doc = parse("About one of every nine voters this fall is expected to be Latino.")
    found = attach(word(doc, "expected"))
    assert found.source == []
    assert joined(found.content).startswith("About one of every nine voters")
    assert joined(found.content).endswith("to be Latino")


def test_attachment_who_is_called_on_to_act_is_content(parse):
    # PolNeAR dev (AP): content "Trump to stop attacking Machado and apologize", cue "called on".
    doc = parse("Clinton called on Trump to stop attacking Machado and apologize.")
    found = attach(word(doc, "called"))
    assert joined(found.content) == "Trump to stop attacking Machado and apologize"
    assert "Trump" not in joined(found.cue)

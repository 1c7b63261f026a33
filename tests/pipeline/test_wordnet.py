"""WordNet classes and frames: the shipped table, the features, and how the table is read."""

from sayso.pipeline import wordnet
from sayso.pipeline.cues import features as cue_features
from sayso.pipeline.cues import index_doc
from sayso.pipeline.quotes import find_quotes

# Real WordNet 3.0 lines (Princeton WordNet licence: sayso/pipeline/lexicons/WORDNET-LICENSE).
QUIP = {
    "lexnames": "10\tnoun.communication\t1\n32\tverb.communication\t2\n",
    "index.verb": "quip v 1 2 @ + 1 1 00853958  \n",
    "index.noun": "quip n 2 2 @ + 2 0 07153727 06767777  \n",
    "data.verb": (
        "00853958 32 v 02 gag 0 quip 0 004 @ 00853633 v 0000 + 06767777 n 0204 + 07153727 n 0202 "
        '+ 06778102 n 0102 02 + 02 00 + 26 00 | make jokes or quips; "The students were gagging during dinner"  \n'
    ),
    "data.noun": (
        "07153727 10 n 02 epigram 0 quip 1 003 @ 07151380 n 0000 + 00853958 v 0202 + 00546951 a 0103 "
        "| a witty saying  \n"
        "06767777 10 n 04 wisecrack 0 crack 0 sally 0 quip 0 004 @ 06765044 n 0000 + 00853958 v 0402 "
        "+ 00953923 v 0201 + 01058880 v 0101 | witty remark  \n"
    ),
}


def test_table_lines_give_each_words_classes_and_frames():
    assert list(wordnet.table_lines(QUIP)) == [
        "quip\tn\tcommunication,communication\t",
        "quip\tv\tcommunication\t2,26",
    ]


def test_a_speech_verb_in_the_example_article_is_communication_taking_a_clause(bakhmut_doc):
    said = next(t for t in bakhmut_doc if t.text == "said")
    found = wordnet.senses(said)
    assert found is not None and found.classes[0] == "communication" and 26 in found.frames
    assert wordnet.first_class(said) == "v.communication"


def test_a_feeling_verb_counts_as_emotion_and_an_adjective_has_no_class(parse):
    # PolNeAR dev: "worries" is a cue the train split never shows.
    doc = parse("Some Republicans worry that Trump will lose the House.")
    worry, some = doc[2], doc[0]
    assert "wn1=v.emotion" in wordnet.features(worry) and "wnf=26" in wordnet.features(worry)
    assert wordnet.features(some) == [] and wordnet.first_class(some) == "-"


def test_an_unknown_word_is_marked_unknown(parse):
    doc = parse("The senator blorfed that the bill would pass.")
    verb = next(t for t in doc if t.text == "blorfed")
    assert verb.pos_ == "VERB" and wordnet.senses(verb) is None
    assert wordnet.features(verb) == ["wn=none"] and wordnet.first_class(verb) == "none"


def test_cue_features_carry_the_wordnet_class(parse):
    doc = parse("Donald Trump has also said that the election is rigged.")
    said = next(t for t in doc if t.text == "said")
    assert "wn1=v.communication" in cue_features(said, index_doc(doc, find_quotes(doc.text)))

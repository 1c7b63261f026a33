"""What names look like: given names, titles, acronyms, fuller forms, legal forms."""

import pytest

from sayso.pipeline.firstnames import given_name
from sayso.pipeline.names import fullest_form, initials, misspelt, spelled_out, with_nickname, without_legal_form


@pytest.mark.parametrize(
    "name,gender",
    [("Wanjiru", "f"), ("Serhiy", "m"), ("Margaret", "f"), ("Kemi", None), ("Xu", None)],
)
def test_given_names_from_many_cultures_with_gender_only_when_one_sided(name, gender):
    found = given_name(name)
    assert found is not None and found.gender == gender


def test_common_words_are_not_in_the_name_table():
    assert given_name("Police") is None and given_name("Ministry") is None


def test_acronyms_spelled_out_by_their_initials_or_next_to_a_body():
    text = ("The Tugela Coast Water (TCW) said on Monday … Reserve Bank of India (RBI) officials and the "
            "Volcano Monitoring Agency (BPGA) agreed, while Ali Bilal (PTI) did not.")
    assert spelled_out(text) == {
        "TCW": "Tugela Coast Water", "RBI": "Reserve Bank of India", "BPGA": "Volcano Monitoring Agency",
    }


def test_initials_and_legal_forms():
    assert initials("International Monetary Fund") == "IMF"
    assert without_legal_form("Samsung Electronics Co Ltd") == "Samsung Electronics"


@pytest.mark.parametrize(
    "name,text,expected",
    [
        ("Adekanmbi", "The state's police commissioner, CP Olumide Adekanmbi, said …", "Olumide Adekanmbi"),
        ("Iyer", "RBI Governor K. Venkatesh Iyer said inflation had eased.", "K. Venkatesh Iyer"),
        ("van der Merwe", "Infrastructure chief Johan van der Merwe said …", "Johan van der Merwe"),
        ("Clinton", "Hillary Clinton and Bill Clinton arrived.", None),  # two people: no guess
        ("Trump", "Black Lawmakers Rip Donald Trump", "Donald Trump"),  # headline words are not names
        ("Clarke", "Coal. ABSTRACT. Tom Clarke", "Tom Clarke"),  # nor words of another sentence
        ("Mike Pence", "Indiana Gov. Mike Pence said", None),  # already has its given name
    ],
)
def test_fullest_form_the_text_writes(name, text, expected):
    assert fullest_form(name, text) == expected


def test_a_function_word_is_never_part_of_a_fuller_form():
    assert fullest_form("Carson", "To Ben Carson, the answer is simple.") == "Ben Carson"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Bobby Scott", 'Robert C. "Bobby" Scott'),
        ("Scott", 'Robert C. "Bobby" Scott'),
        ("dela Rosa", 'Ronald "Bato" dela Rosa'),
        ("Price", 'Marcia "Cia" Price'),  # "Del." is a title, not a name
        ("Robert Smith", None),
    ],
)
def test_a_nickname_in_quotes_belongs_to_the_full_name(name, expected):
    text = ('In a tradition, Rep. Robert C. "Bobby" Scott threw open his yard. Ronald "Bato" dela Rosa '
            'played down the report. State Del. Marcia "Cia" Price (D) shouted to the crowd.')
    assert with_nickname(name, text) == expected


def test_a_korean_family_name_takes_the_hyphenated_given_name_after_it():
    assert fullest_form("Ko", "Spokesperson Ko Min-jung said talks would resume.") == "Ko Min-jung"


@pytest.mark.parametrize(
    "word,surname,expected",
    [("Nevhuhulwa", "Nevhuhulwi", True), ("McLenney", "McClenney", True), ("Ramos", "Ramoz", False),
     ("Johnson", "Johnston", True), ("Johnson", "Jackson", False), ("Bear", "Bear", False)],
)
def test_a_surname_misspelt_by_one_letter(word, surname, expected):
    assert misspelt(word, surname) is expected

"""sayso.corpus.names: person names parsed into comparable parts, and which forms may be one person."""

import pytest

from sayso.corpus.names import alias_key, compatible, parse_name


def same(a: str, b: str) -> bool:
    return compatible(parse_name(a), parse_name(b))


@pytest.mark.parametrize(
    "a,b",
    [
        ("Donald Trump", "Donald Trump Jr."),
        ("Donald Trump", "Ivanka Trump"),
        ("Donald Trump", "Melania Trump"),
        ("Ivanka Trump", "Melania Trump"),
        ("Donald Trump Jr.", "Trump"),
        ("Bill Clinton", "Hillary Clinton"),
        ("Hillary Clinton", "Chelsea Clinton"),
        ("Bill Clinton", "Chelsea Clinton"),
        ("Mr. Clinton", "Mrs. Clinton"),
        ("George W. Bush", "George H.W. Bush"),
        ("Martin Luther King Jr.", "Martin Luther King III"),
    ],
)
def test_names_family_members_and_generations_are_never_one_person(a, b):
    assert not same(a, b)
    assert not same(b, a)


def test_names_initials_stand_for_given_names_one_by_one():
    # PolNeAR: J.J. Goldberg of The Forward is not Jonah Goldberg of National Review.
    assert not same("J.J. Goldberg", "Jonah Goldberg") and not same("Jonah Goldberg", "J.J. Goldberg")
    assert same("J. Goldberg", "Jonah Goldberg") and same("J.J. Goldberg", "Jonah J. Goldberg")


@pytest.mark.parametrize(
    "a,b",
    [
        ("Serhiy Haidai", "Serhii Haidai"),
        ("Serhiy Haidai", "Sergei Haidai"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskiy", "Wolodymyr Zelenskyj"),
        ("President Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Donald J. Trump", "Donald Trump"),
        ("DONALD TRUMP", "Donald Trump"),
        ("Hillary Rodham Clinton", "Hillary Clinton"),
        ("Bill Clinton", "William J. Clinton"),
        ("Paul D. Ryan", "Paul Ryan"),
        ("François Hollande", "Francois Hollande"),
        ("Bill de Blasio", "de Blasio"),
        ("Donald Trump Jr.", "Donald Trump, Jr."),
        ("Donald Trump Jr.", "Trump Jr."),
        ("G.K. Butterfield", "G. K. Butterfield"),
        ("J. Comey", "James B. Comey"),
    ],
)
def test_names_spelling_and_transliteration_variants_may_be_one_person(a, b):
    assert same(a, b)
    assert same(b, a)


def test_names_bare_surname_fits_every_full_name_with_it_but_a_gender_honorific_narrows_it():
    # Letters alone cannot tell which Clinton "Clinton" is; the registry needs evidence for that.
    assert same("Clinton", "Bill Clinton") and same("Clinton", "Hillary Clinton")
    assert same("Mrs. Clinton", "Hillary Clinton")
    assert not same("Mrs. Clinton", "Mr. Clinton")


def test_names_honorifics_and_titles_are_stripped_but_remembered():
    name = parse_name("Mrs. Clinton")
    assert (name.display, name.given, name.surname, name.titles, name.gender) == ("Clinton", (), "clinton", ("mrs",), "f")
    assert not name.is_full
    senator = parse_name("Sen. Bernie Sanders")
    assert (senator.display, senator.titles, senator.gender) == ("Bernie Sanders", ("sen",), None)
    assert senator.is_full
    lady = parse_name("first lady Michelle Obama")
    assert (lady.display, lady.gender) == ("Michelle Obama", "f")


def test_names_suffix_is_part_of_the_identity_key():
    father, son = parse_name("Donald J. Trump"), parse_name("Donald Trump Jr.")
    assert father.key == parse_name("Donald Trump").key == "donald|trump|"
    assert son.key == "donald|trump|jr" and son.display == "Donald Trump Jr."


def test_names_initials_written_together_are_separate_letters():
    assert parse_name("J.D. Vance").given == ("j", "d")
    assert same("J.D. Vance", "J. D. Vance")


@pytest.mark.parametrize("text", ["", "Mr.", "President", "—", "  "])
def test_names_without_a_name_parse_to_none(text):
    assert parse_name(text) is None


def test_names_alias_key_ignores_case_accents_and_punctuation():
    assert alias_key("Donald J. Trump") == alias_key("donald j trump") == "donald j trump"
    assert alias_key("F.B.I.") == alias_key("FBI")
    assert alias_key("Zelenskýj") == "zelenskyj"

"""Person names across articles: one comparable form per name, and which forms may be one person.

Articles write the same person as "Serhiy Haidai", "Serhii Haidai", "Haidai" or
"Gov. Haidai", and different people with a shared name part ("Donald Trump",
"Donald Trump Jr.", "Ivanka Trump"). :func:`parse_name` reduces a name as written
to its parts in a folded form where case, diacritics, punctuation and common
transliteration differences no longer count, and :func:`compatible` says whether
two parsed names *may* be the same person by their letters alone: different given
names, a different suffix ("Jr.") or a contradicting gender honorific ("Mr." /
"Mrs.") rule it out. Whether a bare surname *is* a given full name needs
evidence from outside the name; :mod:`sayso.corpus.speakers` weighs it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Honorifics that say the gender; stripped from the front of a name and remembered.
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "messrs": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
    "lady": "f", "mx": None, "madam": "f", "madame": "f", "mme": "f", "monsieur": "m",
}
# Titles and office words stripped from the front of a name ("Sen.", "President", "former").
# Some say the gender too ("Queen", "Congresswoman").
TITLES: dict[str, str | None] = {
    **dict.fromkeys((
        "dr", "doctor", "prof", "professor", "sen", "senator", "rep", "representative", "gov", "governor",
        "pres", "president", "vice", "gen", "general", "lt", "col", "colonel", "maj", "major", "capt",
        "captain", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander", "amb", "ambassador", "atty",
        "attorney", "judge", "justice", "secretary", "sec", "mayor", "rev", "reverend", "pastor", "rabbi",
        "imam", "pope", "chancellor", "minister", "premier", "prime", "former", "the", "supt", "speaker",
        "chairman", "chairwoman", "chair", "ceo", "deputy", "acting", "elect", "president-elect", "first",
        "saint", "st", "cardinal", "bishop", "sheikh", "emir", "sultan", "ayatollah", "hon", "honorable",
    ), None),
    "king": "m", "prince": "m", "congressman": "m", "father": "m", "brother": "m",
    "queen": "f", "princess": "f", "congresswoman": "f", "sister": "f",
}
# Generation suffixes: part of who someone is ("Donald Trump Jr." is not "Donald Trump").
SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}
# Lowercase words that belong to the surname after them ("Bill de Blasio", "Ursula von der Leyen").
PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "bin", "ibn", "al", "el", "ben", "dos", "das"})
# Spellings of one given name: transliterations (Serhiy / Serhii / Sergei) and the common
# English short forms (Bill / William). Each group folds to its first member.
GIVEN_NAME_FORMS: tuple[tuple[str, ...], ...] = (
    ("serhiy", "serhii", "serhij", "sergiy", "sergii", "sergei", "sergey", "sergej", "sergiy"),
    ("volodymyr", "wolodymyr", "volodimir", "vladimir", "wladimir"),
    ("oleksandr", "olexandr", "oleksander", "aleksandr", "alexandr", "alexander", "aleksander"),
    ("oleksiy", "oleksii", "olexiy", "aleksei", "alexei", "alexey", "aleksey"),
    ("andriy", "andrii", "andrij", "andrei", "andrey"),
    ("dmytro", "dmitry", "dmitri", "dmitriy", "dmitrii"),
    ("mykhailo", "mykhaylo", "mikhail", "mihail", "mychajlo"),
    ("mykola", "nikolai", "nikolay", "mikola"),
    ("yuriy", "yurii", "yuri", "yury", "jurij", "iurii"),
    ("yevgeny", "yevgeniy", "yevgenii", "evgeny", "evgeniy", "evgenii", "yevhen", "yevheniy", "ievgen"),
    ("vitaliy", "vitalii", "vitali", "vitaly"),
    ("anatoliy", "anatolii", "anatoly"),
    ("valeriy", "valerii", "valery"),
    ("hennadiy", "hennadii", "gennady", "gennadiy"),
    ("petro", "pyotr", "petr"),
    ("william", "bill", "billy", "will"),
    ("robert", "bob", "bobby", "rob"),
    ("james", "jim", "jimmy"),
    ("michael", "mike"),
    ("joseph", "joe"),
    ("thomas", "tom"),
    ("richard", "dick"),
    ("charles", "chuck"),
    ("christopher", "chris"),
    ("daniel", "dan"),
    ("david", "dave"),
    ("anthony", "tony"),
    ("edward", "ed"),
    ("elizabeth", "liz"),
    ("hillary", "hilary"),
)
_GIVEN_FORM = {form: group[0] for group in GIVEN_NAME_FORMS for form in group}

_INITIALS = re.compile(r"^[a-z](?:\.[a-z])+$")  # "j.d", "h.w" (the last dot is gone)
_POSSESSIVE = re.compile(r"['’]s$")
_SPLIT = re.compile(r"[\s,]+")
_NOT_NAME = re.compile(r"[^\w\s'’.,-]")
# The ending transliterations spell in several ways: Zelensky / Zelenskyy / Zelenskiy / Zelenskii.
_Y_ENDING = re.compile(r"(?:iy|yy|ii|ij|yj|y|i)$")


def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Zelenskýj" -> "Zelenskyj"), in NFC."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def alias_key(text: str) -> str:
    """The form under which two writings of one name string are the same alias:
    case, accents, punctuation and spacing do not count ("Donald J. Trump" = "donald j trump",
    "F.B.I." = "FBI")."""
    folded = strip_accents(text).casefold().replace("’", "").replace("'", "").replace(".", "")
    return " ".join(re.findall(r"\w+", folded))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """One name word in the form its transliterations share ("Zelenskyy", "Zelenskiy",
    "Zelensky" -> "zelenski"; "Kharkiv" -> "harkiv").

    ``word`` is already lowercase without accents. Words of five letters or more lose
    the y/i ending variants (so "Mary" and "Mari" stay apart), and "kh" becomes "h".
    """
    word = word.replace("'", "").replace("-", "")
    if len(word) >= 5:
        word = _Y_ENDING.sub("i", word)
    return word.replace("kh", "h")


def given_form(word: str) -> str:
    """A given name's spelling group ("Serhii", "Sergei" -> "serhiy"; "Bill" -> "william"),
    else the word itself; ``word`` lowercase without accents."""
    plain = word.replace("'", "").replace("-", "")
    return _GIVEN_FORM.get(plain, plain)


def fold_given(word: str) -> str:
    """A given name folded: its spelling group, else as :func:`fold` ("Yuriy" -> "yuri")."""
    form = given_form(word)
    return form if form in _GIVEN_FORM else fold(form)


@dataclass(frozen=True)
class PersonName:
    """A person's name as parts, folded for comparison (see :func:`fold`).

    ``given`` holds the given and middle names in order (an initial is one letter),
    ``surname`` the family name with any particle ("deblasio"), ``suffix`` a
    generation ("jr"), ``titles`` the stripped honorifics and titles as written in
    lowercase, ``gender`` what a gendered honorific or title said ("m"/"f"), and
    ``display`` the name as written without its titles ("Donald J. Trump"), and
    ``first`` its first word's spelling group only (:func:`given_form`), to read a
    bare word as a first name without the looser surname folding ("Khans" is no "Hans").
    """

    display: str
    given: tuple[str, ...]
    surname: str
    suffix: str | None = None
    titles: tuple[str, ...] = ()
    gender: str | None = None
    first: str = ""

    @property
    def is_full(self) -> bool:
        """Whether the name has a given name, not just a surname ("Haidai", "Mr. Trump")."""
        return bool(self.given)

    @property
    def key(self) -> str:
        """First given name, surname and suffix: the same for "Donald J. Trump" and "Donald Trump"."""
        first = self.given[0] if self.given else ""
        return f"{first}|{self.surname}|{self.suffix or ''}"


def _words(text: str) -> list[tuple[str, str]]:
    """(as written, lowercase without accents or dots) for each word of a name."""
    words: list[tuple[str, str]] = []
    for raw in _SPLIT.split(_NOT_NAME.sub(" ", text)):
        raw = _POSSESSIVE.sub("", raw.strip("-'’"))
        low = strip_accents(raw).casefold().replace("’", "'").strip(".")
        if not low.strip(".-'"):
            continue
        if _INITIALS.match(low):  # "J.D." is two initials, "H.W." too
            words.extend((f"{c.upper()}.", c) for c in low.replace(".", ""))
        else:
            words.append((raw, low.replace(".", "")))
    return words


def parse_name(text: str) -> PersonName | None:
    """The parts of a person's name as written; ``None`` when nothing name-like is left.

    Leading honorifics, titles and lowercase role words are stripped ("first lady
    Michelle Obama" -> "Michelle Obama") but kept in ``titles``; a surname particle
    stays with the surname; a trailing "Jr."/"III" becomes ``suffix``.
    """
    words = _words(text)
    titles: list[str] = []
    gender: str | None = None
    while len(words) > 1 and (
        words[0][1] in HONORIFICS or words[0][1] in TITLES
        or (words[0][0][:1].islower() and words[0][1] not in PARTICLES)
    ):
        low = words.pop(0)[1]
        titles.append(low)
        gender = gender or HONORIFICS.get(low) or TITLES.get(low)
    if len(words) == 1 and (words[0][1] in HONORIFICS or words[0][1] in TITLES):
        return None  # "Mr." or "President" alone names no one
    display = " ".join(raw for raw, _ in words)
    suffix = None
    if len(words) > 1 and words[-1][1] in SUFFIXES:
        suffix = SUFFIXES[words.pop()[1]]
    if not words:
        return None
    surname_start = len(words) - 1
    while surname_start > 0 and words[surname_start - 1][1] in PARTICLES and words[surname_start - 1][0].islower():
        surname_start -= 1
    surname = fold("".join(low for _, low in words[surname_start:]))
    given = tuple(fold_given(low) for _, low in words[:surname_start])
    return PersonName(display, given, surname, suffix, tuple(titles), gender, given_form(words[0][1]))


def _same_given(a: str, b: str) -> bool:
    """Two given names agree: equal when folded, or one is the other's initial."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names agree when one name has none, or both have the same number and each
    pair agrees: "George W. Bush" is not "George H. W. Bush" (which also keeps "Hillary
    Diane Rodham Clinton" apart from "Hillary Rodham Clinton"; curation can join them)."""
    if not (a and b):
        return True
    return len(a) == len(b) and all(_same_given(x, y) for x, y in zip(a, b))


def compatible(a: PersonName, b: PersonName) -> bool:
    """Whether the names may be one person by their letters alone.

    Never for a different surname, suffix or gender, nor for different given names
    ("Donald" / "Ivanka", "Bill" / "Hillary"); a bare surname is compatible with
    every full name that has it, but only evidence should join them.
    """
    if a.surname != b.surname or a.suffix != b.suffix:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if not (a.given and b.given):
        return True
    a_initials, b_initials = _initials_only(a), _initials_only(b)
    if a_initials != b_initials:
        # Initials stand for given names one by one: "J.J. Goldberg" has two, "Jonah Goldberg" one.
        initials, spelled = (a, b) if a_initials else (b, a)
        if len(initials.given) > len(spelled.given):
            return False
    return _same_given(a.given[0], b.given[0]) and _middles_agree(a.given[1:], b.given[1:])


def _initials_only(name: PersonName) -> bool:
    """Whether every given name of ``name`` is written as an initial ("J.J. Goldberg")."""
    return all(len(g) == 1 for g in name.given)

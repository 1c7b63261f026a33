"""What names look like: the evidence, short of the article's discourse, that a run of words
names a person or a body, and which of its words are the name.

spaCy's small NER was trained on American and European news; names from elsewhere come out as
organisations, with titles and ranks inside them ("Maj Gen Al Gaithi", "SSP Ruwan
Hettiarachchi"), and organisations under several forms ("the NDMA", "National Disaster
Management Authority"). These functions read a name's shape (a given name from the name table,
an initial, a title only people bear, a particle) and its words, so that :mod:`sayso.pipeline.cast`
can correct NER and link the forms of one name.
"""

# No `from __future__ import annotations`, as in the components that use it.
import re
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.firstnames import given_name
from sayso.pipeline.passages import load_lexicon
from sayso.pipeline.wordnet import is_word, names_a_person, senses

# Dependency labels of the words that may stand before a name as its title ("Italy's leader").
PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "det", "npadvmod"})


def lexicon() -> dict[str, Any]:
    return load_lexicon("speakers.json")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """One of the lexicon's word lists, as a set."""
    return frozenset(lexicon()[key])


def clean(doc: Doc, start: int, end: int) -> str | None:
    """The text of ``doc[start:end]`` without leading articles, possessive pronouns,
    honorifics and punctuation or trailing punctuation (``None`` if nothing is left)."""
    honorifics = lexicon()["honorifics"]
    while start < end and (
        doc[start].dep_ == "det" or doc[start].tag_ in ("PRP$", "WP$") or doc[start].is_punct
        or doc[start].is_space
        or doc[start].lower_ in honorifics
    ):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text if start < end else None


def modifiers_start(token: Token, start: int) -> int:
    """Where the run of modifiers before ``doc[start]`` that belong to ``token`` begins
    ("Italy's Northern League leader" before "Matteo Salvini"); a comma or dash ends it."""
    doc = token.doc
    while start > token.left_edge.i:
        before = doc[start - 1]
        if before.dep_ not in PREMODIFIERS and not (before.dep_ == "punct" and before.tag_ == "HYPH"):
            break
        start -= 1
    return start


# A given name that says a person's gender even against a pronoun sayso resolved to them:
# listed by this many sources, this one-sided ("Melanie", "Donald"; not "Kelly").
CERTAIN_SOURCES = 25
CERTAIN_SHARE = 0.97

# How many name sources must list a given name that is also an English word ("Sultan", "Grace",
# "Mark"; not "Kenya" or "Star") before it counts as a name.
COMMON_WORD_SOURCES = 22


def is_given_name(token: Token) -> bool:
    """A capitalised word that the name sources list as a given name ("Kemi", "Wanjiru",
    "Serhiy"), and widely so when it is an English word as well."""
    name = given_name(token.text) if token.is_title else None
    if name is None or token.lower_ in words("organisation_words"):
        return False
    # A common word too ("Sultan", "Grace") only when many sources list it as a name.
    return senses(token) is None or name.sources >= COMMON_WORD_SOURCES


def plain_given_name(word: str) -> bool:
    """A given name that is no English word ("Ildefonso", "Aung"; not "Crooked" or "Rip")."""
    return given_name(word) is not None and not is_word(word.lower())


def is_initial(token: Token) -> bool:
    return len(token.text.rstrip(".")) == 1 and token.text[0].isupper()


# A Korean name as English news writes it, family name first and the two-syllable given name
# hyphenated ("Ko Min-jung", "Kim Jong-un"): no body is named so.
_FAMILY_FIRST = re.compile(r"[A-Z][a-z]{1,3} [A-Z][a-z]+-[a-z]+")


def person_shaped(name: TokenSpan) -> bool:
    """Whether a name's shape says it is a person's, whatever NER called it: two to four
    capitalised words opening with a given name or an initial ("Olayemi Cardoso",
    "S Somanath"), none of which is a word that names organisations ("Police", "Bank"), or
    a family name before a hyphenated given name ("Ko Min-jung")."""
    if _FAMILY_FIRST.fullmatch(name.text):
        return True
    if not 2 <= len(name) <= 4 or not (is_given_name(name[0]) or is_initial(name[0])):
        return False
    organisation_words = words("organisation_words")
    return all(
        (t.text[:1].isupper() or t.lower_ in ("al", "bin", "binti", "de", "van", "von", "dela", "da"))
        and t.lower_ not in organisation_words
        for t in name
    )




def noun_phrase(token: Token) -> str | None:
    """A noun with its modifiers, e.g. "Wagner mercenaries", "Trump campaign"."""
    return clean(token.doc, modifiers_start(token, token.i), token.i + 1)


def name_tokens(ent: TokenSpan) -> TokenSpan | None:
    """The name inside an entity span, without an article, honorific or title abbreviation."""
    lex = lexicon()
    skip = {"the"} | lex["honorifics"].keys() | lex["title_abbreviations"].keys()
    start, end = ent.start, ent.end
    # A name does not run across a line break; NER sometimes does ("X.\n\nTrump").
    start = max([start] + [t.i + 1 for t in ent if t.is_space and t.i < end - 1])
    # Nor does it start with a verb or an epithet that a headline capitalised ("Injecting Clinton",
    # "Say Mexico", "Derelict Obama": a word no one is named, before a word that is only a name).
    while start < end and (ent.doc[start].lower_ in skip or ent.doc[start].is_space
                           or ent.doc[start].pos_ in ("VERB", "ADP", "PART", "CCONJ", "SCONJ")
                           or (ent.label_ == "PERSON" and start < end - 1 and given_name(ent.doc[start].text) is None
                               and is_word(ent.doc[start].lower_) and not is_word(ent.doc[start + 1].lower_)
                               and ent.doc[start].lower_ not in words("rank_titles"))):
        start += 1
    while end > start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_space or ent.doc[end - 1].tag_ == "POS"
                           or ent.doc[end - 1].lower_ in ("'s", "’s")):  # a curly "’s" the tagger missed
        end -= 1
    opened = next((t.i for t in ent.doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in ent.doc[opened:end]):
        end = opened  # "Philippine National Police (PNP": NER stopped inside the brackets
    titles = words("rank_titles")
    if ent.label_ == "PERSON" and start == ent.start:
        start -= unlisted_given_name(ent.doc, start, skip | titles)
    if ent.label_ == "PERSON":  # "Det Insp Sunil Karunaratne", "SSP Ruwan Hettiarachchi"
        while start < end - 1 and ent.doc[start].lower_.rstrip(".") in titles:
            start += 1
        start += capitalised_description(ent.doc[start:end])
    if start >= end or all(t.lower_.rstrip(".") in titles for t in ent.doc[start:end]):
        return None  # "Det Insp" alone names nobody
    return ent.doc[after_titles(ent.doc[start:end], ent.label_ == "PERSON"):end]


def unlisted_given_name(doc: Doc, start: int, titles: set[str] | frozenset[str]) -> int:
    """1 when the word before a person's name is a given name NER left out ("Amelize Joseph
    loves ..."): a capitalised word compounded with the name that is no English word (nor its
    singular), no title and no part of another entity, else 0."""
    if start == 0:
        return 0
    word = doc[start - 1]
    forms = {word.lower_, word.lower_.removesuffix("s")}  # "Senators Charles E. Grassley"
    return int(word.dep_ == "compound" and word.head.i >= start and word.is_title and word.is_alpha
               and not word.ent_type_ and senses(word) is None
               and not any(form in titles or is_word(form) for form in forms))


def capitalised_description(name: TokenSpan) -> int:
    """1 when a person's name opens a sentence with a noun for a kind of person that only its
    place capitalised ("Retiree Lim Meow Seng, 62, said", "Farmer Jane Doe"), else 0. The
    word must be no given name ("Hunter Biden") and leave a name of two words or more that
    no organisation word is part of ("Farmer Brothers Company" stays whole)."""
    if len(name) < 3:
        return 0
    first = name[0]
    sentence_start = first.is_sent_start or (first.i > 0 and "\n" in first.doc[first.i - 1].text_with_ws)
    return int(sentence_start and names_a_person(first.text) and not is_given_name(first)
               and not any(t.lower_ in words("organisation_words") for t in name[1:]))


def after_titles(name: TokenSpan, person: bool) -> int:
    """Where a name starts after the titles and ranks written into it ("Maj Gen Al Gaithi",
    "Ochapowace Chief Margaret Bear", "ISRO Chairman S Somanath"): after the last title
    word that is followed by capitalised words only. Outside a PERSON entity only when
    what is left has a person's shape, so "General Motors" keeps its first word."""
    titles = words("rank_titles")
    for k in range(len(name) - 2, -1, -1):
        if name[k].lower_ in titles and all(
                t.text[:1].isupper() or t.lower_ in words("surname_particles") for t in name[k + 1:]):
            rest = name[k + 1:]
            if person or person_shaped(rest) or name[k].lower_ in words("person_only_titles"):
                return rest.start
            break
    return name.start


def role_of(name: TokenSpan) -> str | None:
    """The role the article gives a named person at this mention, as written.

    An apposition ("Serhiy Haidai, governor of ...", "the former governor,
    Christine Todd Whitman") says more than a pre-modifier ("journalist
    Christo Grozev"), so it wins when both are there.
    """
    doc, root = name.doc, name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.tag_ in ("NN", "NNS"):
            return clean(doc, child.left_edge.i, child.right_edge.i + 1)
    if root.dep_ == "appos" and root.head.tag_ in ("NN", "NNS") and root.head.i < name.start:
        return clean(doc, root.head.left_edge.i, root.left_edge.i)
    start = modifiers_start(root, name.start)
    # A title ends in a noun ("Democratic pollster", "Sen."); a lone "leading" or "Republican" is none.
    if start < name.start and doc[name.start - 1].pos_ in ("NOUN", "PROPN"):
        return clean(doc, start, name.start)
    return None


def key_words(text: str) -> list[str]:
    """A name's words as keys: lowercased, one apostrophe ("O’Neill" is "O'Neill")."""
    return text.lower().replace("’", "'").split()


def full_name(keys: list[str], kind: str) -> bool:
    """A person's name with a given name in it ("Bill de Blasio"), not a surname with a
    particle ("de Blasio", "bin Laden")."""
    return len(keys) > 1 and kind == "person" and keys[0] not in words("surname_particles")


def same_words(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(bare(x) == bare(y) for x, y in zip(a, b, strict=True))


def bare(word: str) -> str:
    """A name word without an Arabic article ("al-Nuaimi" is "Nuaimi")."""
    for particle in ("al-", "el-", "ad-", "as-", "ash-", "an-", "at-"):
        if word.startswith(particle) and len(word) > len(particle) + 1:
            return word[len(particle):]
    return word


_SPELLED = re.compile(
    r"((?:[A-Z][\w'’.&-]*\s+(?:(?:of|for|and|on|in|the|de|du|des)\s+)*)*[A-Z][\w'’.&-]*)\s*\(([A-Z][A-Za-z&-]{1,9})\)"
)


def spelled_out(text: str) -> dict[str, str]:
    """Acronyms the article spells out, with the full name: "Tugela Coast Water (TCW)" gives
    {"TCW": "Tugela Coast Water"}. The full name is the capitalised words whose initials the
    acronym spells, else (an acronym in another language: "Volcano Monitoring Agency (BPGA)")
    all of them when they name a body; never a person's name ("Ali Bilal (PTI)")."""
    found: dict[str, str] = {}
    for match in _SPELLED.finditer(text):
        full, acronym = match.group(1).split(), match.group(2)
        letters = acronym.replace("&", "").replace("-", "").upper()
        capitals = [i for i, w in enumerate(full) if w[:1].isupper() and w not in ("The", "A", "An")]
        name = next((full[i:] for i in capitals
                     if "".join(full[k][0] for k in capitals if k >= i).upper() == letters), None)
        if name is None and len(capitals) > 1 and given_name(full[capitals[0]]) is None and any(
                w.lower() in words("organisation_words") for w in full):
            name = full[capitals[0]:]
        if name is not None:
            found.setdefault(acronym, " ".join(name))
    return found


# Words that make a role another office than the one without them.
LESSER_RANKS = frozenset({"vice", "deputy", "former", "assistant", "acting", "associate", "ex", "junior", "co"})

_LEGAL_FORMS = frozenset("co co. ltd ltd. inc inc. corp corp. plc llc ag sa gmbh bhd nv".split())


def without_legal_form(name: str) -> str:
    """A company's name without its legal form: "Samsung Electronics Co Ltd" is "Samsung Electronics"."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().strip(",") in _LEGAL_FORMS:
        parts.pop()
    return " ".join(parts).rstrip(",")


def initials(name: str) -> str:
    """The initials of a name's capitalised words ("International Monetary Fund" -> "IMF")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and len(w) > 1)


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 10 and text.isupper() and text.replace("&", "").replace("-", "").isalpha()


_PARTICLE = r"(?:bin|binti|bint|al|el|van|von|der|den|de|del|da|dos|dela|le|la|ibn|abu)"
_WORD = r"[A-Z][\w'’-]*\.?"


def fullest_form(name: str, text: str, gender: str | None = None) -> str | None:
    """The one longer form of a person's name the text writes, when NER never took it whole:
    "Adekanmbi" is "Olumide Adekanmbi" in "CP Olumide Adekanmbi", "Muhammad Zaki" is
    "Muhammad Zaki bin Harun", "van der Merwe" is "Johan van der Merwe". Only for a name without
    its given name, and only a form that opens with a given name or an initial, on one line and
    in one sentence; titles and ranks before it are left out. None when the text gives none, or
    two different ones ("Hillary Clinton" and "Bill Clinton" for "Clinton"), unless the ``gender``
    known of the person ("Mr. Obama": "m") leaves one of them ("Barack Obama", not "Michelle Obama")."""
    first = name.split()[0]
    if (plain_given_name(first) and len(name.split()) > 1) or len(first.rstrip(".")) == 1:
        return None
    titles = words("rank_titles") | words("person_only_titles")
    pattern = re.compile(
        rf"(?<![\w'’-])((?:{_WORD}[ \t]+(?:{_PARTICLE}[ \t]+)*){{1,3}}){re.escape(name)}"
        rf"((?:[ \t]+{_PARTICLE}[ \t]+{_WORD})*)(?![\w'’-])"
    )
    forms = set()
    for match in pattern.finditer(text):
        before = match.group(1).split()
        # The longest run of name words right before it, opening with a given name or an
        # initial: "Oleksiy" of "the President's Office Oleksiy Kuleba", "Mike" after "Gov.";
        # never "Crooked Hillary Clinton" or "One Republican".
        run: list[str] = []
        for word in reversed(before):
            if word.lower() in titles or word.lower().rstrip(".") in titles or not _name_word(word) or (
                    word.endswith(".") and len(word) > 2):  # a sentence ends there ("Coal. Tom Clarke")
                break
            run.insert(0, word)
        if run:
            forms.add(" ".join(run + [name] + match.group(2).split()))
    if " " not in name:  # "Ko" is "Ko Min-jung": the family name first
        forms |= {m.group(0) for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)} [A-Z][a-z]+-[a-z]+(?![\w'’-])", text)
                  if _FAMILY_FIRST.fullmatch(m.group(0))}
    longest = {f for f in forms if not any(f.lower() != g.lower() and f.lower() in g.lower() for g in forms)}
    if gender is not None:  # "Mr. Keller" is not the "Anna Keller" the text also names
        longest = {f for f in longest if _given_gender(f.split()[0]) in (None, gender)}
    if len(longest) != 1:  # none, or two people ("Pádraig" and "Ciarán Ó Flaithearta")
        return None
    form = longest.pop()
    opening = form.split()[0].rstrip(".")
    return form if given_name(opening) or len(opening) == 1 or _FAMILY_FIRST.fullmatch(form) else None


def _given_gender(word: str) -> str | None:
    first = given_name(word)
    return first.gender if first is not None else None


_NICKNAMED = re.compile(
    rf"((?:{_WORD}[ \t]+){{1,3}})[\"“]([A-Z][\w'’.-]*)[\"”][ \t]+((?:{_PARTICLE}[ \t]+)*{_WORD}(?:[ \t]+Jr\.?)?)"
)


def with_nickname(name: str, text: str) -> str | None:
    """A person's name as the text writes it in full with a nickname in quotes: "Bobby Scott"
    or "Scott" is 'Robert C. "Bobby" Scott', "Ronald dela Rosa" 'Ronald "Bato" dela Rosa'.
    Titles before it are left out; None when the text writes no such form, or two."""
    keys = name.split()
    titles = words("rank_titles") | words("person_only_titles")
    forms = set()
    for match in _NICKNAMED.finditer(text):
        nickname, surname = match.group(2), match.group(3).split()
        given: list[str] = []
        for word in reversed(match.group(1).split()):
            if word.lower().rstrip(".") in titles or not _name_word(word) or (
                    word.endswith(".") and len(word) > 2):  # "Del.", or a sentence's end
                break
            given.insert(0, word)
        if given and (keys == surname or keys[1:] == surname and keys[0] in (nickname, given[0])):
            forms.add(f'{" ".join(given)} "{nickname}" {" ".join(surname)}')
    return forms.pop() if len(forms) == 1 else None


def misspelt(word: str, surname: str) -> bool:
    """Whether a surname is written with one letter wrong, missing or doubled ("Nevhuhulwa" for
    "Nevhuhulwi", "McLenney" for "McClenney"), as news copy has it now and then; a short name is
    too likely another's to tell."""
    word, surname = word.lower(), surname.lower()
    if word == surname or min(len(word), len(surname)) < 6 or word[0] != surname[0]:
        return False
    if len(word) == len(surname):
        return sum(a != b for a, b in zip(word, surname, strict=True)) == 1
    short, long = sorted((word, surname), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _name_word(word: str) -> bool:
    """A word that may stand in a person's name: an initial, a particle, or a capitalised word
    that is no common English word unless many sources list it as a given name ("Bill")."""
    if len(word.rstrip(".")) == 1 or word.lower() in words("surname_particles"):
        return True
    name, lower = given_name(word), word.lower()
    if lower in STOP_WORDS:  # "To Ben Carson"
        return False
    common = is_word(lower) or (lower.endswith("s") and is_word(lower[:-1]))  # "Calls", "Says"
    return not common or (name is not None and name.sources >= COMMON_WORD_SOURCES)

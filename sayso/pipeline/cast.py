"""The cast of an article: its named participants, where each is mentioned, and what they are.

``sayso_speakers`` (:mod:`sayso.pipeline.speakers`) resolves each source against
the cast, and the relays (:mod:`sayso.corpus.relays`) name who posted a thing
with it, so it is built from the parse alone: NER entities linked by surname,
each with its kind, the role from its apposition or pre-modifiers, and the
gender the article itself gives it.
"""

# No `from __future__ import annotations`, as in the component that uses it.
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.firstnames import given_name
from sayso.pipeline.passages import load_lexicon
from sayso.pipeline.wordnet import senses
from sayso.records import Span

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "NORP": "group"}
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels of a pronoun that a subject in the same clause may be ("Clinton said she").
BOUND_PRONOUNS = SUBJECTS | {"poss"}
# Dependency labels of the words that may stand before a name as its title ("Italy's leader").
PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "det", "npadvmod"})
# The speaker types a pronoun kind (see the lexicon) may refer to.
ACCEPTS = {"person": {"person"}, "group": {"group", "organisation"}, "organisation": {"organisation"}}


class Referent(NamedTuple):
    """Who a source mention stands for, in the shape of the record's speaker fields."""

    speaker: str | None
    type: str
    role: str | None = None
    gender: str | None = None  # "f" or "m"
    gender_evidence: str | None = None


UNKNOWN = Referent(None, "unknown")
ANONYMOUS = Referent(None, "anonymous")


@dataclass(eq=False)
class Entity:
    """One named participant of the article, with what the article says about them."""

    name: str
    type: str
    role: str | None = None
    gender: str | None = None
    # What says so: "pronoun", "honorific", "gendered noun" or "first name".
    gender_evidence: str | None = None
    # The gender of the honorific the article puts before this person ("Mrs. Clinton"), if any.
    honorific: str | None = None
    role_words: set[str] = field(default_factory=set)
    # NER's label at the first mention ("ORG", "GPE"...), which tells a body from a place.
    label: str = ""
    mentions: int = 0

    def referent(self) -> Referent:
        if self.type == "group":  # "Republicans": a description, not someone's name
            return Referent(None, "group", self.name)
        if self.type != "person":
            return Referent(self.name, self.type, self.role)
        return Referent(self.name, self.type, self.role, self.gender, self.gender_evidence)

    def set_gender(self, gender: str | None, evidence: str) -> None:
        """Record a gender unless the text has shown one already: what the text says (a
        pronoun, an honorific, a gendered noun) overrides what a first name suggests, except
        that a pronoun sayso only guessed refers to the person does not override a name
        nearly all of whose bearers are of one gender ("Melanie")."""
        if gender is None or gender == self.gender:
            return
        if self.gender is None or (self.gender_evidence == "first name" and evidence != "first name" and not (
                evidence == "pronoun" and self.name_is_certain)):
            self.gender, self.gender_evidence = gender, evidence

    @property
    def name_is_certain(self) -> bool:
        first = given_name(self.name.split()[0]) if self.type == "person" else None
        return first is not None and first.sources >= CERTAIN_SOURCES and (
            first.female_share >= CERTAIN_SHARE or first.female_share <= 1 - CERTAIN_SHARE)


class Mention(NamedTuple):
    """Where a named entity is mentioned: first character, head token of the name."""

    start: int
    root: Token
    entity: Entity


def lexicon() -> dict[str, Any]:
    return load_lexicon("speakers.json")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """One of the lexicon's word lists, as a set."""
    return frozenset(lexicon()[key])


words_of = words  # for functions whose own variable is called ``words``


def _clean(doc: Doc, start: int, end: int) -> str | None:
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


def _modifiers_start(token: Token, start: int) -> int:
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


def _is_given_name(token: Token) -> bool:
    """A capitalised word that the name sources list as a given name ("Kemi", "Wanjiru",
    "Serhiy"), and widely so when it is an English word as well."""
    name = given_name(token.text) if token.is_title else None
    if name is None or token.lower_ in words("organisation_words"):
        return False
    # A common word too ("Sultan", "Grace") only when many sources list it as a name.
    return senses(token) is None or name.sources >= COMMON_WORD_SOURCES


def _is_initial(token: Token) -> bool:
    return len(token.text.rstrip(".")) == 1 and token.text[0].isupper()


def person_shaped(name: TokenSpan) -> bool:
    """Whether a name's shape says it is a person's, whatever NER called it: two to four
    capitalised words opening with a given name or an initial ("Olayemi Cardoso",
    "S Somanath"), none of which is a word that names organisations ("Police", "Bank")."""
    if not 2 <= len(name) <= 4 or not (_is_given_name(name[0]) or _is_initial(name[0])):
        return False
    organisation_words = words("organisation_words")
    return all(
        (t.text[:1].isupper() or t.lower_ in ("al", "bin", "binti", "de", "van", "von", "dela", "da"))
        and t.lower_ not in organisation_words
        for t in name
    )


def _entity_type(label: str, name: TokenSpan) -> str:
    """The speaker type of a named entity. The small model calls unfamiliar surnames
    NORP ("said Haidai"); a lone singular proper noun without an article that is a
    subject is a person, where a real NORP subject is plural ("Republicans said").
    It calls many names from outside Europe organisations ("Kemi Badenoch"): a name
    of a person's shape is a person's."""
    root = name.root
    lone = len(name) == 1 and root.tag_ == "NNP" and not any(c.dep_ == "det" for c in root.children)
    if label == "NORP" and lone and root.dep_ in ("nsubj", "nsubjpass"):
        return "person"
    if label in ("ORG", "NORP") and person_shaped(name):  # a place's name is no person's ("New York")
        return "person"
    if label == "ORG" and name.start > 0 and name.doc[name.start - 1].lower_ in words("person_only_titles"):
        return "person"  # "SSP Ruwan Hettiarachchi": a title only people bear
    if label == "PERSON" and len(name) > 1 and (
        _acronym(name[-1].text) or name[-1].lower_ in words("organisation_words")
    ) and not _is_given_name(name[0]):
        return "organisation"  # "Saskatchewan RCMP", "Punjab Police"
    return ENTITY_TYPES[label]


def noun_phrase(token: Token) -> str | None:
    """A noun with its modifiers, e.g. "Wagner mercenaries", "Trump campaign"."""
    return _clean(token.doc, _modifiers_start(token, token.i), token.i + 1)


def name_tokens(ent: TokenSpan) -> TokenSpan | None:
    """The name inside an entity span, without an article, honorific or title abbreviation."""
    lex = lexicon()
    skip = {"the"} | lex["honorifics"].keys() | lex["title_abbreviations"].keys()
    start, end = ent.start, ent.end
    # A name does not run across a line break; NER sometimes does ("X.\n\nTrump").
    start = max([start] + [t.i + 1 for t in ent if t.is_space and t.i < end - 1])
    # Nor does it start with a verb that a headline capitalised ("Injecting Clinton", "Say Mexico").
    while start < end and (ent.doc[start].lower_ in skip or ent.doc[start].is_space or ent.doc[start].pos_ == "VERB"):
        start += 1
    while end > start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_space or ent.doc[end - 1].tag_ == "POS"):
        end -= 1
    titles = words("rank_titles")
    if ent.label_ == "PERSON":  # "Det Insp Sunil Karunaratne", "SSP Ruwan Hettiarachchi"
        while start < end - 1 and ent.doc[start].lower_.rstrip(".") in titles:
            start += 1
    if start >= end or all(t.lower_.rstrip(".") in titles for t in ent.doc[start:end]):
        return None  # "Det Insp" alone names nobody
    return ent.doc[after_titles(ent.doc[start:end], ent.label_ == "PERSON"):end]


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
            return _clean(doc, child.left_edge.i, child.right_edge.i + 1)
    if root.dep_ == "appos" and root.head.tag_ in ("NN", "NNS") and root.head.i < name.start:
        return _clean(doc, root.head.left_edge.i, root.left_edge.i)
    start = _modifiers_start(root, name.start)
    # A title ends in a noun ("Democratic pollster", "Sen."); a lone "leading" or "Republican" is none.
    if start < name.start and doc[name.start - 1].pos_ in ("NOUN", "PROPN"):
        return _clean(doc, start, name.start)
    return None


def _key_words(text: str) -> list[str]:
    """A name's words as keys: lowercased, one apostrophe ("O’Neill" is "O'Neill")."""
    return text.lower().replace("’", "'").split()


def _full_name(words: list[str], kind: str) -> bool:
    """A person's name with a given name in it ("Bill de Blasio"), not a surname with a
    particle ("de Blasio", "bin Laden")."""
    return len(words) > 1 and kind == "person" and words[0] not in words_of("surname_particles")


def _same_words(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(_bare(x) == _bare(y) for x, y in zip(a, b, strict=True))


def _bare(word: str) -> str:
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
_LESSER_RANKS = frozenset({"vice", "deputy", "former", "assistant", "acting", "associate", "ex", "junior", "co"})

_LEGAL_FORMS = frozenset("co co. ltd ltd. inc inc. corp corp. plc llc ag sa gmbh bhd nv".split())


def _without_legal_form(name: str) -> str:
    """A company's name without its legal form: "Samsung Electronics Co Ltd" is "Samsung Electronics"."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(",") in _LEGAL_FORMS:
        words.pop()
    return " ".join(words).rstrip(",")


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("International Monetary Fund" -> "IMF")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and len(w) > 1)


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 10 and text.isupper() and text.replace("&", "").replace("-", "").isalpha()


class Intervals:
    """Whether a character offset lies inside any of a set of spans."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for span in sorted(spans):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: object) -> bool:
        i = bisect_right(self._starts, offset) - 1  # type: ignore[arg-type]
        return i >= 0 and offset < self._ends[i]  # type: ignore[operator]


class Cast:
    """The named participants of one article and where each is mentioned.

    One-word names ("Haidai", "Mr. Trump") join the most recent multi-word
    person with that surname (or first name), whatever label NER gave them;
    failing that the first such person mentioned later (headlines name people
    by surname before the article gives the full name).

    A gendered honorific narrows that choice: "Mrs. Clinton" joins only a full
    name whose gender agrees or is unknown, and first one the article already
    addresses with that honorific, so an article about Hillary Clinton that
    mentions Bill Clinton in passing does not hand him her quotes. Genders are
    known from what the article itself says of a full name at any of its
    mentions (its own honorific, "Mrs. Hillary Clinton"; a gendered role word,
    "her husband, Bill Clinton"; the honorific the article puts before another
    full name with the same first name), and from each honorific mention as it
    is linked, so later mentions stay consistent. Only an honorific, not a role
    word, makes a name preferred: "his brother, George W. Bush" says George is a
    man, not that the article's "Mr. Bush" is George rather than Jeb. Pronouns
    bound in a named subject's clause ("Clinton said she") then tell the gender
    of the people nothing else did, for resolving the pronouns of later sources.
    """

    def __init__(self, doc: Doc) -> None:
        lex = lexicon()
        self._honorifics: dict[str, str] = lex["honorifics"]
        self._titles: dict[str, str] = lex["title_abbreviations"]
        self._gendered = {w: g for g, words in lex["gendered_words"].items() for w in words}
        self._pronouns = {w: g for w, (kind, g) in lex["pronouns"].items() if kind == "person" and g}
        named = []
        for ent in doc.ents:
            name = name_tokens(ent)
            if ent.label_ in ENTITY_TYPES and name is not None and name.root.pos_ in ("PROPN", "NOUN"):
                named.append((ent, name, _key_words(name.text), _entity_type(ent.label_, name)))
        # Multi-word person names first, so a surname can refer forward to one.
        self._full: list[tuple[int, list[str], Entity]] = []
        full_by_key: dict[tuple[str, str], Entity] = {}
        self._full_count: Counter[Entity] = Counter()
        for _, name, words, kind in named:
            if _full_name(words, kind):
                entity = full_by_key.setdefault((words[0], words[-1]), Entity(name.text, "person"))
                # The fullest form the article gives ("Loretta E. Lynch", not "Loretta Lynch").
                if len(name) > len(entity.name.split()):
                    entity.name = name.text
                self._full_count[entity] += 1
                self._full.append((name.start_char, words, entity))
        self.by_name: dict[str, Entity] = {e.name: e for e in full_by_key.values()}
        self._full_genders([(name, full_by_key[(words[0], words[-1])]) for ent, name, words, kind in named
                            if _full_name(words, kind)])
        for entity in full_by_key.values():  # the weakest evidence, but it keeps "Mr. Obama" off Michelle
            first = given_name(entity.name.split()[0])
            entity.set_gender(first and first.gender, "first name")
        self._votes: dict[Entity, Counter[str]] = {}
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        for ent, name, words, kind in named:
            if _full_name(words, kind):
                entity = full_by_key[(words[0], words[-1])]
            else:
                gender = self.honorific_gender(ent.doc[max(ent.start - 1, 0):name.start])
                entity = self.link(words, name, kind, by_surname=ent.label_ != "GPE", gender=gender)
            entity.label = entity.label or ent.label_
            entity.mentions += 1
            self._describe(entity, ent, name)
            mention = Mention(name.start_char, name.root, entity)
            self.mentions.append(mention)
            self.by_token.update((i, mention) for i in range(ent.start, ent.end))
        self._starts = [m.start for m in self.mentions]
        for entity, votes in self._votes.items():
            # NER labels one name differently across an article; the majority (ties to
            # person) decides, and an honorific ("Mr.") makes it a person outright.
            if entity.gender is None:
                entity.type = max(votes, key=lambda kind: (votes[kind], kind == "person"))
            if entity.type != "person":
                entity.role, entity.role_words = None, set()
        for entity in self.by_name.values():  # a lone given name ("Melanie said")
            if entity.type == "person" and " " not in entity.name and entity.name_is_certain:
                entity.set_gender(given_name(entity.name).gender, "first name")
        self._pronoun_genders()
        self._name_organisations(doc)
        self.acronyms = spelled_out(doc.text)

    def honorific_gender(self, tokens: Iterable[Token]) -> str | None:
        """The gender the honorifics among ``tokens`` give ("Mrs." -> "f"), if any."""
        return next((self._honorifics[t.lower_] for t in tokens if t.lower_ in self._honorifics), None)

    def _role_gender(self, role: str | None) -> str | None:
        """The gender a role's words give ("her husband" -> "m"), if any."""
        return next((self._gendered[w] for w in (role or "").lower().split() if w in self._gendered), None)

    def _full_genders(self, full: list[tuple[TokenSpan, Entity]]) -> None:
        """Give each full-name person the gender the article states at any of its mentions:
        an honorific before it (else the one the article puts before another full name
        with the same first name) or a gendered role word. Conflicting evidence (a role
        that is someone else's) leaves the gender unknown."""
        addressed: dict[Entity, set[str]] = {}
        roles: dict[Entity, set[str]] = {}
        by_first: dict[str, set[str]] = {}
        for name, entity in full:
            honorific = self.honorific_gender(name.doc[max(name.start - 1, 0):name.start])
            if honorific is not None:
                addressed.setdefault(entity, set()).add(honorific)
                by_first.setdefault(name[0].lower_, set()).add(honorific)
            role = self._role_gender(role_of(name))
            if role is not None:
                roles.setdefault(entity, set()).add(role)
        for name, entity in full:
            honorifics = addressed.get(entity) or by_first.get(name[0].lower_, set())
            known = honorifics | roles.get(entity, set())
            if len(honorifics) == 1:
                entity.honorific = next(iter(honorifics))
            if len(known) == 1:
                entity.set_gender(next(iter(known)), "honorific" if honorifics else "gendered noun")

    def _pronoun_genders(self) -> None:
        """Genders from pronouns bound in a named subject's own clause ("Clinton said she
        would", "Clinton and her husband"): the first gendered pronoun after the name in
        the subtree of its verb, before a quotation mark or any other name that may be a
        person, when it is a subject or a possessive. A person of unknown gender takes
        the gender all such pronouns agree on."""
        votes: dict[Entity, set[str]] = {}
        pronouns = self._pronouns
        for _, root, entity in self.mentions:
            if entity.type != "person" or root.dep_ not in SUBJECTS:
                continue
            for token in root.head.subtree:
                if token.i <= root.i:
                    continue
                other = self.by_token.get(token.i)
                if (
                    token.is_quote
                    or (other is None and token.pos_ == "PROPN")
                    or (other is not None and other.entity is not entity and other.entity.type == "person")
                ):
                    break
                gender = pronouns.get(token.lower_)
                if gender and token.tag_ in ("PRP", "PRP$"):
                    # An object pronoun is someone else ("Obama backed her up"); a subject or
                    # possessive one may be the name ("Clinton said she", "Clinton and her husband").
                    if token.dep_ in BOUND_PRONOUNS:
                        votes.setdefault(entity, set()).add(gender)
                    break
        for entity, genders in votes.items():
            if len(genders) == 1:
                entity.set_gender(next(iter(genders)), "pronoun")

    def link(
        self, words: list[str], name: TokenSpan, kind: str, by_surname: bool = True, gender: str | None = None
    ) -> Entity:
        """The entity a name refers to, creating it when the article has none yet.

        ``gender`` is what an honorific before the name says: only a full name of that
        gender or an unknown one may be meant, and one the article already addresses
        with that honorific comes first.
        """
        if by_surname and (len(words) == 1 or words[0] in words_of("surname_particles")):
            # Surname first ("Lynch", "de Blasio"), then first name ("Hillary").
            for index in (-1, 0) if len(words) == 1 else (-1,):
                matches = [
                    (start, e) for start, full, e in self._full
                    if _same_words(full[-len(words):] if index == -1 else full[:1], words)
                    and e.gender in (None, gender or e.gender)
                ]
                agreeing = [(start, e) for start, e in matches if gender is not None and e.honorific == gender]
                matches = agreeing or matches
                if matches:
                    # Two people sharing a surname: the one the article names in full more often
                    # (its subject, not a relative mentioned once), the latest named on a tie.
                    order = {e: k for k, (start, e) in enumerate(matches) if start < name.start_char}
                    return max((e for _, e in matches),
                               key=lambda e: (self._full_count[e], e in order, order.get(e, 0)))
        entity = self.by_name.setdefault(name.text, Entity(name.text, kind))
        self._votes.setdefault(entity, Counter())[kind] += 1
        return entity

    def _describe(self, entity: Entity, ent: TokenSpan, name: TokenSpan) -> None:
        """Record the role and gender this mention reveals, unless already known."""
        gender = self.honorific_gender(ent.doc[max(ent.start - 1, 0):name.start])
        if gender is not None:
            entity.set_gender(gender, "honorific")
            entity.honorific, entity.type = entity.honorific or gender, "person"
        role = role_of(name)
        words = (role or "").lower().split()
        # Every mention's role words count: "the Republican nominee" may be described
        # as such at any mention of the name.
        entity.role_words |= set(words) | {self._titles[w] for w in words if w in self._titles}
        if entity.role is None and role is not None:
            entity.role = role
            entity.set_gender(self._role_gender(role), "gendered noun")

    def _name_organisations(self, doc: Doc) -> None:
        """One name per organisation: an acronym the article spells out ("National Disaster
        Management Authority (NDMA)") joins its full name, written with it as the article
        gives them together; a shorter name whose words all belong to a longer one ("the
        Canadiens", "Montreal Canadiens"; "Peabody", "Peabody Energy") becomes the longer.
        Places are left alone: "Kenya" is not "Amnesty International Kenya"."""
        for entity in self.by_name.values():
            entity.name = _without_legal_form(entity.name) if entity.type == "organisation" else entity.name
        self._people_named_as_bodies()
        bodies = [e for e in self.by_name.values() if e.type in ("organisation", "unknown") and e.label != "GPE"]
        spelled: dict[str, Entity] = {}
        for _, root, entity in self.mentions:
            if entity not in bodies:
                continue
            after = doc[root.i + 1:root.i + 4]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and _acronym(after[1].text):
                spelled.setdefault(after[1].text, entity)
        for acronym, entity in spelled.items():
            if acronym not in entity.name:
                full = f"{entity.name} ({acronym})"
                for other in self.by_name.values():
                    if other is not entity and other.name == acronym:
                        other.name, other.type = full, entity.type
                entity.name = full
        for entity in bodies:  # "the IMF" when the article writes "International Monetary Fund"
            if _acronym(entity.name) and entity.name not in spelled:
                full = [o for o in bodies if _initials(o.name) == entity.name]
                if full:
                    entity.name, entity.type = full[0].name, "organisation"
        keyed = [(e, set(e.name.lower().replace("(", " ").replace(")", " ").split())) for e in bodies]
        for entity, key in keyed:
            longer = [(o.mentions, o) for o, other in keyed if key < other and o.type == "organisation"]
            if longer:
                entity.name, entity.type = max(longer, key=lambda pair: pair[0])[1].name, "organisation"

    def _people_named_as_bodies(self) -> None:
        """NER calls a company a person now and then ("Samsung Elec" in a headline, "Qualcomm"):
        a "person" without a given name whose first word opens an organisation's name in the
        same article is that organisation."""
        bodies = [e for e in self.by_name.values() if e.label == "ORG" and e.type == "organisation"]
        for entity in self.by_name.values():
            first = entity.name.split()[0]
            if entity.type != "person" or entity.honorific or given_name(first) is not None:
                continue
            body = next((b for b in bodies if b.name.split()[0] == first and b is not entity), None)
            if body is not None:
                entity.name, entity.type, entity.gender, entity.role = body.name, "organisation", None, None

    def canonical(self, name: str) -> str:
        """An organisation's name as the article gives it with its acronym: "TCW", "the TCW",
        "Tugela Coast Water" and a shorter "Association of Hospital Doctors" (NER cut "in
        Wales") are all "Tugela Coast Water (TCW)" when the article writes that once."""
        bare = name.removeprefix("the ").removeprefix("The ")
        for acronym, full in self.acronyms.items():
            if bare == acronym or bare == full or (
                    len(bare.split()) > 1 and full.startswith(bare) and full[len(bare):len(bare) + 1] == " "
            ) or (bare.lower() in words("organisation_words") and full.endswith(" " + bare)):
                return f"{full} ({acronym})"
        return name

    def known(self, name: TokenSpan) -> Entity | None:
        """The participant a capitalised word the tagger misread is the name of ("Trump"
        tagged a verb at a sentence's start): one the article names so, in full or by surname."""
        key = _key_words(name.text)
        for entity in self.by_name.values():
            words = _key_words(entity.name)
            if entity.type in ("person", "organisation") and (words == key or (
                    entity.type == "person" and _same_words(words[-len(key):], key))):
                return self.link(key, name, entity.type)
        return None

    def organisation_named(self, word: str, before: int) -> Entity | None:
        """The named organisation whose name holds ``word`` ("police": "Ghana Police Service"):
        the latest mentioned before ``before``, else the first after it."""
        i = bisect_left(self._starts, before)
        order = list(range(i - 1, -1, -1)) + list(range(i, len(self.mentions)))
        for k in order:
            entity = self.mentions[k].entity
            name = entity.name.lower().replace("(", " ").split()
            # "Accra Regional Police Commander" is a person's title, not the police.
            if entity.type == "organisation" and word in name and name[-1] not in words("rank_titles"):
                return entity
        return None

    def latest(
        self, before: int, floor: int, accept: set[str], gender: str | None,
        subjects_only: bool, outside: Intervals, places: bool = True,
    ) -> Entity | None:
        """The most recently mentioned compatible entity between ``floor`` and ``before``
        (``places=False``: not a country or city)."""
        i = bisect_left(self._starts, before) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            start, root, entity = self.mentions[i]
            i -= 1
            if (
                entity.type in accept and gender in (None, entity.gender or gender)
                and (places or entity.label != "GPE")
                and (not subjects_only or root.dep_ in SUBJECTS) and start not in outside
            ):
                return entity
        return None

    def following(self, after: int, until: int, accept: set[str], gender: str | None) -> Entity | None:
        """The first compatible entity named as a subject between ``after`` and ``until``: what a
        pronoun opening an article refers to ("He demanded …" before "Mr. Naidu said")."""
        for start, root, entity in self.mentions[bisect_left(self._starts, after):]:
            if start >= until:
                break
            if entity.type in accept and gender in (None, entity.gender or gender) and root.dep_ in SUBJECTS:
                return entity
        return None

    def by_description(self, words: set[str], head: str, before: int) -> Entity | None:
        """The person a description stands for ("the Republican nominee", "the Indiana
        governor"): among those whose roles hold its head word, the one whose roles share
        most of its words, the latest mentioned before ``before`` on a tie."""
        best: tuple[int, int, Entity] | None = None
        for k, (start, _, entity) in enumerate(self.mentions):
            if head not in entity.role_words or entity.type != "person":
                continue
            if (entity.role_words & _LESSER_RANKS) - words:  # "the presidential nominee" is not the vice one
                continue
            score = (len(words & entity.role_words), start < before, k if start < before else -k)
            if best is None or score > best[:3]:
                best = (*score, entity)
        return best[-1] if best else None

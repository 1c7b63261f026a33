"""The cast of an article: its named participants, where each is mentioned, and what they are.

``sayso_speakers`` (:mod:`sayso.pipeline.speakers`) resolves each source against
the cast, and the relays (:mod:`sayso.corpus.relays`) name who posted a thing
with it, so it is built from the parse alone: NER entities linked by surname,
each with its kind, the role from its apposition or pre-modifiers, and the
gender the article itself gives it.
"""

# No `from __future__ import annotations`, as in the component that uses it.
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.firstnames import given_name
from sayso.pipeline.names import (
    LESSER_RANKS,
    bare,
    full_name,
    initials,
    is_acronym,
    is_given_name,
    key_words,
    lexicon,
    name_tokens,
    person_shaped,
    plain_given_name,
    role_of,
    same_words,
    spelled_out,
    without_legal_form,
    words,
)
from sayso.pipeline.participants import Entity, Intervals, Mention
from sayso.pipeline.wordnet import is_word

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "NORP": "group"}
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels of a pronoun that a subject in the same clause may be ("Clinton said she").
BOUND_PRONOUNS = SUBJECTS | {"poss"}
def _entity_type(label: str, name: TokenSpan) -> str:
    """The speaker type of a named entity. The small model calls unfamiliar surnames
    NORP ("said Haidai"); a lone singular proper noun without an article that is a
    subject and no dictionary word is a person, where a real NORP subject is plural
    ("Republicans said") or a word ("One Republican said").
    It calls many names from outside Europe organisations ("Kemi Badenoch"): a name
    of a person's shape is a person's."""
    root = name.root
    lone = len(name) == 1 and root.tag_ == "NNP" and not any(c.dep_ == "det" for c in root.children)
    if label == "NORP" and is_acronym(root.text):
        return "organisation"  # "the NDMA said" is a body, not a people
    if label == "NORP" and lone and root.dep_ in ("nsubj", "nsubjpass") and not is_word(root.lower_):
        return "person"  # but "One Republican said" is one of a party
    if label in ("ORG", "NORP") and person_shaped(name):  # a place's name is no person's ("New York")
        return "person"
    if label in ("ORG", "GPE") and _described_as_person(name.root):  # "Sutrisno, who heads …"
        return "person"
    if label == "ORG" and name.start > 0 and name.doc[name.start - 1].lower_ in words("person_only_titles"):
        return "person"  # "SSP Ruwan Hettiarachchi": a title only people bear
    if label == "PERSON" and len(name) > 1 and (
        is_acronym(name[-1].text) or name[-1].lower_ in words("organisation_words")
    ) and not is_given_name(name[0]):
        return "organisation"  # "Saskatchewan RCMP", "Punjab Police"
    return ENTITY_TYPES[label]


def _join_shorter_forms(full_by_key: dict[tuple[str, str], Entity], full: list[tuple[int, list[str], Entity]]) -> None:
    """A shorter full form that ends a longer one is the same person: "Suu Kyi" and "Aung San
    Suu Kyi", "Guajardo Villarreal" and "Ildefonso Guajardo Villarreal"."""
    forms: dict[Entity, list[str]] = {}
    for _, keys, entity in full:
        forms.setdefault(entity, keys)
        if len(keys) > len(forms[entity]):
            forms[entity] = keys
    for entity, keys in forms.items():
        longer = [e for e, other in forms.items() if len(other) > len(keys) and other[-len(keys):] == keys
                  and plain_given_name(other[0])]  # not "Crooked Hillary Clinton"
        if len(longer) == 1:
            for key, e in full_by_key.items():
                if e is entity:
                    full_by_key[key] = longer[0]
            full[:] = [(start, k, longer[0] if e is entity else e) for start, k, e in full]


# What a name is said to be that makes it a body's, whatever NER called it.
_BODY_ROLES = frozenset({"newspaper", "daily", "broadcaster", "agency", "company", "firm", "network",
                         "channel", "magazine", "website", "outlet", "tabloid", "weekly"})


def _described_as_person(root: Token) -> bool:
    """Whether the sentence says the name is a person's: a relative clause on "who" ("Sutrisno,
    who heads …") or an apposition that is a person's title ("Fahmi, the minister")."""
    for child in root.rights:
        if child.dep_ == "relcl" and any(t.lower_ in ("who", "whom", "whose") for t in child.lefts):
            return True
        if child.dep_ == "appos" and child.lemma_.lower() in words("person_titles") | words("rank_titles"):
            return True
    return False


def _main_verb(verb: Token) -> bool:
    """A sentence's main verb, or one joined to it by "and" ("Pence arrived and said")."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _bracketed(token: Token) -> bool:
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


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
        self.text = doc.text  # Doc.text joins every token: built once, for the resolver too
        lex = lexicon()
        self._honorifics: dict[str, str] = lex["honorifics"]
        self._titles: dict[str, str] = lex["title_abbreviations"]
        self._gendered = {w: g for g, keys in lex["gendered_words"].items() for w in keys}
        self._pronouns = {w: g for w, (kind, g) in lex["pronouns"].items() if kind == "person" and g}
        named = []
        for ent in doc.ents:
            name = name_tokens(ent)
            if ent.label_ in ENTITY_TYPES and name is not None and name.root.pos_ in ("PROPN", "NOUN") and not (
                    len(name) == 1 and name.root.tag_ == "NNS" and name.root.pos_ == "NOUN"
                    and ent.label_ != "PERSON") and any(  # "Screenshots" NER took for a body
                    c.isupper() for c in name.text) and not (  # a name is written with a capital: not "secretary of state"
                    len(name) == 1 and ent.label_ != "PERSON" and name.root.i == name.root.sent.start
                    and (name.root.lower_ in lex["organisation_nouns"] or name.root.lower_ in words("generic_bodies"))):
                # (nor a body's common noun opening a sentence: "Bank executives aren't")
                named.append((ent, name, key_words(name.text), _entity_type(ent.label_, name)))
        # Multi-word person names first, so a surname can refer forward to one.
        self._full: list[tuple[int, list[str], Entity]] = []
        full_by_key: dict[tuple[str, str], Entity] = {}
        self._full_count: Counter[Entity] = Counter()
        for _, name, keys, kind in named:
            if full_name(keys, kind):
                entity = full_by_key.setdefault((keys[0], keys[-1]), Entity(name.text, "person"))
                # The fullest form the article gives ("Loretta E. Lynch", not "Loretta Lynch").
                if len(name) > len(entity.name.split()):
                    entity.name = name.text
                self._full_count[entity] += 1
                self._full.append((name.start_char, keys, entity))
        _join_shorter_forms(full_by_key, self._full)
        self.by_name: dict[str, Entity] = {e.name: e for e in full_by_key.values()}
        self._full_genders([(name, full_by_key[(keys[0], keys[-1])]) for ent, name, keys, kind in named
                            if full_name(keys, kind)])
        for entity in full_by_key.values():  # the weakest evidence, but it keeps "Mr. Obama" off Michelle
            first = given_name(entity.name.split()[0])
            entity.set_gender(first.gender if first else None, "first name")
        self._votes: dict[Entity, Counter[str]] = {}
        # Where a surname several people named in full share stands, its pronoun's gender deciding nothing.
        self._ambiguous: set[int] = set()
        # Where a bound pronoun's gender told which of them a shared surname means ("Trump says he").
        self.pronoun_told: dict[int, str] = {}
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        # The honorifics the article puts before each lone surname ("Mr. Obama"): an article that
        # only ever writes "Mr. Obama" means him by a bare "Obama" too, not Michelle Obama.
        addressed: dict[str, set[str]] = {}
        for ent, name, keys, _ in named:
            honorific = self.honorific_gender(ent.doc[max(ent.start - 1, 0):name.start])
            if len(keys) == 1 and honorific is not None:
                addressed.setdefault(keys[0], set()).add(honorific)
        for ent, name, keys, kind in named:
            if full_name(keys, kind):
                entity = full_by_key[(keys[0], keys[-1])]
            else:
                gender = self.honorific_gender(ent.doc[max(ent.start - 1, 0):name.start])
                if gender is None and len(keys) == 1 and len(addressed.get(keys[0], ())) == 1:
                    gender = next(iter(addressed[keys[0]]))
                # A place is no one's surname, but for a subject NER took for one ("Nervo wrote") or a
                # word no dictionary has as a place ("Nervo's conclusion"; not "Jordan's").
                by_surname = ent.label_ != "GPE" or (len(keys) == 1 and (
                    name.root.dep_ in SUBJECTS or not is_word(keys[0])))
                entity = self.link(keys, name, kind, by_surname=by_surname, gender=gender,
                                   bound=self.bound_gender(name.root))
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
                first = given_name(entity.name)
                entity.set_gender(first.gender if first else None, "first name")
        self._pronoun_genders()
        self._name_organisations(doc)
        self.acronyms = spelled_out(self.text)

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
        for start, root, entity in self.mentions:
            if entity.type != "person" or start in self._ambiguous:  # which namesake it is nobody knows
                continue
            gender = self.bound_gender(root, entity)
            if gender is not None:
                votes.setdefault(entity, set()).add(gender)
        for entity, genders in votes.items():
            if len(genders) == 1:
                entity.set_gender(next(iter(genders)), "pronoun")

    def bound_gender(self, root: Token, entity: Entity | None = None) -> str | None:
        """The gender of the pronoun bound in a named subject's own clause, if any: the first
        gendered pronoun after the name in the subtree of its verb, before a quotation mark or
        any other name that may be a person's (not ``entity``'s), when it is a subject or a
        possessive ("Clinton said she would", "Clinton and her husband"; an object pronoun is
        someone else: "Obama backed her up")."""
        if root.dep_ not in SUBJECTS:
            return None
        for token in root.head.subtree:
            if token.i <= root.i:
                continue
            other = self.by_token.get(token.i)
            if token.is_quote or (other is None and token.pos_ == "PROPN") or (
                    other is not None and other.entity is not entity and other.entity.type == "person"):
                return None
            gender = self._pronouns.get(token.lower_)
            if gender and token.tag_ in ("PRP", "PRP$"):
                return gender if token.dep_ in BOUND_PRONOUNS else None
        return None

    def link(
        self, keys: list[str], name: TokenSpan, kind: str, by_surname: bool = True, gender: str | None = None,
        bound: str | None = None,
    ) -> Entity:
        """The entity a name refers to, creating it when the article has none yet.

        ``gender`` is what an honorific before the name says: only a full name of that
        gender or an unknown one may be meant, and one the article already addresses
        with that honorific comes first. ``bound`` is the gender of a pronoun bound in the
        name's clause ("Trump says he would pay"): of people sharing the surname, it picks
        those known to be of that gender. A surname still shared is marked ambiguous.
        """
        if by_surname and (len(keys) == 1 or keys[0] in words("surname_particles")):
            # Surname first ("Lynch", "de Blasio"), then first name ("Hillary"); never a first
            # name after an honorific: "Mr. Obama" is no "Obama Speech" a caption wrote.
            for index in (-1, 0) if len(keys) == 1 and gender is None else (-1,):
                matches = [
                    (start, e) for start, full, e in self._full
                    if same_words(full[-len(keys):] if index == -1 else full[:1], keys)
                    and e.gender in (None, gender or e.gender)
                ]
                agreeing = [(start, e) for start, e in matches if gender is not None and e.honorific == gender]
                matches = agreeing or matches
                if bound is not None and len({e for _, e in matches}) > 1:
                    agree = [(start, e) for start, e in matches if e.gender == bound]
                    if agree and len(agree) < len(matches):
                        matches, self.pronoun_told[name.start_char] = agree, bound
                if len({e for _, e in matches}) > 1:
                    self._ambiguous.add(name.start_char)
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
        said = (role or "").lower().split()
        # Every mention's role words count: "the Republican nominee" may be described
        # as such at any mention of the name.
        entity.role_words |= set(said) | {self._titles[w] for w in said if w in self._titles}
        if entity.role is None and role is not None:
            entity.role = role
            if entity.type == "person" and said and said[-1] in _BODY_ROLES and not {"of", "for", "at"} & set(said):
                entity.type = "organisation"  # "South Korean newspaper Chosun Ilbo"
            else:
                entity.set_gender(self._role_gender(role), "gendered noun")

    def _name_organisations(self, doc: Doc) -> None:
        """One name per organisation: an acronym the article spells out ("National Disaster
        Management Authority (NDMA)") joins its full name, written with it as the article
        gives them together; a shorter name whose words all belong to a longer one ("the
        Canadiens", "Montreal Canadiens"; "Peabody", "Peabody Energy") becomes the longer.
        Places are left alone: "Kenya" is not "Amnesty International Kenya"."""
        for entity in self.by_name.values():
            entity.name = without_legal_form(entity.name) if entity.type == "organisation" else entity.name
        self._people_named_as_bodies()
        bodies = [e for e in self.by_name.values() if e.type in ("organisation", "unknown") and e.label != "GPE"]
        spelled: dict[str, Entity] = {}
        for _, root, entity in self.mentions:
            if entity not in bodies:
                continue
            after = doc[root.i + 1:root.i + 4]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and is_acronym(after[1].text):
                spelled.setdefault(after[1].text, entity)
        for acronym, entity in spelled.items():
            if acronym not in entity.name:
                full = f"{entity.name} ({acronym})"
                for other in self.by_name.values():
                    if other is not entity and other.name == acronym:
                        other.name, other.type = full, entity.type
                entity.name = full
        named = [e for e in self.by_name.values() if e.type == "organisation"]
        for entity in named:  # "the IMF", "the UAE" when the article writes the names in full
            if is_acronym(entity.name) and entity.name not in spelled:
                written = [o for o in named if initials(o.name) == entity.name and o.label == entity.label]
                if written:
                    entity.name, entity.type = written[0].name, "organisation"
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
            body = next((b for b in bodies if b is not entity and (
                b.name.split()[0] == first or b.name.endswith(" " + entity.name))), None)  # "Canadiens"
            if body is not None:
                entity.name, entity.type, entity.gender, entity.role = body.name, "organisation", None, None

    def by_role_acronym(self, acronym: str, before: int) -> Entity | None:
        """The person whose role an acronym stands for ("the IG" for "Inspector General Usman
        Anwar"): the latest mentioned before ``before`` whose role's capitalised words spell it."""
        i = bisect_left(self._starts, before) - 1
        while i >= 0:
            entity = self.mentions[i].entity
            if entity.type == "person" and entity.role and acronym in initials(entity.role):
                return entity
            i -= 1
        return None

    def body_of_kind(self, noun: str, before: int, kinds: dict[str, list[str]]) -> Entity | None:
        """The body a generic noun refers back to ("the airline", "the utility"): the latest
        named before ``before`` whose name says it is of that kind ("Saqr Airways", "Tugela Coast
        Water"), else the latest named body that is not a news agency quoted in passing; with
        none before it, the first of that kind named after it."""
        marks = set(kinds.get(noun, ()))
        agencies = words("news_agencies")
        fallback = None
        i = bisect_left(self._starts, before) - 1
        while i >= 0:
            start, root, entity = self.mentions[i]
            i -= 1
            if entity.type != "organisation" or entity.label == "GPE" or _bracketed(root):
                continue
            name = set(entity.name.lower().split())
            if name & marks:
                return entity
            if fallback is None and not name & agencies:
                fallback = entity
        if fallback is None:  # a headline's "bloc aims to …" before the lead names the European Union
            return next((e for _, root, e in self.mentions[bisect_left(self._starts, before):]
                         if e.type == "organisation" and e.label != "GPE" and not _bracketed(root)
                         and set(e.name.lower().split()) & marks), None)
        return fallback

    def namesakes(self, entity: Entity) -> list[Entity]:
        """The people named in full whose surname is ``entity``'s ("Margaret Bear", "Heather Bear")."""
        surname = bare(key_words(entity.name)[-1])
        named = [e for _, full, e in self._full if bare(full[-1]) == surname]
        named += [e for e in self.by_name.values()  # a name NER gave another label ("Chief Margaret Bear")
                  if e.type == "person" and " " in e.name and bare(key_words(e.name)[-1]) == surname]
        return list(dict.fromkeys(named))

    def canonical(self, name: str) -> str:
        """An organisation's name as the article gives it with its acronym: "TCW", "the TCW",
        "Tugela Coast Water" and a shorter "Association of Hospital Doctors" (NER cut "in
        Wales") are all "Tugela Coast Water (TCW)" when the article writes that once."""
        plain = name.removeprefix("the ").removeprefix("The ")
        for acronym, full in self.acronyms.items():
            if plain == acronym or plain == full or (
                    len(plain.split()) > 1 and full.startswith(plain) and full[len(plain):len(plain) + 1] in (" ", "'", "’")
            ) or (plain.lower() in words("organisation_words") and full.endswith(" " + plain)):
                return f"{full} ({acronym})"
        return name

    def body_in_full(self, name: str) -> str | None:
        """The one organisation whose longer name a one-word name opens ("Peabody" for "Peabody
        Energy"), when no person the article names bears that word: how news shortens a
        company's name after its first mention, which NER may not tag again."""
        if " " in name:
            return None
        key = key_words(name)
        people = [e for e in self.by_name.values() if e.type == "person" and key[0] in key_words(e.name)]
        bodies = {e.name for e in self.by_name.values() if e.type == "organisation" and e.label != "GPE"
                  and key_words(e.name)[0] == key[0] and " " in e.name}
        return bodies.pop() if len(bodies) == 1 and not people else None

    def known(self, name: TokenSpan) -> Entity | None:
        """The participant a capitalised word the tagger misread is the name of ("Trump"
        tagged a verb at a sentence's start): one the article names so, in full or by surname."""
        key = key_words(name.text)
        for entity in self.by_name.values():
            keys = key_words(entity.name)
            if entity.type in ("person", "organisation") and (keys == key or (
                    entity.type == "person" and same_words(keys[-len(key):], key))):
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
        subjects_only: bool, outside: Intervals, places: bool = True, main_clause: bool = False, lean: bool = True,
    ) -> Entity | None:
        """The most recently mentioned compatible entity between ``floor`` and ``before``
        (``places=False``: not a country or city, nor a name in brackets, as a wire service's
        in a dateline: "NAIROBI (Reuters) -"; ``main_clause``: only the subject of a sentence's
        main verb, not of a clause inside it: "Pence says … hours after Trump tweeted")."""
        i = bisect_left(self._starts, before) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            start, root, entity = self.mentions[i]
            i -= 1
            if (
                entity.type in accept and entity.agrees(gender, lean)
                and (places or (entity.label != "GPE" and not _bracketed(root)))
                and (not subjects_only or root.dep_ in SUBJECTS) and start not in outside
                and (not main_clause or _main_verb(root.head))
            ):
                return entity
        return None

    def following(
        self, after: int, until: int, accept: set[str], gender: str | None, lean: bool = True
    ) -> Entity | None:
        """The first compatible entity named as a subject between ``after`` and ``until``: what a
        pronoun opening an article refers to ("He demanded …" before "Mr. Naidu said")."""
        for start, root, entity in self.mentions[bisect_left(self._starts, after):]:
            if start >= until:
                break
            if entity.type in accept and entity.agrees(gender, lean) and root.dep_ in SUBJECTS:
                return entity
        return None

    def by_description(self, described: set[str], head: str, before: int) -> Entity | None:
        """The person a description stands for ("the Republican nominee", "the Indiana
        governor"): among those whose roles hold its head word, the one whose roles share
        most of its words, the latest mentioned before ``before`` on a tie."""
        best: tuple[int, bool, int, Entity] | None = None
        parties = lexicon()["party_words"]
        party = {parties[w] for w in described if w in parties}
        for k, (start, _, entity) in enumerate(self.mentions):
            if head not in entity.role_words or entity.type != "person":
                continue
            if (entity.role_words & LESSER_RANKS) - described:  # "the presidential nominee" is not the vice one
                continue
            theirs = {parties[w] for w in entity.role_words if w in parties}
            if party and theirs and not party & theirs:  # "the Democratic nominee" is not the Republican one
                continue
            score = (len(described & entity.role_words), start < before, k if start < before else -k)
            if best is None or score > best[:3]:
                best = (*score, entity)
        return best[-1] if best else None

"""Component ``sayso_speakers``: who stands behind each attribution's source.

A source is written the way the article refers to someone at that point ("he",
"Haidai", "the governor", "a video posted by journalist Christo Grozev"), but
readers, the store and the cross-article speaker registry need one canonical
name per participant, the kind of speaker, and the role the article gives them.
So the component builds the article's *cast* once per document
(:mod:`sayso.pipeline.cast`: NER entities linked by surname, each with the role
from its apposition or pre-modifiers) and resolves every source against it in
text order, which lets a pronoun fall back on the previous attribution's
speaker, the way "he added" reads in news prose.
"""

# No `from __future__ import annotations`: spaCy validates factory arguments from live type hints.
from collections.abc import Iterable
from functools import cached_property

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.pipeline.artifacts import in_headline, issuer
from sayso.pipeline.bodies import Bodies
from sayso.pipeline.cast import SUBJECTS, Cast
from sayso.pipeline.firstnames import given_name
from sayso.pipeline.names import (
    after_titles,
    capitalised_description,
    fullest_form,
    is_acronym,
    lexicon,
    misspelt,
    noun_phrase,
    person_shaped,
    with_nickname,
    words,
)
from sayso.pipeline.participants import (
    ANONYMOUS,
    UNKNOWN,
    Entity,
    Intervals,
    Referent,
)
from sayso.pipeline.passages import (
    Paragraphs,
    check_paragraph_gap,
    token_span,
)
from sayso.pipeline.pronouns import Pronouns
from sayso.pipeline.sources import (
    AGED,
    after_dateline,
    antecedent,
    capitalised_noun,
    content_words,
    joins_name,
    own_words,
    sane,
    source_head,
)
from sayso.pipeline.wordnet import names_a_person
from sayso.records import Attribution

_GENDERS = {"f": "female", "m": "male"}
_DECK = 200  # characters: a headline's deck line is short


class _Resolver(Pronouns):
    """Resolves the sources of one document's attributions, in text order."""

    def __init__(self, doc: Doc, attributions: list[Attribution], max_paragraph_gap: int) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.cast = Cast(doc)
        self.text = self.cast.text
        self.paragraphs = Paragraphs(self.text)
        self.quoted = Intervals(s for a in attributions for s in a.content)
        self.bodies = Bodies(doc, self.cast, self.lex, self.quoted)
        self.gap = max_paragraph_gap
        self._gendered = {w: g for g, ws in self.lex["gendered_words"].items() for w in ws}
        self._resolving: set[int] = set()
        self.last_spoke: dict[str, int] = {}  # speaker name -> order of their latest attribution
        self._full_forms: dict[tuple[str, str | None], str | None] = {}
        self._current: Attribution | None = None

    def run(self, attributions: list[Attribution]) -> None:
        previous: tuple[Attribution, Referent] | None = None
        for attribution in attributions:
            self._current = attribution
            span = after_dateline(token_span(self.doc, attribution.source[0])) if attribution.source else None
            referent = UNKNOWN if span is None else self.headline_says(span, sane(self.compound(span, previous)))
            if referent.speaker and referent.type in ("organisation", "unknown", "person"):
                named = self.cast.canonical(referent.speaker)
                if named != referent.speaker:
                    referent = referent._replace(speaker=named, type="organisation")
            if referent.speaker and referent.type in ("organisation", "unknown"):
                in_full = self.cast.body_in_full(referent.speaker)
                if in_full is not None:
                    referent = referent._replace(speaker=in_full, type="organisation")
            if referent.speaker and len(referent.speaker.split()) <= 3 and (
                    referent.type == "person" or referent.type == "unknown" and referent.speaker.istitle()):
                referent = self.in_full(referent)
            if referent.type == "person" and referent.speaker and referent.speaker.isupper() and len(referent.speaker) > 3:
                referent = referent._replace(speaker=referent.speaker.title())  # a transcript's "WALLACE:"
            attribution.speaker, attribution.speaker_type, attribution.speaker_role = referent[:3]
            attribution.speaker_gender = _GENDERS.get(referent.gender or "") if referent.type == "person" else None
            attribution.gender_evidence = referent.gender_evidence if attribution.speaker_gender else None
            if span is not None:
                previous = (attribution, referent)
                if referent.speaker:
                    self.last_spoke.pop(referent.speaker, None)  # dicts keep insertion order
                    self.last_spoke[referent.speaker] = len(self.last_spoke)
        for attribution in attributions:  # a pronoun met later may have told a person's gender
            entity = self.cast.by_name.get(attribution.speaker or "")
            if attribution.speaker_type == "person" and entity is not None and entity.gender:
                attribution.speaker_gender = _GENDERS[entity.gender]
                attribution.gender_evidence = entity.gender_evidence

    def headline_says(self, span: TokenSpan, referent: Referent) -> Referent:
        """A headline's bare noun ("…, official says", "Minister warns …") is the person the
        lead below it names: a headline sums up the lead, whose first named person is the one
        it means, whether or not the lead's own statement was found. A noun for a kind of person
        the headline capitalised ("Lawmaker urges …") is as bare, and the lead may come after
        a short deck line."""
        line_end = self.cast.text.find("\n")
        head = source_head(span)
        if 0 <= span.end_char <= line_end and head.lemma_.lower() in self.lex["person_titles"] and not any(
                c.dep_ == "det" for c in head.children):
            described = self.lead_description(head, line_end)
            if described is not None:  # "Judge rejects …" over "A New York judge has rejected …"
                return described.referent()
        bare = referent == ANONYMOUS or (len(span) == 1 and referent.speaker == span.text
                                         and names_a_person(span.text))  # "Lawmaker urges …"
        if not bare or line_end < 0 or span.end_char > line_end or \
                self.cast.text[:line_end].rstrip()[-1:] in ".!?\"”'’":
            return referent  # no headline line: a first line ending as a sentence does is the lead
        if head.tag_ not in ("NN", "NNP") or any(c.dep_ == "det" for c in head.children):
            return referent
        # A deck line under the headline ("Member of House panel says …") comes before the lead.
        blank = self.cast.text.find("\n\n", line_end)
        lead_start = blank if 0 <= blank - line_end <= _DECK else line_end
        first = next((t for t in self.doc if t.idx > line_end and not t.is_space), None)
        lead = next((t for t in self.doc if t.idx > lead_start and not t.is_space), None)
        for token in (self.doc[first.sent.start:lead.sent.end] if first and lead else ()):
            mention = self.cast.by_token.get(token.i)
            if mention is not None and mention.entity.type == "person":
                return mention.entity.referent()
        return referent

    def lead_description(self, head: Token, line_end: int) -> Entity | None:
        """The person a headline's description ("Judge rejects …", "Former DNC chairman calls for
        …") stands for: the one the lead describes with the same noun and "a" ("A New York judge has
        rejected …") and names after it (see :meth:`named_after_lead`)."""
        lemma = head.lemma_.lower()
        until = self.paragraphs.end_of(line_end + 1, 2)
        for token in self.doc[head.i + 1:]:
            if token.idx >= until:
                break
            if token.idx > line_end and token.pos_ == "NOUN" and token.lemma_.lower() == lemma:
                return self.named_after_lead(token)
        return None

    def compound(self, span: TokenSpan, previous: tuple[Attribution, Referent] | None) -> Referent:
        """A source naming several ("Usman Anwar and Mohsin Naqvi", "China and Russia") is
        all of them, joined by "and"; one named among an unnamed group ("Joseph and other
        community members") is that one."""
        root = source_head(span)
        heads = [root] + [t for t in root.conjuncts if span.start <= t.i < span.end and t.i > root.i]
        if len(heads) == 1:
            return self.referent(root, span, previous)
        referents = [self.referent(h, h.subtree if h is not root else own_words(root), previous) for h in heads]
        named = [r for r in referents if r.speaker is not None and r.type in ("person", "organisation")]
        if len(named) == len(referents):
            names = list(dict.fromkeys(r.speaker for r in named if r.speaker is not None))
            if len(names) == 1:
                return named[0]
            kind = "organisation" if all(r.type == "organisation" for r in named) else "group"
            return Referent(" and ".join(names), kind)
        return named[0] if len(named) == 1 else self.referent(root, span, previous)

    def referent(
        self, token: Token, tokens: Iterable[Token], previous: tuple[Attribution, Referent] | None
    ) -> Referent:
        """Who the mention headed by ``token`` (its words ``tokens``) stands for."""
        if token.i in self._resolving:  # a thing made by a thing made by … the first one
            return UNKNOWN
        self._resolving.add(token.i)
        try:
            return self._referent(token, tokens, previous)
        finally:
            self._resolving.discard(token.i)

    def _referent(
        self, token: Token, tokens: Iterable[Token], previous: tuple[Attribution, Referent] | None
    ) -> Referent:
        lex, lower, lemma = self.lex, token.lower_, token.lemma_.lower()
        if lower in lex["relative_pronouns"] and token.tag_ in ("WP", "WDT"):
            noun = antecedent(token)
            if noun is not None and lower in ("who", "whom"):
                noun = self.personal(noun)
            if noun is not None:
                return self.compound(self.doc[noun.left_edge.i:noun.i + 1], previous)
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.i in self.cast.by_token and \
                self.cast.by_token[token.head.i].entity.type == "person":
            # "John Bentel, a tech staffer at the State Department who told …": the named person described
            return self.referent(token.head, token.head.subtree, previous)
        if token.tag_ in ("PRP", "PRP$") and lower in lex["pronouns"]:
            return self.pronoun(token, previous)
        if lower in ("each", "both") and token.tag_ == "DT" and token.dep_ != "det":
            joint = self.joint_subject(token)
            if joint is not None:  # "Donald Trump and Hillary Clinton vied …, each saying"
                return self.compound(joint, previous)
        # "a Ukrainian close to the action", "one person": unnamed, so anonymous ("some economists" is a group).
        indefinite = token.tag_ in ("NN", "NNP", "JJ") and any(
            c.dep_ in ("det", "nummod") and c.lower_ in lex["indefinite_determiners"] for c in token.lefts
        )
        body_noun = lemma in lex["organisation_nouns"] or lemma in words("generic_bodies")
        mention = self.cast.by_token.get(token.i) or next(
            (self.cast.by_token[c.i] for c in token.children  # "the economist Jared Bernstein"
             if c.dep_ == "appos" and c.i in self.cast.by_token and self.cast.by_token[c.i].root == c
             and self.cast.by_token[c.i].entity.type in (("person", "organisation") if body_noun else ("person",))),
            None,  # "state-run newspaper the People's Daily"
        )
        if mention is not None and mention.entity.type != "person" and " " not in mention.entity.name and any(
                c.lower_ == "the" for c in token.lefts):  # "The Tánaiste said": a title, the person who holds it
            holder = self.cast.by_description({lower}, lower, token.idx)
            # The title heads the holder's role ("Tánaiste"); "the FBI" is no "FBI Director".
            if holder is not None and (holder.role or "").lower().split()[-1:] == [lower]:
                return holder.referent()
        if mention is not None and mention.entity.type == "group" and token.tag_ in ("NNP", "NN") and any(
                c.lower_ == "the" for c in token.lefts):  # "The Republican said": one person, described
            return self.described(token, lemma, previous)
        if mention is not None and mention.entity.type == "person" and mention.root.i == token.i and (
                token.i == 0 or token.nbor(-1).pos_ != "PROPN"):
            return self.namesake(mention.entity, mention.start).referent()
        if mention is not None and mention.entity.type == "organisation":
            parent = self.bodies.parent_body(token, mention.entity)
            if parent is not None:  # "The Public Relations Center of the Russian FSB"
                return parent.referent()._replace(role=mention.entity.name)
        if indefinite and mention is not None and mention.entity.type == "organisation" and mention.root == token \
                and " " not in mention.entity.name:  # "a super PAC": a kind of body NER took for a name
            return Referent(None, "organisation", noun_phrase(token))
        if mention is not None and not (indefinite and mention.entity.type == "group"):
            return mention.entity.referent()
        named = self.person_within(token, tokens)
        if named is not None:  # "Australia skipper Tim Paine", "X's senior consultant, Piers Pigou"
            return named.referent()
        named_after = next((c for c in token.rights if c.dep_ == "appos" and c.i not in self.cast.by_token
                            and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")), None)
        if named_after is not None and named_after.pos_ != "PROPN":  # "Park's lawyer, Choi Eun-young" (a JJ)
            name = self.doc[named_after.left_edge.i:named_after.i + 1]
            if person_shaped(name):
                return self.cast.link([t.lower_ for t in name], name, "person").referent()
        if named_after is not None and token.pos_ == "NOUN":  # "the commissioner, CP Olumide Adekanmbi",
            # "Cheong Wa Dae spokesperson Ko Min-jung": a named spokesperson is the person
            return self.referent(named_after, named_after.subtree, previous)
        if lemma in words("spokes_nouns") or lower in words("spokes_nouns"):
            body = self.bodies.body_of(token)
            if body is not None:  # "a Samsung spokeswoman", "officials at Homeland Security Investigations"
                return Referent(body, "organisation", noun_phrase(token))
        if token.pos_ == "PROPN" and token.lower_ in lex["organisation_nouns"] and not any(
                t.dep_ == "compound" for t in token.lefts):  # "Police in Kwara State said"
            return Referent(self.bodies.organisation(token), "organisation")
        if is_acronym(token.text) and any(c.lower_ == "the" for c in token.lefts):
            by_role = self.cast.by_role_acronym(token.text, token.idx)
            if by_role is not None:  # "the IG said": the Inspector General named before
                return by_role.referent()
        if token.pos_ == "PROPN" and token.lower_ in lex["product_nouns"] and (in_headline(token) or not any(
                c.dep_ == "compound" for c in token.lefts)):  # "Letter warned …", a headline's "New Poll Shows …"
            return self.author(token, tokens, previous)
        if token.pos_ == "PROPN" and not indefinite and not self.common_noun(token):
            run = [token]
            while run[0].i > 0 and joins_name(run[0].nbor(-1), token):
                run.insert(0, run[0].nbor(-1))
            while len(run) > 1 and run[0].lower_.rstrip(".") in words("rank_titles"):
                run.pop(0)  # "AC Tan", "Dr Asante-Jones"
            start = after_titles(self.doc[run[0].i:token.i + 1], False)
            name = self.doc[start + capitalised_description(self.doc[start:token.i + 1]):token.i + 1]
            if all(t.lower_.rstrip(".") in words("rank_titles") for t in name):  # "The Chief Justice"
                return self.described(token, lemma, previous)
            kind = "person" if person_shaped(name) or token.i in self._transcript_labels else "unknown"
            return self.cast.link([t.lower_ for t in name], name, kind, bound=self.cast.bound_gender(token)).referent()
        if self.common_noun(token):  # "Photographs released by the ministry": a plural, capitalised
            lemma = lower[:-1]
        if lemma in lex["product_nouns"] or lower in lex["product_nouns"] or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in lex["product_nouns"] for o in c.children)
            for c in token.rights
        ):  # "a video", or "a batch of emails"
            return self.author(token, tokens, previous)
        if lemma in ("official", "officer") and any(c.lower_ in ("the", "this") for c in token.lefts) and (
            previous is not None and previous[1].type == "person" and previous[1].speaker
        ):  # "Anwar said … the police official added": the person just quoted, not someone unnamed
            return previous[1]
        if indefinite and token.tag_ == "NN" and lemma in lex["person_titles"] and lemma not in lex["anonymous_nouns"]:
            named = self.named_after_lead(token)
            if named is not None:
                return named.referent()
        if indefinite or lemma in lex["anonymous_nouns"]:
            return ANONYMOUS
        members = self.named_members(token, previous)
        if members is not None:  # "Critics, like Senators Grassley and Leahy", "Proponents, including the mayors"
            return members
        plural = token.tag_ in ("NNS", "NNPS") and lemma != lower  # "companies", not "police"
        if (lemma in lex["organisation_nouns"] or lower in lex["organisation_nouns"]
                or lemma in words("generic_bodies")) and not plural:
            return Referent(self.bodies.organisation(token), "organisation")
        if token.tag_ in ("NNS", "NNPS") and lemma in words("member_nouns"):
            body = self.bodies.body_of(token)  # "economists at Bharat Capital Markets", "officials at HSI"
            if body is not None:
                return Referent(body, "organisation", noun_phrase(token))
        if token.tag_ in ("NNS", "NNPS") and token.is_title and not indefinite:
            known = self.cast.known(self.doc[token.i:token.i + 1])
            if known is not None and known.type == "person":  # "Sanders: Clinton needs to …", tagged a plural
                return known.referent()
        if token.tag_ in ("NNS", "NNPS") or self.common_noun(token):  # "analysts", "NUP supporters"
            return Referent(None, "group", noun_phrase(token))
        if lemma in lex["person_titles"] or lemma in self._gendered or AGED.search(
                self.doc[token.left_edge.i:token.i + 1].text):
            return self.described(token, lemma, previous)
        if token.text[:1].isupper():
            known = self.cast.known(self.doc[token.i:token.i + 1])
            if known is not None:
                return known.referent()
            if token.is_title and any(c.text == "The" and c.i > token.sent.start for c in token.lefts):
                return Referent(noun_phrase(token), "organisation")  # "according to The Nation": a title
        return UNKNOWN

    def personal(self, noun: Token) -> Token:
        """The noun a "who" stands for when the parser hung it on a place or a body in a phrase after that
        noun ("nervous Democrats on Capitol Hill, who have argued", "a spokesman for the FBI, who"): the
        noun the phrase modifies, as "who" stands for people, not places or bodies."""
        while noun.ent_type_ in ("GPE", "LOC", "FAC", "ORG") and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
                and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        return noun

    def joint_subject(self, token: Token) -> TokenSpan | None:
        """The subject naming several that a lone "each" or "both" stands for: the latest before
        it in its sentence or the one before ("Trump and Clinton vied …, each touting …")."""
        start = token.doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
        for t in reversed(self.doc[start:token.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts and t.idx not in self.quoted:
                last = max(t.conjuncts, key=lambda c: c.i)
                return self.doc[t.left_edge.i:last.i + 1] if last.i > t.i else None
        return None

    def named_members(self, token: Token, previous: tuple[Attribution, Referent] | None) -> Referent | None:
        """The ones a plural source names as its members ("Critics of the program, like Senators
        Grassley and Leahy", "Proponents, including the Conference of Mayors", "rights groups such
        as Amnesty International"): the named are who the article lets speak for the rest, as
        "Joseph and other community members" is Joseph."""
        if token.tag_ not in ("NNS", "NNPS"):
            return None
        for prep in token.rights:
            if prep.dep_ != "prep" or not (prep.lower_ in ("including", "like") or (
                    prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or not any(self.cast.by_token.get(t.i) for t in obj.subtree):
                continue
            found = self.compound(self.doc[obj.left_edge.i:obj.right_edge.i + 1], previous)
            if found.speaker is not None and found.type in ("person", "organisation", "group"):
                return found
        return None

    def named_after_lead(self, token: Token) -> Entity | None:
        """The person a news lead describes before naming them ("A New York judge has rejected
        …", then "Justice Frank Nervo rejected"): for a description with "a" in the article's
        first paragraph, the first person named as a sentence's subject in the two paragraphs after it
        whom the article has not named before it."""
        if not any(c.lower_ in ("a", "an") for c in token.lefts) or sum(
                1 for line in self.text[:token.idx].split("\n")[:-1] if line.strip()) > 1:
            return None
        until = self.paragraphs.end_of(token.idx, 3)
        before = {m.entity for m in self.cast.mentions if m.start < token.idx}
        for start, root, entity in self.cast.mentions:
            if token.idx < start < until and entity.type == "person" and root.dep_ in SUBJECTS \
                    and root.head.dep_ == "ROOT" and entity not in before:
                return entity
        return None

    def person_within(self, token: Token, tokens: Iterable[Token]) -> Entity | None:
        """The one named person of a source whose head is a title or a name the parser got
        wrong ("Cheong Wa Dae spokesperson Ko Min-jung"): not a group, not someone a
        preposition attaches ("a spokeswoman for Hillary Clinton", "advisers to Obama")."""
        lemma = token.lemma_.lower()
        if token.tag_ in ("NNS", "NNPS") or lemma in self.lex["product_nouns"] or lemma in self.lex["organisation_nouns"]:
            return None
        found = set()
        for t in tokens:
            mention = self.cast.by_token.get(t.i)
            if mention is None or mention.root != t or mention.entity.type != "person":
                continue
            path, head = [t], t
            while head.i != token.i and head.head.i != head.i:
                head = head.head
                path.append(head)
            # Only a name in apposition to the head or part of its compound: "Obama's strategist"
            # or "the Trump campaign" are someone else.
            if head.i == token.i and all(p.dep_ in ("appos", "compound", "nmod") for p in path[:-1]):
                found.add(mention.entity)
        return found.pop() if len(found) == 1 else None

    def in_full(self, referent: Referent) -> Referent:
        """A person known by a short form ("Adekanmbi") under the one longer form the text
        writes ("CP Olumide Adekanmbi"), nickname included ('Robert C. "Bobby" Scott' for "Bobby
        Scott"), with the gender its first name gives if none is known."""
        speaker = referent.speaker
        if speaker is None:
            return referent
        # What the text says of the gender narrows the forms; a first name NER cut out of the middle of
        # the name ("Salim" of "Maryam bint Salim al-Harthy") does not.
        gender = referent.gender if referent.gender_evidence != "first name" else None
        key = (speaker, gender)
        if key not in self._full_forms:
            full = fullest_form(speaker, self.text, gender) or self.misspelt(speaker)
            self._full_forms[key] = with_nickname(full or speaker, self.text) or full
        name = self._full_forms[key]
        if name is None:
            return referent
        referent = referent._replace(type="person")  # "Haskins" NER missed, written "Lorraine Haskins"
        # Its own first name, not one NER cut out of the middle: "Maryam bint Salim al-Harthy" is
        # not the man "Salim al-Harthy".
        if referent.gender is None or (referent.gender_evidence == "first name"
                                       and name.split()[0] != speaker.split()[0]):
            first = given_name(name.split()[0])
            if first is not None and first.gender:
                return referent._replace(speaker=name, gender=first.gender, gender_evidence="first name")
        return referent._replace(speaker=name)

    def misspelt(self, name: str) -> str | None:
        """The one person named in full whose surname a lone name misspells, if any."""
        if " " in name:
            return None
        people = {e.name for e in self.cast.by_name.values()
                  if e.type == "person" and " " in e.name and misspelt(name, e.name.split()[-1])}
        return people.pop() if len(people) == 1 else None

    def common_noun(self, token: Token) -> bool:
        """A capitalised plural opening a sentence ("Drivers said"), unless the article names
        someone so ("Sanders said")."""
        return capitalised_noun(token) and self.cast.known(self.doc[token.i:token.i + 1]) is None

    def namesake(self, entity: Entity, start: int) -> Entity:
        """Of two people the article names with one surname, the one a bare "Bear said" means:
        the one quoted last, as a reader takes it ("… Chief Margaret Bear said. … Bear said"),
        of those the pronoun bound in its clause agrees with ("Trump says he would")."""
        told = self.cast.pronoun_told.get(start)
        namesakes = [e for e in self.cast.namesakes(entity) if e.agrees(told)]
        spoke = [e for e in namesakes if e.name in self.last_spoke]
        return max(spoke, key=lambda e: self.last_spoke[e.name]) if len(namesakes) > 1 and spoke else entity

    def described(self, token: Token, lemma: str, previous: tuple[Attribution, Referent] | None) -> Referent:
        """A person described, not named ("the Indiana governor", "the 63-year-old"): the
        one whose roles match the description, else the person the article is following."""
        entity = self.cast.by_description(content_words(token), lemma, token.idx)
        if entity is None and is_acronym(token.text):  # "the IG", "the CP"
            entity = self.cast.by_role_acronym(token.text, token.idx)
        if entity is not None:
            return entity.referent()
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ == "PRP$":  # "my mother", "his lawyer": another
            return Referent(None, "person", noun_phrase(token))
        gender = self._gendered.get(lemma)
        # A description renames the person the story is about: the latest one named as a
        # sentence's subject ("Mike Pence says … The Indiana governor said"), not one named
        # inside a clause ("… hours after Trump tweeted").
        topic = self.cast.latest(token.idx, self.paragraphs.start_of(token.idx, 2), {"person"}, gender, True,
                                 self.quoted, main_clause=True)
        if topic is not None and owner is not None and self.referent(owner, owner.subtree, previous).speaker == topic.name:
            # "Clinton … the Democratic presidential candidate's former doctor": someone of hers, not her
            return Referent(None, "person", noun_phrase(token))
        if topic is not None:
            return topic.referent()
        described = self.pronoun(token, previous, gender)
        return described if described.speaker else Referent(None, "person", noun_phrase(token))

    def author(
        self, token: Token, tokens: Iterable[Token], previous: tuple[Attribution, Referent] | None
    ) -> Referent:
        """Who issued an artifact that "says" something ("the statement", "the report"):
        see :func:`sayso.pipeline.artifacts.issuer`."""
        producer = issuer(token, tokens, self.paragraphs, self.lex["product_nouns"])
        if producer is None:
            return UNKNOWN
        made = self.referent(producer, (), previous)
        if producer.i > 1 and producer.nbor(-1).text == "/" and not producer.nbor(-1).whitespace_:
            other = self.referent(producer.nbor(-2), (), previous)  # "a Reuters/Ipsos poll": both made it
            if other.speaker and made.speaker and "person" not in (other.type, made.type) and (
                    other.speaker not in made.speaker):  # not when its name holds both already
                return Referent(f"{other.speaker.strip('/ ')}/{made.speaker.strip('/ ')}", "organisation")
        return made

    @cached_property
    def _transcript_labels(self) -> set[int]:
        """The tokens that name who speaks in a transcript: a capitalised word opening a line before a
        colon ("WALLACE: Let's start …"), in a text with at least two such lines."""
        labels = set()
        for token in self.doc[:-1]:
            opens = token.i == 0 or "\n" in token.nbor(-1).text or (token.nbor(-1).is_quote and (
                token.i == 1 or "\n" in token.nbor(-2).text))
            if opens and token.is_upper and token.is_alpha and len(token) > 1 and token.nbor(1).text == ":":
                labels.add(token.i)
        return labels if len({self.doc[i].text for i in labels}) > 1 else set()

def resolve_speakers(doc: Doc, attributions: list[Attribution], max_paragraph_gap: int = 3) -> None:
    """Fill ``speaker``, ``speaker_type`` and ``speaker_role`` of each attribution.

    Args:
        doc: the parsed article (tagger, parser and NER) the spans point into.
        attributions: the article's attributions in text order; changed in place.
        max_paragraph_gap: how many paragraphs back a pronoun source ("he added")
            may still take the previous attribution's speaker.
    """
    _Resolver(doc, attributions, max_paragraph_gap).run(attributions)


class SaysoSpeakers(Pipe):
    """Pipeline component: resolves the sources of ``doc._.attributions``."""

    def __init__(self, nlp: Language, name: str, *, max_paragraph_gap: int) -> None:
        self.name = name
        self.max_paragraph_gap = max_paragraph_gap

    def __call__(self, doc: Doc) -> Doc:
        if doc._.attributions:
            resolve_speakers(doc, doc._.attributions, self.max_paragraph_gap)
        return doc


@Language.factory(
    "sayso_speakers",
    default_config={"max_paragraph_gap": 3},
    requires=["doc._.attributions", "token.dep", "doc.ents"],
    assigns=["doc._.attributions"],
)
def make_speakers(nlp: Language, name: str, max_paragraph_gap: int) -> SaysoSpeakers:
    check_paragraph_gap(name, max_paragraph_gap)
    return SaysoSpeakers(nlp, name, max_paragraph_gap=max_paragraph_gap)

"""Where the source and the content of a cue are in the dependency parse.

Given a cue word, these rules find the token runs of its source and content:

- content: the clausal complement ("said *that …*"), else an open complement or
  object ("called *Clinton a champion*"), else the object of a preposition
  ("called for *a ban*"); for a parenthetical "…, he said" or an "according to"
  cue, the clause it hangs from;
- source: the subject, the agent of a passive, the object of "according to", the
  noun a participle cue modifies ("Wagner mercenaries *calling* …"), the owner of a
  noun cue ("*his* statement"), or, for "…, saying" and "… and added", the subject
  of the verb it depends on.

The runs are whole subtrees; :mod:`sayso.pipeline.spans` then redraws their edges.
"""

from dataclasses import dataclass, field

from spacy.tokens import Token

from sayso.pipeline import wordnet

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
WH_TAGS = frozenset({"WDT", "WP", "WP$"})
_CLAUSES = ("ccomp",)
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_COMPLEMENTS = ("xcomp", "dobj", "oprd", "attr", "acomp")
# "called for", "referred to", "pointed to", "spoke about": the object of these prepositions is the content.
_CONTENT_PREPS = frozenset({"for", "to", "as", "about", "on", "against", "of", "that"})
# Prepositions by which a verb at the end of a sentence says what it is about, so that it tags no sentence.
_TOPIC_PREPS = frozenset({"of", "about", "for", "against", "that", "as"})
# "likened RT *to* the BBC", "criticized Shelby *for* …": prepositions that continue an object content.
_OBJECT_PREPS = frozenset({"as", "for", "to", "over", "of", "with"})
# "called *on* X to …", "called *for* X to …": the preposition naming who is asked to act.
_ASKING_PREPS = frozenset({"on", "upon", "for"})
# Dependents through which "…, saying" or "… and added" borrow the subject of their head.
_BORROWING = ("advcl", "xcomp", "conj", "ccomp", "acl", "pcomp")


@dataclass
class Attachment:
    """The token runs found for one cue, and ``how`` the content was found (a judge feature)."""

    cue: list[Token]
    source: list[Token] = field(default_factory=list)
    content: list[Token] = field(default_factory=list)
    how: str = "none"
    # Cue words beyond the cue's own dependents, kept whatever the span model says of those:
    # the "to ignore" of "continue to ignore".
    cue_chain: list[Token] = field(default_factory=list)
    # Whether the source is a run the rules drew whole, not a parse subtree for the span model
    # to redraw: ", Xu Hejian, spokesman for the municipal government, said".
    whole_source: bool = False


def subtree(tok: Token, without: Token | None = None) -> list[Token]:
    """The contiguous subtree of ``tok``; with ``without``, cut to the side away from it."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if without is not None:
        w_start, w_end = without.left_edge.i, without.right_edge.i + 1
        if w_start <= tok.i < w_end:
            return [tok]
        if w_end <= tok.i:
            start = max(start, w_end)
        else:
            end = min(end, w_start)
    return list(tok.doc[start:end])


def subtree_around(tok: Token, inner: Token) -> list[Token]:
    """The subtree of ``tok`` without the subtree of ``inner``, on both sides of it: the
    statement around a parenthetical "…, he said, …"."""
    left, right = inner.left_edge.i, inner.right_edge.i
    return [t for t in tok.subtree if not left <= t.i <= right]


def in_order(tokens: list[Token]) -> list[Token]:
    """``tokens`` once each, in text order: the union of runs that may overlap."""
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


def without_statements(tokens: list[Token]) -> list[Token]:
    """A source without a relative clause that reports a statement of its own ("CP Jimoh*, who
    assured residents that the police were doing everything*"): that is the next attribution,
    not part of who speaks."""
    ids = {t.i for t in tokens}
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ == "relcl" and t.head.i in ids and _children(t, _CLAUSES):
            start = t.left_edge.i - 1 if t.left_edge.i - 1 in ids and t.doc[t.left_edge.i - 1].text == "," else t.left_edge.i
            drop |= set(range(start, t.right_edge.i + 1))
    return [t for t in tokens if t.i not in drop]


def tops(tokens: list[Token]) -> list[Token]:
    """The tokens of a run whose syntactic head lies outside it: the run's heads."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


# Verbs whose infinitive complement is part of the cue in PolNeAR: "*continued to ignore* the
# warnings", "*tried to blame* …" (the content is the inner verb's); counted on PolNeAR train, where
# "want", "ask", "urge" or "refuse" leave the infinitive in the content instead.
CHAINING = frozenset({"continue", "try", "begin", "start", "go", "keep", "use", "attempt", "likely", "quick"})


def _chained_verb(cue: Token) -> Token | None:
    """The infinitive a :data:`CHAINING` cue hands on to, when it has no object of its own."""
    if cue.lemma_.lower() not in CHAINING or _children(cue, ("dobj", "ccomp")):
        return None
    return next((c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > cue.i), None)


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _union(heads: list[Token]) -> list[Token]:
    """The token run covering the subtrees of all ``heads``."""
    doc = heads[0].doc
    return list(doc[min(h.left_edge.i for h in heads):max(h.right_edge.i for h in heads) + 1])


def _clause(head: Token) -> list[Token]:
    """The subtree of a reported clause, without a coordinated clause that has its own
    subject ("she said *X*, and when pressed, the mother replied Y")."""
    tokens = subtree(head)
    for c in head.children:
        if c.dep_ == "conj" and c.i > head.i and any(g.dep_ in SUBJECTS for g in c.children):
            cut = c.left_edge.i
            cc = [t for t in head.children if t.dep_ in ("cc", "punct") and head.i < t.i < c.i]
            if cc:
                cut = min(cut, cc[0].i)
            return [t for t in tokens if t.i < cut]
    return tokens


def _content_preps(cue: Token) -> list[tuple[Token, Token]]:
    """The prepositions after a cue that lead to its content, with their objects.

    "referred to as *the bunker grandpa*": both "to" and "as" belong to the cue; an
    object that is a relative pronoun ("whom … referred to") is not content.
    """
    preps = []
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > cue.i:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            # Nor is a time: "reported *on Tuesday night*".
            if obj is not None and obj.tag_ not in WH_TAGS and obj.ent_type_ not in ("DATE", "TIME"):
                preps.append((c, obj))
    return preps


def _asked(cue: Token, comp: Token) -> list[Token]:
    """Who is asked to act, when a preposition names them: "called on *Trump* to stop …".

    PolNeAR puts them in the content with the infinitive; the parse hangs them on the
    cue's preposition, which would otherwise drag them into the cue.
    """
    if comp.dep_ != "xcomp":
        return []
    return [o for c in cue.children if c.dep_ == "prep" and c.lower_ in _ASKING_PREPS and cue.i < c.i < comp.i
            for o in c.children if o.dep_ == "pobj"]


# Adverbs by which the writer hands a clause to unnamed others ("The minister *reportedly*
# received a call"): the adverb is the cue, the clause around it the content, no one the source.
# PolNeAR marks most "reportedly"s so, the world-news set every "allegedly" of a main clause.
ATTRIBUTING_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})


def attach(cue: Token) -> Attachment:
    """Source and content runs of ``cue`` (either may be empty)."""
    found = Attachment(cue=[cue] + _children(cue, ("prt", "neg")))
    if cue.lower_ in ATTRIBUTING_ADVERBS:
        _attach_attributed_clause(cue, found)
        return found
    if cue.lemma_.lower() == "accord" or cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        found.cue += [to] if to is not None else []
        found.source = subtree(obj) if obj is not None else []
        found.content = subtree(cue.head, without=cue) if cue.head.i != cue.i else []
        found.how = "according"
        return found
    _attach_content(cue, found)
    if (not _children(cue, SUBJECTS) or not found.content) and _headline_clause(cue, found):
        return found
    patient = _children(cue, ("nsubjpass",))
    if found.content and patient and not _children(cue, ("agent",)) and found.how != "clause":
        # "About one of every nine voters *is expected* to be Latino": no one is named, and what
        # is expected is of the subject.
        found.content = in_order([*subtree(patient[0]), *found.content])
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.head.i == cue.i and nxt.dep_ == "prep" and nxt.lower_ in _CONTENT_PREPS:
        if found.content and found.content[0].i > nxt.i and nxt not in found.cue:
            found.cue.append(nxt)  # "has called for Ukraine's cities to be …"
    found.source = found.source or source_of(cue)
    return found


def _attach_attributed_clause(adverb: Token, found: Attachment) -> None:
    """The clause an attributing adverb modifies, without the adverb, when the clause has a
    subject of its own: "he *allegedly* did not pay rent", "which is *allegedly* linked to …";
    not a gerund's ("arrested for *allegedly* stealing oil"), which says what someone is charged with."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.i == adverb.i or not _children(verb, SUBJECTS):
        return
    clause = [t for t in _clause(verb) if t.i != adverb.i]
    while clause and (clause[0].dep_ in ("mark", "cc") or clause[0].is_punct):  # "*because* he allegedly …"
        clause = clause[1:]
    while clause and clause[-1].is_punct:
        clause = clause[:-1]
    found.how = "adverb"
    found.content = clause


def tail_tag(verb: Token) -> Token | None:
    """The comma before a verb that tags a whole sentence as someone's ("Kuleba said this in a
    post, *Ukrinform reports*."; "… is being detained, *media reported Sunday*, sparking …"),
    when the parse hangs it inside the sentence instead: the verb has a subject right after
    the comma and no object or clause of its own."""
    subjects = _children(verb, ("nsubj",))
    if not subjects or _children(verb, (*_CLAUSES, *_COMPLEMENTS, "agent")) or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "relcl" or subjects[0].tag_ in WH_TAGS:  # "…,” said Cooper, *who is coaching* …"
        return None
    if any(c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS for c in verb.children):  # "…, officials warned of floods."
        return None
    senses = wordnet.senses(verb)
    if senses is None or "communication" not in senses.classes:  # "…, prices rose." tags nothing
        return None
    doc, sent, before, after = verb.doc, verb.sent, subjects[0].left_edge.i - 1, verb.right_edge.i + 1
    if before <= sent.start + 2 or doc[before].text != "," or subjects[0].i > verb.i:
        return None
    if not (after >= sent.end or doc[after].text in (".", "!", "?")):
        return None
    # What it tags is a clause with a subject, not a phrase put first ("On Monday, she wrote …").
    return doc[before] if any(t.dep_ in SUBJECTS for t in doc[sent.start:before]) else None


def _named_tag(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """Source and content of a sentence tagged ", NAME[, TITLE], said …" at its end when the parse
    gave the verb no subject: the name (a person or organisation) and its title between the last
    commas, and the words before them."""
    doc, sent = verb.doc, verb.sent
    if verb.i == 0 or doc[verb.i - 1].text != "," or _children(verb, ("nsubj", "nsubjpass", *_CLAUSES, "dobj")):
        return None
    senses = wordnet.senses(verb)
    after = verb.right_edge.i + 1
    if senses is None or "communication" not in senses.classes or not (after >= sent.end or doc[after].text == "."):
        return None
    commas = [t.i for t in doc[sent.start:verb.i - 1] if t.text == ","][-2:]
    for start in commas:
        chunk = doc[start + 1:verb.i - 1]
        if chunk[0].ent_type_ in ("PERSON", "ORG") and chunk[0].ent_iob_ == "B" and len(chunk) <= 15:
            before = list(doc[sent.start:start])
            if any(t.dep_ in SUBJECTS for t in before):
                return list(chunk), before
    return None


def _tagged_sentence(comma: Token) -> list[Token]:
    """The words of a tagged sentence before its tag's comma, after a dateline or label ("DOHA: …")."""
    sent = comma.sent
    start = next((t.i + 1 for t in sent if t.text == ":" and t.i < comma.i and t.i - sent.start <= 3), sent.start)
    return list(comma.doc[start:comma.i])


# The words a headline's subject is made of ("Ochapowace First Nation, FSIN accuse …").
_HEADLINE_SUBJECT_POS = frozenset({"PROPN", "NOUN", "PUNCT", "CCONJ", "NUM"})


def _headline_clause(verb: Token, found: Attachment) -> bool:
    """A headline's "SUBJECT VERB OBJECT" whose parse lost the subject or the object ("Ghana FA
    rejects revolt claims", parsed as one noun phrase): the names before the verb are the source,
    the rest of the line the content when the parse gave none. Whether it was found so."""
    last = verb.sent[-1]
    if verb.pos_ != "VERB" or last.is_punct and last.text not in _QUOTE_MARKS:  # no headline: no need to look
        return False
    line = _line(verb)
    if not _is_headline(line):
        return False
    before = [t for t in line if t.i < verb.i]
    while before and before[-1].is_punct:
        before = before[:-1]
    after = [t for t in line if t.i > verb.i]
    while after and after[-1].is_punct:
        after = after[:-1]
    if not 1 <= len(before) <= _MAX_LABEL or not all(t.pos_ in _HEADLINE_SUBJECT_POS for t in before):
        return False
    if not any(t.pos_ == "PROPN" or t.ent_type_ for t in before) or before[0].is_punct:
        return False
    content = found.content or after
    if len(content) < 2:
        return False
    found.source, found.content, found.how = before, content, "headline"
    return True


def _complement_clauses(noun: Token) -> list[Token]:
    """The clauses a noun takes as its content: "the claim *that the deficit had halved*", "her
    refusal *to resign*" (the parse calls both a clause modifying the noun)."""
    return [c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and any(
        (g.dep_ == "mark" and g.lower_ in _COMPLEMENTIZERS) or (g.dep_ == "aux" and g.lower_ == "to")
        for g in c.children if g.i < c.i)]


def _reported_clauses(cue: Token) -> tuple[list[Token], list[Token]]:
    """The clauses reporting what a cue says, with the words they make part of the cue: its
    clausal complement; a noun cue's complement clause; or the complement clause the parse hung
    on the noun of a phrase after a verb cue ("said *in a statement* that the window was
    closing", where the phrase joins the cue as PolNeAR's annotators have it)."""
    clause = [c for c in _children(cue, _CLAUSES) if c.i < cue.i or tail_tag(c) is None]
    if clause or cue.pos_ == "NOUN":
        return clause or _complement_clauses(cue), []
    for prep in (p for p in cue.children if p.dep_ == "prep" and p.i > cue.i):
        for obj in (o for o in prep.children if o.dep_ in ("pobj", "pcomp")):
            # "told investigators *during questioning* that …": the parse may give the clause to
            # the phrase's gerund instead.
            # Not a gerund with a subject of its own, which says it itself: "criticizing the inquiry,
            # with one lawyer *writing* to the judiciary that …".
            clauses = [c for c in _complement_clauses(obj)
                       if not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)] if obj.dep_ == "pobj" else [
                c for c in obj.children if c.dep_ == "ccomp" and c.i > obj.i and not _children(obj, SUBJECTS)
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            if clauses:
                return clauses, list(cue.doc[prep.i:clauses[0].left_edge.i])
    return [], []


def _before_colon(tok: Token) -> bool:
    """Whether the subtree of ``tok`` is followed by a colon."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].text == ":"


def _attach_content(cue: Token, found: Attachment) -> None:
    chained = _chained_verb(cue)
    if chained is not None:
        found.cue_chain += [t for t in chained.children if t.dep_ == "aux" and t.i < chained.i] + [chained]
        _attach_content(chained, found)
        return
    clause, phrase = _reported_clauses(cue)
    found.cue_chain += phrase
    if clause:
        found.how = "clause"
        # "Writing for X, she noted *that …*": the clause after the cue is what was said.
        after = [c for c in clause if c.i > cue.i]
        # A misparsed long clause comes in pieces: "alleged that X, led by Y, *helmed* …, *want* …".
        found.content = _union(after) if len(after) > 1 else _clause(after[0] if after else clause[-1])
        return
    if cue.dep_ == "parataxis" and cue.head.i != cue.i:
        found.how = "parataxis"
        # "Though X, he said, Y": the parse may hang X on "said" itself.
        leading = [t for c in cue.children if c.dep_ in ("advcl", "ccomp") and c.i < cue.i for t in c.subtree]
        found.content = in_order(leading + subtree_around(cue.head, cue))
        return
    if cue.i > 0 and cue.doc[cue.i - 1].text == "," and any(s.i > cue.i for s in _children(cue, ("nsubj",))):
        # "Outplayed by a disciplined side, *admits Paine*": an inverted tag after what it reports.
        leading = [t for c in cue.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i < cue.i for t in c.subtree]
        if leading:
            found.how = "parataxis"
            found.content = leading
            return
    comp = [c for c in _children(cue, _COMPLEMENTS) if c.tag_ not in WH_TAGS]
    if comp:
        tail = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i > comp[0].i]
        found.how = f"comp:{comp[0].dep_}"
        found.content = _union(_asked(cue, comp[0]) + comp + tail)
        return
    comma = tail_tag(cue)
    if comma is not None:
        found.how = "parataxis"
        found.content = _tagged_sentence(comma)
        return
    named = _named_tag(cue)
    if named is not None:
        # "…, Xu Hejian, spokesman for the municipal government, said at a news conference.",
        # where the parse lost the name as the verb's subject.
        found.how = "parataxis"
        found.source, found.content = named
        found.whole_source = True
        return
    preps = _content_preps(cue)
    if preps and _before_colon(preps[-1][1]):
        # "posted on Instagram: “…”", "wrote on X: “…”": the phrase says where, the quotation what.
        found.cue_chain += list(cue.doc[preps[-1][0].i:preps[-1][1].right_edge.i + 1])
        return
    if preps:
        found.how = f"prep:{preps[-1][0].lower_}"
        found.cue.extend(p for p, _ in preps)
        found.content = subtree(preps[-1][1])
        return
    agent = _children(cue, ("agent",))
    patient = _children(cue, ("nsubjpass",))
    if agent and patient:
        # "The Democratic nominee *has been endorsed by* the union": the one acted on is the content.
        found.how = "passive"
        found.cue.extend(agent)
        found.content = subtree(patient[0])
        return
    if cue.dep_ == "advcl" and cue.head.i > cue.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # "*As reported by* Ukrinform, air defence shot down …": the statement is the clause it opens.
        found.how = "parataxis"
        found.cue.extend(c for c in cue.children if c.dep_ in ("mark", "agent"))
        found.content = [t for t in subtree_around(cue.head, cue) if not t.is_punct]
        return
    if patient and not agent:
        # "No fatalities *had been reported*": what is reported is the subject.
        found.how = "passive"
        found.content = subtree(patient[0])
        return


# A speaker's name, a colon or dash, then the words: transcripts ("WALLACE: Do you …") and
# quoted posts ("Adriana Rodarte ― “As a young woman …”"); or the words, a dash, then the name
# signing them (“… a wall around Donald Trump.” ― Steve Quinlan).
PUNCTUATION_CUES = frozenset({":", "―", "—", "–"})
LABELS = frozenset({"label", "headline"})  # how a punctuation cue's attachment was found
SIGNATURE_DASHES = frozenset({"―", "—", "–"})
_MAX_LABEL = 6  # words in a "NAME:" label or a "― NAME" signature
_QUOTE_MARKS = frozenset('"“”«»')


def attach_label(mark: Token) -> Attachment | None:
    """The attachment of a punctuation cue between a short name and the words on its line.

    The name comes first ("WALLACE: …"), or, after a dash, last: a line made of a quotation
    and the name signing it. Either way the name must look like one (a proper noun or capitals,
    no verb), since a colon or dash alone says nothing.
    """
    line = _line(mark)
    before = [t for t in line if t.i < mark.i]
    after = [t for t in line if t.i > mark.i]
    headline = _is_headline(line)
    signed = mark.text in SIGNATURE_DASHES and len(before) >= 3 and (
        (before[0].text in _QUOTE_MARKS and before[-1].text in _QUOTE_MARKS) or headline)
    label, content = (after, before) if signed else (before, after)
    if signed and label and label[-1].text == ".":
        label = label[:-1]
    if label and label[0].text in _QUOTE_MARKS:  # a transcript quoted paragraph by paragraph: "PENCE: …
        label = label[1:]
    if not 1 <= len(label) <= _MAX_LABEL or len(content) < 2:
        return None
    if any(t.pos_ in ("VERB", "AUX", "INTJ") for t in label):
        return None
    # A headline may label its words with a description: "Central bank chief: inflation fight …".
    if not any(_names(t) for t in label) and not (headline and label[-1].pos_ == "NOUN" and label[0].is_title):
        return None
    # A headline signed by who said it ("Port workers not to blame – Kofi Mensah") is a form
    # of its own: news uses it for nothing else.
    how = "headline" if signed and headline and all(t.pos_ == "PROPN" for t in label) and all(
        t.ent_type_ in ("PERSON", "ORG") for t in label) else "label"
    return Attachment(cue=[mark], source=label, content=content, how=how)


def _is_headline(line: list[Token]) -> bool:
    """Whether a line reads as a headline: no final punctuation, a blank line (or nothing) after it."""
    if not line or line[-1].is_punct and line[-1].text not in _QUOTE_MARKS | {"'", "’"}:
        return False
    doc, end = line[-1].doc, line[-1].i + 1
    rest = line[-1].whitespace_ + "".join(t.text_with_ws for t in doc[end:end + 2] if t.is_space)
    return end == len(doc) or rest.count("\n") >= 2


def _names(tok: Token) -> bool:
    """Whether ``tok`` may name a speaker in a label: a proper noun, capitals ("WALLACE"), or a
    capitalised noun ("Poll: …", "Sanders: …" when the tagger calls it a noun)."""
    return tok.pos_ == "PROPN" or tok.is_upper or (tok.pos_ == "NOUN" and tok.is_title)


def _line(mark: Token) -> list[Token]:
    """The words of the line ``mark`` is on (a line ends where a token or its space holds a newline)."""
    doc = mark.doc
    start = mark.i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = mark.i + 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return [t for t in doc[start:end] if not t.is_space]


def _quoted_as(verb: Token) -> list[Token]:
    """The passive subject of a verb reporting someone's words by a participle: "Saifuddin *was
    quoted as saying* …", "Nketia *is heard claiming* that …", "he was seen telling …": the one
    quoted or heard is who speaks (with an agent, "quoted by the sources", still the subject)."""
    patient = _children(verb, ("nsubjpass",))
    if not patient:
        return []
    participles = [g for c in verb.children if c.i > verb.i
                   for g in ((c,) if c.dep_ in ("xcomp", "advcl", "ccomp") else
                             (p for p in c.children if p.dep_ == "pcomp") if c.dep_ == "prep" and c.lower_ == "as" else ())]
    return patient if any(p.tag_ == "VBG" for p in participles) else []


def source_of(cue: Token) -> list[Token]:
    """The source run of ``cue``, climbing through "…, saying" and "… and added" to a subject."""
    head: Token | None = cue
    for _ in range(3):
        if head is None:
            break
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return subtree(pobj)
        subj = _children(head, ("nsubj",)) or _quoted_as(head)
        if subj:
            # Two subjects come from a parse glued across a break ("12:15 p.m. \n\n Trump says"):
            # the nearer one is the speaker.
            at = head.i
            return subtree(min(subj, key=lambda s: abs(s.i - at)))
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            if _comma_participle(head):
                # "X admitted his side was outplayed by India, *adding* that …": after a comma the
                # participle goes with the statement's speaker, though the parse hangs it on the noun.
                head = next((a for a in head.head.ancestors if _children(a, ("nsubj",)) and a.dep_ != "ccomp"), None)
                continue
            # "Wagner mercenaries *calling* X a 'piece of s***'": the noun speaks.
            return subtree(head.head, without=head)
        if cue.pos_ == "NOUN":
            poss = _children(cue, ("poss",))
            return subtree(poss[0]) if poss else []
        borrowed = head.head if head.dep_ in _BORROWING and head.head.i != head.i else None
        if borrowed is not None and head is cue and _comma_participle(cue) and borrowed.dep_ == "ccomp":
            borrowed = borrowed.head  # nor does it borrow from inside the statement it follows
        head = borrowed
    return []


def _comma_participle(verb: Token) -> bool:
    """Whether ``verb`` is a participle after a comma: "…, adding that …", "…, saying …"."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","

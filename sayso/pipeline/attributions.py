"""Component ``sayso_attributions``: cue, source and content spans, assembled.

For every token the learned cue model (:mod:`sayso.pipeline.cues`) accepts, the
source and content are attached over the dependency parse:

- content: the clausal complement ("said *that …*"), else an open complement or
  object ("called for *a ban*"), else the quotation in the same sentence or the one
  that follows a "said:"; for a parenthetical or "according to" cue, the clause it
  hangs from. A content that touches a quotation grows to the whole quotation,
  paragraphs included, because spaCy's sentences split long quotes.
- source: the subject, the agent of a passive, the object of "according to", or,
  for "…, saying" and "… and added", the subject of the verb it depends on.

Records are :class:`~sayso.records.Attribution` in text order; speaker, channel
and hedges are left for the later components.
"""


from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from sayso.pipeline.cues import CUE_FILE, MODEL_DIR, CueModel, DocIndex, features, index_doc, is_candidate
from sayso.pipeline.judge import JUDGE_FILE, Judge, evidence, rivalry
from sayso.pipeline.quotes import Quote
from sayso.pipeline.spans import SPAN_FILE, SpanModel, fragments
from sayso.records import Attribution, Span

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSES = ("ccomp",)
_COMPLEMENTS = ("xcomp", "dobj", "oprd", "attr", "acomp")
# "called for", "referred to", "pointed to", "spoke about": the object of these prepositions is the content.
_CONTENT_PREPS = frozenset({"for", "to", "as", "about", "on", "against", "of", "that"})
# Dependents through which "…, saying" or "… and added" borrow the subject of their head.
_BORROWING = ("advcl", "xcomp", "conj", "ccomp", "acl", "pcomp")
_OBJECT_PREPS = frozenset({"as", "for", "to", "over", "of", "with"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})
_EDGE_PUNCT = frozenset(",;:—–-(")


@dataclass(frozen=True)
class _Found:
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    content: list[tuple[int, int]]
    probability: float
    evidence: tuple[str, ...] = ()  # how the candidate was put together: the judge's features
    head: int = -1  # the cue's token index


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    """Character extent of a token run, without punctuation at its edges."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].text in _EDGE_PUNCT):
        toks = toks[1:]
    while toks and (toks[-1].text in _EDGE_PUNCT):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree(tok: Token, without: Token | None = None) -> list[Token]:
    """The contiguous subtree of ``tok``; with ``without``, cut to the side away from it."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if without is not None:
        w_start, w_end = without.left_edge.i, without.right_edge.i + 1
        if w_start <= tok.i < w_end:
            return [tok]
        if w_end <= tok.i:
            start = max(start, w_end)
        else:
            end = min(end, w_start)
    return list(doc[start:end])


def _clause(head: Token) -> list[Token]:
    """The subtree of a reported clause, without a coordinated clause that has its own
    subject ("she said *X*, and when pressed, the mother replied Y")."""
    tokens = _subtree(head)
    for c in head.children:
        if c.dep_ == "conj" and c.i > head.i and any(g.dep_ in _SUBJECTS for g in c.children):
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
            if obj is None or obj.tag_ in _WH_TAGS:
                continue
            preps.append((c, obj))
    return preps


def _union(heads: list[Token]) -> list[Token]:
    """The token run covering the subtrees of all ``heads`` ("called *Clinton a champion*")."""
    doc = heads[0].doc
    return list(doc[min(h.left_edge.i for h in heads):max(h.right_edge.i for h in heads) + 1])


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


class Attributor:
    """Finds attributions in a parsed doc with a cue model and attachment rules."""

    def __init__(
        self,
        model: CueModel,
        threshold: float,
        quoted_threshold: float,
        spans: SpanModel | None = None,
        judge: Judge | None = None,
    ) -> None:
        self.model = model
        self.spans = spans
        self.judge = judge
        self.threshold = threshold
        self.quoted_threshold = min(threshold, quoted_threshold)

    def __call__(self, doc: Doc, quotes: list[Quote]) -> list[Attribution]:
        index = index_doc(doc, quotes)
        found = [f for f in self.candidates(doc, quotes, index) if self._accept(f, quotes)]
        found = _absorb_following_quotes(index.text, self._dedupe(found), quotes)
        return [self._record(index.text, f, _own_quotes(f, found, quotes)) for f in found]

    def candidates(self, doc: Doc, quotes: list[Quote], index: DocIndex) -> list[_Found]:
        """Every attribution put together from a cue the cue model does not rule out."""
        floor = min(self.threshold, self.quoted_threshold, self.judge.floor if self.judge else 1.0)
        found = []
        for tok in doc:
            if not is_candidate(tok):
                continue
            prob = self.model.probability(features(tok, index))
            if prob >= floor and (item := self._attach(tok, quotes, index, prob)) is not None:
                found.append(item)
        sents = [index.sent_of[f.head] for f in found]
        rivals = rivalry([(f.head, f.probability, f.content, f.cue[0]) for f in found], sents)
        return [replace(f, evidence=f.evidence + r) for f, r in zip(found, rivals)]

    def _accept(self, f: _Found, quotes: list[Quote]) -> bool:
        if self.judge is not None:
            # A likely cue introducing nothing but a quotation needs no second opinion.
            direct = f.probability >= self.threshold and _quoted_share(f.content, quotes) > 0.9
            return direct or self.judge.accepts(f.evidence)
        # A weaker cue still counts when what it introduces is a quotation.
        return f.probability >= self.threshold or _is_quoted(f, quotes)

    def _attach(self, cue: Token, quotes: list[Quote], index: DocIndex, prob: float) -> _Found | None:
        cue_tokens = [cue] + [c for c in cue.children if c.dep_ in ("prt", "neg")]
        content_tok: list[Token] = []
        lemma = cue.lemma_.lower()
        if lemma == "accord" or cue.lower_ == "according":
            to = next((c for c in cue.children if c.lower_ == "to"), None)
            if to is not None:
                cue_tokens.append(to)
            src_head = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            source = _subtree(src_head) if src_head is not None else []
            if cue.head.i != cue.i:
                content_tok = _subtree(cue.head, without=cue)
            return self._found(cue_tokens, source, content_tok, quotes, index, prob, "according")
        clause = _children(cue, _CLAUSES)
        how = "none"
        if clause:
            how = "clause"
            # "Writing for X, she noted *that …*": the clause after the cue is what was said.
            after = [c for c in clause if c.i > cue.i]
            if len(after) > 1:
                # A misparsed long clause comes in pieces: "alleged that X, led by Y, *helmed* …, *want* …".
                content_tok = _union(after)
            else:
                content_tok = _clause(after[0] if after else clause[-1])
        elif cue.dep_ == "parataxis" and cue.head.i < cue.i:
            how = "parataxis"
            content_tok = _subtree(cue.head, without=cue)
        else:
            comp = [c for c in _children(cue, _COMPLEMENTS) if c.tag_ not in _WH_TAGS]
            prep = _content_preps(cue)
            if comp:
                # "likened *RT to the BBC*", "criticized *Shelby for shooting …*"
                tail = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS
                        and c.i > comp[0].i]
                content_tok = _union(comp + tail)
                how = f"comp:{comp[0].dep_}"
            elif prep:
                how = f"prep:{prep[-1][0].lower_}"
                obj = prep[-1][1]
                cue_tokens.extend(p for p, _ in prep)
                content_tok = _subtree(obj)
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if nxt is not None and nxt.head.i == cue.i and nxt.dep_ == "prep" and nxt.lower_ in _CONTENT_PREPS:
            if content_tok and content_tok[0].i > nxt.i and nxt not in cue_tokens:
                cue_tokens.append(nxt)  # "has called for Ukraine's cities to be …"
        source = self._source(cue)
        return self._found(cue_tokens, source, content_tok, quotes, index, prob, how)

    @staticmethod
    def _source(cue: Token) -> list[Token]:
        head: Token | None = cue
        for _ in range(3):
            if head is None:
                break
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _subtree(pobj)
            subj = _children(head, ("nsubj",))
            if subj:
                return _subtree(subj[0])
            if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
                # "Wagner mercenaries *calling* X a 'piece of s***'": the noun speaks.
                return _subtree(head.head, without=head)
            if cue.pos_ == "NOUN":
                poss = _children(cue, ("poss",))
                return _subtree(poss[0]) if poss else []
            head = head.head if head.dep_ in _BORROWING and head.head.i != head.i else None
        return []

    def _found(
        self,
        cue: list[Token],
        source: list[Token],
        content: list[Token],
        quotes: list[Quote],
        index: DocIndex,
        prob: float,
        how: str,
    ) -> _Found | None:
        head = cue[0]
        if self.spans is not None:
            cue, source, content = self._refine(cue, source, content, index)
        cue_frags = [f for f in map(_span, fragments(sorted(cue, key=lambda t: t.i))) if f]
        src = _span(source)
        anchor = cue[0]
        content_frags = [f for f in map(_span, fragments(content)) if f]
        if not content_frags:
            quote = _nearby_quote(anchor, quotes, index)
            content_frags = [quote] if quote else []
            how = "quote"
        content_frags = [c for f in content_frags if (c := _clip_to_paragraph(index.text, f, anchor.idx))]
        if not content_frags or not cue_frags:
            return None
        grown = _merge([g for f in content_frags for g in self._grow_to_quotes(f, quotes)])
        if src is not None and any(s < src[1] and src[0] < e for s, e in grown):
            src = None
        quoted = _quoted_share(grown, quotes)
        return _Found(cue_frags, [src] if src else [], grown, prob,
                      evidence(head, how, source, grown, quoted, prob, index), head.i)

    def _refine(
        self, cue: list[Token], source: list[Token], content: list[Token], index: DocIndex
    ) -> tuple[list[Token], list[Token], list[Token]]:
        """Re-draw each role's boundaries with the learned span model, heads kept."""
        assert self.spans is not None
        head = cue[0]
        mask = index.in_quote
        src = self.spans.tokens("source", _tops(source)[0], head, mask, {head.i}) if source else []
        taken = {head.i} | {t.i for t in src}
        kept = {t.i: t for top in _tops(content) for t in self.spans.tokens("content", top, head, mask, taken)}
        taken |= set(kept)
        # A relative pronoun ("whom … referred to") is never part of the cue.
        wh = {g.i for c in head.children for g in (c, *c.children) if g.tag_ in _WH_TAGS}
        cue_tokens = self.spans.tokens("cue", head, head, mask, (taken | wh) - {head.i})
        return cue_tokens, src, [kept[i] for i in sorted(kept)]

    @staticmethod
    def _grow_to_quotes(span: tuple[int, int], quotes: list[Quote]) -> list[tuple[int, int]]:
        """Extend a content that touches a quotation to the whole quotation (all its paragraphs)."""
        start, end = span
        groups = {q.group for q in quotes if q.start < end and start < q.end}
        for q in quotes:
            if q.group in groups and q.start < end and start < q.end:
                if q.start - 3 <= start:
                    start = min(start, q.start)
                if end <= q.end + 3:
                    end = max(end, q.end)
        fragments = [(start, end)]
        for q in quotes:
            if q.group in groups and (q.end <= start or q.start >= end):
                fragments.append((q.start, q.end))
        return sorted(fragments)

    @staticmethod
    def _dedupe(found: list[_Found]) -> list[_Found]:
        """One attribution per content: the most probable cue wins."""
        best: dict[tuple, _Found] = {}
        for f in found:
            key = tuple(f.content)
            if key not in best or f.probability > best[key].probability:
                best[key] = f
        return sorted(best.values(), key=lambda f: (f.content[0], f.cue[0]))

    @staticmethod
    def _record(text: str, f: _Found, quotes: list[Quote]) -> Attribution:
        return Attribution(
            content=[Span.of(text, s, e) for s, e in f.content],
            cue=[Span.of(text, s, e) for s, e in f.cue],
            source=[Span.of(text, s, e) for s, e in f.source],
            kind=_kind(text, f, quotes),
            confidence=f.probability,
        )


def _nearby_quote(cue: Token, quotes: list[Quote], index: DocIndex) -> tuple[int, int] | None:
    """The quotation in the cue's sentence, or the one opening right after "said:"."""
    s_start, s_end = index.sents[index.sent_of[cue.i]]
    inside = [
        q for q in quotes
        if q.start < s_end and s_start < q.end and not (q.start <= cue.idx < q.end)
    ]
    if inside:
        best = min(inside, key=lambda q: abs(q.start - cue.idx))
        return best.start, best.end
    after = [q for q in quotes if s_end <= q.start < s_end + 3]
    if after and cue.i + 1 < len(cue.doc) and cue.nbor(1).text in (":", ","):
        return after[0].start, after[0].end
    return None


def _tops(tokens: list[Token]) -> list[Token]:
    """The tokens of a run whose syntactic head lies outside it: the run's heads."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _clip_to_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """Cut a parse-derived span at paragraph breaks: a byline or dateline glued to the
    first sentence by the parser is never part of what was said."""
    start, end = span
    para_start = text.rfind("\n", 0, anchor) + 1
    para_end = text.find("\n", anchor)
    if para_end == -1:
        para_end = len(text)
    if end <= para_start or start >= para_end:
        return None
    start, end = max(start, para_start), min(end, para_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _absorb_following_quotes(text: str, found: list[_Found], quotes: list[Quote]) -> list[_Found]:
    """Give an unattributed quotation to the attribution of the quotation before it.

    '"We won," she said. "And we will win again."' is one statement in two pieces;
    the second has no cue of its own and continues the first one's attribution, as
    long as it is in the same paragraph and no other attribution comes between.
    """
    def owner(q: Quote) -> int | None:
        for i, f in enumerate(found):
            if any(s < q.end and q.start < e for s, e in f.content):
                return i
        return None

    fragments = [list(f.content) for f in found]
    last: tuple[int, Quote] | None = None
    for q in quotes:
        i = owner(q)
        if i is not None:
            last = (i, q)
            continue
        if last is None:
            continue
        j, prev = last
        between = text[prev.end:q.start]
        others = any(prev.end <= c[0] < q.start for k, f in enumerate(found) if k != j for c in f.cue)
        if "\n" in between or others:
            last = None
            continue
        fragments[j].append((q.start, q.end))
        last = (j, q)
    return [
        replace(f, content=sorted(frags)) if frags != f.content else f
        for f, frags in zip(found, fragments)
    ]


def _quoted_share(spans: list[tuple[int, int]], quotes: list[Quote]) -> float:
    total = sum(e - s for s, e in spans)
    quoted = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in spans for q in quotes)
    return quoted / total if total else 0.0


def _is_quoted(f: _Found, quotes: list[Quote]) -> bool:
    """Whether a content starts or ends with a quotation mark (a direct or mixed quote)."""
    return any(q.start == s or q.end == e for s, e in f.content for q in quotes)


def _own_quotes(f: _Found, found: list[_Found], quotes: list[Quote]) -> list[Quote]:
    """The quotations that count for ``f``'s kind: not those another, nested attribution
    quotes ("X wants to prove himself to Putin—whom Haidai referred to as “the bunker
    grandpa”" stays indirect)."""
    nested = {
        c for g in found if g is not f for c in g.content
        if any(s <= c[0] and c[1] <= e for s, e in f.content) and g.content != f.content
    }
    return [q for q in quotes if not any(s - 1 <= q.start and q.end <= e + 1 for s, e in nested)]


def _kind(text: str, f: _Found, quotes: list[Quote]) -> str:
    """direct (all quoted), mixed (partly quoted), indirect, or according_to."""
    if text[f.cue[0][0]:f.cue[0][1]].lower().startswith("according"):
        return "according_to"
    quoted = 0
    total = 0
    for s, e in f.content:
        total += e - s
        for q in quotes:
            quoted += max(0, min(e, q.end) - max(s, q.start))
    if total and quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted else "indirect"


class AttributionFinder:
    """Writes ``doc._.attributions`` from the parse and ``doc._.quotes``."""

    def __init__(
        self, nlp: Language, name: str, *, threshold: float, quoted_threshold: float, model_dir: str
    ) -> None:
        self.name = name
        directory = Path(model_dir) if model_dir else MODEL_DIR
        spans = SpanModel.from_disk(directory / SPAN_FILE) if (directory / SPAN_FILE).exists() else None
        judge = Judge.from_disk(directory / JUDGE_FILE) if (directory / JUDGE_FILE).exists() else None
        self.attributor = Attributor(
            CueModel.from_disk(directory / CUE_FILE), threshold, quoted_threshold, spans, judge
        )

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = self.attributor(doc, doc._.quotes or [])
        return doc


@Language.factory(
    "sayso_attributions",
    default_config={"threshold": 0.45, "quoted_threshold": 0.25, "model_dir": ""},
    requires=["doc._.quotes", "token.dep", "token.lemma"],
    assigns=["doc._.attributions"],
)
def make_attributions(
    nlp: Language, name: str, threshold: float, quoted_threshold: float, model_dir: str
) -> AttributionFinder:
    """Args: threshold: cue probability to accept; quoted_threshold: lower bar for a cue
    whose content is a quotation; model_dir: learned models built by ``sayso train``
    (empty: the models shipped in the package)."""
    return AttributionFinder(
        nlp, name, threshold=threshold, quoted_threshold=quoted_threshold, model_dir=model_dir
    )

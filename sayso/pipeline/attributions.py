"""Component ``sayso_attributions``: cue, source and content spans, assembled.

Every word the learned cue model (:mod:`sayso.pipeline.cues`) does not rule out
becomes a candidate: its source and content are attached over the dependency
parse (:mod:`sayso.pipeline.attachment`), their edges redrawn by the learned span
model (:mod:`sayso.pipeline.spans`) and fitted to the quotations around them
(:mod:`sayso.pipeline.quotes`). The judge (:mod:`sayso.pipeline.judge`) then
keeps the real attributions among the candidates, one per content, and a
quotation continued in the next sentence joins its attribution.

Records are :class:`~sayso.records.Attribution` in text order; speaker, channel
and hedges are left for the later components.
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token
from spacy.training import Example

from sayso.errors import Errors, SaysoError
from sayso.pipeline.attachment import (
    ATTRIBUTING_ADVERBS, LABELS, PUNCTUATION_CUES, WH_TAGS, Attachment, attach, attach_label, in_order, tail_tag, tops,
    without_statements,
)
from sayso.pipeline.cues import MODEL_DIR, CueModel, DocIndex, features, index_doc, is_candidate
from sayso.pipeline.extents import (
    Extent, clip_to_paragraph, extent, introduced_paragraph, merge, without_dangling, worded,
)
from sayso.pipeline.judge import Judge, evidence, rivalry
from sayso.pipeline.learned import LearnedModels
from sayso.pipeline.quotes import (
    Quote,
    Quotes,
    grow_to_quotes,
    quote_closed_by,
    quote_near,
    quoted_share,
    quotes_of,
)
from sayso.pipeline.spans import SpanModel, fragments
from sayso.pipeline.tagger import Blend, Tagged
from sayso.records import Attribution, Span

_ONE_WORD_OR_NONE = re.compile(r"\s*(?:\w+\s+)?")
# The cue probability given to a "NAME:" label, which the cue model does not score; the judge
# learns how far to trust it.
LABEL_PRIOR = 0.5
# The cue probability of an attributing adverb ("reportedly", "allegedly"), which the cue model,
# trained on PolNeAR where "allegedly" is mostly left alone, scores low; real news marks it.
ADVERB_PRIOR = 0.5
# How a candidate was found when its spans are the rules' own, not redrawn by the span model:
# a label's parts are its line's; an adverb's clause is the whole clause it modifies.
UNREFINED = LABELS | {"adverb"}
# A passive's subject is what its agent stands for ("has been endorsed by the union") only when
# the verb is likely a cue: "The video was later reposted by X" passes a thing on, says nothing.
PASSIVE_FLOOR = 0.5
# A "sentence" longer than this is no sentence a person wrote (the longest of PolNeAR dev and
# test and the world-news set, parsed, has 96 tokens) but a run of words without punctuation,
# whose parse chains every word under the one before: no cue is looked for in it, as putting
# together each cue's subtree there takes time growing with the cube of its length.
MAX_SENTENCE_TOKENS = 300


@dataclass(frozen=True)
class _Found:
    """A candidate attribution as character extents, with what the judge needs."""

    cue: list[Extent]
    source: list[Extent]
    content: list[Extent]
    probability: float  # the cue model's
    evidence: tuple[str, ...] = ()  # how the candidate was put together: the judge's features
    head: int = -1  # the cue's token index
    quoted: float = 0.0  # share of the content inside quotation marks
    confidence: float = 0.0
    tagger: float | None = None  # the accurate tier's tagger: its mean probability over the roles' tokens
    telling: bool = False  # a form news uses for nothing but attributions (:func:`_telling_form`)


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
        """The attributions of ``doc``: the flat ones PolNeAR annotates (``parent`` None), and
        the statements nested in their contents, each with the index of its enclosing one."""
        quotes = quotes_of(quotes)
        index = index_doc(doc, quotes)
        tagged: Tagged | None = doc._.tagged
        candidates = [f for f in self.candidates(doc, quotes, index, tagged) if not asks(doc[f.head])]
        blend = tagged.blend if tagged is not None else None
        found = [replace(f, confidence=c) for f in candidates if (c := self._confidence(f, quotes, blend)) is not None]
        found = _absorb_following_quotes(index.text, self._dedupe(found), quotes)
        found = _continue_into_quoted_paragraphs(index.text, found, quotes)
        records = [self._record(index.text, f, own) for f, own in zip(found, _own_quotes(found, quotes), strict=True)]
        inner = [(self._record(index.text, replace(f, confidence=f.probability), quotes), parent)
                 for f, parent in nested(candidates, found)]
        return with_parents(records, inner)

    def candidates(self, doc: Doc, quotes: list[Quote], index: DocIndex, tagged: Tagged | None = None) -> list[_Found]:
        """Every attribution put together from a cue the cue model does not rule out, or (in the
        accurate tier, ``tagged`` given) that the tagger finds likely enough to be a cue."""
        floor = min(self.threshold, self.quoted_threshold, self.judge.floor if self.judge else 1.0)
        found = []
        lengths = Counter(index.sent_of)
        for tok in doc:
            if lengths[index.sent_of[tok.i]] > MAX_SENTENCE_TOKENS:
                continue
            if tok.text in PUNCTUATION_CUES:
                label = attach_label(tok)
                if label is not None and (item := self._found(label, quotes, index, LABEL_PRIOR)) is not None:
                    found.append(item)
                continue
            if not is_candidate(tok):
                continue
            prob = self.model.probability(features(tok, index))
            if tok.lower_ in ATTRIBUTING_ADVERBS:
                prob = self._adverb_probability(tok, prob, index)
            elif prob < LABEL_PRIOR and tail_tag(tok) is not None:
                # ", state media reported." the parse hangs inside the sentence it tags, where
                # the cue model has seldom seen a cue.
                prob = LABEL_PRIOR
            tagger_cue = tagged is not None and tagged.probabilities[tok.i][0] >= tagged.blend.theta
            if (prob >= floor or tagger_cue) and (item := self._found(attach(tok), quotes, index, prob)) is not None:
                found.append(item)
        if tagged is not None:
            found = [replace(f, tagger=_tagger_score(doc, f, tagged)) for f in found]
        sents = [index.sent_of[f.head] for f in found]
        rivals = rivalry([(f.probability, f.content, f.cue[0]) for f in found], sents)
        return [replace(f, evidence=f.evidence + r) for f, r in zip(found, rivals, strict=True)]

    def _adverb_probability(self, adverb: Token, prob: float, index: DocIndex) -> float:
        """An attributing adverb counts as a cue of its own ("he *allegedly* did not pay rent"),
        unless the verb it modifies is a likely cue, with which it makes one ("*reportedly said*")."""
        verb = adverb.head
        if is_candidate(verb) and self.model.probability(features(verb, index)) >= self.threshold:
            return 0.0
        return max(prob, ADVERB_PRIOR)

    def _confidence(self, f: _Found, quotes: list[Quote], blend: Blend | None = None) -> float | None:
        """How sure sayso is of a candidate, or None to drop it."""
        if "how=headline" in f.evidence or "how=adverb" in f.evidence:  # forms the judge never saw
            return f.probability
        if self.judge is not None:
            judged = self.judge.probability(f.evidence)
            if blend is not None and f.tagger is not None:
                judged = (1 - blend.alpha) * judged + blend.alpha * f.tagger
            # A likely cue introducing nothing but a quotation needs no second opinion.
            if f.probability >= self.threshold and (f.quoted > 0.9 or f.telling):
                return max(judged, f.probability)
            return judged if judged >= self.judge.threshold else None
        # Without a judge, a weaker cue still counts when what it introduces is a quotation.
        starts_or_ends_quoted = any(q.start == s or q.end == e for s, e in f.content for q in quotes)
        return f.probability if f.probability >= self.threshold or starts_or_ends_quoted else None

    def _found(self, att: Attachment, quotes: list[Quote], index: DocIndex, prob: float) -> _Found | None:
        """The candidate as character extents: edges redrawn, fitted to paragraph and quotations."""
        head = att.cue[0]
        if att.how == "passive" and prob < PASSIVE_FLOOR or att.how == "headline" and prob < self.quoted_threshold:
            return None
        cue, source, content = att.cue, att.source, att.content
        if self.spans is not None and att.how not in UNREFINED:  # a label's parts are its line's, not the parse's
            cue, refined, content = self._refine(cue, source, content, index)
            source = source if att.whole_source else refined
        if att.cue_chain:
            chain = {t.i for t in att.cue_chain}
            cue = in_order([*cue, *att.cue_chain])
            content = [t for t in content if t.i not in chain]
        how = att.how
        cue_runs = fragments(sorted(cue, key=lambda t: t.i))
        cue_frags = [f for f in map(extent, worded(cue_runs) or cue_runs) if f]  # a label's cue is ":" alone
        if not cue_frags:
            return None
        src = extent(source)
        src = clip_to_paragraph(index.text, src, head.idx) if src else None
        # A parse glued across a paragraph break can give the cue a clause of the next paragraph
        # only: clipped away, that leaves the cue as if it had none, and a quotation next to it
        # may be what it introduces ("…," said Del. Stacey Plaskett. ¶ Democrats noted that …).
        content_frags = [c for f in map(extent, worded(fragments(without_dangling(content))))
                         if f and (c := clip_to_paragraph(index.text, f, head.idx))]
        closed = _closed_quote(index.text, cue_frags[0], src, quotes)
        if closed is not None and not any(s < closed[1] and closed[0] < e for s, e in content_frags):
            # “X,” he said, “Y.”: both pieces; “X,” she said of the election, in which …: X only.
            opens_quote = any(abs(q.start - s) <= 3 for s, _ in content_frags[:1] for q in quotes)
            content_frags, how = [closed, *content_frags] if opens_quote else [closed], "quote"
        introduced = introduced_paragraph(index.text, head.idx) if not content_frags else None
        if introduced is not None:
            content_frags = [introduced]
            how = "quote" if any(q.start == introduced[0] for q in quotes) else "colon"
        if not content_frags:
            after = max(t.i for t in cue) + 1  # "said:", "posted on Instagram:"
            colon = after < len(head.doc) and head.doc[after].text in (":", ",")
            quote = quote_near(head.idx, index.sents[index.sent_of[head.i]], colon, quotes)
            quote = clip_to_paragraph(index.text, quote, head.idx) if quote else None
            content_frags, how = ([quote] if quote else []), "quote"
        if not content_frags:
            return None
        # A label's words are its line: a transcript quoted paragraph by paragraph is one
        # quotation from the outlet's side, but every "NAME:" paragraph is its own speaker's.
        grown = content_frags if how in LABELS else merge([g for f in content_frags for g in grow_to_quotes(f, quotes)])
        if src is not None and any(s < src[1] and src[0] < e for s, e in grown):
            src = None
        quoted = quoted_share(grown, quotes)
        return _Found(cue_frags, [src] if src else [], grown, prob,
                      evidence(head, how, source, grown, quoted, prob, index), head.i, quoted,
                      telling=_telling_form(att))

    def _refine(
        self, cue: list[Token], source: list[Token], content: list[Token], index: DocIndex
    ) -> tuple[list[Token], list[Token], list[Token]]:
        """Re-draw each role's boundaries with the learned span model, heads kept."""
        assert self.spans is not None
        head = cue[0]
        mask = index.in_quote
        src = without_statements(self.spans.tokens("source", tops(source)[0], head, mask, {head.i})) if source else []
        taken = {head.i} | {t.i for t in src}
        kept = {t.i: t for top in tops(content) for t in self.spans.tokens("content", top, head, mask, taken)}
        taken |= set(kept)
        # A relative pronoun ("whom … referred to") is never part of the cue.
        wh = {g.i for c in head.children for g in (c, *c.children) if g.tag_ in WH_TAGS}
        cue_tokens = self.spans.tokens("cue", head, head, mask, (taken | wh) - {head.i})
        # Nor is a quotation mark, or a word of a quotation the cue stands outside of: the parse may
        # hang the quotation's "will" on the "said" after it ("“…, it will at some point …,” said
        # James Acton").
        cue_tokens = [t for t in cue_tokens if t.i == head.i or (mask[t.i] == mask[head.i] and not t.is_quote)]
        return cue_tokens, src, [kept[i] for i in sorted(kept)]

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
            confidence=f.confidence,
        )


def _tagger_score(doc: Doc, f: _Found, tagged: Tagged) -> float:
    """The tagger's mean probability of each role over the candidate's tokens of that role,
    averaged over the roles the candidate has."""
    means = []
    for role, extents in enumerate((f.cue, f.source, f.content)):
        tokens = [t.i for s, e in extents for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
        if tokens:
            means.append(tagged.mean(role, tokens))
    return sum(means) / len(means) if means else 0.0


def _telling_form(att: Attachment) -> bool:
    """Whether a candidate has a form news uses for attributions and little else, so that a
    likely cue needs no second opinion from the judge, which learned on PolNeAR that most
    sourceless or oddly parsed candidates are none: a "that" clause reported with no one named,
    by an impersonal passive ("It is believed that …") or a noun with no owner ("amid
    allegations that …"); or an outlet's tag the parse hung inside the sentence it tags
    ("…, media reported Sunday.")."""
    cue = att.cue[0]
    if att.how == "parataxis" and tail_tag(cue) is not None:
        return True
    if att.how != "clause" or att.source or not att.content or att.content[0].lower_ != "that":
        return False
    if cue.pos_ == "NOUN":
        return not any(c.dep_ == "poss" for c in cue.children)
    return any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in cue.children)


def asks(cue: Token) -> bool:
    """Whether ``cue`` is the verb of a question put to someone ("Do you really see those two as
    equivalent?"): it asks for a view, it attributes none (on 250 PolNeAR train articles, 4 of
    32 verbs of questions with "do" are annotated cues, none of them asked of "you"). Applied
    after the candidates are built, so the judge's training data is as before."""
    do = next((c.i for c in cue.children if c.dep_ == "aux" and c.lemma_ == "do" and c.i < cue.i), None)
    subject = next((c.i for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i and c.lower_ == "you"), None)
    return (do is not None and subject is not None and do < subject
            and cue.sent.text.rstrip().rstrip("\"”’'").endswith("?"))


# How likely a cue inside another attribution's content must be to count as a nested statement
# ("Xi Jinping *said* …, Xinhua reported"; a video showing mercenaries *calling* …): the quoted
# threshold, since the judge, which learned that PolNeAR leaves nested statements out, cannot tell.
NESTED_FLOOR = 0.25


def nested(candidates: list[_Found], found: list[_Found]) -> list[tuple[_Found, int]]:
    """The candidates stated inside a kept attribution's content, with that attribution's index.

    A nested statement has a source of its own, and its cue, source and content all lie in
    the content of the enclosing one; of several for one content the likeliest cue wins.
    """
    extents = [(g.content[0][0], g.content[-1][1]) for g in found]
    kept_cues = {c for f in found for c in f.cue}
    kept_contents = {tuple(f.content) for f in found}
    best: dict[tuple, tuple[_Found, int]] = {}
    for f in candidates:
        if f.probability < NESTED_FLOOR or not f.source:
            continue
        spans = [*f.cue, *f.source, *f.content]
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        parents = [k for k, (s, e) in enumerate(extents) if s <= lo and hi <= e
                   and all(any(a <= x and y <= b for a, b in found[k].content) for x, y in spans)]
        if not parents or tuple(f.content) in kept_contents or any(c in kept_cues for c in f.cue):
            continue
        parent = min(parents, key=lambda k: extents[k][1] - extents[k][0])
        key = tuple(f.content)
        if key not in best or f.probability > best[key][0].probability:
            best[key] = (f, parent)
    return list(best.values())


def with_parents(flat: list[Attribution], inner: list[tuple[Attribution, int]]) -> list[Attribution]:
    """All attributions in text order, each nested one's ``parent`` the index of its enclosing one."""
    order = sorted([(a, None) for a in flat] + [(a, flat[p]) for a, p in inner],
                   key=lambda x: (x[0].content[0].start, x[0].cue[0].start if x[0].cue else 0))
    position = {id(a): i for i, (a, _) in enumerate(order)}
    for a, enclosing in order:
        a.parent = position[id(enclosing)] if enclosing is not None else None
    return [a for a, _ in order]


def _closed_quote(text: str, cue: Extent, source: Extent | None, quotes: list[Quote]) -> Extent | None:
    """The quotation that the cue and its source close right after it (“…,” she said; “…,” said
    X), not one a later cue borrowing the source follows (“…,” she said, *adding* that …)."""
    if source is not None and source[1] <= cue[0]:
        if not _ONE_WORD_OR_NONE.fullmatch(text[source[1]:cue[0]]):  # "she *later* said", not "she said, adding"
            return None
        return quote_closed_by(source[0], text, quotes)
    return quote_closed_by(cue[0], text, quotes)


def _absorb_following_quotes(text: str, found: list[_Found], quotes: list[Quote]) -> list[_Found]:
    """Give an unattributed quotation to the attribution of the quotation next to it.

    '"We won," she said. "And we will win again."' is one statement in two pieces;
    the second has no cue of its own and continues the first one's attribution, as
    long as it is in the same paragraph and no other attribution's cue comes between.
    In '"We won," she said, "and we will win again."' the parse may give "said" only
    the second piece: the first, ending just before the cue, joins it the same way. A
    cue borrowing the same source in between ("…," she said, adding that …. "…") does
    not part them.
    """
    def joins(j: int, start: int, end: int, cue_between: bool) -> bool:
        """Whether text[start:end] between two quotations lets them share attribution j."""
        if "\n" in text[start:end]:
            return False
        cues = [(k, c) for k, f in enumerate(found) for c in f.cue if start <= c[0] < end]
        # A cue borrowing j's source does not part them: “X,” DuVernay said, emphasizing …. “Y.”
        ours = [k == j or (bool(found[k].source) and found[k].source == found[j].source) for k, _ in cues]
        return all(ours) and (bool(cues) or not cue_between)

    owners = _owners(found, quotes_of(quotes))  # the first attribution whose content overlaps each quotation
    pieces = [list(f.content) for f in found]
    for n, q in enumerate(quotes):
        if owners[n] is not None:
            continue
        # The nearest owned quotation before and after, with its owner.
        before = next(((m, o) for m in range(n - 1, -1, -1) if (o := owners[m]) is not None), None)
        after = next(((m, o) for m in range(n + 1, len(quotes)) if (o := owners[m]) is not None), None)
        if before is not None and joins(before[1], quotes[before[0]].end, q.start, cue_between=False):
            j = before[1]
        elif after is not None and joins(after[1], q.end, quotes[after[0]].start, cue_between=True):
            j = after[1]
        else:
            continue
        pieces[j].append((q.start, q.end))
        owners[n] = j
    return [
        replace(f, content=sorted(frags)) if frags != f.content else f
        for f, frags in zip(found, pieces, strict=True)
    ]


# How much of a paragraph may follow an attribution's content and still leave the next
# paragraph's quotation to it: a tag such as ", the minister said on Tuesday." and no more.
_TAIL = 40


def _continue_into_quoted_paragraphs(text: str, found: list[_Found], quotes: list[Quote]) -> list[_Found]:
    """Give a paragraph that is nothing but an unattributed quotation to the attribution ending
    the paragraph before it, and a quotation that closes a paragraph to the statement just
    before it in the paragraph.

    News continues a statement in the next paragraph without a new cue: 'Prof Mutu said iwi now
    wanted a say. ¶ "It is quite clear …"', and a quotation running over paragraphs opens each
    with a mark; PolNeAR's annotators and the world-news set join such paragraphs to the
    statement before them (on PolNeAR train about 90 such paragraphs joined against 16 left
    alone). The quotation must fill the rest of its paragraph, and no other cue may come between.
    """
    pieces = [list(f.content) for f in found]
    owned = {n for n, owner in enumerate(_owners(found, quotes_of(quotes))) if owner is not None}
    for n, q in enumerate(quotes):
        if n in owned:
            continue
        para_start = text.rfind("\n", 0, q.start) + 1
        para_end = text.find("\n", q.end) % (len(text) + 1)
        lead = text[para_start:q.start].rstrip()
        if text[q.end:para_end].strip() not in ("", "."):
            continue
        if lead:
            # A quotation closing the paragraph after a full stop continues the statement
            # before it: 'Paine said there are many areas to improve. "There are many …'.
            if not lead.endswith((".", "!", "?")):
                continue
            before, prev_start = text[:q.start].rstrip(), para_start
        else:
            before = text[:para_start].rstrip()
            prev_start = before.rfind("\n") + 1
        ends = [(max(e for _, e in p), j) for j, p in enumerate(pieces) if p and max(e for _, e in p) <= q.start]
        if not ends:
            continue
        end, j = max(ends)
        cue_between = any(end <= c[0] < q.start for k, f in enumerate(found) if k != j for c in f.cue)
        if end < prev_start or cue_between or len(before[end:].strip()) > _TAIL:
            continue
        group = [(m, g) for m, g in enumerate(quotes) if g.group == q.group and m not in owned and g.start >= q.start]
        pieces[j].extend((g.start, g.end) for _, g in group)
        owned.update(m for m, _ in group)
    return [
        replace(f, content=merge(frags)) if frags != f.content else f
        for f, frags in zip(found, pieces, strict=True)
    ]


def _owners(found: list[_Found], quotes: Quotes) -> list[int | None]:
    """For each quotation, the index of the first of ``found`` whose content overlaps it, or None."""
    number = {q: n for n, q in enumerate(quotes)}
    owners: list[int | None] = [None] * len(quotes)
    for i, f in enumerate(found):
        for s, e in f.content:
            for q in quotes.overlapping(s, e):
                if owners[number[q]] is None:
                    owners[number[q]] = i
    return owners


def _own_quotes(found: list[_Found], quotes: Quotes) -> list[Quotes]:
    """For each of ``found``, the quotations that count for its kind: not those another, nested
    attribution quotes ("X wants to prove himself to Putin—whom Haidai referred to as “the
    bunker grandpa”" stays indirect)."""
    pieces = sorted((s, e, tuple(g.content)) for g in found for s, e in g.content)
    starts = [s for s, _, _ in pieces]
    owned = []
    for f in found:
        own = tuple(f.content)
        nested = {(a, b) for s, e in f.content for a, b, whose in pieces[bisect_left(starts, s):bisect_right(starts, e)]
                  if b <= e and whose != own}
        dropped = {q for s, e in nested for q in quotes.overlapping(s - 1, e + 1) if s - 1 <= q.start and q.end <= e + 1}
        owned.append(Quotes(q for q in quotes if q not in dropped) if dropped else quotes)
    return owned


def _kind(text: str, f: _Found, quotes: list[Quote]) -> str:
    """direct (all quoted), mixed (partly quoted), indirect, or according_to."""
    if text[f.cue[0][0]:f.cue[0][1]].lower().startswith("according"):
        return "according_to"
    share = quoted_share(f.content, quotes)
    return "direct" if share >= 0.9 else "mixed" if share > 0 else "indirect"


class AttributionFinder(Pipe):
    """Writes ``doc._.attributions`` from the parse and ``doc._.quotes``.

    Its learned models (:class:`~sayso.pipeline.learned.LearnedModels`) come in spaCy's
    lifecycle: :meth:`initialize` reads them from a directory (the package's own by default),
    :meth:`to_disk`/:meth:`from_disk` (and the bytes pair) carry them with the pipeline, so
    ``nlp.to_disk(d)`` then ``spacy.load(d)`` extracts the same. As a :class:`spacy.pipeline.Pipe`
    it runs under the pipeline's error handler (``nlp.set_error_handler``).
    """

    def __init__(self, nlp: Language, name: str, *, threshold: float, quoted_threshold: float) -> None:
        self.name = name
        self.threshold = threshold
        self.quoted_threshold = quoted_threshold
        self.models: LearnedModels | None = None
        self.attributor: Attributor | None = None

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
        models: str | Path | None = None,
    ) -> None:
        """Read the learned models from ``models``, a directory ``sayso train`` wrote (by
        default the models shipped in the package; spaCy's ``[initialize.components]`` passes
        it from a config). The examples are not used: ``sayso train`` fits the models."""
        self._use(LearnedModels.from_disk(models or MODEL_DIR))

    def _use(self, models: LearnedModels) -> None:
        self.models = models
        self.attributor = Attributor(models.cues, self.threshold, self.quoted_threshold, models.spans, models.judge)

    def __call__(self, doc: Doc) -> Doc:
        if self.attributor is None:
            raise SaysoError(Errors.E129.format(name=self.name))
        doc._.attributions = self.attributor(doc, doc._.quotes or [])
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The learned models as files of the component's directory ``path``."""
        self._learned().to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "AttributionFinder":
        self._use(LearnedModels.from_disk(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        models = self._learned()
        return srsly.msgpack_dumps({name: asdict(getattr(models, name)) for name in _MODEL_FIELDS})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "AttributionFinder":
        fields = srsly.msgpack_loads(data)
        self._use(LearnedModels(CueModel(**fields["cues"]), SpanModel(**fields["spans"]), Judge(**fields["judge"])))
        return self

    def _learned(self) -> LearnedModels:
        if self.models is None:
            raise SaysoError(Errors.E129.format(name=self.name))
        return self.models


_MODEL_FIELDS = ("cues", "spans", "judge")


@Language.factory(
    "sayso_attributions",
    default_config={"threshold": 0.45, "quoted_threshold": 0.25},
    requires=["doc._.quotes", "token.dep", "token.lemma"],
    assigns=["doc._.attributions"],
)
def make_attributions(nlp: Language, name: str, threshold: float, quoted_threshold: float) -> AttributionFinder:
    """Args: threshold: cue probability to accept; quoted_threshold: lower bar for a cue
    whose content is a quotation. The learned models come with :meth:`AttributionFinder.initialize`
    (``sayso.load`` calls it) or with a pipeline saved by ``nlp.to_disk``."""
    return AttributionFinder(nlp, name, threshold=threshold, quoted_threshold=quoted_threshold)

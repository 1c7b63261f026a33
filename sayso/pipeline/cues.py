"""Cue detection: which words introduce an attribution.

A fixed list of speech verbs misses most of what news attributes: PolNeAR marks
7,000 distinct cues, from "said" to "endorsed", "appeared to suggest" and
"according to". So the cue detector is learned: a logistic regression over
sparse features of each token and its dependency neighbourhood (lemma, the
relations of its children, its subject, the quotation marks around it, its
WordNet class for words train never shows as cues), trained
on PolNeAR train by :mod:`sayso.train`. The weights ship as JSON in
``sayso/pipeline/model/cues.json``; scoring is a sum of dictionary lookups, so it
costs little next to spaCy's parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from sayso.pipeline import wordnet
from sayso.pipeline.linear import LinearModel

# Where the shipped learned models live, and the cue model's file name in any model directory.
MODEL_DIR = Path(__file__).parent / "model"
CUE_FILE = "cues.json"
# Parts of speech that can head a cue ("said", "statement", "according", "reportedly").
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "ADJ", "ADV", "PROPN"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class DocIndex:
    """Per-token facts computed once per doc, so scoring a token never walks the doc.

    ``text``: the doc's text (``Doc.text`` rebuilds it on every access);
    ``in_quote[i]``: token i lies inside a quotation; ``sent_of[i]``: the index of
    its sentence in ``sents`` (character extents); ``sent_quoted[k]``: sentence k
    contains quoted words.
    """

    text: str
    in_quote: list[bool]
    sent_of: list[int]
    sents: list[tuple[int, int]]
    sent_quoted: list[bool]


def index_doc(doc: Doc, quotes: list) -> DocIndex:
    """Build the :class:`DocIndex` of a parsed doc and its quotations."""
    in_quote = [False] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < tok.idx < quotes[qi].end:
            in_quote[tok.i] = True
    sent_of = [0] * len(doc)
    sents: list[tuple[int, int]] = []
    sent_quoted: list[bool] = []
    for k, sent in enumerate(doc.sents):
        sents.append((sent.start_char, sent.end_char))
        sent_quoted.append(any(in_quote[sent.start:sent.end]))
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    return DocIndex(doc.text, in_quote, sent_of, sents, sent_quoted)


def is_candidate(tok: Token) -> bool:
    """Tokens the model scores at all; everything else is never a cue head."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha


def features(tok: Token, index: DocIndex) -> list[str]:
    """Sparse features of ``tok`` as a cue head (strings, weights looked up by name)."""
    lemma = tok.lemma_.lower()
    child_deps = sorted({c.dep_ for c in tok.children})
    subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else "<end>"
    prev = tok.nbor(-1).lower_ if tok.i > 0 else "<start>"
    sent_has_quote = index.sent_quoted[index.sent_of[tok.i]]
    feats = [
        "bias",  # the intercept's weight
        f"l={lemma}",
        f"w={tok.lower_}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"l|d={lemma}|{tok.dep_}",
        f"l|t={lemma}|{tok.tag_}",
        f"hd={tok.head.dep_}|{tok.dep_}",
        f"hl={tok.head.lemma_.lower()}|{tok.dep_}",
        f"nx={nxt}",
        f"l|nx={lemma}|{nxt}",
        f"pv={prev}",
        f"q={index.in_quote[tok.i]}",
        f"sq={sent_has_quote}",
        f"l|sq={lemma}|{sent_has_quote}",
    ]
    for dep in child_deps:
        feats.append(f"c={dep}")
        feats.append(f"l|c={lemma}|{dep}")
    if subj is not None:
        kind = subj.pos_ if subj.pos_ in ("PRON", "PROPN") else f"N:{subj.lemma_.lower()}"
        feats.append(f"s={kind}")
        feats.append(f"s={subj.ent_type_ or 'none'}")
    else:
        feats.append("s=none")
    feats.extend(wordnet.features(tok))
    return feats


class CueModel(LinearModel):
    """P(cue) for a token's :func:`features`; the thresholds belong to the component's config."""

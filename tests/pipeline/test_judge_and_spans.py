"""The shipped span-boundary model and judge, on real sentences."""

from hypothesis import given, settings
from hypothesis import strategies as st

import sayso
from sayso.pipeline.cues import index_doc
from sayso.pipeline.judge import evidence, rivalry
from sayso.pipeline.spans import SpanModel, child_features, fragments


def test_span_model_takes_auxiliaries_and_adverbs_into_the_cue():
    # PolNeAR convention: "has also said", not "said".
    found = sayso.extract("Donald Trump has also said that the election is rigged.")
    assert [s.text for s in found[0].cue] == ["has also said"]


def test_span_model_leaves_the_time_out_of_the_source():
    text = "12:15 p.m.\n\nDonald Trump says political correctness has run amok in the military."
    found = sayso.extract(text)
    assert [s.text for s in found[0].source] == ["Donald Trump"]


def test_fragments_split_around_a_parenthetical(parse):
    doc = parse("The economy, she said, is strong.")
    kept = [t for t in doc if t.text not in ("she", "said")]
    assert [" ".join(t.text for t in run) for run in fragments(kept)] == ["The economy ,", ", is strong ."]


def test_judge_keeps_a_statement_and_drops_a_non_statement():
    said = sayso.extract("“We will appeal the ruling,” the senator said on Monday.")
    assert len(said) == 1 and said[0].confidence >= 0.5
    assert sayso.extract("The senator made a sandwich and went home.") == []


def test_rivalry_marks_nested_and_second_best_candidates():
    # (cue probability, content, cue span); both in sentence 0.
    outer = (0.9, [(10, 80)], (5, 9))
    inner = (0.4, [(30, 50)], (20, 28))
    features = rivalry([outer, inner], [0, 0])
    assert "inside=False" in features[0] and "holds=True" in features[0] and "rank=1" in features[0]
    assert "inside=True" in features[1] and "rank=2" in features[1]


def test_span_features_name_the_word_joining_a_conjunct(parse):
    # PolNeAR dev: a ", but …" conjunct stays in the content more often than an ", and said …" one.
    doc = parse("They had misgivings about Mrs. Clinton, but could not bear to insult Mr. Obama.")
    head = doc[1]
    conjunct = next(c for c in head.children if c.dep_ == "conj")
    feats = child_features("content", head, conjunct, head, [False] * len(doc))
    assert "content:d|cc=conj|but" in feats
    assert f"content:d|l=conj|{conjunct.lemma_.lower()}" in feats


def test_a_cue_dependent_needs_more_confidence_than_a_content_one(parse):
    # Every dependent scores 0.55 (only the bias weighs): enough for a content, not for a cue.
    doc = parse("Donald Trump has also said that the election is rigged.")
    said = next(t for t in doc if t.text == "said")
    also = next(t for t in doc if t.text == "also")
    model = SpanModel(weights={"bias": 0.2})
    in_quote = [False] * len(doc)
    assert not model.keeps("cue", said, also, said, in_quote)
    assert model.keeps("content", said, also, said, in_quote)


def test_judge_evidence_names_the_cues_wordnet_class(parse):
    doc = parse("Some Republicans worry that Trump will lose the House.")
    worry = doc[2]
    feats = evidence(worry, "clause", [doc[1]], [(worry.idx + 6, len(doc.text) - 1)], 0.0, 0.4,
                     index_doc(doc, []))
    assert "wn1=v.emotion" in feats and "how|wn1=clause|v.emotion" in feats


def _rivalry_by_scanning(candidates, sentence):
    """Each candidate compared with every other, as the features are defined: the oracle the
    sorted lookups of :func:`rivalry` must agree with."""
    out = []
    for k, (prob, content, _) in enumerate(candidates):
        others = [c for j, c in enumerate(candidates) if j != k]
        rank = 1 + sum(1 for j, c in enumerate(candidates) if j != k and sentence[j] == sentence[k] and c[0] > prob)
        inside = any(any(s <= content[0][0] and content[-1][1] <= e for s, e in c[1]) and c[1] != content
                     for c in others)
        holds = any(any(s <= c[2][0] < e for s, e in content) for c in others)
        same = [c[0] for c in others if c[1] == content]
        dup = "none" if not same else "lower" if max(same) > prob else "higher"
        r = "3+" if rank >= 3 else str(rank)
        out.append((f"rank={r}", f"inside={inside}", f"holds={holds}", f"dup={dup}", f"rank|inside={r}|{inside}"))
    return out


_PIECE = st.tuples(st.integers(0, 30), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1]))
_CANDIDATE = st.tuples(st.sampled_from([0.2, 0.5, 0.9]), st.lists(_PIECE, min_size=1, max_size=3).map(sorted),
                       _PIECE, st.integers(0, 2))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CANDIDATE, max_size=8))
def test_rivalry_agrees_with_comparing_every_pair(drawn):
    candidates = [(prob, content, cue) for prob, content, cue, _ in drawn]
    sentence = [s for *_, s in drawn]
    assert rivalry(candidates, sentence) == _rivalry_by_scanning(candidates, sentence)

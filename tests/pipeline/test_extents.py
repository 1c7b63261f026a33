"""Token runs to character extents: edge punctuation, hanging conjunctions, paragraph breaks."""

from sayso.pipeline.extents import (
    clip_to_paragraph, extent, introduced_paragraph, merge, without_dangling,
)


def test_extent_drops_edge_punctuation_but_keeps_a_lone_colon_cue(parse):
    doc = parse("WALLACE: Let me ask you about immigration, Mr. Trump.")
    assert extent([doc[1]]) == (7, 8)  # the cue ":" of a transcript label
    clause = [t for t in doc if t.i >= 1]
    start, end = extent(clause)
    assert doc.text[start:end] == "Let me ask you about immigration, Mr. Trump."


def test_without_dangling_drops_a_conjunction_left_at_the_end(parse):
    doc = parse("He said he was qualified above his training, and he was proud of it.")
    and_ = next(t for t in doc if t.text == "and")
    kept = without_dangling([t for t in doc if 2 <= t.i <= and_.i])
    assert "and" not in [t.text for t in kept]
    assert doc.text[slice(*extent(kept))] == "he was qualified above his training"


def test_clip_to_paragraph_leaves_out_a_timestamp_glued_to_the_next_paragraph():
    text = "12:15 p.m.\n\nDonald Trump says political correctness has run amok in the military."
    anchor = text.index("says")
    assert clip_to_paragraph(text, (0, text.index(" says")), anchor) == (12, text.index(" says"))
    assert clip_to_paragraph(text, (0, 10), anchor) is None


def test_a_colon_ending_the_paragraph_introduces_the_next_one():
    text = "Sanders continued:\n\nThe health issue overall is a serious one.\nHe left."
    assert text[slice(*introduced_paragraph(text, 0))] == "The health issue overall is a serious one."
    assert introduced_paragraph("Sanders said the issue is serious.\nHe left.", 0) is None


def test_merge_joins_overlapping_extents_only():
    assert merge([(10, 20), (0, 5), (15, 30)]) == [(0, 5), (10, 30)]

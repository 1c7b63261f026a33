"""Paragraph windows of wordpieces and the per-wordpiece roles the accurate tier's tagger learns."""

from __future__ import annotations

from sayso.pipeline.wordpieces import ROLES, paragraphs, targets, token_maxima, windows

TEXT = ('The minister said on Tuesday that the deficit had halved. "We are optimistic," she added.\n\n'
        "Critics were concerned that the figures were wrong.")


def _gold(text: str) -> list[dict]:
    """Two attributions of TEXT by character extents found in it, in the referee's shape."""
    def at(word: str, start: int = 0) -> list[int]:
        s = text.index(word, start)
        return [s, s + len(word)]

    return [
        {"source": [at("The minister")], "cue": [at("said")], "content": [at("the deficit had halved")]},
        {"source": [at("Critics")], "cue": [at("were concerned")], "content": [at("the figures were wrong")]},
    ]


def test_paragraphs_are_the_non_blank_lines():
    assert [TEXT[s:e] for s, e in paragraphs(TEXT)] == TEXT.split("\n\n")


def test_each_wordpiece_is_labelled_with_the_roles_its_characters_have(wordpiece_tokenizer):
    (window,) = windows(TEXT, wordpiece_tokenizer)
    rows = targets(window, _gold(TEXT))
    labelled = {TEXT[a:b]: tuple(ROLES[k] for k in range(3) if row[k]) for (a, b), row in zip(window.offsets, rows)
                if b > a}
    assert labelled["said"] == ("cue",)
    assert labelled["minister"] == ("source",)
    assert labelled["hal"] == labelled["ved"] == ("content",)  # both pieces of "halved"
    assert labelled["concern"] == labelled["ed"] == ("cue",)
    assert labelled["optimistic"] == ()  # the quotation is no one's here
    assert rows[0] == rows[-1] == [0.0, 0.0, 0.0]  # [CLS] and [SEP]


def test_a_short_text_is_one_window_framed_by_cls_and_sep(wordpiece_tokenizer):
    (window,) = windows(TEXT, wordpiece_tokenizer)
    assert window.ids[0] == wordpiece_tokenizer.token_to_id("[CLS]")
    assert window.ids[-1] == wordpiece_tokenizer.token_to_id("[SEP]")
    assert window.offsets[0] == window.offsets[-1] == (0, 0)


def test_windows_hold_whole_paragraphs_and_split_only_a_paragraph_too_long(wordpiece_tokenizer):
    text = "\n".join(["The minister said that the deficit had halved."] * 6 + ["she added " * 40])
    cut = windows(text, wordpiece_tokenizer, max_wordpieces=24, stride=4)
    assert all(len(w.ids) <= 24 for w in cut)
    covered = {a for w in cut for a, b in w.offsets if b > a}
    every = {a for w in windows(text, wordpiece_tokenizer, max_wordpieces=10_000) for a, b in w.offsets if b > a}
    assert covered == every  # no wordpiece is lost
    starts = [s for s, _ in paragraphs(text)]
    short = [w for w in cut if w.offsets[1][0] < starts[-1]]
    assert all(w.offsets[1][0] in starts for w in short)  # a window of short paragraphs starts at one


def test_a_token_takes_the_largest_probability_of_its_wordpieces(wordpiece_tokenizer):
    (window,) = windows(TEXT, wordpiece_tokenizer)
    probabilities = [[0.1 * (k % 5), 0.0, 0.9] for k in range(len(window.ids))]
    s = TEXT.index("halved")
    pieces = [k for k, (a, b) in enumerate(window.offsets) if s <= a < s + 6]
    (token,) = token_maxima([(s, s + 6)], [window], [probabilities])
    assert token[0] == max(probabilities[k][0] for k in pieces)
    assert token[2] == 0.9

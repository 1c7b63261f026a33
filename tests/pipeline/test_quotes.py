"""Quotation marks: curly, straight, NYT-style, unbalanced, paragraph continuation."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.pipeline.quotes import Quotes, find_quotes, quote_closed_by


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_quotes_curly_marks_in_example(bakhmut_text):
    found = quoted(bakhmut_text)
    assert "“the bunker grandpa.”" in found
    assert "“erased from the earth”" in found
    assert all(q.startswith("“") and q.endswith("”") for q in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        ('Wahl said, "I cannot be part of it," and quit.', ['"I cannot be part of it,"']),
        ("He called it ''not in line with our editorial policy.'' Then he left.",
         ["''not in line with our editorial policy.''"]),
        ("Clinton called them ``deplorables'' on Friday.", ["``deplorables''"]),
        ("Marks «comme ça» too.", ["«comme ça»"]),
    ],
)
def test_quotes_other_conventions(text, expected):
    assert quoted(text) == expected


def test_quotes_paragraph_continuation_shares_group():
    text = (
        "“We will win this state,” he said. “We are going to win it big.\n\n"
        "“And then we will win the country.”\n\nOthers disagreed."
    )
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes][1:] == [
        "“We are going to win it big.",
        "“And then we will win the country.”",
    ]
    assert quotes[1].group == quotes[2].group != quotes[0].group
    assert not quotes[1].closed and quotes[2].closed


def test_quotes_unbalanced_mark_ends_at_paragraph():
    text = 'He said "this never closes.\n\nA new paragraph "with a quote" here.'
    assert quoted(text) == ['"this never closes.', '"with a quote"']


def test_quotes_apostrophes_are_not_quotes():
    assert quoted("Trump’s and Clinton's campaigns don't agree.") == []


def test_quotes_curly_quotation_nested_in_a_curly_one_stays_inside_it():
    # PolNeAR dev (Huffington Post): the inner “hell” does not end the reader's quotation.
    text = ("“As a young, Hispanic woman....I’d rather live in what he calls “hell” than live in a world "
            "where he is president.” ― Adriana Rodarte")
    assert quoted(text) == [text[:text.index(" ―")]]


def test_quotes_closing_mark_typed_for_the_opening_one_opens_its_paragraph():
    # PolNeAR dev (Huffington Post), after a photo credit.
    text = "Getty/Instagram.\n\n”Fear. I am truly afraid that Donald Trump will win.” ― Edwin G. Monroy"
    assert quoted(text) == ["”Fear. I am truly afraid that Donald Trump will win.”"]



# The lookups of Quotes must answer exactly as scanning the list does, on any text: here the
# quotations of random storms of marks and words, and random stretches of them.
_STORM = st.text(alphabet=st.sampled_from(list("\"“”«»„'` ab.\n")), max_size=120)


@settings(max_examples=200, deadline=None)
@given(text=_STORM, start=st.integers(-3, 125), length=st.integers(0, 40))
def test_quote_lookups_answer_as_a_scan_of_the_list_does(text, start, length):
    found = find_quotes(text)
    quotes = Quotes(found)
    end = start + length
    assert quotes == found
    assert quotes.overlapping(start, end) == [q for q in found if q.start < end and start < q.end]
    assert quotes.starting(start, end) == [q for q in found if start <= q.start < end]
    assert quotes.ending(start, end) == [q for q in found if start <= q.end <= end]
    groups = {q.group for q in found[::2]}
    assert quotes.of_groups(groups) == [q for q in found if q.group in groups]


def test_a_megabyte_of_dialogue_costs_its_length_not_its_square():
    """Each lookup of 20,000 quotations answers from sorted lists (a scan took minutes)."""
    text = "“Yes,” he said. " * 20_000
    quotes = Quotes(find_quotes(text))
    assert len(quotes) == 20_000
    started = time.perf_counter()
    for q in quotes:
        assert quotes.overlapping(q.start, q.end) == [q]
        assert quote_closed_by(q.end + 1, text, quotes) == (q.start, q.end)
    assert time.perf_counter() - started < 10

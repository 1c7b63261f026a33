"""Component ``sayso_breaks``: a line break ends a sentence, before the parser runs.

sayso reads every line of an article as a paragraph (:mod:`sayso.pipeline.passages`).
The small parser does not: it glues a headline without final punctuation to the lead
sentence under it ("Central bank chief: inflation fight is not over ¶ The governor …
said …"), and the glued parse loses both the headline's statement and the lead's; a
dateline or a byline ends up as a subject. Marking the first word of each line as a
sentence start, which spaCy's parser respects, keeps every paragraph's parse its own,
so what is found in a paragraph does not depend on the paragraphs around it.

The component sits before the parser in the base pipeline (:func:`sayso.nlp.load_base`),
so training and extraction see the same parses.
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first non-space token after every line break."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


@Language.factory("sayso_breaks")
def make_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """A factory rather than a bare component function, so that the package's entry point
    finds it when ``spacy.load`` reads a pipeline saved with ``nlp.to_disk``."""
    return mark_line_starts

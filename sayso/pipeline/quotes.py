"""Component sayso_quotes (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


class SaysoQuotes:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("sayso_quotes")
def make_quotes(nlp: Language, name: str) -> SaysoQuotes:
    return SaysoQuotes(nlp, name)

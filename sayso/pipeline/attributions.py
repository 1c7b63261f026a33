"""Component sayso_attributions (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


class SaysoAttributions:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc


@Language.factory("sayso_attributions")
def make_attributions(nlp: Language, name: str) -> SaysoAttributions:
    return SaysoAttributions(nlp, name)

"""Component sayso_context (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


class SaysoContext:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("sayso_context")
def make_context(nlp: Language, name: str) -> SaysoContext:
    return SaysoContext(nlp, name)

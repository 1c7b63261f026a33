"""Component sayso_speakers (being written)."""

from spacy.language import Language
from spacy.tokens import Doc


class SaysoSpeakers:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("sayso_speakers")
def make_speakers(nlp: Language, name: str) -> SaysoSpeakers:
    return SaysoSpeakers(nlp, name)

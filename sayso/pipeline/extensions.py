"""The one place that declares sayso's ``Doc`` extensions.

``doc._.quotes`` holds the quotation spans found by ``sayso_quotes`` and
``doc._.attributions`` the :class:`~sayso.records.Attribution` records that the
later components fill in. Setting them here, guarded, means importing sayso twice
(or alongside another plugin) never clashes.
"""

from spacy.tokens import Doc


def ensure_extensions() -> None:
    """Declare the extensions once per process."""
    for name in ("quotes", "attributions"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

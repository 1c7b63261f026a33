"""The one place that declares sayso's ``Doc`` extensions, and how they serialise.

``doc._.quotes`` holds the quotation spans found by ``sayso_quotes``,
``doc._.attributions`` the :class:`~sayso.records.Attribution` records that the
later components fill in, and ``doc._.relays`` the
:class:`~sayso.records.Provenance` records of ``sayso_relays``. Setting them here, guarded, means importing sayso twice
(or alongside another plugin) never clashes.

Extension values live in ``doc.user_data``, which ``DocBin(store_user_data=True)``
and ``Doc.to_bytes`` write with msgpack; the records are dataclasses msgpack does
not know, so an encoder and a decoder for them are registered with srsly here.
(msgpack gives lists back as tuples: a restored ``doc._.attributions`` is a tuple.)
"""

from dataclasses import asdict
from typing import Any

import srsly
from spacy.tokens import Doc

from sayso.pipeline.quotes import Quote
from sayso.records import Attribution, Channel, Posting, Provenance, Span

_TAG = "__sayso__"


def ensure_extensions() -> None:
    """Declare the extensions and register the record codecs, once per process."""
    for name in ("quotes", "attributions", "relays", "tagged"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    srsly.msgpack_encoders.register("sayso.records", func=_encode)
    srsly.msgpack_decoders.register("sayso.records", func=_decode)


def _encode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, (Attribution, Quote, Provenance)):
        return {_TAG: type(obj).__name__, "data": asdict(obj)}
    return obj if chain is None else chain(obj)


def _spans(items: list[dict[str, Any]]) -> list[Span]:
    return [Span(**s) for s in items]


def _posting(data: dict[str, Any]) -> Posting:
    return Posting(**{**data, "evidence": Span(**data["evidence"])})


def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        data = obj["data"]
        if obj[_TAG] == "Quote":
            return Quote(**data)
        if obj[_TAG] == "Provenance":
            return Provenance(
                data["attribution"], data["item"], None if data["origin"] is None else _posting(data["origin"]),
                tuple(_posting(p) for p in data["relays"]),
            )
        channel = data["channel"]
        return Attribution(**{
            **data,
            "content": _spans(data["content"]),
            "cue": _spans(data["cue"]),
            "source": _spans(data["source"]),
            "channel": Channel(channel["type"], channel["outlet"], _spans(channel["evidence"])),
            "hedges": list(data["hedges"]),
        })
    return obj if chain is None else chain(obj)



"""Properties that hold for any input: readers never raise and give only safe records; records
round-trip through the store; the store takes any batch, refusing a document alone (E123).

Strings here are drawn from every code point, lone surrogates and NUL among them, and
times from the whole calendar with zones up to a day off UTC, which is what broke the
store before issue 19.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.batch import Extracted
from sayso.ingest import Document, IngestError, read
from sayso.ingest.dates import EARLIEST, LATEST
from sayso.nlp import MAX_CHARS
from sayso.store import open_store

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CODED = re.compile(r"^\[E\d{3}\] ")

# Any code point: hypothesis leaves out surrogates (category Cs) unless asked.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
ZONES = st.integers(-24 * 60 + 1, 24 * 60 - 1).map(lambda minutes: timezone(timedelta(minutes=minutes)))
ANY_TIME = st.one_of(st.none(), st.datetimes(timezones=st.one_of(st.none(), ZONES)))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3), max_leaves=10,
)
KEYS = st.sampled_from(["text", "id", "doc_id", "title", "url", "date", "published", "outlet", "author", "authors"])
RECORDS = st.dictionaries(KEYS, JSON | ANY_TEXT, max_size=6)
# Texts the readers let through: printable words, never blank.
GOOD_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(str.strip)


def assert_safe(item: Document | IngestError) -> None:
    """What every record a reader gives must be: writable everywhere, and an error coded and named."""
    if isinstance(item, IngestError):
        assert CODED.match(item.reason) and item.origin in item.reason
        item.reason.encode("utf-8")
        return
    for value in (item.doc_id, item.origin, item.text, item.title, item.url, item.outlet, *item.authors):
        if value is not None:
            value.encode("utf-8")
            assert "\x00" not in value
    assert item.text.strip() and len(item.text) <= MAX_CHARS
    assert item.published is None or EARLIEST <= item.published.astimezone(UTC) < LATEST


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("examples")


@EXAMPLES
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".warc.gz"]))
def test_readers_never_raise_on_any_bytes_and_give_only_safe_records(scratch, data, suffix):
    path = scratch / f"any{suffix}"
    path.write_bytes(data)
    for item in read([str(path)]):
        assert_safe(item)


@EXAMPLES
@given(records=st.lists(RECORDS | JSON, min_size=1, max_size=5))
def test_jsonl_reader_gives_one_safe_record_per_line_whatever_the_values(scratch, records):
    path = scratch / "any.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read([str(path)]))
    assert len(items) == len(records)
    for item in items:
        assert_safe(item)


@EXAMPLES
@given(doc_id=ANY_TEXT, origin=ANY_TEXT, text=GOOD_TEXT, title=st.none() | ANY_TEXT, url=st.none() | ANY_TEXT,
       outlet=st.none() | ANY_TEXT, authors=st.lists(ANY_TEXT, max_size=3), published=ANY_TIME)
def test_any_document_record_round_trips_through_the_store(store_url, doc_id, origin, text, title, url, outlet,
                                                           authors, published):
    doc = Document(doc_id, text, origin or "o", title=title, url=url, outlet=outlet, authors=tuple(authors),
                   published=published)
    assert_safe(doc)
    with open_store(store_url) as store:
        assert store.write([Extracted(doc, [])]) == []
        back = store.article(doc.article_id)
    assert (back.doc_id, back.origin, back.text) == (doc.doc_id, doc.origin, doc.text)
    assert (back.title, back.url, back.outlet, back.authors) == (doc.title, doc.url, doc.outlet, doc.authors)
    assert back.published == (doc.published.replace(microsecond=0) if doc.published else None)


@EXAMPLES
@given(batch=st.lists(st.tuples(st.booleans(), ANY_TEXT, ANY_TEXT), min_size=1, max_size=6))
def test_store_takes_any_batch_refusing_only_the_documents_it_cannot_hold(store_url, batch):
    results = [
        Extracted(Document(f"d{n}", f"Text {n}: {value}", f"origin-{n}"), []) if is_document
        else IngestError(origin or "-", f"[E001] {value}")
        for n, (is_document, origin, value) in enumerate(batch)
    ]
    with open_store(store_url) as store:
        refused = store.write(results)
        for result in results:
            if isinstance(result, IngestError):
                assert (result.origin, result.reason) in {(e.origin, e.reason) for e in store.errors()}
                continue
            kept = store.article(result.document.article_id) is not None
            named = [e for e in refused if e.origin == result.document.origin]
            assert kept != bool(named)  # stored, or refused with E123 naming it: one or the other
            assert all(e.reason.startswith(f"[E123] {e.origin}: cannot be stored (") for e in named)

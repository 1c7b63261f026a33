"""Front matter: a text article's title, outlet, date and URL as lines at its top, kept out of its text."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sayso.batch import Extracted, extract_documents
from sayso.ingest import Document, IngestError, read

SCHOOLS = Path(__file__).resolve().parents[1] / "data" / "schools.txt"
HEADLINE = "Minister: schools will stay open"


def _write(tmp_path: Path, text: str, name: str = "a.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_front_matter_gives_the_metadata_and_the_text_starts_at_the_headline():
    [doc] = read([str(SCHOOLS)])
    assert (doc.title, doc.outlet, doc.url) == (HEADLINE, "The Daily Ledger", "https://ledger.example/2024/03/05/schools-stay-open")
    assert doc.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert doc.text == SCHOOLS.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert doc.text.startswith(HEADLINE + "\n\nThe education minister")


def test_front_matter_headline_statement_is_found_with_offsets_into_the_stored_text(nlp):
    [[result]] = list(extract_documents(read([str(SCHOOLS)]), nlp=nlp))
    assert isinstance(result, Extracted)
    for attribution in result.attributions:  # every span's offsets give its text in the stored text
        for span in [*attribution.content, *attribution.cue, *attribution.source]:
            assert result.document.text[span.start:span.end] == span.text
    [headline] = [a for a in result.attributions if a.content[0].start < len(HEADLINE)]
    assert headline.content[0].text == "schools will stay open"
    assert headline.source[0].text == "Minister"


def test_without_front_matter_a_headline_with_a_colon_is_the_title_and_stays_in_the_text(tmp_path):
    text = SCHOOLS.read_text(encoding="utf-8").split("\n\n", 1)[1]
    [doc] = read([_write(tmp_path, text)])
    assert (doc.title, doc.text, doc.outlet) == (HEADLINE, text, None)


def test_fenced_front_matter_ignores_other_keys(tmp_path):
    text = "---\ntitle: Ferry fares to rise\nlayout: post\ntags: [ferries]\n\nOutlet: Harbor Gazette\n---\n\nFares rise, the operator said.\n"
    [doc] = read([_write(tmp_path, text)])
    assert (doc.title, doc.outlet, doc.text) == ("Ferry fares to rise", "Harbor Gazette", "Fares rise, the operator said.\n")


@pytest.mark.parametrize("text", [
    "Title: Ferry fares to rise\nBy Lena Ortiz\n\nFares rise, the operator said.",  # a line that is no front matter
    "---\nFares rise, the operator said.\n---\n\nHe spoke in Port Selwyn.",  # rules around a paragraph
    "---\n\nFares rise, the operator said.",  # a rule across the top, never closed
])
def test_lines_that_are_not_front_matter_stay_in_the_text(tmp_path, text):
    [doc] = read([_write(tmp_path, text)])
    assert doc.text == text
    assert doc.outlet is None and doc.url is None


@pytest.mark.parametrize(("front", "line", "detail"), [
    ("title: A\ndate: next Tuesday", 2, "date 'next Tuesday' is not a date"),
    ("url: www.ledger.example/a", 1, "url 'www.ledger.example/a' is not an http:// or https:// URL"),
    ("title: A\noutlet: B\ntitle: C", 3, "a second title:"),
    ("outlet:", 1, "outlet: has no value"),
])
def test_front_matter_that_cannot_be_used_is_an_error_naming_the_line_and_the_batch_goes_on(
    tmp_path, front, line, detail
):
    bad = _write(tmp_path, f"{front}\n\nFares rise, the operator said.\n", "bad.txt")
    good = str(SCHOOLS)
    error, doc = read([bad, good])
    assert isinstance(error, IngestError) and isinstance(doc, Document)
    assert error.reason.startswith(f"[E144] {bad}: front matter line {line}: {detail}")


def test_front_matter_alone_is_an_empty_document(tmp_path):
    [error] = read([_write(tmp_path, "title: A\noutlet: B\n\n\n")])
    assert error.reason.startswith("[E001]")


def test_stdin_reads_front_matter_too():
    [doc] = read(["-"], stdin=io.BytesIO(SCHOOLS.read_bytes()))
    assert (doc.doc_id, doc.title, doc.outlet) == ("stdin", HEADLINE, "The Daily Ledger")
    assert doc.text.startswith(HEADLINE)

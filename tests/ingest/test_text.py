"""Reading plain-text files and stdin."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.ingest import Document, IngestError, frontmatter, read
from sayso.ingest.identity import article_id


def test_text_file_is_read_exactly_with_stem_as_doc_id(example_path, bakhmut_text):
    [doc] = read([str(example_path)])
    assert doc == Document("bakhmut-newsweek-2022-12-27", bakhmut_text, str(example_path))
    assert "Haidai said" in doc.text


def test_text_file_keeps_carriage_returns_and_drops_byte_order_mark(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeff\u201cIt is symbolic,\u201d Haidai said.\r\nHe added more.\r\n".encode())
    [doc] = read([str(path)])
    assert doc.text == "\u201cIt is symbolic,\u201d Haidai said.\r\nHe added more.\r\n"


def test_text_article_id_ignores_line_endings_and_unicode_composition():
    assert article_id("Haidai said.\r\nHe added.") == article_id("Haidai said.\nHe added.\n")
    assert article_id("Serhii Haida\u0301i said.") == article_id("Serhii Haid\u00e1i said.")
    assert article_id("Haidai said.") != article_id("Kivinen said.")


def test_text_stdin_is_one_document_called_stdin(bakhmut_text):
    [doc] = read(["-"], stdin=io.BytesIO(bakhmut_text.encode()))
    assert (doc.doc_id, doc.origin, doc.text) == ("stdin", "<stdin>", bakhmut_text)


def test_text_stdin_over_the_size_limit_is_refused_without_reading_it_all():
    stream = io.BytesIO(b"Haidai said. " * 400_000)
    [error] = read(["-"], stdin=stream)
    assert error.reason.startswith("[E004] <stdin>: text too long")
    assert stream.tell() < len(stream.getvalue())


@pytest.mark.parametrize("name", ["empty", "blank", "binary", "latin-1", "huge", "just-over"])
def test_text_bad_file_is_an_error_naming_file_and_reason(bad_inputs, name):
    path, code = bad_inputs[name]
    [error] = read([str(path)])
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert error.reason.startswith(f"[{code}] {path}: ")


def test_text_bad_file_does_not_stop_the_files_after_it(bad_inputs, example_path):
    paths = [str(path) for path, _ in bad_inputs.values()]
    items = list(read([*paths, str(example_path), "no/such/file.txt"]))
    assert [type(i).__name__ for i in items] == ["IngestError"] * len(paths) + ["Document", "IngestError"]
    assert items[-1].reason == "[E010] no/such/file.txt: no such file or directory"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary", "binary data (NUL bytes), not text"),
        ("latin-1", "not valid UTF-8 (byte 0x93 at offset 0)"),
        ("huge", "text too long (over 4,000,000 bytes; the limit is 1,000,000 characters)"),
        ("just-over", "text too long (1,000,001 characters; the limit is 1,000,000 characters)"),
    ],
)
def test_text_error_reason_says_what_is_wrong(bad_inputs, name, reason):
    path, _ = bad_inputs[name]
    [error] = read([str(path)])
    assert error.reason.endswith(f"{path}: {reason}")


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(str.encode)
       | st.tuples(st.sampled_from(["title", "Date", "url", "outlet", "---\ntags"]), st.text(max_size=40),
                   st.text(max_size=200)).map(lambda t: f"{t[0]}: {t[1]}\n\n{t[2]}".encode()))
def test_text_arbitrary_bytes_give_the_text_as_read_after_any_front_matter_or_an_error(scratch, data):
    path = scratch / "any.txt"
    path.write_bytes(data)
    [item] = read([str(path)])
    assert isinstance(item, Document | IngestError)
    if isinstance(item, Document):
        text = data.decode("utf-8-sig")
        assert item.text.strip() and item.text == text[frontmatter.split(text, "any").body_start:]
        assert text.endswith(item.text)
    else:
        assert item.reason.startswith(("[E001]", "[E002]", "[E003]", "[E144]"))


def test_a_headline_line_becomes_the_title_and_the_text_is_kept_whole(tmp_path):
    text = "Central bank chief: inflation fight is not over\n\nThe governor said prices were rising.\n"
    path = tmp_path / "bank.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read([str(path)])
    assert doc.title == "Central bank chief: inflation fight is not over"
    assert doc.text == text


@pytest.mark.parametrize("text", [
    "The governor said prices were rising.\n\nShe spoke in Lagos.",   # a sentence, not a headline
    "By Ada Mensah\n\nThe governor said prices were rising.",          # a byline
    "Inflation fight is not over\nThe governor said prices were rising.",  # no blank line after it
    "LAGOS\n\nThe governor said prices were rising.",                  # a dateline
])
def test_no_title_is_made_from_a_first_line_that_is_no_headline(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read([str(path)])
    assert doc.title is None

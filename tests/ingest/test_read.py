"""What a source names: files by suffix, directories, globs, stdin; ids stable across re-reads."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from sayso.ingest import Document, Fields, IngestError, read

URL = "https://www.newsweek.com/russia-bakhmut-losses-kremlin-symbolic-win-1769821"


@pytest.fixture
def corpus(tmp_path, example_path, news_page_path, news_page, write_warc, articles):
    """A folder with an article in every supported format, nested, plus files that are not articles."""
    root = tmp_path / "corpus"
    for folder in ("a", "b/sub", "c"):
        (root / folder).mkdir(parents=True)
    shutil.copy(example_path, root / "b/sub/zeta.txt")
    shutil.copy(news_page_path, root / "a/page.HTML")
    shutil.copy(news_page_path, root / "c/old.htm")
    (root / "middle.jsonl").write_text(json.dumps(articles[0]) + "\n", encoding="utf-8")
    write_warc(root / "c/crawl.warc.gz", [{"kind": "response", "uri": URL, "payload": news_page.encode()}], gzip=True)
    write_warc(root / "b/crawl.warc", [{"kind": "response", "uri": URL + "?b", "payload": news_page.encode()}])
    (root / "notes.md").write_text("# not an article")
    (root / "a/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (root / "c/data.json").write_text('{"text": "not read"}')
    (root / "c/archive.gz").write_bytes(b"\x1f\x8b\x08\x00")
    return root


def test_read_directory_reads_every_supported_file_recursively_in_sorted_order(corpus, articles):
    items = list(read([str(corpus)]))
    assert all(isinstance(i, Document) for i in items)
    assert [i.origin.removeprefix(f"{corpus}/") for i in items] == [
        "a/page.HTML", "b/crawl.warc@0", "b/sub/zeta.txt", "c/crawl.warc.gz@0", "c/old.htm", "middle.jsonl:1"]
    assert [i.doc_id for i in items] == [
        "page", URL + "?b", "zeta", URL, "old", articles[0]["doc_id"]]


def test_read_directory_without_supported_files_is_an_error_naming_it_and_the_suffixes(tmp_path):
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / "empty").mkdir()
    assert list(read([str(tmp_path)])) == [IngestError(
        str(tmp_path), f"[E012] {tmp_path}: directory holds no .txt, .html, .htm, .jsonl, .warc or .warc.gz files")]


def test_read_glob_reads_its_sorted_matches_recursively_with_double_star(corpus):
    assert [d.doc_id for d in read([f"{corpus}/**/*.warc*"])] == [URL + "?b", URL]
    assert [d.origin for d in read([f"{corpus}/*"])] == [d.origin for d in read([str(corpus)])]


def test_read_glob_matching_nothing_it_reads_is_an_error_naming_the_pattern(corpus):
    for pattern in (f"{corpus}/*.pdf", f"{corpus}/*.md"):
        assert list(read([pattern])) == [IngestError(
            pattern, f"[E019] {pattern}: no .txt, .html, .htm, .jsonl, .warc or .warc.gz file matches this pattern")]


def test_read_path_with_glob_characters_that_exists_is_read_as_that_file(tmp_path, example_path):
    path = tmp_path / "draft[1]*.txt"
    shutil.copy(example_path, path)
    [doc] = read([str(path)])
    assert doc.origin == str(path)


def test_read_missing_path_without_glob_characters_is_no_such_file(tmp_path):
    source = str(tmp_path / "gone.html")
    assert list(read([source])) == [IngestError(source, f"[E010] {source}: no such file or directory")]


def test_read_named_file_of_any_other_suffix_is_read_as_text(tmp_path, bakhmut_text):
    path = tmp_path / "article.md"
    path.write_text(bakhmut_text, encoding="utf-8")
    [doc] = read([str(path)])
    assert (doc.doc_id, doc.text) == ("article", bakhmut_text)


def test_read_stdin_stays_plain_text_even_when_it_is_html(news_page):
    [doc] = read(["-"], stdin=io.BytesIO(news_page.encode()))
    assert doc.text == news_page and doc.title is None


def test_read_passes_field_mapping_to_jsonl_files_only(tmp_path, example_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"body": "“It is symbolic,” Haidai said.", "source": "Newsweek"}) + "\n")
    docs = list(read([str(feed), str(example_path)], fields=Fields.from_options(["text=body", "outlet=source"])))
    assert [(d.doc_id, d.outlet) for d in docs] == [("feed-1", "Newsweek"), ("bakhmut-newsweek-2022-12-27", None)]


def test_read_same_corpus_twice_gives_the_same_article_ids(corpus):
    first, second = ([d.article_id for d in read([str(corpus)])] for _ in range(2))
    assert first == second and len(set(first)) == 3  # the page three times, the example, the PolNeAR article


def test_read_every_published_date_is_timezone_aware(corpus):
    dates = {d.origin.removeprefix(f"{corpus}/"): d.published for d in read([str(corpus)])}
    assert dates.pop("b/sub/zeta.txt") is None  # plain text carries no date
    assert all(d.tzinfo is not None and d.utcoffset() is not None for d in dates.values())

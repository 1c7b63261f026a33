"""Fixtures of the corpus-job tests: one small corpus in every input form, what `sayso extract`
finds in it, a run of the local engine over it, and the one Spark session of the test run."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sayso.cli import main
from sayso.scale.rows import TABLES, attribution_dict

NEWS_PAGE = Path(__file__).resolve().parents[1] / "data" / "html" / "bakhmut-newsweek.html"


@dataclass(frozen=True)
class Corpus:
    """The inputs of a run, and what must come out of them."""

    inputs: list[str]
    # The same articles as files `sayso extract` reads (the Parquet rows as JSONL).
    same: list[str]
    # doc_id -> the attributions `sayso extract --format jsonl` prints for it.
    expected: dict[str, list[dict]]
    # Error codes the run must report as failed documents, with the file each names.
    failures: dict[str, Path]


def write_warc(path: Path, uris: list[str], page: bytes) -> list[int]:
    """A WARC file of ``page`` served as HTML at each of ``uris``; returns the records' offsets."""
    offsets = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for uri in uris:
            offsets.append(f.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(page), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2022-12-27T18:05:00Z"})
            writer.write_record(record)
    return offsets


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, articles) -> Corpus:
    """Our test articles as a JSONL file (with a malformed line), a folder of text files and a
    Parquet file, and the example article's web page in two WARC files listed by a manifest, the
    second cut off inside its second record."""
    root = tmp_path_factory.mktemp("corpus")
    docs = [{"doc_id": d["doc_id"], "text": d["text"], "title": d["title"], "date": d["date"],
             "publisher": d["publisher"], "author": d["author"]} for d in articles[:7]]
    news = root / "news.jsonl"
    news.write_text("".join(json.dumps(d) + "\n" for d in docs[:3]) + '{"doc_id": "cut", "text": "Clinton said\n',
                    encoding="utf-8")
    texts = root / "texts"
    texts.mkdir()
    for d in docs[3:5]:
        (texts / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
    table = root / "table.parquet"
    pq.write_table(pa.Table.from_pylist(docs[5:7]), table)
    crawl = root / "crawl"
    crawl.mkdir()
    page = NEWS_PAGE.read_bytes()
    write_warc(crawl / "good.warc.gz", ["https://www.newsweek.com/bakhmut"], page)
    offsets = write_warc(crawl / "broken.warc", ["https://example.org/copy", "https://example.org/cut"], page)
    broken = crawl / "broken.warc"
    broken.write_bytes(broken.read_bytes()[: offsets[1] + 400])
    manifest = root / "warc.paths"
    manifest.write_text("crawl/good.warc.gz\ncrawl/broken.warc\n", encoding="utf-8")

    # What `sayso extract` finds in the same texts (the Parquet rows' texts as JSONL, which it reads).
    same_texts = root / "reference" / "table.jsonl"
    same_texts.parent.mkdir()
    same_texts.write_text("".join(json.dumps(d) + "\n" for d in docs[5:7]), encoding="utf-8")
    printed = root / "reference" / "extract.jsonl"
    sources = [news, texts, crawl / "good.warc.gz", broken, same_texts]
    assert main(["extract", *map(str, sources), "--format", "jsonl", "--output", str(printed)]) == 1
    lines = [json.loads(line) for line in printed.read_text(encoding="utf-8").splitlines()]
    expected = {line["doc_id"]: line["attributions"] for line in lines}
    assert len(expected) == 9
    return Corpus([str(news), str(texts), str(table), str(manifest)], list(map(str, sources)), expected,
                  {"E005": news, "E017": broken})


@dataclass(frozen=True)
class Output:
    """The rows of a run's tables."""

    articles: list[dict]
    attributions: list[dict]
    relays: list[dict]
    failures: list[dict]

    def by_doc(self) -> dict[str, list[dict]]:
        """Each article's attributions in the form `sayso extract --format jsonl` prints them."""
        found: dict[str, list[dict]] = {row["doc_id"]: [] for row in self.articles}
        for row in sorted(self.attributions, key=lambda row: (row["doc_id"], row["idx"])):
            found[row["doc_id"]].append(attribution_dict(row))
        return found


def read_tables(run_dir: str | Path) -> Output:
    """A run's tables as written, by whichever engine."""
    return Output(*(ds.dataset(Path(run_dir) / name, schema=schema).to_table().to_pylist()
                    for name, schema in TABLES.items()))


@pytest.fixture(scope="session")
def tables():
    """``tables(run_dir)``: the rows of a run's tables (:class:`Output`)."""
    return read_tables


@pytest.fixture(scope="session")
def local_run(corpus, tmp_path_factory):
    """The corpus through the local engine with two workers: its report and output folder."""
    from sayso.scale import run

    output = tmp_path_factory.mktemp("local")
    return run(corpus.inputs, output, engine="local", workers=2), output


@pytest.fixture(scope="session")
def spark():
    """The test run's one Spark session: two cores, on the loopback interface, no web UI."""
    from sayso.scale.spark import spark_session

    session = spark_session("local[2]", {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "2",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()

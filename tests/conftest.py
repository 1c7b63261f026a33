"""Global fixtures: the loaded pipeline, the example article, our own test articles, PolNeAR data, stores.

The core tests read only the repository: ``examples/`` and ``tests/data/`` (``articles.jsonl``
holds eight short news articles written for these tests, about invented people and places, in
PolNeAR's record shape). PolNeAR and the referee ``score.py`` live in ``../shared`` beside a
clone, which users do not have: tests that need them ask through :func:`shared_path`, which skips
them with the missing path named, or fails them when ``SAYSO_REQUIRE_SHARED=1`` (as in CI).

Store tests run on SQLite and on a real, throwaway PostgreSQL server
(``store_url``). The server is started once per session from the PostgreSQL binaries on this
machine (Debian: ``/usr/lib/postgresql/*/bin``; ``SAYSO_PG_BIN`` names another
directory): ``initdb`` into a temporary directory, listening on 127.0.0.1 only,
on a free port, as the ``postgres`` system user when the tests run as root
(the server refuses to run as root). Each test gets a database of its own.
Without the binaries the PostgreSQL cases are skipped with the reason, or fail
when ``SAYSO_REQUIRE_POSTGRES=1`` (as in CI, where they must run).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sayso.batch import Extracted, extract_documents
from sayso.ingest import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "bakhmut-newsweek-2022-12-27.txt"
ARTICLES = ROOT / "tests" / "data" / "articles.jsonl"


def shared_path(*parts: str, what: str) -> Path:
    """The path ``../shared/PARTS``, which holds ``what``; skips the asking test when it is missing.

    With ``SAYSO_REQUIRE_SHARED=1`` a missing path fails the test instead, so that CI, which has
    ``../shared``, cannot pass by skipping.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"needs {what}: {path} is missing (../shared is beside our clones, not in the repository)"
        if os.environ.get("SAYSO_REQUIRE_SHARED") == "1":
            pytest.fail(f"SAYSO_REQUIRE_SHARED=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def nlp():
    import sayso

    return sayso.load()


@pytest.fixture(scope="session")
def bakhmut_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bakhmut_doc(nlp, bakhmut_text):
    return nlp(bakhmut_text)


@pytest.fixture(scope="session")
def articles_path() -> Path:
    """Our own eight test articles, one JSON record a line with PolNeAR's keys (no annotations)."""
    return ARTICLES


@pytest.fixture(scope="session")
def articles(articles_path) -> list[dict]:
    """The records of :func:`articles_path`: doc_id, publisher, date (2016), title, author, text."""
    return _read_jsonl(articles_path)


@pytest.fixture(scope="session")
def polnear_dev_path() -> Path:
    return shared_path("data", "polnear", "dev.jsonl", what="PolNeAR dev")


@pytest.fixture(scope="session")
def polnear_dev(polnear_dev_path) -> list[dict]:
    return _read_jsonl(polnear_dev_path)


@pytest.fixture(scope="session")
def worldnews_dev_path() -> Path:
    return shared_path("data", "worldnews", "dev.jsonl", what="the world-news set")


@pytest.fixture(scope="session")
def polnear_train_path() -> Path:
    return shared_path("data", "polnear", "train.jsonl", what="PolNeAR train")


@pytest.fixture(scope="session")
def referee():
    """Score two JSONL files with the referee score.py in its own process.

    Returns its ``--json`` figures, or its table with ``table=True``.
    """
    import subprocess
    import sys

    script = shared_path("bench", "score.py", what="the referee")

    def run(gold: Path, pred: Path, *options: str, table: bool = False) -> dict | str:
        command = [sys.executable, str(script), str(gold), str(pred), *options]
        done = subprocess.run(
            command + ([] if table else ["--json"]), capture_output=True, text=True, check=True
        )
        return done.stdout if table else json.loads(done.stdout)

    return run


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, tuple[Path, str]]:
    """One file per kind of input sayso must refuse, with the error code it must report."""
    from sayso.nlp import MAX_CHARS

    files = {
        "empty": (b"", "E001"),
        "blank": (b" \n\n\t\n", "E001"),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002"),
        "latin-1": ("\u201cBakhmut is a limited breakthrough,\u201d Kivinen said in Espa\u00f1a.".encode("cp1252"), "E003"),
        "huge": (b"Kivinen said it again. " * (5_000_000 // 23), "E004"),
        "just-over": (b"a" * (MAX_CHARS + 1), "E004"),
    }
    out = {}
    for name, (data, code) in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        out[name] = (path, code)
    return out


@pytest.fixture
def bad_jsonl(tmp_path, articles) -> tuple[Path, dict[int, str]]:
    """A JSONL file whose lines 1, 4 and 8 are good test articles and the others broken.

    Returns the path and, per broken line number, the error code it must report.
    """
    from sayso.nlp import MAX_CHARS

    good = [json.dumps({"doc_id": d["doc_id"], "text": d["text"]}).encode() for d in articles[:3]]
    lines = [
        good[0],
        b'{"doc_id": "truncated", "text": "Clinton said',  # 2: bad JSON
        b'{"doc_id": "no-text", "title": "Stealth Over Health"}',  # 3: no text
        good[1],
        b'{"doc_id": "number", "text": 42}',  # 5: text not a string
        b'["doc_id", "text"]',  # 6: not an object
        json.dumps({"doc_id": "huge", "text": "a" * (MAX_CHARS + 1)}).encode(),  # 7: too long
        good[2],
        b'{"doc_id": "latin", "text": "caf\xe9"}',  # 9: invalid UTF-8
        b'{"doc_id": "empty", "text": ""}',  # 10: empty text
        b'{"doc_id": ["a"], "text": "He said so."}',  # 11: doc_id not a string
        b'{"doc_id": "surrogate", "text": "Haidai said \\ud83d."}',  # 12: lone surrogate
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n\n")
    codes = {2: "E005", 3: "E007", 5: "E008", 6: "E006", 7: "E004", 9: "E003", 10: "E001", 11: "E009", 12: "E013"}
    return path, codes


@pytest.fixture(scope="session")
def kivinen_attribution(bakhmut_text):
    """A hand-built record of the Kivinen quote in the example article, with real offsets."""
    from sayso.records import Attribution, Channel, Span

    def span(words: str, after: str = "") -> Span:
        start = bakhmut_text.index(after + words) + len(after)
        return Span.of(bakhmut_text, start, start + len(words))

    return Attribution(
        content=[span("Bakhmut is a limited breakthrough but having lost several fights, "
                      "Russia has to show strength somewhere")],
        cue=[span("said", after="Kivinen ")],
        source=[span("Kivinen", after="somewhere,” ")],
        kind="direct",
        speaker="Markku Kivinen",
        speaker_type="person",
        speaker_role="director of the Aleksanteri Institute",
        channel=Channel(type="interview", outlet="Newsweek", evidence=[span("told Newsweek")]),
        confidence=0.9,
    )


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse text with spaCy's own components only, for tests that build attributions by hand."""
    sayso_pipes = [name for name in nlp.pipe_names if name.startswith("sayso_")]

    def run(text: str):
        with nlp.select_pipes(disable=sayso_pipes):
            return nlp(text)

    return run


@pytest.fixture(scope="session")
def attribute():
    """Build an Attribution from words of a text: ``attribute(text, content, cue, source, kind, near)``.

    Each part is its first whole-word occurrence at or after the substring ``near``.
    """
    import re

    from sayso.records import Attribution, Span

    def find(text: str, words: str, start: int) -> Span:
        match = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)").search(text, start)
        assert match, f"{words!r} is not in the text after offset {start}"
        return Span.of(text, match.start(), match.end())

    def build(text: str, content: str, cue: str, source: str | None, kind: str = "indirect", near: str = ""):
        start = text.index(near)
        return Attribution(
            content=[find(text, content, start)],
            cue=[find(text, cue, start)],
            source=[find(text, source, start)] if source else [],
            kind=kind,
        )

    return build


@pytest.fixture
def bakhmut_attributions(bakhmut_text, attribute) -> dict:
    """The example's attributions as the extractor should find them, by name and in text order;
    speaker, channel and hedges are left for the components under test."""
    t, a = bakhmut_text, attribute
    return {
        "ukrainian": a(t, "Thousands of Russian troops have already died in the continued battle of Bakhmut",
                       "according to", "a Ukrainian close to the action", "according_to"),
        "haidai_telegram": a(t, "that the city under the Ukrainian flag has become a new military home for Russian "
                                "paratroopers", "said", "Serhiy Haidai, governor of the Russian-occupied Luhansk region"),
        "he_added": a(t, "Mobilized troops who trained for two months in the Russian Federation “can only slightly halt "
                         "the offensive of the [Ukraine] Armed Forces,”", "added", "he", "mixed", near="Mobilized"),
        "saying": a(t, "“they will not change the general picture.”", "saying", "he", "direct", near="Mobilized"),
        "haidai_said": a(t, "“It is no longer even a strategic military plan", "said", "Haidai", "direct",
                         near="“It is no longer"),
        "he_alleged": a(t, "that Chechen forces, led by Ramzan Kadyrov, and the mercenary Wagner Group helmed by Yevgeny "
                           "Prigozhin, want to prove themselves to Putin", "alleged", "He", near="He also"),
        "bunker_grandpa": a(t, "“the bunker grandpa.”", "referred to as", "Haidai", "direct", near="whom Haidai"),
        "kadyrov": a(t, "for Ukraine’s cities to be “erased from the earth”", "called", "Kadyrov", "mixed",
                     near="Kadyrov has"),
        "video": a(t, "Wagner mercenaries calling Russia’s Ministry of Defense Chief of Staff a “piece of s***”",
                   "reportedly shows", "A video posted Monday on Twitter by journalist Christo Grozev"),
        "wagner": a(t, "Russia’s Ministry of Defense Chief of Staff a “piece of s***”", "calling", "Wagner mercenaries",
                    "mixed", near="Wagner mercenaries calling"),
        "kivinen_told": a(t, "that Russia’s key intention involves entirely conquering the Luhansk and Donetsk regions",
                          "told", "Markku Kivinen, specialist of Russian and Eastern European studies and director of "
                                  "the Aleksanteri Institute of the University of Helsinki, Finland"),
        "kivinen_said": a(t, "“Bakhmut is a limited breakthrough but having lost several fights, Russia has to show "
                             "strength somewhere,”", "said", "Kivinen", "direct", near="“Bakhmut is"),
        "reno_told": a(t, "that minor advances in Bakhmut may provide Russia with tactical gains", "told",
                       "William Reno, professor and chair of the political science department at Northwestern "
                       "University", near="William Reno"),
        "reno_he_said": a(t, "the effort and resources drawn for such intended gains", "said", "he", "mixed",
                          near="However, he"),
        "reno_said": a(t, "“It is more likely that Russian offensive efforts in Bakhmut reflect Putin’s style",
                       "said", "Reno", "direct", near="“It is more likely"),
        "reno_he_said_that": a(t, "that Prigozhin’s role, for example, has more to do about his own political influence",
                               "said", "He", near="He said that"),
        "reno_he_added": a(t, "“Corrupt and divided political systems rarely manage to sustain effective armed forces,”",
                           "added", "he", "direct", near="“Corrupt"),
    }

PG_DIRS = "/usr/lib/postgresql/*/bin"


def _postgres_bin() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``, the newest version first."""
    if os.environ.get("SAYSO_PG_BIN"):
        candidates = [Path(os.environ["SAYSO_PG_BIN"])]
    else:
        versions = Path("/usr/lib/postgresql").glob("*/bin")
        candidates = sorted(versions, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, reverse=True)
        if shutil.which("initdb"):
            candidates.append(Path(shutil.which("initdb")).parent)
    return next((d for d in candidates if (d / "initdb").is_file() and (d / "pg_ctl").is_file()), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on, for a server a test starts."""
    return _free_port()


class PostgresServer:
    """A PostgreSQL server of our own in a temporary directory, trusting local connections."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="sayso-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        # The server will not run as root: hand it to the postgres system user.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as:
            shutil.chown(self.root, "postgres")

    def _run(self, program: str, *args: str) -> None:
        command = [*self.run_as, str(self.bin_dir / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")

    def start(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"
        )
        settings = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", settings, "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _postgres_bin()
    if bin_dir is None:
        where = os.environ.get("SAYSO_PG_BIN") or f"{PG_DIRS} or on PATH"
        reason = (
            f"PostgreSQL server binaries (initdb, pg_ctl) not found in {where}; "
            "install the Debian package 'postgresql' or set SAYSO_PG_BIN"
        )
        if os.environ.get("SAYSO_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"SAYSO_REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> Iterator[str]:
    """The URL of a new, empty store: a SQLite file, or a PostgreSQL database of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"sayso_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE DATABASE {name}")
    yield server.url(name)
    server.admin(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def corpus(nlp, bakhmut_text, articles) -> list[Extracted]:
    """Four articles with their metadata, through the pipeline: the example (Newsweek,
    published at 10:00 New York time, UTC-5) and three of our test articles (their outlet and date)."""
    bakhmut = Document(
        "bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt",
        url="https://www.newsweek.com/bakhmut", outlet="Newsweek",
        published=datetime.fromisoformat("2022-12-27T10:00:00-05:00"), authors=("Nick Mordowanec",),
    )
    dev = [
        Document(
            d["doc_id"], d["text"], f"articles.jsonl:{line}", title=d["title"], outlet=d["publisher"],
            published=datetime.fromisoformat(d["date"]).replace(tzinfo=UTC), authors=(d["author"],),
        )
        for line, d in enumerate(articles[:3], start=1)
    ]
    return [r for batch in extract_documents([bakhmut, *dev], nlp=nlp) for r in batch]


@pytest.fixture(scope="session")
def web_server(bakhmut_text) -> Iterator[str]:
    """A web server on loopback, in a thread, serving the example article as a news page and
    the ways a server can fail; yields its base URL (``http://127.0.0.1:PORT``).

    ``/bakhmut.html`` is the article as HTML (title and site name in its meta tags, each
    paragraph a ``<p>``); ``/schools.txt`` our front-matter article as plain text;
    ``/moved`` redirects to the page; ``/loop`` redirects to itself; ``/big`` is 5,000 bytes;
    ``/slow`` sends its body after 3 s; ``/report.pdf`` is a PDF; anything else is 404.
    """
    import html
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    paragraphs = [p.strip() for p in bakhmut_text.split("\n\n") if p.strip()]
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Russia Suffers Heavy Losses in Bakhmut</title>"
        "<meta property='og:site_name' content='Newsweek'>"
        "<meta property='article:published_time' content='2022-12-27T12:41:03-05:00'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Russia Suffers Heavy Losses in Bakhmut</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</article><footer>© Newsweek</footer></body></html>"
    ).encode()
    routes = {
        "/bakhmut.html": (200, "text/html; charset=utf-8", page),
        "/schools.txt": (200, "text/plain; charset=utf-8", (ROOT / "tests" / "data" / "schools.txt").read_bytes()),
        "/big": (200, "text/html", b"<p>" + b"x" * 5_000 + b"</p>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.7\n"),
        "/slow": (200, "text/html; charset=utf-8", page),
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # the tests' output is not the server's log
            pass

        def do_GET(self) -> None:
            if self.path in ("/moved", "/loop"):
                self.send_response(302)
                self.send_header("Location", "/bakhmut.html" if self.path == "/moved" else "/loop")
                self.end_headers()
                return
            status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.end_headers()
            if self.path == "/slow":
                time.sleep(3)
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def wordpiece_tokenizer():
    """A small WordPiece tokenizer of the accurate tier's kind (lower-casing, BERT pre-tokenizer, "##"
    continuations) over a vocabulary of our own, so its tests need no downloaded encoder; skipped
    when the ``accurate`` extra (tokenizers) is not installed."""
    tokenizers = pytest.importorskip("tokenizers", reason="needs tokenizers (pip install 'sayso[accurate]')")
    from tokenizers import models, normalizers, pre_tokenizers

    words = ("the minister said on tuesday that deficit had hal ##ved we are optimistic she added critics "
             "were concern ##ed figures wrong . , \" : a of in to")
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words.split()])}
    tokenizer = tokenizers.Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tokenizer

"""Store fixtures: every store test runs on SQLite and on a real, throwaway PostgreSQL server.

The server is started once per session from the PostgreSQL binaries on this
machine (Debian: ``/usr/lib/postgresql/*/bin``; ``SAYSO_PG_BIN`` names another
directory): ``initdb`` into a temporary directory, listening on 127.0.0.1 only,
on a free port, as the ``postgres`` system user when the tests run as root
(the server refuses to run as root). Each test gets a database of its own.
Without the binaries the PostgreSQL cases are skipped with the reason, or fail
when ``SAYSO_REQUIRE_POSTGRES=1`` (as in CI, where they must run).
"""

from __future__ import annotations

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
def corpus(nlp, bakhmut_text, polnear_dev) -> list[Extracted]:
    """Four real articles with their metadata, through the pipeline: the example (Newsweek,
    published at 10:00 New York time, UTC-5) and three PolNeAR dev articles (their outlet and date)."""
    bakhmut = Document(
        "bakhmut-newsweek-2022-12-27", bakhmut_text, "examples/bakhmut-newsweek-2022-12-27.txt",
        url="https://www.newsweek.com/bakhmut", outlet="Newsweek",
        published=datetime.fromisoformat("2022-12-27T10:00:00-05:00"), authors=("Nick Mordowanec",),
    )
    dev = [
        Document(
            d["doc_id"], d["text"], f"dev.jsonl:{line}", title=d["title"], outlet=d["publisher"],
            published=datetime.fromisoformat(d["date"]).replace(tzinfo=UTC), authors=(d["author"],),
        )
        for line, d in enumerate(polnear_dev[:3], start=1)
    ]
    return [r for batch in extract_documents([bakhmut, *dev], nlp=nlp) for r in batch]


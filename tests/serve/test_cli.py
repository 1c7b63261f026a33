"""``sayso serve``: it serves the store until interrupted, and refuses what it cannot serve safely."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sayso.cli import main

SAYSO = Path(sys.executable).with_name("sayso")


def _get(url: str, data: bytes | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def test_serve_cli_serves_until_interrupted(serve_db, tmp_path, token, free_port):
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    port = free_port
    server = subprocess.Popen(
        [str(SAYSO), "serve", "--db", serve_db, "--port", str(port), "--token-file", str(token_file)],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, stats = _get(f"http://127.0.0.1:{port}/api/stats")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "sayso serve did not start"
                time.sleep(0.3)
        assert status == 200 and stats["articles"] == 5
        # A token was given, so ingesting is on: without the token the answer is 401, not 403.
        status, error = _get(f"http://127.0.0.1:{port}/api/articles", data=b'{"text": "Haidai said so."}')
        assert status == 401 and error["error"]["code"] == "unauthorized"
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert server.returncode == 0
    assert f"serving {serve_db} on http://127.0.0.1:{port}/ (POST /api/articles needs the token)" in err


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        (lambda tmp, env: ["--token-file", str(tmp / "missing-token")], "[E100]"),
        (lambda tmp, env: env.setenv("SAYSO_TOKEN", "short") or [], "[E101] the ingest token ($SAYSO_TOKEN) is only 5"),
        (lambda tmp, env: (tmp / "blank").write_text("\n") and ["--token-file", str(tmp / "blank")], "is empty"),
    ],
)
def test_serve_cli_refuses_an_unusable_token(serve_db, tmp_path, monkeypatch, capsys, setup, code):
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    status = main(["serve", "--db", serve_db, *setup(tmp_path, monkeypatch)])
    assert status == 2
    assert code in capsys.readouterr().err


def test_serve_cli_refuses_a_missing_store(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "nothing.db")]) == 2
    assert "[E035]" in capsys.readouterr().err
    assert not (tmp_path / "nothing.db").exists()


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux ``/proc``)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().rpartition(")")[2].split()[1] == str(pid):
                found.add(int(stat.parent.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts the worker processes in /proc")
def test_serve_cli_answers_from_worker_processes_and_stops_them_all(serve_db, capsys, monkeypatch, free_port):
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    port = free_port
    server = subprocess.Popen(
        [str(SAYSO), "serve", "--db", serve_db, "--port", str(port), "--workers", "2"], stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"http://127.0.0.1:{port}/api/stats")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "sayso serve did not start"
                time.sleep(0.3)
        # Every request its own connection, so the kernel hands them to both workers' sockets.
        answers = [_get(f"http://127.0.0.1:{port}/api/attributions?q=Bakhmut&limit=1") for _ in range(20)]
        workers = _children(server.pid)
        # The workers' sockets share the port with each other only: a second server is refused it.
        assert main(["serve", "--db", serve_db, "--port", str(port), "--workers", "2"]) == 2
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert {status for status, _ in answers} == {200}
    assert len({page["total"] for _, page in answers}) == 1 and answers[0][1]["total"] > 0
    assert len(workers) == 2
    assert server.returncode == 0 and "(read-only) with 2 worker processes" in err
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "a worker outlived the server"
    assert f"[E109] cannot serve on 127.0.0.1:{port} (Address already in use)" in capsys.readouterr().err


def test_serve_cli_refuses_a_port_in_use(serve_db, capsys, monkeypatch):
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", serve_db, "--port", str(port), "--workers", "2"]) == 2
    assert f"[E109] cannot serve on 127.0.0.1:{port} (Address already in use)" in capsys.readouterr().err

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, data: bytes | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def test_serve_cli_serves_until_interrupted(serve_db, tmp_path, token):
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    port = _free_port()
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

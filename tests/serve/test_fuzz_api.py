"""Every API operation fuzzed by schemathesis from the live server's /openapi.json: never a 500.

A real ``sayso serve`` app on loopback (uvicorn in a thread, as ``running`` serves
it) over a copy of the test store, with the ingest token, so that ``POST
/api/articles`` is reached too; schemathesis's command line runs each phase
(examples, coverage of the schema's edges, random fuzzing, stateful sequences) at a
small budget and a fixed seed. Inputs at the calendar's edge and lone surrogates,
which random strings rarely hit, are tested by name in test_api.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sayso.serve import create_app
from sayso.serve.app import running

ST = Path(sys.executable).with_name("st")


@pytest.mark.timeout(600)
def test_schemathesis_finds_no_server_error_in_any_operation(nlp, writable_db, token, tmp_path):
    app = create_app(writable_db, token=token)
    with running(app) as base:
        command = [
            str(ST), "run", f"{base}/openapi.json", "--checks", "not_a_server_error", "--max-examples", "6",
            "--seed", "19", "--workers", "1", "--header", f"Authorization: Bearer {token}",
            "--request-timeout", "60",
        ]
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=540)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-4000:]
    operations = sum(len(methods) for methods in app.openapi()["paths"].values())
    assert f"Selected: {operations}/{operations}" in report and f"Tested: {operations}" in report, report[-2000:]

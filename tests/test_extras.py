"""Optional packages: the default install runs without them, and a command that needs one
stops with a coded error naming the extra to install. A missing package is simulated by
``sys.modules[name] = None``, which makes importing it raise ImportError."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sayso.cli import main
from sayso.errors import Errors, SaysoError
from sayso.extras import require
from sayso.store import open_store

# The packages that come only with an extra, by the extra that brings them.
OPTIONAL = {"psycopg": "postgres", "pyarrow": "parquet", "pyspark": "spark", "pandas": "spark",
            "matplotlib": "plot", "sklearn": "train"}


def _missing(monkeypatch, *modules: str) -> None:
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_require_gives_the_module_when_it_is_installed():
    assert require("json", "[E999] unused") is json


def test_require_stops_with_the_error_given_when_the_module_is_missing(monkeypatch):
    _missing(monkeypatch, "pyarrow")
    with pytest.raises(SaysoError, match=r"^\[E121\] sayso scale needs PyArrow.*pip install 'sayso\[parquet\]'$"):
        require("pyarrow", Errors.E121.format(what="sayso scale"))


def test_postgresql_store_without_psycopg_names_the_postgres_extra(monkeypatch):
    _missing(monkeypatch, "psycopg")
    with pytest.raises(SaysoError, match=r"^\[E120\] .*pip install 'sayso\[postgres\]'"):
        open_store("postgresql://postgres@127.0.0.1:1/sayso")


def test_parquet_export_without_pyarrow_names_the_parquet_extra_and_writes_nothing(monkeypatch, capsys, tmp_path):
    _missing(monkeypatch, "pyarrow", "pyarrow.parquet")
    db, out = tmp_path / "empty.db", tmp_path / "hits.parquet"
    open_store(db).close()
    assert main(["export", "--db", str(db), "--format", "parquet", "--output", str(out)]) == 2
    assert "[E121] --format parquet needs PyArrow" in capsys.readouterr().err
    assert not out.exists()


def test_scale_without_pyarrow_names_the_parquet_extra(monkeypatch, capsys, tmp_path, example_path):
    _missing(monkeypatch, "pyarrow", "pyarrow.parquet")
    assert main(["scale", str(example_path), "--output", str(tmp_path / "out")]) == 2
    assert "[E121] sayso scale needs PyArrow, which is not installed: pip install 'sayso[parquet]'" in (
        capsys.readouterr().err)
    assert not (tmp_path / "out").exists()


def test_ingest_of_scale_output_without_pyarrow_names_the_parquet_extra(monkeypatch, capsys, tmp_path):
    from sayso.scale.layout import TABLE_NAMES

    for name in TABLE_NAMES:
        (tmp_path / "out" / "run=r1" / name).mkdir(parents=True)
    _missing(monkeypatch, "pyarrow", "pyarrow.parquet")
    assert main(["ingest", str(tmp_path / "out"), "--db", str(tmp_path / "s.db")]) == 2
    assert "[E121] loading the output of sayso scale needs PyArrow" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_stats_plot_without_matplotlib_names_the_plot_extra(monkeypatch, capsys, tmp_path):
    _missing(monkeypatch, "matplotlib")
    status = main(["stats", "--db", str(tmp_path / "s.db"), "--plot", str(tmp_path / "x.png"), "--speaker", "Haidai"])
    assert status == 2
    assert "[E122] --plot needs Matplotlib, which is not installed: pip install 'sayso[plot]'" in capsys.readouterr().err


def test_train_without_scikit_learn_names_the_train_extra(monkeypatch, capsys, tmp_path):
    _missing(monkeypatch, "sklearn")
    assert main(["train", "--train", str(tmp_path / "absent"), "--out", str(tmp_path / "models")]) == 2
    assert "[E048] training needs scikit-learn, which is not installed: pip install 'sayso[train]'" in (
        capsys.readouterr().err)


def test_default_commands_import_no_optional_package(tmp_path, example_path):
    """Help, extraction into the SQLite store, and the web app load none of the extras' packages."""
    script = f"""
import argparse, contextlib, io, json, sys
from sayso.cli import build_parser, main
parser = build_parser()
[commands] = [a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
for name in commands:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        build_parser().parse_args([name, "--help"])
assert main(["extract", {str(example_path)!r}, "--db", {str(tmp_path / "s.db")!r},
             "--output", {str(tmp_path / "out.jsonl")!r}]) == 0
from sayso.serve import create_app
create_app("sqlite:///{tmp_path / 's.db'}")
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert loaded & set(OPTIONAL) == set()
    assert {"spacy", "sayso", "fastapi"} <= loaded

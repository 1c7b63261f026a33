"""``sayso train`` builds models from a brat folder or JSONL, and ``--models DIR`` runs with them."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import sayso
from sayso.cli import main
from sayso.eval_records import read_gold
from sayso.formats import write_brat
from sayso.records import flat

TRAIN_DOCS = 15
DEV_DOCS = 3


def _run(*argv: str) -> tuple[int, str, str]:
    """``sayso ARGV``: exit status, stdout, stderr (usable in module-scoped fixtures, unlike capsys)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def data(tmp_path_factory, polnear_train_path, polnear_dev) -> dict[str, Path]:
    """15 PolNeAR train articles as a brat folder, and 3 dev articles as gold JSONL."""
    root = tmp_path_factory.mktemp("train-cli")
    write_brat(read_gold(polnear_train_path)[:TRAIN_DOCS], root / "brat")
    dev = root / "dev.jsonl"
    dev.write_text("".join(json.dumps(d) + "\n" for d in polnear_dev[:DEV_DOCS]), encoding="utf-8")
    return {"brat": root / "brat", "dev": dev, "root": root}


@pytest.fixture(scope="module")
def trained(data) -> tuple[Path, dict, str]:
    """``sayso train --train BRAT --dev DEV --out DIR --json``: the model directory, the report, stderr."""
    models = data["root"] / "models"
    status, out, err = _run("train", "--train", str(data["brat"]), "--dev", str(data["dev"]),
                            "--out", str(models), "--json")
    assert status == 0, err
    return models, json.loads(out), err


def test_train_cli_builds_models_from_a_brat_folder_and_scores_dev(trained):
    models, report, err = trained
    assert (models / "cues.json").is_file()
    assert report["out"] == str(models) and report["train_docs"] == TRAIN_DOCS
    assert report["dev"]["docs"]["gold"] == DEV_DOCS
    assert 0 < report["dev"]["attribution"]["detection"]["f1"] <= 1
    assert f"sayso: parsing {TRAIN_DOCS} training documents" in err
    assert f"sayso: scoring on {DEV_DOCS} dev documents" in err


def test_train_cli_gives_the_same_model_again_and_says_what_it_built(data, trained):
    models, _, _ = trained
    again = data["root"] / "again"
    status, out, _ = _run("train", "--train", str(data["brat"]), "--out", str(again))
    assert status == 0
    assert f"from {TRAIN_DOCS} documents" in out and str(again) in out
    assert _files(again) == _files(models)


def test_extract_with_models_uses_the_trained_models(trained, example_path, bakhmut_text):
    models, _, _ = trained
    status, out, _ = _run("extract", str(example_path), "--models", str(models), "--format", "jsonl")
    assert status == 0
    [doc] = [json.loads(line) for line in out.splitlines()]
    expected = flat(sayso.extract(bakhmut_text, nlp=sayso.load(models=str(models))))
    assert doc["attributions"] == [a.to_dict() for a in expected]  # the flat view, as extract prints by default
    assert doc["attributions"] != [a.to_dict() for a in sayso.extract(bakhmut_text)]


def test_eval_with_models_gives_the_dev_figures_train_reported(data, trained):
    models, report, _ = trained
    status, out, _ = _run("eval", str(data["dev"]), "--models", str(models), "--json")
    assert status == 0
    assert json.loads(out) == report["dev"]


@pytest.mark.parametrize("command", ["extract", "eval"])
@pytest.mark.parametrize("option, said", [("--models", "[E047] {dir}: no learned models here"),
                                          ("--accurate", "[E149] {dir}: no accurate-tier tagger here")])
def test_models_or_tagger_dir_without_them_exits_2_naming_it(tmp_path, capsys, example_path, command, option, said):
    gold = Path(__file__).resolve().parents[1] / "data" / "bakhmut.gold.jsonl"
    target = example_path if command == "extract" else gold
    assert main([command, str(target), option, str(tmp_path)]) == 2
    assert said.format(dir=tmp_path) in capsys.readouterr().err


def test_train_cli_checks_dev_data_before_training(data, tmp_path, capsys):
    out = tmp_path / "models"
    assert main(["train", "--train", str(data["brat"]), "--dev", str(tmp_path / "absent"), "--out", str(out)]) == 2
    assert f"[E010] {tmp_path / 'absent'}: no such file or directory" in capsys.readouterr().err
    assert not out.exists()


def test_train_cli_reads_a_jsonl_gold_file_too(tmp_path, capsys, polnear_train_path):
    gold = tmp_path / "train.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in read_gold(polnear_train_path)[:4]), encoding="utf-8")
    assert main(["train", "--train", str(gold), "--out", str(tmp_path / "models")]) == 0
    assert "from 4 documents" in capsys.readouterr().out
    assert (tmp_path / "models" / "cues.json").is_file()


def test_train_accurate_without_pytorch_exits_2_naming_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # what an import of a package not installed does
    gold = Path(__file__).resolve().parents[1] / "data" / "bakhmut.gold.jsonl"
    assert main(["train", "--accurate", "--train", str(gold), "--out", str(tmp_path / "tagger")]) == 2
    assert "[E151] 'sayso train --accurate' needs PyTorch" in capsys.readouterr().err
    assert not (tmp_path / "tagger").exists()

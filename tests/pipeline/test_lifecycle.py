"""sayso's components in spaCy's lifecycle: initialise, save and load, error handler.

The learned models travel with the pipeline: ``nlp.to_disk`` writes them, a fresh process's
``spacy.load`` of that directory (finding the factories through the package's entry points,
without importing sayso itself) extracts exactly what ``sayso.load()`` extracts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from sayso.errors import SaysoError
from sayso.nlp import SAYSO_COMPONENTS
from sayso.pipeline.attributions import AttributionFinder
from sayso.pipeline.learned import MODEL_DIR, MODEL_FILES, LearnedModels

# Run in a fresh interpreter: the saved pipeline and the DocBin of the article, read back.
_RELOAD = """
import json, sys
from pathlib import Path
import spacy
from spacy.tokens import DocBin
nlp = spacy.load(sys.argv[1])
text = Path(sys.argv[2]).read_text(encoding="utf-8")
restored = next(DocBin().from_disk(sys.argv[3]).get_docs(nlp.vocab))
print(json.dumps({
    "pipeline": nlp.pipe_names,
    "extracted": [a.to_dict() for a in nlp(text)._.attributions],
    "docbin": [a.to_dict() for a in restored._.attributions],
    "relays": [str(r) for r in restored._.relays],
}, sort_keys=True))
"""


def _records(attributions) -> list[dict]:
    return [a.to_dict() for a in attributions]


@pytest.fixture(scope="module")
def reloaded(nlp, bakhmut_doc, example_path, tmp_path_factory) -> dict:
    """What a fresh process reads from the saved pipeline and from a DocBin file of the article."""
    directory = tmp_path_factory.mktemp("saved")
    nlp.to_disk(directory / "pipeline")
    stored = DocBin(store_user_data=True)
    stored.add(bakhmut_doc)
    stored.to_disk(directory / "article.spacy")
    run = subprocess.run(
        [sys.executable, "-c", _RELOAD, str(directory / "pipeline"), str(example_path),
         str(directory / "article.spacy")],
        capture_output=True, text=True, check=True,
    )
    return {"directory": directory, **json.loads(run.stdout)}


def test_lifecycle_saved_pipeline_carries_the_learned_models_byte_for_byte(reloaded):
    saved = reloaded["directory"] / "pipeline" / "sayso_attributions"
    for name in MODEL_FILES:
        assert (saved / name).read_bytes() == (MODEL_DIR / name).read_bytes()


def test_lifecycle_spacy_load_of_a_saved_pipeline_extracts_the_same(reloaded, bakhmut_doc):
    assert reloaded["pipeline"][-len(SAYSO_COMPONENTS):] == list(SAYSO_COMPONENTS)
    expected = _records(bakhmut_doc._.attributions)
    assert any(a["speaker"] == "Serhiy Haidai" for a in expected)
    assert json.dumps(reloaded["extracted"], sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_lifecycle_docbin_file_read_in_another_process_keeps_the_records(reloaded, bakhmut_doc):
    """The records are not re-derived: the DocBin's user data holds them (msgpack codecs of
    :mod:`sayso.pipeline.extensions`), and a process that only ``spacy.load``s reads them back."""
    assert reloaded["docbin"] == _records(bakhmut_doc._.attributions)
    assert reloaded["relays"] == [str(r) for r in bakhmut_doc._.relays]
    assert reloaded["relays"]


def test_lifecycle_models_round_trip_through_bytes(nlp):
    finder = nlp.get_pipe("sayso_attributions")
    copy = AttributionFinder(nlp, "copy", threshold=finder.threshold, quoted_threshold=finder.quoted_threshold)
    copy.from_bytes(finder.to_bytes())
    assert copy.models == finder.models == LearnedModels.from_disk()


def _blank_with_components():
    nlp = spacy.blank("en")
    for name in SAYSO_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_lifecycle_missing_model_file_is_a_coded_error_naming_it(tmp_path):
    shutil.copy(MODEL_DIR / "cues.json", tmp_path / "cues.json")
    finder = _blank_with_components().get_pipe("sayso_attributions")
    with pytest.raises(SaysoError, match=r"^\[E047\] .*spans\.json is missing") as raised:
        finder.initialize(models=tmp_path)
    assert raised.value.code == "E047"


def test_lifecycle_unreadable_model_file_is_a_coded_error(tmp_path):
    for name in MODEL_FILES:
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    (tmp_path / "judge.json").write_text('{"weights": {"bias": 0.1}, "cut": 2}', encoding="utf-8")
    with pytest.raises(SaysoError, match=r"^\[E128\] .*judge\.json: not a learned model"):
        LearnedModels.from_disk(tmp_path)


def test_lifecycle_uninitialised_component_raises_under_the_pipeline_error_handler():
    nlp = _blank_with_components()
    with pytest.raises(SaysoError, match=r"^\[E129\] component 'sayso_attributions' has no learned models"):
        nlp("Kivinen said the town was quiet.")
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, error: seen.append((name, [d.text for d in docs], error.code)))
    assert all(nlp.get_pipe(name).get_error_handler() is nlp.default_error_handler for name in SAYSO_COMPONENTS)
    list(nlp.pipe(["Kivinen said the town was quiet.", "Reno said so."]))
    assert seen == [("sayso_attributions", ["Kivinen said the town was quiet."], "E129"),
                    ("sayso_attributions", ["Reno said so."], "E129")]


def test_lifecycle_saved_pipeline_as_base_model_keeps_its_own_models(tmp_path, bakhmut_text):
    """``sayso.load(saved)`` on a pipeline saved with models of one's own keeps them: it neither
    re-reads the shipped ones nor adds a second ``sayso_breaks``."""
    from sayso import nlp as pipelines

    for name in MODEL_FILES:
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    judge = json.loads((tmp_path / "judge.json").read_text(encoding="utf-8"))
    (tmp_path / "judge.json").write_text(json.dumps({**judge, "threshold": 0.99}), encoding="utf-8")
    strict = pipelines.load(models=tmp_path)
    strict.to_disk(tmp_path / "saved")
    reloaded = pipelines.load(str(tmp_path / "saved"))
    assert reloaded.pipe_names.count("sayso_breaks") == 1
    assert reloaded.get_pipe("sayso_attributions").models.judge.threshold == 0.99
    assert _records(reloaded(bakhmut_text)._.attributions) == _records(strict(bakhmut_text)._.attributions)
    assert len(strict(bakhmut_text)._.attributions) < len(pipelines.load()(bakhmut_text)._.attributions)

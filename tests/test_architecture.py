"""The layers of docs/architecture.md hold: what each part of sayso may import, and what loads spaCy.

The import graph is read from the source (every ``import`` of a sayso module, at module level
or inside a function), grouped by *unit*: a sub-package (``sayso.store``) or a top-level module
(``sayso.records``). Each unit has a layer; a unit may import its own layer and those below it,
never one above, and the units import each other without a cycle. The layers are listed here
and in docs/architecture.md, which says why; the test below keeps the two lists the same.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sayso"

# Lowest first. "sayso" is the package's own __init__ (the public API, which loads the
# pipeline only when asked).
LAYERS: list[set[str]] = [
    {"errors", "records", "extras"},  # the contract: records that cross layers, coded errors
    {"ingest"},  # reading sources into Documents
    {"spanmatch", "resolution", "eval_records", "formats", "pipeline", "nlp", "evaluate", "train", "accurate", "sayso"},
    {"batch", "pools"},  # running the pipeline over documents
    {"store"},  # all SQL
    {"corpus"},  # what is learnt across stored articles
    {"runner"},  # the one road in: run, store, index
    {"serve", "scale", "cli"},  # front ends
]
LAYER = {unit: n for n, units in enumerate(LAYERS) for unit in units}
# Modules that must not load spaCy (or anything of the pipeline) when imported.
LIGHT = ("sayso.store", "sayso.serve", "sayso.serve.app", "sayso.serve.articles", "sayso.serve.attributions",
         "sayso.corpus.index", "sayso.corpus.stats", "sayso.records", "sayso.ingest")


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "sayso"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_edges() -> dict[tuple[str, str], list[str]]:
    """``(importing unit, imported unit)``: the modules where the import is written."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sayso":
                targets = [node.module]
                if node.module == "sayso":  # from sayso import nlp / __version__
                    targets = [f"sayso.{a.name}" if (PACKAGE / f"{a.name}.py").exists()
                               or (PACKAGE / a.name).is_dir() else "sayso" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "sayso"]
            else:
                continue
            for target in targets:
                if _unit(target) != _unit(module):
                    edges[(_unit(module), _unit(target))].append(module)
    return edges


def test_every_unit_of_sayso_has_a_layer():
    units = {_unit(_module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert units - set(LAYER) == set(), "add the new module or package to LAYERS and docs/architecture.md"


def test_the_layers_are_the_ones_docs_architecture_md_lists():
    table = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for n, units in enumerate(LAYERS):
        row = next(line for line in table.splitlines() if line.startswith(f"| {n} "))
        assert {item.strip().split("`")[1] for item in row.split("|")[2].split(",")} == units


def test_all_sql_and_every_dialect_difference_live_in_the_store_package():
    outside = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py")) if "store" not in path.relative_to(PACKAGE).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b|\.dialect\b|\.query\(", line)
    ]
    assert outside == []


def test_no_unit_imports_a_layer_above_its_own():
    upward = {
        f"{low} imports {high} (in {', '.join(sorted(set(where)))})"
        for (low, high), where in import_edges().items() if LAYER[high] > LAYER[low]
    }
    assert upward == set()


def test_the_units_import_each_other_without_a_cycle():
    graph: dict[str, set[str]] = defaultdict(set)
    for low, high in import_edges():
        graph[low].add(high)
    done: set[str] = set()

    def visit(unit: str, path: list[str]) -> None:
        if unit in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(unit):], unit]))
        if unit in done:
            return
        for target in sorted(graph[unit]):
            visit(target, [*path, unit])
        done.add(unit)

    for unit in sorted(graph):
        visit(unit, [])


def test_the_modules_import_each_other_without_a_cycle():
    # Every import, lazy ones in functions included (serve/app, api and pages once imported each other
    # in a circle that way); a module may still read constants from its own package's __init__.
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sayso":
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                          for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[module] = {m for m in found if m in modules and m != module and not module.startswith(m + ".")}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(module):], module]))
        if module not in done:
            for target in sorted(graph[module]):
                visit(target, [*path, module])
            done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_store_the_corpus_index_and_the_server_load_no_spacy():
    # A fresh interpreter: this one has loaded the pipeline for other tests.
    code = (
        f"import importlib, json, sys\nfor m in {list(LIGHT)!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')"
        " or m.startswith(('sayso.nlp', 'sayso.pipeline', 'sayso.batch')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout) == []


def test_the_public_api_still_gives_the_pipeline_on_first_use():
    code = "import sayso, sys; assert 'spacy' not in sys.modules; print(sayso.load.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "sayso.nlp"


def test_the_servers_pages_never_call_its_api_routes():
    # Serve by resource: a page and its JSON twin share the resource module's read function,
    # so no function of sayso/serve calls a route under /api (or the page would answer what the
    # API's parameters and shapes make of it).
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    names: dict[tuple[str, str], str] = {}  # (module, name used in it) -> the serve function it is
    for path in sorted((PACKAGE / "serve").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                functions[f"{path.stem}.{node.name}"] = node
                names[(path.stem, node.name)] = f"{path.stem}.{node.name}"
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sayso.serve."):
                for alias in node.names:
                    names[(path.stem, alias.asname or alias.name)] = f"{node.module.split('.')[-1]}.{alias.name}"

    def route(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and decorator.args and isinstance(decorator.args[0], ast.Constant):
                return str(decorator.args[0].value)
        return None

    def called(module: str, call: ast.Call) -> str | None:
        """The serve function ``f(…)`` or ``module.f(…)`` calls, if it is one."""
        if isinstance(call.func, ast.Name):
            return names.get((module, call.func.id))
        if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
            return f"{call.func.value.id}.{call.func.attr}"
        return None

    api = {name for name, node in functions.items() if (route(node) or "").startswith("/api")}
    assert {"attributions.search", "articles.get_article", "speakers.get_speaker", "outlets.list_outlets"} <= api
    calls = {
        f"{name} calls {called(name.split('.')[0], call)}"
        for name, node in functions.items() for call in ast.walk(node)
        if isinstance(call, ast.Call) and called(name.split(".")[0], call) in api
    }
    assert calls == set()

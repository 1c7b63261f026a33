# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# `make run` installs sayso alone (what it runs); `make test` adds every extra and the test tools
# ('.[dev]'). Both install the exact versions of constraints.txt, with the venv's own pip
# (not upgraded: sayso must install with the pip a Python comes with).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALL := $(BIN)/python -m pip install --constraint constraints.txt
DEFAULT := $(VENV)/.installed
DEV := $(VENV)/.installed-dev

.PHONY: install install-dev run test wheel-check clean

install: $(DEFAULT)
install-dev: $(DEV)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency lists change.
$(DEFAULT): pyproject.toml constraints.txt | $(BIN)/python
	$(INSTALL) -e .
	touch $(DEFAULT)

$(DEV): pyproject.toml constraints.txt | $(BIN)/python
	$(INSTALL) -e '.[dev]'
	touch $(DEV) $(DEFAULT)

run: $(DEFAULT)
	$(BIN)/sayso extract examples/ --db sayso.db --format table
	@echo
	@echo "Next: $(BIN)/sayso ingest YOUR_FOLDER/   # your own articles (.txt .html .jsonl .warc.gz) into sayso.db"
	@echo "      $(BIN)/sayso serve                 # serves sayso.db until Ctrl-C"
	@echo "      open http://127.0.0.1:8000/           # in your browser: articles, speakers, search"

# -rs: each skipped test is listed with its reason (what it needs that this machine lacks).
test: $(DEV)
	$(BIN)/ruff check sayso tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -rs

# The wheel in fresh venvs of each Python, from outside the source tree (see .ci/wheel-check).
wheel-check:
	bash .ci/wheel-check

clean:
	rm -rf $(VENV) sayso.db build *.egg-info

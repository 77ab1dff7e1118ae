# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Each creates the virtual environment when it is missing and installs what it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python -m bot $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check summaries bot tests bench

# pytest exits 5 when it collects no test; that is a failure here, as any non-zero code is.
test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/sentences.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

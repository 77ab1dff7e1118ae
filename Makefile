# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Each creates the virtual environment when it is missing and installs what it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench browser screenshots clean

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
	$(BIN)/ruff check summaries bot tests bench tools

# The dashboard's browser tests drive Debian's chromium with Playwright (never a browser
# download). It is installed here when missing and this is root on a machine with apt-get;
# otherwise, or when that fails or takes over 15 minutes, those tests skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || \
	  { echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive timeout 900 sh -c \
	      'apt-get update -qq && apt-get install -y -qq chromium' >/dev/null \
	    || echo "chromium could not be installed: the browser tests will be skipped"; }

# pytest exits 5 when it collects no test; that is a failure here, as any non-zero code is.
test: lint browser
	$(BIN)/python -m pytest

# The README's pictures of the dashboard, over the sample articles (needs chromium).
screenshots: $(VENV)/.installed-test browser
	$(BIN)/python tools/screenshots.py

bench: $(VENV)/.installed-test
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/sentences.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

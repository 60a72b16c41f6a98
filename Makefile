# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tracker tui

test: $(STAMP)
	$(BIN)/ruff check tracker tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check tracker tests
	$(BIN)/ruff format --check tracker tests

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis

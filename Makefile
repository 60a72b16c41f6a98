# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: install run test bench lint clean

install: $(STAMP)

# `make run` installs what running needs, nothing of the test tools.
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

# The test extras, and the example plug-in (tests/plugin): the suite runs the command with it.
$(STAMP): $(RUN_STAMP) tests/plugin/pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e tests/plugin
	touch $(STAMP)

run: $(RUN_STAMP)
	$(BIN)/tracker tui

test: $(STAMP)
	$(BIN)/ruff check tracker tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Benchmarks print figures; they are not part of `make test`.
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/replay.py
	$(BIN)/python benchmarks/tui_step.py
	$(BIN)/python benchmarks/ingest_eval.py
	$(BIN)/python benchmarks/interop_check.py
	$(BIN)/python benchmarks/coded_import.py

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $(BENCH_STAMP)

lint: $(STAMP)
	$(BIN)/ruff check tracker tests benchmarks
	$(BIN)/ruff format --check tracker tests benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis

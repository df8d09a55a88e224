# The two commands of the README, and one target per engine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: demo test lint dialects duckdb

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dialects]"
	touch $@

# Set everything up, build the package on demo data (DuckDB), print a summary.
demo: $(BIN)/.installed
	$(BIN)/python -m product_warehouse_harness demo

# The whole test suite: lint, dialect compile-and-parse, DuckDB integration.
test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/python -m pytest tests/python/test_lint.py

dialects: $(BIN)/.installed
	$(BIN)/python -m pytest tests/python/test_dialects.py

duckdb: $(BIN)/.installed
	PRODUCT_WAREHOUSE_TARGET=duckdb $(BIN)/python -m pytest tests/python --ignore=tests/python/test_lint.py --ignore=tests/python/test_dialects.py

# The two commands of the README, and one target per engine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: demo test lint dialects duckdb postgres spark snowflake chromium

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dialects]"
	touch $@

# Set everything up, build the package on demo data (DuckDB), print a summary.
demo: $(BIN)/.installed
	$(BIN)/python -m product_warehouse_harness demo

# The whole test suite: lint, dialect compile-and-parse, DuckDB integration,
# the report in a real headless Chromium (installed here when missing).
test: $(BIN)/.installed chromium
	$(BIN)/python -m pytest

chromium:
	bash scripts/chromium_up.sh

lint: $(BIN)/.installed
	$(BIN)/python -m pytest tests/python/test_lint.py

dialects: $(BIN)/.installed
	$(BIN)/python -m pytest tests/python/test_dialects.py

# The integration suite (tests marked `engine`) on one engine each.
duckdb: $(BIN)/.installed
	$(BIN)/python -m pytest -m engine --engine duckdb

postgres: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e ".[postgres]"
	bash scripts/postgres_up.sh
	$(BIN)/python -m pytest -m engine --engine postgres

# PySpark in-process on Java 17 (metastore and warehouse in a temp dir).
spark: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e ".[spark]"
	$(BIN)/python -m pytest -m "engine and not incremental" --engine spark

# Snowflake emulated by fakesnow; shims in integration_tests/macros.
snowflake: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e ".[snowflake]"
	$(BIN)/python -m pytest -m engine --engine snowflake

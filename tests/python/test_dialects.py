"""Compile the integration project for engines this machine cannot reach
(Postgres, Redshift, Snowflake, BigQuery) with throwaway credentials, and
parse every compiled model, test and analysis with sqlglot in that
engine's dialect; a transpile with unsupported constructs raising must
also pass. A construct one of them rejects fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot
from sqlglot.errors import ErrorLevel

from cases import CASES

DIALECTS = {
    "postgres": "postgres",
    "redshift": "redshift",
    "snowflake": "snowflake",
    "bigquery": "bigquery",
}
# Cases that between them reach every branch: Segment (zoned timestamps),
# RudderStack (aliases, quoted event names), custom (source sessions),
# shop_attribution: the shop (funnels of every kind of step, the orders
# snapshot) with attribution_generated's conversions (where and value),
# lookback, half-life and internal hosts. The shop and the attribution
# case both build custom events with source sessions in full, and their
# vars configure different models, so one compile reaches the branches
# of both (one parse per dialect instead of two).
COMPILE_VARS = {
    **{case: CASES[case] for case in ("segment", "rudderstack", "custom")},
    "shop_attribution": {
        **CASES["shop"],
        **{key: value for key, value in CASES["attribution_generated"].items()
           if key.startswith(("product_warehouse_conversions", "product_warehouse_attribution_",
                              "product_warehouse_internal_hosts"))},
    },
}
COMPILE_CASES = sorted(COMPILE_VARS)
# Half of them compile the incremental models as incremental runs do
# (the other half as full builds), plus the statements of the strategy
# (analysis incremental_statements).
INCREMENTAL_CASES = {"segment", "custom"}


def check_statements(sql: str, dialect: str) -> None:
    """Raise unless every statement parses, and round-trips, in dialect."""
    statements = [s for s in sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE) if s]
    assert statements, "no statement"
    sqlglot.transpile(sql, read=dialect, write=dialect, unsupported_level=ErrorLevel.RAISE)


def compile_offline(dbt, target: str, case: str) -> Path:
    target_path = dbt.project_dir / "target" / f"offline_{target}_{case}"
    dbt.run(
        "compile",
        "--no-populate-cache",
        "--target-path", str(target_path),
        # The equality tests read both relations' columns: no warehouse here.
        "--exclude", "test_name:equality",
        vars={**COMPILE_VARS[case], "product_warehouse_test_offline": True,
              "product_warehouse_test_offline_incremental": case in INCREMENTAL_CASES,
              "product_warehouse_backfill_start":
                  "2026-01-01 06:00:00" if case in INCREMENTAL_CASES else None},
        target=f"{target}_offline",
    )
    return target_path / "compiled"


@pytest.mark.parametrize("case", COMPILE_CASES)
@pytest.mark.parametrize("target", sorted(DIALECTS))
def test_compiled_sql_parses_in_dialect(dbt, target, case):
    compiled = compile_offline(dbt, target, case)
    files = sorted(compiled.rglob("*.sql"))
    package_models = [f for f in files if "/product_warehouse/models/warehouse/" in str(f)]
    assert len(package_models) >= 5, f"expected the warehouse models under {compiled}"
    if case in INCREMENTAL_CASES:
        events_fact = next(f for f in package_models if f.name == "wh_product_events_fact.sql")
        assert "int_product_incremental_visitors" in events_fact.read_text(), \
            "not compiled as an incremental run"
        run = next(f for f in files if f.name == "int_product_incremental_run.sql").read_text()
        assert "2026-01-01 06:00:00" in run and "max(last_received_at)" in run, run
        statements = next(f for f in files if f.name == "incremental_statements.sql").read_text()
        assert "delete from" in statements and "int_product_incremental_visitors" in statements
        assert "reopen_at" in statements  # the reopened visitors' delete
    failures = []
    for path in files:
        try:
            check_statements(path.read_text(), DIALECTS[target])
        except Exception as error:  # noqa: BLE001 - report every file
            failures.append(f"{path.relative_to(compiled)}: {str(error)[:400]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("dialect", sorted(set(DIALECTS.values())))
def test_parse_check_rejects_invalid_sql(dialect):
    with pytest.raises(Exception):
        check_statements("select a, from where group", dialect)

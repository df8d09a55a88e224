"""pytest harness: drives dbt in-process through dbtRunner (no shelling
out) against integration_tests/, on DuckDB unless PRODUCT_WAREHOUSE_TARGET
names another target of integration_tests/profiles.yml."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from dbt.cli.main import dbtRunner

from product_warehouse_harness.project import failed_node_messages, plain_value

ROOT = Path(__file__).resolve().parents[2]
PROJECT_DIR = ROOT / "integration_tests"
DUCKDB_PATH = PROJECT_DIR / "target" / "integration_tests.duckdb"
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("PRODUCT_WAREHOUSE_DUCKDB_PATH", str(DUCKDB_PATH))
DUCKDB_PATH.parent.mkdir(parents=True, exist_ok=True)


def target() -> str:
    return os.environ.get("PRODUCT_WAREHOUSE_TARGET", "duckdb")


def target_path() -> Path:
    """dbt's target/ for the current engine, so engine runs never share
    compiled files or partial-parse state."""
    return PROJECT_DIR / "target" / target()


class DbtFailure(AssertionError):
    pass


# The vars of the last dbt command that succeeded. dbt re-parses the whole
# project whenever the vars differ from the previous command's (a few
# seconds each time), so query() reuses them unless told otherwise: a
# query reads what the last build built.
_last_vars: dict = {"vars": None}

# The fixture case the last build_case() built, until any other command
# writes to the warehouse.
_built_case: dict = {"name": None}
WRITING_COMMANDS = {"run", "build", "seed", "snapshot", "run-operation"}


def run_dbt(*args: str, vars: dict | None = None, expect_success: bool = True,
            use_default_target: bool = True):
    """Run one dbt command in integration_tests; on failure, raise with
    every failing node's name and message so pytest reports them."""
    if args[0] in WRITING_COMMANDS:
        _built_case["name"] = None
    cli = [*args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    if use_default_target:
        cli += ["--target", target()]
        if "--target-path" not in args and args[0] != "deps":
            cli += ["--target-path", str(target_path())]
    if vars:
        cli += ["--vars", json.dumps(vars)]
    if use_default_target and target() == "snowflake":
        # Snowflake is emulated: fakesnow patches the connector in-process.
        import fakesnow

        with fakesnow.patch(db_path=os.environ["PRODUCT_WAREHOUSE_FAKESNOW_DIR"]):
            result = dbtRunner().invoke(cli)
    else:
        result = dbtRunner().invoke(cli)
    if result.success and args[0] != "deps":
        _last_vars["vars"] = vars
    if expect_success and not result.success:
        detail = "\n".join(failed_node_messages(result)) or repr(result.exception)
        raise DbtFailure(f"dbt {' '.join(args)} failed:\n{detail}")
    return result


@pytest.fixture(scope="session")
def installed():
    """dbt deps: installs the package into integration_tests (local: ../,
    a link to this checkout, so an existing one is current). Skipped when
    the link is there, so engine suites running side by side (.ci/run) do
    not rewrite it at the same time."""
    if not (PROJECT_DIR / "dbt_packages" / "product_warehouse" / "dbt_project.yml").exists():
        run_dbt("deps")
    return True


@pytest.fixture(scope="session")
def seeded(installed):
    """A full-refresh seed of every fixture, once per session."""
    run_dbt("seed", "--full-refresh")
    return True


def build_case(case: str, vars: dict):
    """`dbt build --full-refresh` of one fixture case (its models, data
    tests and unit tests), shared by consecutive tests of that case: when
    the last command that wrote to the warehouse was this same build, the
    models are already there and it is not run again."""
    if _built_case["name"] != case:
        run_dbt("build", "--full-refresh", "--resource-type", "model", "test", "unit_test",
                "--exclude", "tag:raw_fixture", vars=vars)
        _built_case["name"] = case
    _last_vars["vars"] = vars


def query(sql: str, vars: dict | None = None) -> list[tuple]:
    """Rows of a query against the current target, through dbt itself
    (`dbt show --inline`), so the same assertion runs on every engine.
    Relations are written `{{ ref('model') }}`-style or schema-qualified.
    Without `vars`, the last successful command's vars (see _last_vars)."""
    if vars is None:
        vars = _last_vars["vars"]
    result = run_dbt("show", "--inline", sql, "--limit", "-1", "--output", "json", vars=vars)
    table = result.result.results[0].agate_table
    return [tuple(plain_value(v) for v in row.values()) for row in table.rows]


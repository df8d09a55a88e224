"""pytest fixtures: the integration project on the engine under test
(--engine, else $PRODUCT_WAREHOUSE_TARGET, else duckdb). Every dbt call
goes through product_warehouse_harness (integration.IntegrationProject for
integration_tests/, project.build_user_project for a user's project)."""

from __future__ import annotations

import os

import pytest

from cases import CASES
from product_warehouse_harness.integration import PROJECT_DIR, IntegrationProject

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("PRODUCT_WAREHOUSE_DUCKDB_PATH",
                      str(PROJECT_DIR / "target" / "integration_tests.duckdb"))


@pytest.fixture(scope="session")
def dbt() -> IntegrationProject:
    """integration_tests on the engine under test, with the package
    installed (dbt deps: local ../, a link to this checkout, so an
    existing one is current and is not rewritten while another engine's
    suite runs beside this one, as in .ci/run)."""
    (PROJECT_DIR / "target").mkdir(parents=True, exist_ok=True)
    project = IntegrationProject(os.environ.get("PRODUCT_WAREHOUSE_TARGET", "duckdb"))
    if not (PROJECT_DIR / "dbt_packages" / "product_warehouse" / "dbt_project.yml").exists():
        project.run("deps")
    return project


@pytest.fixture(scope="session")
def seeded(dbt) -> IntegrationProject:
    """Every fixture seed loaded (full refresh), once per session."""
    dbt.run("seed", "--full-refresh")
    return dbt


@pytest.fixture(scope="session")
def unit_tested(seeded) -> IntegrationProject:
    """The package's unit tests, once per session: they read no fixture,
    only their given rows, but need their models' parents to exist, so
    they run in the Segment case's schema after its build."""
    seeded.build_case(CASES["segment"])
    seeded.run("test", "--select", "test_type:unit", vars=CASES["segment"])
    return seeded

"""Root pytest hooks: the --engine option has to be known before
tests/python is collected."""

import os

ENGINES = ["duckdb", "postgres"]


def pytest_addoption(parser):
    parser.addoption(
        "--engine", choices=ENGINES, default=None,
        help="integration_tests target to run on (default: "
             "$PRODUCT_WAREHOUSE_TARGET, else duckdb)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "engine: the integration suite, which must pass on every engine")
    engine = config.getoption("--engine")
    if engine:
        os.environ["PRODUCT_WAREHOUSE_TARGET"] = engine

"""Root pytest hooks: the --engine option has to be known before
tests/python is collected."""

import os

ENGINES = ["duckdb", "postgres", "spark", "snowflake"]


def pytest_addoption(parser):
    parser.addoption(
        "--engine", choices=ENGINES, default=None,
        help="integration_tests target to run on (default: "
             "$PRODUCT_WAREHOUSE_TARGET, else duckdb)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "engine: the integration suite, which must pass on every engine")
    config.addinivalue_line(
        "markers", "incremental: the incremental property tests (engines that can delete: "
                   "duckdb, postgres, snowflake)")
    engine = config.getoption("--engine")
    if engine:
        os.environ["PRODUCT_WAREHOUSE_TARGET"] = engine
    if os.environ.get("PRODUCT_WAREHOUSE_TARGET") == "spark" and "PRODUCT_WAREHOUSE_SPARK_DIR" not in os.environ:
        # A fresh metastore and warehouse per run, outside the work tree.
        import tempfile

        os.environ["PRODUCT_WAREHOUSE_SPARK_DIR"] = tempfile.mkdtemp(prefix="product_warehouse_spark_")
    if os.environ.get("PRODUCT_WAREHOUSE_TARGET") == "snowflake" and "PRODUCT_WAREHOUSE_FAKESNOW_DIR" not in os.environ:
        # fakesnow keeps its databases here for the run (one DuckDB file each).
        import tempfile

        os.environ["PRODUCT_WAREHOUSE_FAKESNOW_DIR"] = tempfile.mkdtemp(prefix="product_warehouse_fakesnow_")

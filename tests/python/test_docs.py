"""Every model of the package is described, and so is every column it
really builds (read from the DuckDB catalog), except the columns that
vars add by name (traits, per-event counts, event_3 .. event_N), which
the model descriptions explain."""

from __future__ import annotations

import re

from cases import CASES

VAR_COLUMNS = re.compile(r"^(trait_.*|email|plan|.*_count|event_[3-9][0-9]*)$")
DOCUMENTED_COUNTS = {"event_count", "page_view_count", "session_count"}


def test_every_model_and_built_column_is_described(seeded):
    dbt, vars = seeded, CASES["segment"]
    manifest = dbt.run("parse", vars=vars).result
    dbt.build_case(vars)
    models = {
        node.name: node for node in manifest.nodes.values()
        if node.resource_type == "model" and node.package_name == "product_warehouse"
    }
    assert len(models) >= 10
    # Every built column of the package's models, in one query.
    built_columns: dict[str, list[str]] = {}
    for table_name, column_name in dbt.query(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'main_segment' order by table_name, ordinal_position",
            vars=vars):
        built_columns.setdefault(table_name, []).append(column_name)
    missing = []
    for name, node in sorted(models.items()):
        if not node.description.strip():
            missing.append(f"{name}: no description")
        if not node.config.enabled or not name.startswith(("int_", "wh_", "stg_product_cdp")):
            continue
        built = built_columns.get(name, [])
        assert built, f"{name} was not built"
        for column in built:
            documented = node.columns.get(column)
            if documented is not None and documented.description.strip():
                continue
            if VAR_COLUMNS.match(column) and column not in DOCUMENTED_COUNTS:
                continue
            missing.append(f"{name}.{column}: no description")
    assert not missing, "\n".join(missing)


def test_unit_test_names_fit_every_engine(dbt):
    """dbt creates a relation named after each unit test; Postgres cuts
    identifiers at 63 characters and then refuses the name."""
    manifest = dbt.run("parse").result
    too_long = [t.name for t in manifest.unit_tests.values() if len(t.name) > 63]
    assert not too_long and manifest.unit_tests, too_long


def test_every_public_macro_is_described(dbt):
    """Each macro of the package that a model, test or user calls (no
    dispatch implementation `<adapter>__`, no private `_` helper) has a
    description in macros/_macros.yml."""
    manifest = dbt.run("parse").result
    public = [m for m in manifest.macros.values()
              if m.package_name == "product_warehouse"
              and "__" not in m.name and not m.name.startswith("_")]
    assert len(public) >= 40
    undescribed = sorted(m.name for m in public if not m.description.strip())
    assert not undescribed, undescribed

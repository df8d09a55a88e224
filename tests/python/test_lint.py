"""sqlfluff (the checked-in .sqlfluff, dbt templater) passes on every
model, test and analysis of the package. Models that the default vars
disable are linted with the vars that enable them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from product_warehouse_harness.integration import ROOT

# name: (vars for the dbt templater, paths, files that must be linted)
CONFIGS = {
    "default": ({}, ["models", "tests", "analyses"], "models/warehouse/wh_product_events_fact.sql"),
    "rudderstack": (
        {"product_warehouse_cdp": "rudderstack"},
        ["models/staging/rudderstack"],
        "models/staging/rudderstack/stg_product_rudderstack__aliases.sql",
    ),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_sqlfluff_is_clean(tmp_path, name):
    context, paths, must_lint = CONFIGS[name]
    cmd = [sys.executable, "-m", "sqlfluff", "lint", *paths, "--format", "json", "--nocolor"]
    if context:
        config = tmp_path / "context.cfg"
        config.write_text(
            "[sqlfluff:templater:dbt:context]\n"
            + "".join(f"{key} = {value}\n" for key, value in context.items())
        )
        cmd += ["--config", str(config)]
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
           # Its own file: dbt in this process may hold the suite database.
           "PRODUCT_WAREHOUSE_DUCKDB_PATH": str(tmp_path / "lint.duckdb")}
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    linted = json.loads(result.stdout) if result.stdout.strip().startswith("[") else []
    violations = [
        f"{f['filepath']}:{v.get('start_line_no')}: {v['code']} {v['description']}"
        for f in linted for v in f["violations"]
    ]
    assert not violations, "\n".join(violations)
    assert result.returncode == 0, output[-3000:]
    linted_paths = {f["filepath"] for f in linted}
    assert must_lint in linted_paths, sorted(linted_paths)

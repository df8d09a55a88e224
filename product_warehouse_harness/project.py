"""Running dbt in-process against a dbt project, and reading relations
through the project's own profile, so the same code reads DuckDB,
Postgres, Snowflake or any engine dbt connects to."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


class DbtError(RuntimeError):
    pass


@dataclass
class DbtProject:
    """One dbt project and profile; `query` parses the project once and
    then runs each `dbt show --inline` on the parsed manifest."""

    project_dir: Path
    profiles_dir: Path | None = None
    target: str | None = None
    vars: dict | None = None
    _manifest: object = field(default=None, init=False, repr=False)

    def _cli(self, *args: str) -> list[str]:
        cli = [*args, "--project-dir", str(self.project_dir),
               "--profiles-dir", str(self.profiles_dir or self.project_dir)]
        if self.target:
            cli += ["--target", self.target]
        if self.vars:
            cli += ["--vars", json.dumps(self.vars)]
        return cli

    def invoke(self, *args: str):
        from dbt.cli.main import dbtRunner

        os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        result = dbtRunner(manifest=self._manifest).invoke(self._cli(*args))
        if not result.success:
            raise DbtError(_failure_text(args, result))
        return result

    def invoke_in_child(self, *args: str, timeout: int = 900) -> str:
        """The same command in a child process (the `dbt` next to this
        Python); its stdout. For DuckDB: a process that ran dbt-duckdb
        keeps the database file open, so a later reader in another process
        (mf, the report command, a floor) needs dbt to have run elsewhere."""
        import subprocess
        import sys

        dbt = Path(sys.executable).with_name("dbt")
        run = subprocess.run([str(dbt), *self._cli(*args)], capture_output=True, text=True,
                             timeout=timeout,
                             env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
        if run.returncode != 0:
            raise DbtError(f"dbt {args[0]} failed (exit {run.returncode}):\n"
                           f"{run.stdout[-3000:]}\n{run.stderr[-2000:]}")
        return run.stdout

    def manifest(self):
        if self._manifest is None:
            self._manifest = self.invoke("parse", "--quiet").result
        return self._manifest

    def has_model(self, package: str, name: str) -> bool:
        return f"model.{package}.{name}" in self.manifest().nodes

    def query(self, sql: str) -> list[dict]:
        """The rows of `sql` (Jinja allowed: `{{ ref('x') }}`) as dicts
        of plain Python values."""
        self.manifest()
        result = self.invoke("show", "--inline", sql, "--limit", "-1", "--output", "json",
                             "--log-level", "none")
        table = result.result.results[0].agate_table
        return [{name: plain_value(value) for name, value in zip(table.column_names, row)}
                for row in table.rows]


def plain_value(value):
    """agate gives Decimal for every number: ints stay ints, the rest floats."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def failed_node_messages(result) -> list[str]:
    """`name: status: message` for each node of a dbtRunner result that
    errored or failed."""
    lines = []
    for node_result in getattr(result.result, "results", None) or []:
        status = str(getattr(node_result, "status", ""))
        if status.lower() in ("error", "fail", "runtime error"):
            lines.append(f"{node_result.node.name}: {status}: {node_result.message}")
    return lines


def _failure_text(args, result) -> str:
    lines = failed_node_messages(result)
    if result.exception is not None:
        lines.append(str(result.exception))
    return f"dbt {args[0]} failed: " + ("; ".join(lines) or "see the dbt log")


def build_user_project(work_dir: Path, database: Path, vars: dict | None = None,
                       commands=(("deps",), ("build",))) -> Path:
    """A fresh dbt project, as a user makes one: packages.yml with
    `local:` this repository, a DuckDB profile on `database` (schema
    analytics), optional vars; runs `commands` (each a dbt command line,
    raising DbtError on failure) and returns the project directory."""
    root = Path(__file__).resolve().parents[1]
    project = work_dir / "my_project"
    project.mkdir(exist_ok=True)
    (project / "dbt_project.yml").write_text(
        "name: my_project\nversion: '1.0'\nconfig-version: 2\nprofile: my_project\n"
        + (f"vars:\n  product_warehouse: {json.dumps(vars)}\n" if vars else "")
    )
    (project / "packages.yml").write_text(f"packages:\n  - local: {root}\n")
    (project / "profiles.yml").write_text(json.dumps({
        "my_project": {"target": "dev", "outputs": {"dev": {
            "type": "duckdb", "path": str(database), "schema": "analytics", "threads": 2}}}
    }))
    user = DbtProject(project)
    for command in commands:
        user.invoke(*command)
    return project

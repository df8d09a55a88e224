"""The integration project (integration_tests/) on one engine, as the test
suite drives it: every dbt command of the tests goes through
IntegrationProject, which

- parses the project once per (target, vars) and hands the parsed
  manifest to every later command with the same vars (dbtRunner's
  `manifest=`), so a command pays no parse at all, and keeps dbt's own
  partial-parse state in a target dir per (engine, vars), so switching
  between fixture cases never re-parses from scratch;
- builds each fixture case once per engine (models and data tests; the
  unit tests, which read no fixture, run once on their own): every case
  lives in a schema of its own (integration_tests/macros/
  generate_schema_name.sql), so a build stays valid for every later test
  of that case until a command writes to the case with other vars.

Snowflake is emulated: fakesnow patches the connector around each call."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from product_warehouse_harness.project import DbtError, failed_node_messages, plain_value

ROOT = Path(__file__).resolve().parents[1]
PROJECT_DIR = ROOT / "integration_tests"
WRITING_COMMANDS = {"run", "build", "seed", "snapshot", "run-operation"}
# dbt commands that neither read nor need a parsed project.
UNPARSED_COMMANDS = {"deps", "parse", "clean", "debug"}


class DbtFailure(AssertionError, DbtError):
    """A dbt command that should have succeeded failed (an AssertionError,
    so pytest reports it as a test failure with every failing node)."""


def vars_key(vars: dict | None) -> str:
    return json.dumps(vars or {}, sort_keys=True)


def case_of(vars: dict | None) -> str:
    """The fixture case whose schema a command with these vars writes
    (integration_tests/dbt_project.yml: segment unless the vars say)."""
    return str((vars or {}).get("product_warehouse_test_case", "segment"))


@dataclass
class IntegrationProject:
    """integration_tests/ on `engine` (a target of its profiles.yml)."""

    engine: str
    project_dir: Path = PROJECT_DIR
    # Parsed manifests by (target, vars); see the module docstring. A
    # parse that failed is kept as its result: it depends only on the
    # project's files, the vars and the target, so every command with
    # them fails the same way, and is not parsed again.
    _manifests: dict = field(default_factory=dict, repr=False)
    _failed_parses: dict = field(default_factory=dict, repr=False)
    # By fixture case schema: the vars of its build, and the build's result.
    _built: dict = field(default_factory=dict, repr=False)
    # The vars of the last command that succeeded: query() reads with them.
    last_vars: dict | None = None

    # -- paths ---------------------------------------------------------

    def target_path(self, vars: dict | None = None, target: str | None = None) -> Path:
        """dbt's target/ for this engine (or an offline target) and these
        vars: engines never share compiled files or partial-parse state,
        and each set of vars keeps its own."""
        digest = hashlib.sha1(vars_key(vars).encode()).hexdigest()[:10]
        return self.project_dir / "target" / (target or self.engine) / digest

    def compiled_path(self, name: str, vars: dict | None, kind: str = "analyses") -> Path:
        """The compiled SQL file of node `name` after `compile`."""
        root = self.target_path(vars) / "compiled" / "product_warehouse" / kind
        return next(root.rglob(f"{name}.sql"))

    # -- running dbt ---------------------------------------------------

    @contextlib.contextmanager
    def _engine_session(self, target: str):
        if target == "snowflake":
            import fakesnow

            with fakesnow.patch(db_path=os.environ["PRODUCT_WAREHOUSE_FAKESNOW_DIR"]):
                yield
        else:
            yield

    def _cli(self, args: tuple[str, ...], vars: dict | None, target: str) -> list[str]:
        cli = [*args, "--project-dir", str(self.project_dir),
               "--profiles-dir", str(self.project_dir), "--target", target]
        if args[0] != "deps" and "--target-path" not in args:
            cli += ["--target-path", str(self.target_path(vars, target))]
        if vars:
            cli += ["--vars", json.dumps(vars)]
        return cli

    def _manifest(self, vars: dict | None, target: str):
        """The parsed manifest for (target, vars); None when the parse
        failed (its dbtRunner result is then in _failed_parses)."""
        key = (target, vars_key(vars))
        if key not in self._manifests and key not in self._failed_parses:
            from dbt.cli.main import dbtRunner

            with self._engine_session(target):
                result = dbtRunner().invoke(self._cli(("parse", "--quiet"), vars, target))
            if result.success:
                self._manifests[key] = result.result
            else:
                self._failed_parses[key] = result
        return self._manifests.get(key)

    def run(self, *args: str, vars: dict | None = None, expect_success: bool = True,
            target: str | None = None):
        """Run one dbt command in integration_tests; on failure (unless
        expect_success is false), raise with every failing node's name and
        message. `target` names another target of profiles.yml (the
        offline dialect targets); by default this engine's."""
        from dbt.cli.main import dbtRunner

        target = target or self.engine
        if args[0] in WRITING_COMMANDS:
            # A write to a case's schema with other vars than its build
            # may change its relations (integration_tests/dbt_project.yml:
            # the case is segment unless the vars say otherwise).
            schema = case_of(vars)
            if schema in self._built and self._built[schema][0] != vars_key(vars):
                del self._built[schema]
        manifest = failed_parse = None
        if args[0] not in UNPARSED_COMMANDS:
            manifest = self._manifest(vars, target)
            failed_parse = self._failed_parses.get((target, vars_key(vars)))
        if failed_parse is not None:
            result = failed_parse  # the parse failed: so does the command
        else:
            with self._engine_session(target):
                result = dbtRunner(manifest=manifest).invoke(self._cli(args, vars, target))
        if result.success and args[0] != "deps" and target == self.engine:
            self.last_vars = vars
        if expect_success and not result.success:
            detail = "\n".join(failed_node_messages(result)) or repr(result.exception)
            raise DbtFailure(f"dbt {' '.join(args)} failed:\n{detail}")
        return result

    def build_case(self, vars: dict):
        """`dbt build --full-refresh` of one fixture case's models and data
        tests (tests/python/cases.py), once: a later call with the same
        vars finds it built. Returns the build's result, or None when it
        was already built."""
        schema = case_of(vars)
        built = self._built.get(schema)
        if built is not None and built[0] == vars_key(vars):
            self.last_vars = vars
            return built[1]
        result = self.run("build", "--full-refresh", "--resource-type", "model", "test",
                          "--exclude", "tag:raw_fixture", vars=vars)
        self._built[schema] = (vars_key(vars), result)
        return result

    def query(self, sql: str, vars: dict | None = None) -> list[tuple]:
        """Rows of a query against this engine, through dbt itself (`dbt
        show --inline`), so the same assertion runs on every engine.
        Relations are written `{{ ref('model') }}`-style or
        schema-qualified. Without `vars`, the last successful command's."""
        if vars is None:
            vars = self.last_vars
        result = self.run("show", "--inline", sql, "--limit", "-1", "--output", "json",
                          "--log-level", "none", vars=vars)
        table = result.result.results[0].agate_table
        return [tuple(plain_value(v) for v in row.values()) for row in table.rows]

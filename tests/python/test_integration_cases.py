"""Each fixture case builds the package and passes every test: the
hand-worked expected outputs (equality tests on the expected__ seeds),
the conservation test, keys, relationships and the unit tests."""

from __future__ import annotations

import pytest

from cases import CASES
from conftest import run_dbt

pytestmark = pytest.mark.engine


EXPECTED_FROM = {"segment_empty_strings": "segment"}


@pytest.mark.parametrize("case", ["segment", "rudderstack", "custom", "segment_empty_strings"])
def test_case_builds_and_matches_expected_outputs(seeded, case):
    if case == "segment_empty_strings":
        run_dbt("run", "--full-refresh", "--select", "tag:raw_fixture", vars=CASES[case])
    result = run_dbt("build", "--full-refresh", "--resource-type", "model", "test", "unit_test",
                     "--exclude", "tag:raw_fixture", vars=CASES[case])
    expected_case = EXPECTED_FROM.get(case, case)
    equality_tests = [
        r.node.name for r in result.result.results
        if r.node.name.startswith(f"equality__{expected_case}__")
    ]
    # The case's expected outputs really were compared, not skipped.
    assert len(equality_tests) >= 3, equality_tests

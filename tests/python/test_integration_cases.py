"""Each fixture case builds the package and passes every data test: the
hand-worked expected outputs (equality tests on the expected__ seeds),
the conservation test, keys and relationships; and the package's unit
tests pass (once per engine: they read no fixture)."""

from __future__ import annotations

import pytest

from cases import CASES

pytestmark = pytest.mark.engine


EXPECTED_FROM = {"segment_empty_strings": "segment"}


@pytest.mark.parametrize("case", ["segment", "rudderstack", "custom", "segment_empty_strings"])
def test_case_builds_and_matches_expected_outputs(seeded, case):
    if case == "segment_empty_strings":
        seeded.run("run", "--full-refresh", "--select", "tag:raw_fixture", vars=CASES[case])
    result = seeded.build_case(CASES[case])
    expected_case = EXPECTED_FROM.get(case, case)
    equality_tests = [
        r.node.name for r in result.result.results
        if r.node.name.startswith(f"equality__{expected_case}__")
    ]
    # The case's expected outputs really were compared, not skipped.
    assert len(equality_tests) >= 3, equality_tests


def test_unit_tests_pass(unit_tested):
    """The unit tests of every model (models/**/_*__unit_tests.yml) pass:
    the `unit_tested` fixture runs them and fails on any failure."""
    result = unit_tested.run("ls", "--resource-type", "unit_test", "--output", "name")
    assert len(result.result) >= 30, result.result

"""A malformed attribution configuration fails at compile time with a
message naming the conversion (or the var) and the problem. Compilation
does not depend on the engine, so these run once, on DuckDB (`make
test`), not in every engine's suite."""

from __future__ import annotations

import pytest


def _compile_error(dbt, vars: dict) -> str:
    result = dbt.run("compile", "--select", "wh_product_conversions_fact", vars=vars,
                     expect_success=False)
    assert not result.success
    return str(result.exception) + "".join(
        str(getattr(r, "message", "")) for r in (getattr(result.result, "results", None) or []))


@pytest.mark.parametrize("conversions, problem", [
    ([{"event": "order_completed"}], "conversion 1 needs a name"),
    ([{"name": "order"}], "conversion 'order': event must be a non-empty event name"),
    ([{"name": "order", "event": "a"}, {"name": "order", "event": "b"}],
     "conversion 'order': two conversions have this name"),
    ([{"name": "order", "event": "a", "where": 3}], "conversion 'order': where must be a SQL predicate"),
    ([{"name": "order", "event": "a", "value": 5}], "conversion 'order': value must be a column"),
    ([{"name": "order", "event": "a", "window": 5}], "conversion 'order': unknown key 'window'"),
    ([{"name": "ok", "event": "a"}, "order_completed"], "conversion 2 must be a mapping"),
    ({"name": "order"}, "product_warehouse_conversions must be a list"),
])
def test_malformed_conversion_fails_at_compile_time(dbt, conversions, problem):
    message = _compile_error(dbt, {"product_warehouse_conversions": conversions})
    assert problem in message, message


def test_bad_attribution_numbers_fail_naming_the_var(dbt):
    message = _compile_error(dbt, {"product_warehouse_attribution_lookback_days": 0,
                              "product_warehouse_attribution_half_life_days": "7",
                              "product_warehouse_internal_hosts": "shop.example"})
    assert "product_warehouse_attribution_lookback_days" in message
    assert "product_warehouse_attribution_half_life_days" in message
    assert "product_warehouse_internal_hosts" in message

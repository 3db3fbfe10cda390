"""A payment provider outage in the middle of several refunds (the sandbox provider of the
local stack fails as told): every refund still reaches a final state — paid once after the
provider recovers, or handed to people — and no order is refunded more than was paid."""

from __future__ import annotations

from tests.e2e.conftest import LocalStackProcess
from tests.e2e.test_refunds_e2e import FINAL, money, money_shows, refund_of, sandbox
from tests.reliability.conftest import ok, paid_order


def test_refunds_survive_a_provider_outage_and_none_pays_more_than_was_paid(
    local_stack: LocalStackProcess,
) -> None:
    plans = [("fail-transiently", 2), ("fail-transiently", 1), ("time-out", 1), ("fail-permanently", 0)]
    orders = []
    for n, (scenario, failures) in enumerate(plans):
        order = paid_order(local_stack, (f"cus_rel_outage_{n}", "customer"))
        sandbox(local_stack, order, scenario, failures)
        orders.append(order)
    for order in orders:  # all cancelled before any refund finishes: the outage hits them together
        ok(local_stack.post(f"/v1/orders/{order['orderId']}/cancel", as_=(order["customerId"], "customer")))
    outcomes = [refund_of(local_stack, order, until=FINAL, seconds=60)["status"] for order in orders]
    assert outcomes == ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "MANUAL_REVIEW"]
    for order, outcome in zip(orders, outcomes, strict=True):
        if outcome == "SUCCEEDED":  # the order shows it once refunds' event is delivered
            money_shows(local_stack, order, (order["total"], 0))
        refunded, reserved = money(local_stack, order)
        assert refunded + reserved <= order["total"]

"""Each workflow step on its own: what it writes, and that running it twice changes nothing."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from aftercare.errors import Conflict
from aftercare.payments import sandbox
from aftercare.payments.provider import PermanentPaymentError, TransientPaymentError
from aftercare.refunds import ledger, service, store
from aftercare.surveys import store as surveys
from tests.integration.refunds.conftest import paid_order
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders

_ASL = json.loads((Path(__file__).parents[3] / "infra/statemachines/refund.asl.json").read_text())
_RESERVE_RETRIES = next(
    rule["MaxAttempts"] for rule in _ASL["States"]["Reserve"]["Retry"] if rule["ErrorEquals"] == ["Conflict"]
)


def request(
    order: dict[str, Any], items: list[tuple[str, int]] | None, source_id: str = "src-1", **kw: Any
) -> str:
    return service.request(
        source="order", source_id=source_id, order_id=order["orderId"], customer_id=order["customerId"],
        items=items, reason="quality issue", **kw,
    )  # fmt: skip


def order_money(order_id: str) -> tuple[int, int, int]:
    """Refundable, reserved and refunded, as the order's ledger (refunds' balance item) has them."""
    balance = ledger.get(order_id)
    assert balance is not None
    return balance.refundable, balance.reserved, balance.refunded


def test_a_request_is_recorded_once_per_source_and_starts_one_workflow(
    orders: Orders, started: list[str]
) -> None:
    order = paid_order(orders)
    first = request(order, [("MUG-2", 1)])
    again = request(order, [("MUG-2", 1)])
    assert first == again and first.startswith("rf_")
    assert started == [first, first]  # the retry re-asks; Step Functions refuses a duplicate name
    refund = store.get(first)
    assert refund is not None
    assert (refund.status, refund.sourceId, int(refund.amount)) == ("REQUESTED", "src-1", 0)


def test_reserve_computes_the_amount_and_holds_it_in_the_orders_ledger(
    orders: Orders, started: list[str]
) -> None:
    order = paid_order(orders)
    refund_id = request(order, [("KTL-1", 1)])
    outcome = service.reserve(refund_id)
    assert outcome == {"refundId": refund_id, "outcome": "RESERVED", "amount": 12680, "needsApproval": False}
    assert service.reserve(refund_id) == outcome  # a retried step
    assert order_money(order["orderId"]) == (ORDER_TOTAL - 12680, 12680, 0)


def test_pay_out_and_record_move_the_money_exactly_once(orders: Orders, started: list[str]) -> None:
    order = paid_order(orders)
    refund_id = request(order, [("KTL-1", 2), ("MUG-2", 1)])
    service.reserve(refund_id)
    payout = service.pay_out(refund_id)
    assert payout["payout"] == "SUCCEEDED"
    assert service.pay_out(refund_id) == payout  # the provider honours the idempotency key
    notice = service.record(refund_id, payout["reference"])
    service.record(refund_id, payout["reference"])
    assert notice["kind"] == "refund.succeeded"
    assert order_money(order["orderId"]) == (0, 0, ORDER_TOTAL)
    assert list(sandbox.payouts()) == [refund_id]
    refund = service.to_wire(store.get(refund_id))  # type: ignore[arg-type]
    assert refund.status == "SUCCEEDED"
    assert [s.step for s in refund.steps] == ["Request", "Reserve", "PayOut", "Record"]
    assert refund.shipping_included == 1000  # the whole order came back


def test_approval_is_needed_above_the_threshold(orders: Orders, started: list[str]) -> None:
    order = paid_order(orders)
    big = request(order, None, source_id="ord-cancel")
    assert service.reserve(big)["needsApproval"] is False  # 298.00 CNY is under 1,000.00
    flagged = request(paid_order(orders), [("MUG-2", 1)], source_id="src-flag", flagged=True)
    assert service.reserve(flagged)["needsApproval"] is True


@pytest.mark.parametrize(
    ("scenario", "error"),
    [
        ("fail-permanently", PermanentPaymentError),
        ("fail-transiently", TransientPaymentError),
        ("time-out", TransientPaymentError),
    ],
)
def test_provider_failures_surface_as_the_errors_the_workflow_retries_or_catches(
    orders: Orders, started: list[str], scenario: str, error: type[Exception]
) -> None:
    order = paid_order(orders)
    sandbox.plan(order["orderId"], scenario, failures=1)
    refund_id = request(order, [("MUG-2", 1)])
    service.reserve(refund_id)
    with pytest.raises(error):
        service.pay_out(refund_id)


def test_compensation_releases_the_reservation_and_manual_review_takes_over(
    orders: Orders, started: list[str]
) -> None:
    order = paid_order(orders)
    refund_id = request(order, [("MUG-2", 1)])
    service.reserve(refund_id)
    service.compensate(refund_id, "provider refused")
    service.compensate(refund_id, "provider refused")  # nothing left to release the second time
    assert order_money(order["orderId"]) == (ORDER_TOTAL, 0, 0)
    service.manual_review(refund_id, "provider refused")
    refund = store.get(refund_id)
    assert refund is not None and refund.status == "MANUAL_REVIEW"
    assert [s.outcome for s in refund.steps][-3:] == ["released", "nothing reserved", "handed over"]
    assert ledger.get(order["orderId"]).units == {"MUG-2": 0}  # type: ignore[union-attr]


def test_a_money_only_reservation_without_units_is_held_and_released(orders: Orders) -> None:
    """Shipping left to refund after every unit was: the reservation names no unit."""
    order = paid_order(orders)
    held = ledger.reserve(order["orderId"], "rf_money", amount=500, units={}, already={}, shipping=0)
    assert held
    assert order_money(order["orderId"]) == (ORDER_TOTAL - 500, 500, 0)
    fresh = ledger.get(order["orderId"])
    assert fresh is not None and ledger.release(fresh, "rf_money")
    assert order_money(order["orderId"]) == (ORDER_TOTAL, 0, 0)


def test_a_refund_for_more_than_remains_is_rejected_and_reserves_nothing(
    orders: Orders, started: list[str]
) -> None:
    order = paid_order(orders)
    first = request(order, [("MUG-2", 1)], source_id="src-a")
    service.reserve(first)
    second = request(order, [("MUG-2", 1)], source_id="src-b")
    assert service.reserve(second)["outcome"] == "REJECTED"
    assert store.get(second).status == "REJECTED"  # type: ignore[union-attr]
    assert order_money(order["orderId"])[1] == 3440


def test_a_storm_of_parallel_refunds_never_reserves_more_than_was_paid(
    orders: Orders, started: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    order = paid_order(orders)
    asks: list[list[tuple[str, int]] | None] = [[("KTL-1", 1)], [("KTL-1", 2)], [("MUG-2", 1)], None] * 4
    refund_ids = [request(order, items, source_id=f"src-{i}") for i, items in enumerate(asks)]
    # Left alone, the threads take turns and never race. Every reservation first reads the
    # same balance and only then may any of them write: each quote is stale but one, and
    # only the ledger's conditions stand between the storm and an over-refund.
    everyone_has_read = threading.Barrier(len(refund_ids), timeout=30)
    first_read = threading.local()
    read = ledger.get

    def read_together(order_id: str) -> ledger.Balance | None:
        balance = read(order_id)
        if not getattr(first_read, "done", False):
            first_read.done = True
            everyone_has_read.wait()
        return balance

    def reserve(refund_id: str) -> str:
        # A reservation that keeps losing the race raises Conflict; the workflow retries
        # the Reserve step on it (refund.asl.json), so the test does too. Anything else
        # escapes, with its traceback, through the future's result.
        for _ in range(1 + _RESERVE_RETRIES):
            try:
                return str(service.reserve(refund_id)["outcome"])
            except Conflict:
                continue
        raise AssertionError(f"{refund_id} still conflicting after the workflow's retries")

    with monkeypatch.context() as patch, ThreadPoolExecutor(max_workers=len(refund_ids)) as pool:
        patch.setattr(ledger, "get", read_together)
        outcomes = [future.result() for future in [pool.submit(reserve, rid) for rid in refund_ids]]
    refundable, reserved, refunded = order_money(order["orderId"])
    assert reserved + refunded <= ORDER_TOTAL
    assert refundable == ORDER_TOTAL - reserved - refunded
    amounts = [int(store.get(rid).amount) for rid in refund_ids if store.get(rid).status == "RESERVED"]  # type: ignore[union-attr]
    assert sum(amounts) == reserved
    assert outcomes.count("RESERVED") >= 1


def test_a_paid_refund_schedules_one_survey_through_its_event(
    orders: Orders, flow: EventFlow, started: list[str]
) -> None:
    order = paid_order(orders)
    refund_id = request(order, [("MUG-2", 1)])
    service.reserve(refund_id)
    flow.run()
    assert surveys.claimed_survey("refund", refund_id) is None  # not paid yet
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    flow.run()
    assert ("RefundSettled", "SUCCEEDED") in [(e["type"], e["payload"].get("status")) for e in flow.published]
    survey = surveys.claimed_survey("refund", refund_id)
    assert survey is not None and survey.startswith("sv_")
    flow.replay()  # the stream redelivers: still one survey
    assert surveys.claimed_survey("refund", refund_id) == survey


def test_units_a_compensation_released_can_be_refunded_by_a_later_refund(
    orders: Orders, started: list[str]
) -> None:
    """A release leaves the unit count at 0, not absent: a new reservation must accept both."""
    order = paid_order(orders)
    first = request(order, [("MUG-2", 1)], source_id="src-first")
    service.reserve(first)
    service.compensate(first, "provider refused")
    second = request(order, [("MUG-2", 1)], source_id="src-second")
    assert service.reserve(second)["outcome"] == "RESERVED"
    assert order_money(order["orderId"])[1] == 3440

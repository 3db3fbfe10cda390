"""Settling a refund in MANUAL_REVIEW over HTTP, three ways: retry the pay-out, record it as
refunded outside Aftercare, or reject it. Each is a supervisor's, on the refund's timeline,
and leaves the order's refund ledger adding up; none can pay twice."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.payments import sandbox
from aftercare.payments.provider import PermanentPaymentError
from aftercare.refunds import ledger, service, store
from tests.integration.refunds.conftest import paid_order
from tests.support.api import Api, customer, staff
from tests.support.orders import ORDER_TOTAL, Orders

BOSS = staff("supervisor", sub="sup_zhao")


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The workflow executions started after the refund's own (a retry's)."""
    calls: list[dict[str, Any]] = []

    def start(refund_id: str, **kw: Any) -> None:
        if kw:
            calls.append({"refundId": refund_id, **kw})

    monkeypatch.setattr(service, "_start", start)
    return calls


def in_review(orders: Orders, scenario: str = "fail-permanently") -> tuple[dict[str, Any], str]:
    """A refund the provider refused: compensated and handed to people, as the workflow does."""
    order = paid_order(orders)
    sandbox.plan(order["orderId"], scenario)
    refund_id = service.request(source="order", source_id=f"src-{order['orderId']}", order_id=order["orderId"],
                                    customer_id=order["customerId"], items=[("KTL-1", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    with pytest.raises(PermanentPaymentError):
        service.pay_out(refund_id)
    service.compensate(refund_id, "refused")
    service.manual_review(refund_id, "refused")
    return order, refund_id


def money(order_id: str) -> tuple[int, int, int]:
    """Refundable, reserved and refunded, as the order's ledger (refunds' balance item) has them."""
    balance = ledger.get(order_id)
    assert balance is not None
    return balance.refundable, balance.reserved, balance.refunded


def test_a_retry_holds_the_money_again_and_resumes_the_workflow_at_the_pay_out(
    api: Api, orders: Orders, starts: list[dict[str, Any]]
) -> None:
    order, refund_id = in_review(orders)
    assert money(order["orderId"]) == (ORDER_TOTAL, 0, 0)
    reply = api.call("POST", f"/v1/admin/refunds/{refund_id}/retry-payout", claims=BOSS,
                     json_body={"note": "card replaced"})  # fmt: skip
    assert reply.status == 200, reply.body
    assert reply.json["status"] == "PROCESSING"
    assert reply.json["timeline"][-1] | {"at": None} == {
        "at": None, "from": "MANUAL_REVIEW", "to": "PROCESSING", "actor": "sup_zhao", "note": "card replaced"
    }  # fmt: skip
    assert starts == [{"refundId": refund_id, "resume": "PayOut", "name": f"{refund_id}-retry-1"}]
    amount = reply.json["amount"]
    assert money(order["orderId"]) == (ORDER_TOTAL - amount, amount, 0)
    # The resumed workflow pays under a new idempotency key (the first one answers "refused").
    sandbox.plan(order["orderId"], "succeed")
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    assert list(sandbox.payouts()) == [f"{refund_id}.1"]
    assert money(order["orderId"]) == (ORDER_TOTAL - amount, 0, amount)


def test_refunded_outside_records_the_reference_and_settles_the_ledger(
    api: Api, orders: Orders, starts: list[dict[str, Any]]
) -> None:
    order, refund_id = in_review(orders)
    path = f"/v1/admin/refunds/{refund_id}/refunded-outside"
    assert api.call("POST", path, claims=BOSS, json_body={}).status == 400  # the reference is required
    reply = api.call(
        "POST", path, claims=BOSS, json_body={"reference": "bank-2026-1123-7", "note": "by bank"}
    )
    assert reply.status == 200, reply.body
    refund = reply.json
    assert refund["status"] == "SUCCEEDED"
    assert (refund["timeline"][-1]["actor"], refund["timeline"][-1]["note"]) == (
        "sup_zhao", "refunded outside Aftercare: by bank",
    )  # fmt: skip
    assert "bank-2026-1123-7" in refund["steps"][-1]["note"]
    assert money(order["orderId"]) == (ORDER_TOTAL - refund["amount"], 0, refund["amount"])
    assert sandbox.payouts() == {}  # nothing was paid through the provider
    assert starts == []


def test_a_rejection_releases_the_reservation_for_good(
    api: Api, orders: Orders, starts: list[dict[str, Any]]
) -> None:
    order, refund_id = in_review(orders)
    reply = api.call(
        "POST", f"/v1/admin/refunds/{refund_id}/reject", claims=BOSS, json_body={"note": "fraud"}
    )
    assert reply.status == 200, reply.body
    assert reply.json["status"] == "REJECTED"
    assert reply.json["timeline"][-1]["actor"] == "sup_zhao"
    assert money(order["orderId"]) == (ORDER_TOTAL, 0, 0)
    again = api.call("POST", f"/v1/admin/refunds/{refund_id}/retry-payout", claims=BOSS)
    assert again.status == 409


def test_a_late_provider_success_is_recorded_by_a_retry_and_refuses_a_rejection(
    api: Api, orders: Orders, starts: list[dict[str, Any]]
) -> None:
    """The workflow gave up polling while the provider was still working: the money moved.
    Rejecting would leave the ledger wrong, and a retry must not pay a second time."""
    order = paid_order(orders)
    sandbox.plan(order["orderId"], "succeed-late")
    refund_id = service.request(source="order", source_id="src-late", order_id=order["orderId"],
                                    customer_id=order["customerId"], items=[("KTL-1", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    assert service.pay_out(refund_id)["payout"] == "PENDING"
    service.manual_review(refund_id, "ProviderOutcomeUnknown")  # reservation still held
    rejected = api.call("POST", f"/v1/admin/refunds/{refund_id}/reject", claims=BOSS)
    assert rejected.status == 409 and "paid" in rejected.json["detail"]
    retried = api.call("POST", f"/v1/admin/refunds/{refund_id}/retry-payout", claims=BOSS)
    assert retried.status == 200 and retried.json["status"] == "SUCCEEDED"
    assert starts == []  # recorded, not paid again
    assert list(sandbox.payouts()) == [refund_id]
    amount = retried.json["amount"]
    assert money(order["orderId"]) == (ORDER_TOTAL - amount, 0, amount)


@pytest.mark.parametrize(
    ("claims", "status"),
    [(staff("agent"), 403), (customer("cus_alice"), 403), (BOSS, 200)],
)
def test_only_a_supervisor_settles_a_manual_review(
    api: Api, orders: Orders, starts: list[dict[str, Any]], claims: dict[str, Any], status: int
) -> None:
    _, refund_id = in_review(orders)
    reply = api.call("POST", f"/v1/admin/refunds/{refund_id}/refunded-outside", claims=claims,
                     json_body={"reference": "r-1"})  # fmt: skip
    assert reply.status == status


def test_a_refund_not_in_review_cannot_be_settled_and_an_unknown_one_is_404(
    api: Api, orders: Orders, starts: list[dict[str, Any]]
) -> None:
    order = paid_order(orders)
    refund_id = service.request(source="order", source_id="src-ok", order_id=order["orderId"],
                                    customer_id=order["customerId"], items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    reply = api.call("POST", f"/v1/admin/refunds/{refund_id}/retry-payout", claims=BOSS)
    assert reply.status == 409
    assert store.get(refund_id).status == "RESERVED"  # type: ignore[union-attr]
    missing = api.call(
        "POST", "/v1/admin/refunds/rf_nope/refunded-outside", claims=BOSS, json_body={"reference": "x"}
    )
    assert missing.status == 404


def test_a_late_success_the_order_can_no_longer_cover_is_acknowledged_and_left_to_people(
    orders: Orders, starts: list[dict[str, Any]]
) -> None:
    from aftercare.refunds import settlement

    order, refund_id = in_review(orders)  # released by the compensation
    sandbox.plan(order["orderId"], "succeed")
    everything = service.request(source="order", source_id="src-all", order_id=order["orderId"],
                                     customer_id=order["customerId"], items=None, reason="cancelled")  # fmt: skip
    service.reserve(everything)
    before = money(order["orderId"])
    assert settlement.provider_outcome(refund_id, "SUCCEEDED", "re_late", actor="stripe") == "held-for-review"
    assert store.get(refund_id).status == "MANUAL_REVIEW"  # type: ignore[union-attr]
    assert money(order["orderId"]) == before

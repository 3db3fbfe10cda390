"""The refund journeys on the real providers' SDKs: the local stack started with
`--payment-provider stripe|alipay` pays out through the Stripe or Alipay SDK against its
local fake, which delivers signed webhooks back to the stack. And MANUAL_REVIEW settled
three ways over HTTP."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.e2e.conftest import LocalStackProcess
from tests.e2e.test_refunds_e2e import ADDRESS, FINAL, cancel, money_shows, paid_order, refund_of, sandbox

pytestmark = pytest.mark.e2e
BOSS = ("sup_zhao", "supervisor")


@pytest.fixture(params=["stripe", "alipay"])
def provider_stack(request: pytest.FixtureRequest) -> LocalStackProcess:
    stack: LocalStackProcess = request.getfixturevalue(f"{request.param}_stack")
    return stack


def control(stack: LocalStackProcess, **body: Any) -> dict[str, Any]:
    reply = stack.post("/_local/payments/provider", json_body=body)
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def paid_through_provider(stack: LocalStackProcess, customer: str) -> dict[str, Any]:
    """An order the customer paid at the provider: its webhook moved the order to PAID."""
    body = {
        "items": [{"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900}],
        "currency": "CNY", "shippingFee": 1000, "discount": 0, "shippingAddress": ADDRESS, "paymentMethod": "ALIPAY",
    }  # fmt: skip
    order = stack.post("/v1/orders", as_=(customer, "customer"), json_body=body).json()
    paid = control(stack, action="pay", orderId=order["orderId"], amount=order["total"])
    assert paid["webhook"] == 200, paid
    # The webhook publishes PaymentCaptured; orders record it from their queue a moment later.
    deadline = time.monotonic() + 30
    while True:
        now = stack.get(f"/v1/orders/{order['orderId']}", as_=(customer, "customer")).json()
        if now["status"] == "PAID" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert now["status"] == "PAID", now
    return dict(now)


def test_a_cancelled_order_is_refunded_through_the_provider_once(provider_stack: LocalStackProcess) -> None:
    order = paid_through_provider(provider_stack, "cus_pp_happy")
    cancel(provider_stack, order)
    refund = refund_of(provider_stack, order, until=FINAL, seconds=60)
    assert (refund["status"], refund["amount"]) == ("SUCCEEDED", order["total"])
    money_shows(provider_stack, order, (order["total"], 0))
    held = [r for r in provider_stack.get("/_local/payments").json()["refunds"]
            if refund["refundId"] in str(r)]  # fmt: skip
    assert len(held) == 1  # the provider paid exactly one refund for it


def test_a_refund_the_provider_settles_later_waits_processing_then_succeeds(
    provider_stack: LocalStackProcess,
) -> None:
    order = paid_through_provider(provider_stack, "cus_pp_late")
    control(provider_stack, action="refunds", settle="later")
    try:
        cancel(provider_stack, order)
        waiting = refund_of(provider_stack, order, until={"PROCESSING"}, seconds=30)
        deadline = time.monotonic() + 30
        while not any(s["outcome"] == "pending at the provider" for s in waiting["steps"]):
            assert time.monotonic() < deadline, waiting
            time.sleep(0.3)
            waiting = refund_of(provider_stack, order, until={"PROCESSING"})
        money_shows(provider_stack, order, (0, order["total"]))  # held while the provider works
        control(provider_stack, action="settle", refundId=waiting["refundId"], outcome="succeeded")
    finally:
        control(provider_stack, action="refunds", settle="at-once")
    refund = refund_of(provider_stack, order, until=FINAL, seconds=60)
    assert refund["status"] == "SUCCEEDED"
    steps = [s["step"] for s in refund["steps"]]
    # whichever hears first settles it, once: the provider's notice (it reaches refunds
    # through the bus, a moment after the webhook) or the pay-out's next poll
    assert "ProviderNotice" in steps or steps.count("PayOut") > 1, steps
    assert steps.count("Record") <= 1, steps
    money_shows(provider_stack, order, (order["total"], 0))


def test_provider_outages_are_retried_until_the_refund_succeeds(provider_stack: LocalStackProcess) -> None:
    order = paid_through_provider(provider_stack, "cus_pp_flaky")
    control(provider_stack, action="fail-next", times=2)
    cancel(provider_stack, order)
    refund = refund_of(provider_stack, order, until=FINAL, seconds=90)
    assert refund["status"] == "SUCCEEDED"
    money_shows(provider_stack, order, (order["total"], 0))


def test_a_refund_the_provider_refuses_goes_to_people_and_is_recorded_as_refunded_outside(
    provider_stack: LocalStackProcess,
) -> None:
    # Paid by bank transfer: the provider has no such payment to refund (a documented refusal).
    order = paid_order(provider_stack, "cus_pp_bank")
    cancel(provider_stack, order)
    review = refund_of(provider_stack, order, until=FINAL, seconds=60)
    assert review["status"] == "MANUAL_REVIEW"
    reply = provider_stack.post(f"/v1/admin/refunds/{review['refundId']}/refunded-outside", as_=BOSS,
                                json_body={"reference": "bank-return-88", "note": "returned by bank"})  # fmt: skip
    assert reply.status_code == 200, reply.text
    assert reply.json()["status"] == "SUCCEEDED"
    money_shows(provider_stack, order, (order["total"], 0))


# ---------------------------------------------------------------- manual review, three ways (sandbox)
def in_review(stack: LocalStackProcess, customer: str) -> tuple[dict[str, Any], dict[str, Any]]:
    order = paid_order(stack, customer)
    sandbox(stack, order, "fail-permanently")
    cancel(stack, order)
    refund = refund_of(stack, order, until=FINAL, seconds=60)
    assert refund["status"] == "MANUAL_REVIEW"
    return order, refund


def test_manual_review_retry_pays_out_again(local_stack: LocalStackProcess) -> None:
    order, refund = in_review(local_stack, "cus_mr_retry")
    assert local_stack.post(f"/v1/admin/refunds/{refund['refundId']}/retry-payout",
                            as_=("staff_sam", "agent")).status_code == 403  # fmt: skip
    sandbox(local_stack, order, "succeed")
    reply = local_stack.post(f"/v1/admin/refunds/{refund['refundId']}/retry-payout", as_=BOSS,
                             json_body={"note": "card replaced"})  # fmt: skip
    assert reply.status_code == 200, reply.text
    done = refund_of(local_stack, order, until={"SUCCEEDED"}, seconds=60)
    assert [e["actor"] for e in done["timeline"] if e["to"] == "PROCESSING"][-1] == "sup_zhao"
    money_shows(local_stack, order, (order["total"], 0))


def test_manual_review_recorded_as_refunded_outside(local_stack: LocalStackProcess) -> None:
    order, refund = in_review(local_stack, "cus_mr_outside")
    reply = local_stack.post(f"/v1/admin/refunds/{refund['refundId']}/refunded-outside", as_=BOSS,
                             json_body={"reference": "voucher-77"})  # fmt: skip
    assert reply.status_code == 200, reply.text
    assert reply.json()["status"] == "SUCCEEDED"
    money_shows(local_stack, order, (order["total"], 0))


def test_manual_review_rejected_releases_the_money(local_stack: LocalStackProcess) -> None:
    order, refund = in_review(local_stack, "cus_mr_reject")
    reply = local_stack.post(f"/v1/admin/refunds/{refund['refundId']}/reject", as_=BOSS,
                             json_body={"note": "duplicate claim"})  # fmt: skip
    assert reply.status_code == 200, reply.text
    assert reply.json()["status"] == "REJECTED"
    assert reply.json()["timeline"][-1]["actor"] == "sup_zhao"
    money_shows(local_stack, order, (0, 0))


def test_a_success_after_the_polls_ran_out_is_recorded_once_from_the_held_reservation(
    provider_stack: LocalStackProcess,
) -> None:
    order = paid_through_provider(provider_stack, "cus_pp_slow")
    control(provider_stack, action="refunds", settle="later")
    try:
        cancel(provider_stack, order)
        review = refund_of(
            provider_stack, order, until={"MANUAL_REVIEW", "SUCCEEDED", "REJECTED"}, seconds=60
        )
    finally:
        control(provider_stack, action="refunds", settle="at-once")
    assert review["status"] == "MANUAL_REVIEW"
    assert [s["step"] for s in review["steps"]][-1] == "ManualReview"
    assert "Compensate" not in [s["step"] for s in review["steps"]]  # the money may yet move: still held
    money_shows(provider_stack, order, (0, order["total"]))
    control(provider_stack, action="settle", refundId=review["refundId"], outcome="succeeded")  # its webhook
    done = refund_of(provider_stack, order, until={"SUCCEEDED"}, seconds=30)
    assert done["timeline"][-1]["actor"] == provider_stack.get("/_local/payments").json()["provider"]
    money_shows(provider_stack, order, (order["total"], 0))
    retried = provider_stack.post(f"/v1/admin/refunds/{done['refundId']}/retry-payout", as_=BOSS)
    assert retried.status_code == 409  # settled: nothing to pay again
    held = [r for r in provider_stack.get("/_local/payments").json()["refunds"] if done["refundId"] in str(r)]
    assert len(held) == 1

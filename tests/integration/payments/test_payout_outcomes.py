"""A pay-out the provider answers PENDING: the refund stays PROCESSING while the workflow
polls with backoff, up to a bound; FAILED compensates, SUCCEEDED records — on Stripe,
through the port built from the keys in SSM."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.payments.provider import PermanentPaymentError, provider
from aftercare.payments.stripe_provider import StripeProvider
from aftercare.refunds import service, store
from aftercare.settings import get_settings
from infra.local.payment_fakes.alipay_fake import FakeAlipay
from infra.local.payment_fakes.stripe_fake import FakeStripe
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders


@pytest.fixture
def pending_refund(on_stripe: FakeStripe, orders: Orders, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(service, "_start", lambda *a, **k: None)
    order = orders.place()
    pi = on_stripe.add_payment_intent(ORDER_TOTAL, "cny")
    assert orders.pay(order["orderId"], transaction=pi).status == 200
    refund_id = service.request(source="order", source_id="s1", order_id=order["orderId"],
                                    customer_id="cus_alice", items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    on_stripe.new_refund_status = "pending"
    payout = service.pay_out(refund_id)
    return {"refundId": refund_id, "orderId": order["orderId"], "payout": payout}


def test_the_adapter_is_the_one_the_settings_name_built_from_the_secret_in_ssm(on_stripe: FakeStripe) -> None:
    assert isinstance(provider(), StripeProvider)


def test_a_pending_pay_out_leaves_the_refund_processing_and_names_the_first_wait(
    pending_refund: dict[str, Any],
) -> None:
    payout = pending_refund["payout"]
    assert (payout["payout"], payout["exhausted"]) == ("PENDING", False)
    assert payout["waitSeconds"] == get_settings().refund_provider_poll_seconds
    refund = store.get(pending_refund["refundId"])
    assert refund is not None and refund.status == "PROCESSING"
    assert refund.providerReference == payout["reference"]


def test_polls_back_off_and_end_exhausted_at_the_bound(pending_refund: dict[str, Any]) -> None:
    settings = get_settings()
    checks = [
        service.check_payout(pending_refund["refundId"]) for _ in range(settings.refund_provider_max_polls)
    ]
    assert {c["payout"] for c in checks} == {"PENDING"}
    waits = [c["waitSeconds"] for c in checks]
    assert waits[:3] == [2 * settings.refund_provider_poll_seconds, 4 * settings.refund_provider_poll_seconds,
                         8 * settings.refund_provider_poll_seconds]  # fmt: skip
    assert max(waits) == settings.refund_provider_max_poll_seconds
    assert [c["exhausted"] for c in checks] == [False] * (len(checks) - 1) + [True]
    assert store.get(pending_refund["refundId"]).status == "PROCESSING"  # type: ignore[union-attr]


def test_a_success_is_recorded_once_and_a_failure_is_raised_for_compensation(
    pending_refund: dict[str, Any], on_stripe: FakeStripe
) -> None:
    reference = pending_refund["payout"]["reference"]
    on_stripe.settle(reference, "succeeded")
    settled = service.check_payout(pending_refund["refundId"])
    assert (settled["payout"], settled["reference"]) == ("SUCCEEDED", reference)
    service.record(pending_refund["refundId"], settled["reference"])
    assert store.get(pending_refund["refundId"]).status == "SUCCEEDED"  # type: ignore[union-attr]
    assert (
        len(
            [
                r
                for r in on_stripe.refunds.values()
                if r["metadata"]["refund_id"] == pending_refund["refundId"]
            ]
        )
        == 1
    )


def test_a_pay_out_stripe_fails_later_is_raised_to_the_workflow(
    pending_refund: dict[str, Any], on_stripe: FakeStripe
) -> None:
    on_stripe.settle(pending_refund["payout"]["reference"], "failed")
    with pytest.raises(PermanentPaymentError, match="failed"):
        service.check_payout(pending_refund["refundId"])


def test_reconciliation_on_alipay_reads_the_bill_and_finds_a_console_refund(
    on_alipay: FakeAlipay, orders: Orders, monkeypatch: pytest.MonkeyPatch, flow: EventFlow
) -> None:
    from aftercare import clock
    from aftercare.refunds import reconciliation
    from aftercare.tickets import store as tickets
    from tests.integration.refunds.test_reconciliation import mismatch_ticket

    monkeypatch.setattr(service, "_start", lambda *a, **k: None)
    order = orders.place()
    trade = on_alipay.add_trade(order["orderId"], ORDER_TOTAL)
    assert orders.pay(order["orderId"], transaction=trade).status == 200
    refund_id = service.request(source="order", source_id="s1", order_id=order["orderId"],
                                    customer_id="cus_alice", items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    on_alipay.plant_refund(trade, "console-7", 300)
    report = reconciliation.reconcile(clock.now().date())
    assert (report["ledger"], report["provider"], report["mismatches"]) == (1, 2, 1)
    [key] = report["recorded"]  # type: ignore[misc]
    flow.run()  # tickets opens the mismatch's ticket (RefundMismatchFound)
    ticket_id = mismatch_ticket(key)
    assert ticket_id is not None
    ticket = tickets.get(ticket_id, consistent=True)
    assert ticket is not None and "console-7" in tickets.messages(ticket, start=0, stop=1)[0].body


def test_reconciliation_on_stripe_finds_a_refund_made_in_the_dashboard(
    pending_refund: dict[str, Any], on_stripe: FakeStripe, flow: EventFlow
) -> None:
    from aftercare import clock
    from aftercare.refunds import reconciliation
    from aftercare.tickets import store as tickets
    from tests.integration.refunds.test_reconciliation import mismatch_ticket

    on_stripe.settle(pending_refund["payout"]["reference"], "succeeded")
    service.record(pending_refund["refundId"], service.check_payout(pending_refund["refundId"])["reference"])
    pi = next(iter(on_stripe.payment_intents))
    outside = on_stripe.plant_refund(pi, 500)  # someone refunded 5.00 by hand
    report = reconciliation.reconcile(clock.now().date())
    assert (report["ledger"], report["provider"], report["mismatches"]) == (1, 2, 1)
    [key] = report["recorded"]  # type: ignore[misc]
    flow.run()  # tickets opens the mismatch's ticket (RefundMismatchFound)
    ticket_id = mismatch_ticket(key)
    assert ticket_id is not None
    ticket = tickets.get(ticket_id, consistent=True)
    assert ticket is not None
    (opening,) = tickets.messages(ticket, start=0, stop=1)
    assert outside in opening.body and "extra" in opening.body

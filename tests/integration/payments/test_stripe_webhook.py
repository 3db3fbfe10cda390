"""`POST /v1/payments/stripe/events`: Stripe's own webhook, verified by the SDK with the
signing secret from SSM, within the replay window of the service clock, applied once per
Stripe event id."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aftercare import clock
from aftercare.refunds import service, store
from infra.local.payment_fakes.stripe_fake import FakeStripe
from tests.support.api import Api
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders

PATH = "/v1/payments/stripe/events"


def deliver(api: Api, fake: FakeStripe, event: dict[str, Any], **signing: Any) -> Any:
    body = json.dumps(event).encode()
    return api.call("POST", PATH, body=body, headers={
        "content-type": "application/json", "stripe-signature": fake.sign(body, **signing),
    })  # fmt: skip


def payment_succeeded(fake: FakeStripe, order: dict[str, Any], amount: int = ORDER_TOTAL) -> dict[str, Any]:
    pi = fake.add_payment_intent(amount, "cny")
    intent = {**fake.payment_intents[pi], "metadata": {"order_id": order["orderId"]}}
    return fake.event("payment_intent.succeeded", intent)


def test_a_verified_payment_intent_success_pays_the_order(
    on_stripe: FakeStripe, api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    reply = deliver(api, on_stripe, payment_succeeded(on_stripe, order))
    assert reply.status == 200, reply.body
    assert reply.json["outcome"] == "accepted"
    flow.run()  # orders hear PaymentCaptured a moment later
    paid = orders.get(order["orderId"])
    assert paid["status"] == "PAID"


def test_a_replayed_event_is_applied_once(
    on_stripe: FakeStripe, api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    event = payment_succeeded(on_stripe, order)
    first = deliver(api, on_stripe, event)
    flow.run()
    again = deliver(api, on_stripe, event)  # Stripe redelivers with a fresh signature
    assert first.status == again.status == 200
    assert again.json == first.json  # the first answer, nothing published twice
    flow.run()
    assert flow.types().count("PaymentCaptured") == 1
    assert [e["to"] for e in orders.get(order["orderId"])["timeline"]].count("PAID") == 1


def test_a_body_signed_with_another_secret_is_refused(
    on_stripe: FakeStripe, api: Api, orders: Orders
) -> None:
    order = orders.place()
    reply = deliver(api, on_stripe, payment_succeeded(on_stripe, order), secret="whsec_someone_else")
    assert reply.status == 401
    assert orders.get(order["orderId"])["status"] == "PENDING_PAYMENT"


def test_a_tampered_body_or_a_missing_header_is_refused(
    on_stripe: FakeStripe, api: Api, orders: Orders
) -> None:
    event = payment_succeeded(on_stripe, orders.place())
    body = json.dumps(event).encode()
    header = on_stripe.sign(body)
    tampered = body.replace(b'"amount": 29800', b'"amount": 1')
    assert tampered != body
    assert api.call("POST", PATH, body=tampered, headers={"stripe-signature": header}).status == 401
    assert api.call("POST", PATH, body=body, headers={"content-type": "application/json"}).status == 401
    assert api.call("POST", PATH, body=body, headers={"stripe-signature": "t=1,v0=abc"}).status == 401


@pytest.mark.parametrize("skew", [-301, 301])
def test_a_signature_outside_the_replay_window_is_refused(
    on_stripe: FakeStripe, api: Api, orders: Orders, skew: int
) -> None:
    order = orders.place()
    at = int(clock.now().timestamp()) + skew
    reply = deliver(api, on_stripe, payment_succeeded(on_stripe, order), timestamp=at)
    assert reply.status == 401
    assert "replay window" in reply.json["detail"]
    assert orders.get(order["orderId"])["status"] == "PENDING_PAYMENT"


def test_a_refund_outcome_reaches_the_waiting_refund(
    on_stripe: FakeStripe, api: Api, orders: Orders, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "_start", lambda *a, **k: None)
    order = orders.place()
    pi = on_stripe.add_payment_intent(ORDER_TOTAL, "cny")
    assert orders.pay(order["orderId"], transaction=pi).status == 200
    refund_id = service.request(source="order", source_id="s1", order_id=order["orderId"],
                                    customer_id="cus_alice", items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    on_stripe.new_refund_status = "pending"
    payout = service.pay_out(refund_id)
    assert payout["payout"] == "PENDING"
    event = on_stripe.settle(payout["reference"])
    reply = deliver(api, on_stripe, event)
    assert reply.status == 200 and reply.json["outcome"] == "accepted", reply.body
    assert reply.json["subject"] == refund_id
    flow.run()  # refunds hear RefundOutcomeReported: the outcome is noted for the workflow
    # The workflow's next status check reads the outcome without asking Stripe.
    asked = len(on_stripe.requests)
    assert service.check_payout(refund_id)["payout"] == "SUCCEEDED"
    assert len(on_stripe.requests) == asked
    refund = store.get(refund_id)
    assert refund is not None and refund.steps[-1].step == "ProviderNotice"
    assert refund.timeline[-1].to == "PROCESSING"


def test_events_about_other_things_are_acknowledged_and_ignored(on_stripe: FakeStripe, api: Api) -> None:
    reply = deliver(
        api, on_stripe, on_stripe.event("customer.created", {"id": "cus_1", "object": "customer"})
    )
    assert reply.status == 200 and reply.json["outcome"] == "ignored"


def test_the_route_is_not_there_when_stripe_is_not_the_provider(api: Api, fake_stripe: FakeStripe) -> None:
    reply = deliver(api, fake_stripe, fake_stripe.event("customer.created", {"id": "cus_1"}))
    assert reply.status == 404


def test_the_canonical_callback_tells_a_refund_its_outcome_too(
    api: Api, orders: Orders, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`POST /v1/payments/events` stays for other integrations: refund.succeeded / failed."""
    from tests.support.orders import signed_payment

    monkeypatch.setattr(service, "_start", lambda *a, **k: None)
    order = orders.to("PAID")
    refund_id = service.request(source="order", source_id="s1", order_id=order["orderId"],
                                    customer_id="cus_alice", items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    service.pay_out(refund_id)  # the sandbox answers at once; the refund is PROCESSING until recorded
    event = {"eventId": "evt-rf-1", "type": "refund.succeeded", "orderId": order["orderId"], "amount": 3440,
             "currency": "CNY", "transactionId": "psp-re-1", "refundId": refund_id,
             "occurredAt": "2026-11-23T08:00:00Z"}  # fmt: skip
    reply = api.call("POST", "/v1/payments/events", **signed_payment(event))
    assert reply.status == 200 and reply.json["outcome"] == "accepted", reply.body
    flow.run()
    refund = store.get(refund_id)
    assert refund is not None and (refund.providerOutcome, refund.providerReference) == (
        "SUCCEEDED",
        "psp-re-1",
    )
    assert refund.steps[-1].step == "ProviderNotice"  # noted for the workflow's next check
    nameless = {**event, "eventId": "evt-rf-2", "refundId": None}
    assert api.call("POST", "/v1/payments/events", **signed_payment(nameless)).status == 400

"""The payment provider's signed callback moves an order to PAID, once: the webhook verifies
and publishes (PaymentCaptured / PaymentFailed), orders react from their queue."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from tests.support.api import Api
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders, signed_payment


def payment(order_id: str, **changes: Any) -> dict[str, Any]:
    event = {
        "eventId": "evt-1",
        "type": "payment.succeeded",
        "orderId": order_id,
        "amount": ORDER_TOTAL,
        "currency": "CNY",
        "transactionId": "alipay-2026-0001",
        "method": "ALIPAY",
        "occurredAt": "2026-11-23T08:00:00Z",
    }
    event.update(changes)
    return event


def post(api: Api, **signed: Any) -> Any:
    return api.call("POST", "/v1/payments/events", **signed)


def test_a_signed_payment_event_pays_the_order(api: Api, orders: Orders, flow: EventFlow) -> None:
    order = orders.place()
    reply = post(api, **signed_payment(payment(order["orderId"])))
    assert reply.status == 200
    assert reply.json == {"eventId": "evt-1", "outcome": "accepted", "orderId": order["orderId"]}
    assert orders.get(order["orderId"])["status"] == "PENDING_PAYMENT"  # a moment before orders hear it
    flow.run()
    assert "PaymentCaptured" in flow.types()
    paid = orders.get(order["orderId"])
    assert paid["status"] == "PAID"
    assert paid["payment"]["transactionId"] == "alipay-2026-0001"
    assert paid["timeline"][-1]["actor"] == "payment-provider"


def test_a_redelivered_event_changes_nothing_the_second_time(
    api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    first = post(api, **signed_payment(payment(order["orderId"])))
    flow.run()
    after_first = orders.get(order["orderId"])
    again = post(api, **signed_payment(payment(order["orderId"])))
    assert again.json == first.json
    same_payment_new_event = post(api, **signed_payment(payment(order["orderId"], eventId="evt-2")))
    assert same_payment_new_event.status == 200
    flow.run()
    assert flow.types().count("PaymentCaptured") == 2  # evt-1 once, evt-2 once
    assert orders.get(order["orderId"]) == after_first


def test_a_callback_whose_publish_fails_is_5xx_and_the_providers_retry_pays(
    api: Api, orders: Orders, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare import publishing

    class RefusingBus:
        def put_events(self, Entries: list[dict[str, Any]]) -> dict[str, Any]:
            return {
                "FailedEntryCount": 1,
                "Entries": [{"ErrorCode": "InternalFailure", "ErrorMessage": "down"}],
            }

    order = orders.place()
    placed = len(flow.run())  # the placement's event (analytics counts it); then the callback's
    with monkeypatch.context() as patch:
        patch.setattr(publishing, "client", lambda service: RefusingBus())
        refused = post(api, **signed_payment(payment(order["orderId"])))
    assert refused.status >= 500  # not acknowledged: the provider delivers it again
    assert flow.run()[placed:] == []
    retried = post(api, **signed_payment(payment(order["orderId"])))
    assert (retried.status, retried.json["outcome"]) == (200, "accepted")
    flow.run()
    assert orders.get(order["orderId"])["status"] == "PAID"


def test_a_mismatched_amount_is_acknowledged_and_held_for_review(
    api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    reply = post(api, **signed_payment(payment(order["orderId"], amount=ORDER_TOTAL - 100)))
    assert (reply.status, reply.json["outcome"]) == (200, "accepted")
    flow.run()
    held = orders.get(order["orderId"])
    assert held["status"] == "PENDING_PAYMENT"
    assert held["exception"]["kind"] == "PAYMENT_PROBLEM"
    assert str(ORDER_TOTAL - 100) in held["exception"]["note"]


def test_a_failed_payment_holds_the_order_with_the_reason(api: Api, orders: Orders, flow: EventFlow) -> None:
    order = orders.place()
    event = payment(order["orderId"], type="payment.failed", failureReason="card declined")
    assert post(api, **signed_payment(event)).json["outcome"] == "accepted"
    flow.run()
    assert "PaymentFailed" in flow.types()
    assert "card declined" in orders.get(order["orderId"])["exception"]["note"]


@pytest.mark.parametrize(
    "tamper",
    ["missing", "wrong-secret", "stale", "body-changed"],
)
def test_bad_missing_or_stale_signatures_are_401_and_change_nothing(
    api: Api, orders: Orders, flow: EventFlow, tamper: str
) -> None:
    order = orders.place()
    placed = len(flow.run())  # the placement's event (analytics counts it); then the callback's
    event = payment(order["orderId"])
    if tamper == "wrong-secret":
        signed = signed_payment(event, secret="not-the-shared-secret")
    elif tamper == "stale":
        signed = signed_payment(event, at=int(clock.now().timestamp()) - 600)
    else:
        signed = signed_payment(event)
    if tamper == "missing":
        signed["headers"] = {"content-type": "application/json"}
    if tamper == "body-changed":
        signed["body"] = signed["body"].replace(b"alipay", b"ALIPAY")
    reply = post(api, **signed)
    assert reply.status == 401
    assert orders.get(order["orderId"]) == order
    assert flow.run()[placed:] == []  # nothing published


def test_a_signed_but_invalid_event_is_400_with_the_field(api: Api, orders: Orders) -> None:
    order = orders.place()
    event = payment(order["orderId"])
    del event["amount"]
    reply = post(api, **signed_payment(event))
    assert reply.status == 400
    assert {"field": "amount", "message": "Field required"} in reply.json["errors"]
    assert orders.get(order["orderId"])["status"] == "PENDING_PAYMENT"


def test_a_payment_for_an_unknown_order_is_acknowledged_and_fails_in_orders_reaction(
    api: Api, flow: EventFlow
) -> None:
    """The webhook cannot know the order (it reads no Orders table): the provider is answered,
    and orders' reaction fails with NotFound, retried and then dead-lettered with the reason
    (tests/integration/infra/test_domain_events.py) for people to trace the money."""
    assert post(api, **signed_payment(payment("ord_01UNKNOWN"))).status == 200
    flow.run()
    assert [function for function, _ in flow.failures] == ["OrdersReactionsFunction"]

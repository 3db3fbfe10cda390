"""Concurrency storms: several Lambda environments (worker processes) fire the same or
competing requests at the same instant against one DynamoDB, and the invariants hold."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.reliability.environments import Environments, environments
from tests.support.api import customer, staff
from tests.support.orders import ORDER_TOTAL, order_body

SIZE = 4


@pytest.fixture(scope="module")
def envs() -> Iterator[Environments]:
    with environments(SIZE) as running:
        yield running


def delivered(envs: Environments, owner: str) -> dict[str, Any]:
    order = envs.ok("POST", "/v1/orders", 201, claims=customer(owner), json_body=order_body())
    order_id = order["orderId"]
    envs.ok(
        "POST",
        f"/v1/admin/orders/{order_id}/payment",
        claims=staff("agent"),
        json_body={"amount": ORDER_TOTAL, "method": "BANK_TRANSFER", "transactionId": f"t-{order_id}"},
    )
    envs.ok("POST", f"/v1/admin/orders/{order_id}/confirm", claims=staff("agent"))
    envs.ok("POST", f"/v1/admin/orders/{order_id}/pack", claims=staff("warehouse"))
    tracking = f"SF{uuid.uuid4().hex[:10].upper()}"
    envs.ok(
        "POST",
        f"/v1/admin/orders/{order_id}/ship",
        claims=staff("warehouse"),
        json_body={"carrier": "sf-express", "trackingNumber": tracking},
    )
    # logistics tracks the parcel from OrderShipped, a moment after the ship write
    envs.publish("OrdersTable", "OrdersPublisherFunction")
    envs.deliver("LogisticsReactionsQueue", "LogisticsReactionsFunction")
    done = envs.ok("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer(owner))
    return {**done, "trackingNumber": tracking}


def case(order_id: str, sku: str, quantity: int = 1, kind: str = "RETURN_REFUND") -> dict[str, Any]:
    return {
        "orderId": order_id,
        "type": kind,
        "reason": "NO_REASON",
        "items": [{"sku": sku, "quantity": quantity}],
        "description": "storm",
    }


def test_cases_racing_for_the_last_unit_leave_exactly_one_winner(envs: Environments) -> None:
    order = delivered(envs, "cus_storm_unit")
    racers = [
        (
            "POST",
            "/v1/after-sales",
            {"claims": customer("cus_storm_unit"), "json_body": case(order["orderId"], "MUG-2")},
        )
    ] * SIZE
    answers = envs.race(racers)
    statuses = sorted(a.status for a in answers)
    assert statuses.count(201) == 1, [a.body for a in answers]
    assert all(s in {409, 422} for s in statuses if s != 201), [a.body for a in answers]
    options = envs.ok(
        "GET", f"/v1/orders/{order['orderId']}/after-sales-options", claims=customer("cus_storm_unit")
    )
    mug = next(item for item in options["items"] if item["sku"] == "MUG-2")
    assert mug["remainingQuantity"] == 0


def test_parallel_refund_claims_at_one_order_never_exceed_what_was_paid(envs: Environments) -> None:
    owner = "cus_storm_refunds"
    order = delivered(envs, owner)
    order_id = order["orderId"]
    # 2 kettles and 1 mug are left to claim; four environments claim 2 + 1 + 1 + 1 units at once
    claims = [
        case(order_id, "KTL-1", 2),
        case(order_id, "KTL-1", 1),
        case(order_id, "KTL-1", 1),
        case(order_id, "MUG-2", 1),
    ]
    answers = envs.race(
        [("POST", "/v1/after-sales", {"claims": customer(owner), "json_body": c}) for c in claims]
    )
    assert all(a.status in {201, 409, 422} for a in answers), [(a.status, a.body) for a in answers]
    won = [a.body for a in answers if a.status == 201]
    claimed: dict[str, int] = {}
    for opened in won:
        for item in opened["items"]:
            claimed[item["sku"]] = claimed.get(item["sku"], 0) + item["quantity"]
    assert claimed.get("KTL-1", 0) <= 2 and claimed.get("MUG-2", 0) <= 1, claimed
    now = envs.ok("GET", f"/v1/orders/{order_id}", claims=customer(owner))
    assert now["refundedAmount"] + now["reservedForRefunds"] <= now["total"] == ORDER_TOTAL


def test_duplicate_payment_webhooks_pay_the_order_once(envs: Environments) -> None:
    owner = "cus_storm_pay"
    order = envs.ok("POST", "/v1/orders", 201, claims=customer(owner), json_body=order_body())
    event = {
        "eventId": f"evt-{uuid.uuid4().hex}",
        "type": "payment.succeeded",
        "orderId": order["orderId"],
        "amount": ORDER_TOTAL,
        "currency": "CNY",
        "transactionId": "alipay-storm",
        "method": "ALIPAY",
        "occurredAt": "2026-11-23T08:00:00Z",
    }
    answers = envs.race([("POST", "/v1/payments/events", envs.signed(event))] * SIZE)
    # a duplicate that arrives while the first is still being applied is told 409 (in
    # progress); the provider retries until a 2xx, and the retry gets the first outcome
    assert all(200 <= a.status < 300 or a.status == 409 for a in answers), [
        (a.status, str(a.body)[:300]) for a in answers
    ]
    first = [a.body for a in answers if a.status < 300]
    assert first
    retry = envs.call("POST", "/v1/payments/events", **envs.signed(event))
    assert (retry.status, retry.body["outcome"]) == (200, first[0]["outcome"])
    # the webhook publishes; orders records the payment from its queue, which delivers the
    # event (and any republished copy) to several environments at once
    envs.deliver("OrdersReactionsQueue", "OrdersReactionsFunction")
    now = envs.ok("GET", f"/v1/orders/{order['orderId']}", claims=customer(owner))
    assert now["status"] == "PAID"
    assert [step["to"] for step in now["timeline"]].count("PAID") == 1


def test_one_idempotency_key_racing_places_one_order(envs: Environments) -> None:
    owner = "cus_storm_key"
    request = {
        "claims": customer(owner),
        "json_body": order_body(),
        "headers": {"idempotency-key": "checkout-storm"},
    }
    answers = envs.race([("POST", "/v1/orders", request)] * SIZE)
    assert all(a.status in {201, 409} for a in answers), [(a.status, a.body) for a in answers]
    assert len({a.body["orderId"] for a in answers if a.status == 201}) == 1
    mine = envs.ok("GET", "/v1/orders", claims=customer(owner))
    assert len(mine["items"]) == 1


def _sqs_batch(events: list[dict[str, Any]], message_ids: list[str]) -> dict[str, Any]:
    import json

    return {
        "Records": [
            {
                "messageId": mid,
                "receiptHandle": "h",
                "body": json.dumps(event),
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:aftercare-local-TrackingEventsQueue",
                "awsRegion": "us-east-1",
            }
            for event, mid in zip(events, message_ids, strict=True)
        ]
    }


def test_duplicate_courier_webhooks_and_duplicate_sqs_deliveries_record_each_event_once(
    envs: Environments,
) -> None:
    owner = "cus_storm_courier"
    order = delivered(envs, owner)
    tracking = order["trackingNumber"]
    events = [
        {
            "eventId": f"{tracking}-{n}",
            "carrier": "sf-express",
            "trackingNumber": tracking,
            "status": status,
            "occurredAt": f"2026-11-2{n}T08:00:00Z",
            "location": f"Hub {n}",
            "description": "scan",
        }
        for n, status in enumerate(["INFO_RECEIVED", "IN_TRANSIT", "OUT_FOR_DELIVERY"], start=1)
    ]
    # the courier retries the same webhook from several places at once: all acknowledged
    answers = envs.race([("POST", "/v1/logistics/events/sf-express", envs.signed(events[0]))] * SIZE)
    assert all(a.status == 202 for a in answers), [(a.status, a.body) for a in answers]
    # SQS delivers the same batch to several consumers at once (at-least-once delivery)
    batch = _sqs_batch(events, [f"m-{n}" for n in range(len(events))])
    results = envs.race_invocations("TrackingEventsFunction", [batch] * SIZE)
    assert all(not r.body.get("batchItemFailures") for r in results), [r.body for r in results]
    tracking_view = envs.ok("GET", f"/v1/orders/{order['orderId']}/tracking", claims=customer(owner))
    history = tracking_view["shipments"][0]["history"]
    stamps = [(h["status"], h["occurredAt"][:19]) for h in history]
    assert len(stamps) == len(set(stamps)), history
    for event in events:
        assert (event["status"], event["occurredAt"][:19]) in stamps

"""What courier events do to the rest of the service: deliveries deliver orders, problems
reach the customer and customer service (once), after-sales hears about its parcels."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aftercare.aws import client
from aftercare.logistics import effects, store
from aftercare.logistics.rules import ShipmentKind
from aftercare.logistics.service import register_shipment
from tests.integration.logistics.conftest import CARRIER, TRACKING, Couriers, canonical
from tests.support.api import customer
from tests.support.orders import Orders


def notifications(couriers: Couriers) -> list[dict[str, Any]]:
    url = couriers.stack.ref("NotificationsQueue")
    found = []
    while True:
        reply = client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        messages = reply.get("Messages") or []
        if not messages:
            return found
        found.extend(json.loads(m["Body"]) for m in messages)


def logistics_notices(couriers: Couriers) -> list[dict[str, Any]]:
    return [n for n in notifications(couriers) if n["kind"] == "logistics.problem"]


def shipment() -> store.Shipment:
    found = store.find_by_tracking(f"{CARRIER}#{TRACKING}")
    assert found is not None
    again = store.get(found.shipment_id)
    assert again is not None
    return again


def send(couriers: Couriers, *events: dict[str, Any]) -> None:
    for event in events:
        assert couriers.post(event).status == 202
    assert couriers.drain().failed == []


def test_an_exception_notifies_the_customer_and_opens_one_logistics_ticket(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    send(couriers, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="ADDRESS_ISSUE",
                             description="Recipient address incomplete"))  # fmt: skip
    (notice,) = logistics_notices(couriers)
    assert notice["recipientId"] == "cus_alice"
    assert notice["data"]["problem"] == "EXCEPTION"
    assert notice["data"]["reason"] == "ADDRESS_ISSUE"
    assert notice["data"]["orderId"] == shipped["orderId"]
    problem = shipment().problems["EXCEPTION"]
    assert problem["ticketId"].startswith("tk_")
    assert problem["notificationId"] == notice["notificationId"]
    assert shipment().pending == {}

    # the same kind again, and a redelivery: recorded once, nobody told twice
    send(couriers, canonical("x2", "EXCEPTION", "2026-11-22T10:00:00Z", subStatus="REFUSED"))
    send(couriers, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="ADDRESS_ISSUE"))
    assert logistics_notices(couriers) == []
    assert shipment().problems["EXCEPTION"]["ticketId"] == problem["ticketId"]


def test_the_ticket_goes_to_customer_service_with_the_logistics_category(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    send(couriers, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="DAMAGED"))
    ticket_id = shipment().problems["EXCEPTION"]["ticketId"]
    reply = couriers.api.call("GET", f"/v1/tickets/{ticket_id}", claims=customer())
    assert reply.status == 200, reply.body
    assert reply.json["category"] == "LOGISTICS"
    assert reply.json["orderId"] == shipped["orderId"]


def test_a_second_failed_attempt_is_a_problem_the_first_is_not(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    send(couriers, canonical("f1", "ATTEMPT_FAIL", "2026-11-22T09:00:00Z"))
    assert logistics_notices(couriers) == []
    send(couriers, canonical("f2", "ATTEMPT_FAIL", "2026-11-23T07:00:00Z"))
    (notice,) = logistics_notices(couriers)
    assert notice["data"]["problem"] == "REPEATED_ATTEMPT_FAIL"


def test_a_lost_parcel_offers_reshipment_or_refund(couriers: Couriers, shipped: dict[str, Any]) -> None:
    send(couriers, canonical("l1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="LOST"))
    (notice,) = logistics_notices(couriers)
    assert (notice["data"]["problem"], notice["data"]["proposal"]) == ("LOST", "RESHIP_OR_REFUND")


def test_a_failing_effect_is_retried_without_repeating_the_ones_done(
    couriers: Couriers, shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = effects.open_ticket
    calls = {"n": 0}

    def flaky(shipment: Any, problem: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("tickets are briefly down")
        return real(shipment, problem)

    monkeypatch.setattr(effects, "open_ticket", flaky)
    couriers.post(canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="DAMAGED"))
    drained = couriers.drain()
    assert len(drained.failed) == 1  # failed once, redelivered, then done
    assert len(logistics_notices(couriers)) == 1
    assert shipment().problems["EXCEPTION"]["ticketId"].startswith("tk_")
    assert shipment().pending == {}


def test_delivery_tolerates_an_order_the_customer_already_confirmed(
    couriers: Couriers, orders: Orders, shipped: dict[str, Any]
) -> None:
    order_id = shipped["orderId"]
    confirmed = couriers.api.call("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer())
    assert confirmed.status == 200
    send(couriers, canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z"))
    order = orders.get(order_id)
    assert order["status"] == "DELIVERED"
    assert order["deliveredAt"] == confirmed.json["deliveredAt"]  # the customer's confirmation stands


def test_a_return_parcel_tells_its_after_sales_case(
    couriers: Couriers, orders: Orders, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare.aftersales import port

    heard: list[dict[str, Any]] = []
    monkeypatch.setattr(port, "on_return_parcel_moved", lambda **kwargs: heard.append(kwargs))
    order = orders.to("DELIVERED")
    shipment_id = register_shipment(
        order_id=order["orderId"], customer_id="cus_alice", kind=ShipmentKind.RETURN,
        carrier="yto", tracking_number="YT7788", case_id="as_01RETURN",
    )  # fmt: skip
    again = register_shipment(
        order_id=order["orderId"], customer_id="cus_alice", kind=ShipmentKind.RETURN,
        carrier="yto", tracking_number="YT7788", case_id="as_01RETURN",
    )  # fmt: skip
    assert again == shipment_id
    for event in (
        {
            **canonical("r1", "IN_TRANSIT", "2026-11-22T09:00:00Z"),
            "carrier": "yto",
            "trackingNumber": "YT7788",
        },
        {
            **canonical("r2", "DELIVERED", "2026-11-23T07:00:00Z"),
            "carrier": "yto",
            "trackingNumber": "YT7788",
        },
    ):
        assert couriers.post(event, carrier="yto").status == 202
    assert couriers.drain().failed == []
    assert heard == [
        {"case_id": "as_01RETURN", "status": "IN_TRANSIT", "occurred_at": "2026-11-22T09:00:00.000Z"},
        {"case_id": "as_01RETURN", "status": "DELIVERED", "occurred_at": "2026-11-23T07:00:00.000Z"},
    ]
    tracking = couriers.tracking(order["orderId"], customer()).json["shipments"]
    assert [(s["kind"], s["status"]) for s in tracking] == [
        ("OUTBOUND", "INFO_RECEIVED"),
        ("RETURN", "DELIVERED"),
    ]
    assert orders.get(order["orderId"])["status"] == "DELIVERED"  # a return's delivery is not the order's

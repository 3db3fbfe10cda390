"""Courier events in through the webhook, applied by the consumer, shown on the order."""

from __future__ import annotations

from typing import Any

from tests.integration.logistics.conftest import Couriers, canonical
from tests.support.api import customer, staff
from tests.support.bus import EventFlow
from tests.support.orders import Orders


def test_a_delivered_event_updates_tracking_and_delivers_the_order(
    couriers: Couriers, orders: Orders, shipped: dict[str, Any], flow: EventFlow
) -> None:
    order_id = shipped["orderId"]
    reply = couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z", location="Shanghai hub"))
    assert reply.status == 202, reply.body
    assert reply.json == {
        "carrier": "sf-express",
        "trackingNumber": "SF100200300",
        "accepted": 1,
        "eventIds": ["e1"],
    }
    assert (
        couriers.post(canonical("e2", "DELIVERED", "2026-11-23T07:30:00Z", description="signed by Li")).status
        == 202
    )
    drained = couriers.drain()
    assert drained.failed == []

    tracking = couriers.tracking(order_id, customer()).json
    (shipment,) = tracking["shipments"]
    assert shipment["status"] == "DELIVERED"
    assert [entry["status"] for entry in shipment["history"]] == ["DELIVERED", "IN_TRANSIT"]
    assert shipment["history"][1]["location"] == "Shanghai hub"
    flow.run()  # the delivery is published; orders reacts to it
    assert flow.failures == []
    order = orders.get(order_id)
    assert order["status"] == "DELIVERED"
    assert order["deliveredAt"] is not None
    assert order["timeline"][-1]["actor"] == "logistics"
    assert couriers.tracking(order_id, staff("agent")).status == 200

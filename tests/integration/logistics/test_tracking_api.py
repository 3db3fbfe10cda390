"""GET /v1/orders/{orderId}/tracking: the owner and staff see it, nobody else does."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.logistics.conftest import Couriers, canonical
from tests.support.api import customer, staff
from tests.support.orders import Orders


@pytest.fixture
def tracked(couriers: Couriers, shipped: dict[str, Any]) -> str:
    for event in (
        canonical("e1", "INFO_RECEIVED", "2026-11-21T08:00:00Z"),
        canonical(
            "e3",
            "OUT_FOR_DELIVERY",
            "2026-11-23T06:00:00+08:00",
            location="Pudong",
            estimatedDelivery="2026-11-23",
        ),
        canonical("e2", "IN_TRANSIT", "2026-11-22T08:00:00Z", description="Departed Shenzhen"),
    ):
        couriers.post(event)
    couriers.drain()
    return str(shipped["orderId"])


def test_the_owner_sees_status_estimate_and_history_newest_first(couriers: Couriers, tracked: str) -> None:
    reply = couriers.tracking(tracked, customer())
    assert reply.status == 200
    (shipment,) = reply.json["shipments"]
    assert shipment["shipmentId"].startswith("shp_")
    assert (shipment["carrier"], shipment["trackingNumber"]) == ("sf-express", "SF100200300")
    assert (shipment["status"], shipment["subStatus"]) == ("OUT_FOR_DELIVERY", None)
    assert shipment["estimatedDelivery"] == "2026-11-23"
    assert [e["occurredAt"] for e in shipment["history"]] == [
        "2026-11-22T22:00:00.000Z",
        "2026-11-22T08:00:00.000Z",
        "2026-11-21T08:00:00.000Z",
    ]
    assert shipment["history"][0] == {
        "status": "OUT_FOR_DELIVERY",
        "subStatus": None,
        "occurredAt": "2026-11-22T22:00:00.000Z",
        "location": "Pudong",
        "description": None,
    }


@pytest.mark.parametrize("role", ["agent", "warehouse", "supervisor"])
def test_staff_see_any_orders_tracking(couriers: Couriers, tracked: str, role: str) -> None:
    assert couriers.tracking(tracked, staff(role)).status == 200


def test_another_customer_gets_404_not_403(couriers: Couriers, tracked: str) -> None:
    reply = couriers.tracking(tracked, customer("cus_mallory"))
    assert reply.status == 404
    assert reply.headers["content-type"] == "application/problem+json"


def test_an_unknown_order_is_404_and_no_token_is_401(couriers: Couriers, tracked: str) -> None:
    assert couriers.tracking("ord_01JD6Z3Q00UNKNOWN000000000", customer()).status == 404
    assert couriers.api.call("GET", f"/v1/orders/{tracked}/tracking").status == 401


def test_an_order_not_yet_shipped_has_no_shipments(couriers: Couriers, orders: Orders) -> None:
    order = orders.place()
    assert couriers.tracking(order["orderId"], customer()).json == {"shipments": [], "awaitingTracking": []}


def test_a_just_shipped_order_shows_its_shipment_at_once(couriers: Couriers, shipped: dict[str, Any]) -> None:
    (shipment,) = couriers.tracking(shipped["orderId"], customer()).json["shipments"]
    assert (shipment["status"], shipment["history"]) == ("INFO_RECEIVED", [])
    assert shipment["shipmentId"] == shipped["shipmentIds"][0]

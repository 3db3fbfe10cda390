"""A delivered order completes by itself when its last after-sales window closes."""

from __future__ import annotations

from aftercare import clock
from aftercare.orders import service
from tests.support.api import Api
from tests.support.orders import Orders


def test_delivery_records_when_the_windows_close_and_the_sweep_completes_the_order_once(
    api: Api, orders: Orders, fixed_clock: clock.FixedClock
) -> None:
    order = orders.to("DELIVERED")  # a kettle (appliances: 365-day warranty) and a mug
    stored = service.load_for_system(order["orderId"])
    assert stored.completesAt == "2027-11-23T08:00:00.000Z"

    fixed_clock.advance(364 * 86400)
    assert api.host.invoke("OrdersCompletionFunction", {}) == {"completed": 0}
    assert orders.get(order["orderId"])["status"] == "DELIVERED"

    fixed_clock.advance(2 * 86400)
    assert api.host.invoke("OrdersCompletionFunction", {}) == {"completed": 1}
    completed = orders.get(order["orderId"])
    assert completed["status"] == "COMPLETED"
    assert completed["timeline"][-1]["note"] == "the last after-sales window closed"
    assert api.host.invoke("OrdersCompletionFunction", {}) == {"completed": 0}


def test_an_undelivered_order_is_never_swept(api: Api, orders: Orders, fixed_clock: clock.FixedClock) -> None:
    order = orders.to("SHIPPED")
    fixed_clock.advance(800 * 86400)
    assert api.host.invoke("OrdersCompletionFunction", {}) == {"completed": 0}
    assert orders.get(order["orderId"])["status"] == "SHIPPED"

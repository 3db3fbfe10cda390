"""What refunds does when other domains act, through the bus: a paid order that is
cancelled gets its full refund started (OrderCancelled → the refunds reactions queue)."""

from __future__ import annotations

from aftercare.refunds import store
from tests.support.api import Api, customer
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders


def test_a_cancelled_paid_order_starts_one_full_refund(
    api: Api, orders: Orders, flow: EventFlow, started: list[str]
) -> None:
    order = orders.to("CONFIRMED")
    cancelled = api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=customer()).json
    flow.run()
    assert "OrderCancelled" in flow.types()
    refunds = store.list_for_order(order["orderId"])
    assert [(r.source, r.sourceId, r.items) for r in refunds] == [("order", order["orderId"], None)]
    assert started == [refunds[0].refundId]
    assert cancelled["refundOwed"] == ORDER_TOTAL

    flow.replay()  # the stream redelivers the change: the same event id, nothing new
    assert [r.refundId for r in store.list_for_order(order["orderId"])] == [refunds[0].refundId]
    assert started == [refunds[0].refundId]
    assert flow.failures == []


def test_an_unpaid_cancellation_starts_nothing(
    api: Api, orders: Orders, flow: EventFlow, started: list[str]
) -> None:
    order = orders.place()
    api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=customer())
    flow.run()
    # told (analytics counts both), and refunds decides there is nothing owed
    assert flow.types() == ["OrderPlaced", "OrderCancelled"]
    assert store.list_for_order(order["orderId"]) == []
    assert started == []

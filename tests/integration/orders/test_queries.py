"""orders/queries.py: what other domains read of an order, as frozen views; another
customer's order is a 404 exactly like a missing one."""

from __future__ import annotations

import dataclasses

import pytest

from aftercare import clock
from aftercare.auth import Principal
from aftercare.errors import NotFound
from aftercare.orders import queries
from tests.support.orders import ORDER_TOTAL, Orders

ALICE = Principal("cus_alice", frozenset({"customer"}))
MALLORY = Principal("cus_mallory", frozenset({"customer"}))
AGENT = Principal("staff_sam", frozenset({"agent"}))


def test_the_owner_and_staff_read_an_order_another_customer_gets_a_404(orders: Orders) -> None:
    placed = orders.to("PAID")
    mine = queries.order_for(ALICE, placed["orderId"])
    assert (mine.order_id, mine.customer_id, mine.status, mine.total) == (
        placed["orderId"], "cus_alice", "PAID", ORDER_TOTAL,
    )  # fmt: skip
    assert [(i.sku, i.quantity, i.unit_price, i.extended_warranty_days) for i in mine.items] == [
        ("KTL-1", 2, 12900, 0),
        ("MUG-2", 1, 3500, 0),
    ]
    assert queries.order_for(AGENT, placed["orderId"]) == mine
    with pytest.raises(NotFound):
        queries.order_for(MALLORY, placed["orderId"])
    with pytest.raises(NotFound):
        queries.order("ord_missing")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mine.status = "CANCELLED"  # type: ignore[misc]


def test_the_goods_count_as_received_only_once_delivered(orders: Orders) -> None:
    shipped = orders.to("SHIPPED")
    view = queries.order(shipped["orderId"])
    assert view.received_at is None and len(view.shipment_ids) == 1
    delivered = orders.to("DELIVERED")
    view = queries.order(delivered["orderId"])
    assert view.delivered_at == delivered["deliveredAt"]
    assert view.received_at == clock.parse_iso(delivered["deliveredAt"])


def test_total_and_recent_orders(orders: Orders, fixed_clock: clock.FixedClock) -> None:
    first = orders.place()
    fixed_clock.advance(60)
    second = orders.place()
    orders.place("cus_bob")
    assert queries.total_of(first["orderId"]) == ORDER_TOTAL
    assert queries.total_of("ord_missing") is None
    recent = queries.recent_for_customer("cus_alice", limit=5)
    assert [o.order_id for o in recent] == [second["orderId"], first["orderId"]]
    assert [o.order_id for o in queries.recent_for_customer("cus_alice", limit=1)] == [second["orderId"]]
    assert queries.recent_for_customer("cus_nobody", limit=5) == ()

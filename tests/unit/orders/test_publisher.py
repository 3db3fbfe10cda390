"""Which changes of an order are events for the other domains (orders/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.orders.events import (
    OrderCancelled,
    OrderDelivered,
    OrderExceptionRaised,
    OrderPaid,
    OrderPlaced,
)
from aftercare.orders.publisher import events_of


def order(status: str, **fields: Any) -> dict[str, Any]:
    return {
        "orderId": "ord_1",
        "customerId": "cus_alice",
        "status": status,
        "currency": "CNY",
        "total": 29800,
        "shippingFee": 800,
        "discount": 0,
        "paidAmount": 0,
        "refundOwed": 0,
        "items": [{"sku": "KETTLE-1", "quantity": 2, "unitPrice": 14500, "category": "kitchen"}],
        "timeline": [{"at": "2026-11-23T08:00:00.000000Z", "from": None, "to": status}],
        **fields,
    }


PAID = {"paidAmount": 29800}
EXCEPTION = {"kind": "OUT_OF_STOCK", "note": "n", "raisedAt": "2026-11-23T09:00:00.000000Z", "raisedBy": "st"}


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, order("PLACED", createdAt="2026-11-23T08:00:00.000000Z"), ["OrderPlaced"]),
        (order("PLACED"), order("PAID", **PAID), ["OrderPaid"]),
        (order("PAID", **PAID), order("PAID", **PAID, note="x"), []),  # paid again? no: once
        (order("PAID", **PAID), order("CONFIRMED", **PAID), []),
        (order("CONFIRMED", **PAID), order("CANCELLED", **PAID, refundOwed=29800), ["OrderCancelled"]),
        (order("PLACED"), order("CANCELLED"), ["OrderCancelled"]),  # unpaid: refund_owed 0 tells
        (
            order("CANCELLED", **PAID),
            order("CANCELLED", **PAID, refundedAmount=29800),
            [],
        ),  # its refund's bookkeeping
        (
            order("SHIPPED", **PAID),
            order("DELIVERED", **PAID, deliveredAt="2026-11-24T10:00:00.000000Z"),
            ["OrderDelivered"],
        ),
        (order("DELIVERED", **PAID), order("COMPLETED", **PAID), []),
        (order("DELIVERED", **PAID), None, []),  # a removed item is not a business event
        (order("PAID", **PAID), order("PAID", **PAID, exception=EXCEPTION), ["OrderExceptionRaised"]),
        (order("PAID", **PAID, exception=EXCEPTION), order("PAID", **PAID, exception=EXCEPTION), []),
    ],
)
def test_events_of_an_order_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_the_payloads_carry_what_the_reactions_need() -> None:
    (paid,) = events_of(order("PLACED"), order("PAID", **PAID))
    assert paid.payload == OrderPaid(
        order_id="ord_1",
        customer_id="cus_alice",
        currency="CNY",
        paid_amount=29800,
        shipping_fee=800,
        discount=0,
        lines=[{"sku": "KETTLE-1", "quantity": 2, "unit_price": 14500, "category": "kitchen"}],
    )
    assert (paid.subject, paid.time) == ("ord_1", "2026-11-23T08:00:00.000000Z")

    (cancelled,) = events_of(order("PAID", **PAID), order("CANCELLED", **PAID, refundOwed=29800))
    assert cancelled.payload == OrderCancelled(
        order_id="ord_1", customer_id="cus_alice", currency="CNY", refund_owed=29800
    )

    (delivered,) = events_of(order("SHIPPED"), order("DELIVERED", deliveredAt="2026-11-24T10:00:00.000000Z"))
    assert delivered.payload == OrderDelivered(
        order_id="ord_1",
        customer_id="cus_alice",
        delivered_at="2026-11-24T10:00:00.000000Z",
        total=29800,
        currency="CNY",
        categories=["kitchen"],
    )


def test_a_placed_order_and_a_raised_exception_say_what_and_when() -> None:
    created = "2026-11-23T08:00:00.000000Z"
    (placed,) = events_of(None, order("PLACED", createdAt=created))
    lines = [{"sku": "KETTLE-1", "quantity": 2, "unit_price": 14500, "category": "kitchen"}]
    assert placed.payload == OrderPlaced("ord_1", "cus_alice", "CNY", 29800, created, lines=lines, source={})
    assert placed.time == created
    (raised,) = events_of(order("PAID", **PAID), order("PAID", **PAID, exception=EXCEPTION))
    assert raised.payload == OrderExceptionRaised("ord_1", "cus_alice", "OUT_OF_STOCK", EXCEPTION["raisedAt"])


@pytest.mark.parametrize(
    ("source", "carried"),
    [
        (None, {}),
        ({"kind": "app"}, {"kind": "app"}),
        (
            {"kind": "live-stream", "sessionId": "live_1", "host": "Lin"},
            {"kind": "live-stream", "session_id": "live_1", "host": "Lin"},
        ),
    ],
)
def test_a_placed_order_carries_where_it_was_sold(source: Any, carried: dict[str, str]) -> None:
    (placed,) = events_of(None, order("PLACED", **({"source": source} if source else {})))
    assert placed.payload.source == carried
    sold = placed.payload.sold_by()
    expected = (carried["kind"], carried.get("session_id", ""), carried.get("host", "")) if carried else None
    assert ((sold.kind, sold.session_id, sold.host) if sold else None) == expected

"""A new order is written without building a pynamodb model (the hot path of placing an
order): the item must be the very one `OrderModel` would have written, or reads drift."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.orders.models import Address, LiveStreamSource, OrderItemOut, OrderOut, StoreSource
from aftercare.orders.rules import OrderStatus
from aftercare.orders.store import ItemAttribute, OrderModel, new_item, timeline_entry
from aftercare.wire import TimelineEntry

AT = "2026-11-23T08:00:00.000Z"
PLAIN_ADDRESS = Address(recipient="Li Lei", phone="13800138000", line1="1 Road", city="Shanghai",
                        postal_code="200000", country="CN")  # fmt: skip
FULL_ADDRESS = PLAIN_ADDRESS.model_copy(update={"line2": "Flat 3", "region": "Pudong"})


def _placed(**changes: Any) -> OrderOut:
    fields: dict[str, Any] = {
        "order_id": "ord_1",
        "customer_id": "cus_alice",
        "status": OrderStatus.PENDING_PAYMENT,
        "items": [
            OrderItemOut(sku="KTL-1", name="Kettle", category="appliances", quantity=2, unit_price=12900),
            OrderItemOut(sku="MUG-2", name="Mug 杯子", category="kitchen", quantity=1, unit_price=3500),
        ],
        "currency": "CNY",
        "subtotal": 29300,
        "shipping_fee": 1000,
        "discount": 500,
        "total": 29800,
        "paid_amount": 0,
        "refund_owed": 0,
        "shipping_address": PLAIN_ADDRESS,
        "payment_method": "ALIPAY",
        "shipment_ids": [],
        "timeline": [TimelineEntry(at=AT, to="PENDING_PAYMENT", actor="cus_alice", note="order placed")],
        "created_at": AT,
        "updated_at": AT,
        "version": 1,
        **changes,
    }
    return OrderOut(**fields)


def _as_pynamodb_writes(order: OrderOut) -> dict[str, Any]:
    """What saving the equivalent OrderModel sends as the item (the way orders were written)."""
    model = OrderModel(
        orderId=order.order_id,
        customerId=order.customer_id,
        status=order.status,
        items=[
            ItemAttribute(
                sku=i.sku, name=i.name, category=i.category, quantity=i.quantity, unitPrice=i.unit_price
            )
            for i in order.items
        ],
        currency=order.currency,
        subtotal=order.subtotal,
        shippingFee=order.shipping_fee,
        discount=order.discount,
        total=order.total,
        paidAmount=0,
        refundOwed=0,
        shippingAddress=order.shipping_address.model_dump(by_alias=True, exclude_none=True),
        paymentMethod=order.payment_method,
        source=order.source.model_dump(by_alias=True) if order.source else None,
        shipmentIds=[],
        timeline=[timeline_entry(AT, None, "PENDING_PAYMENT", order.customer_id, "order placed")],
        createdAt=AT,
        updatedAt=AT,
    )
    if order.coupon_code:
        model.couponCode = order.coupon_code
        model.couponDiscount = order.coupon_discount
    saved: dict[str, Any] = model.serialize()
    saved["version"] = {"N": "1"}  # the save sets it
    return saved


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"shipping_address": FULL_ADDRESS},
        {"source": LiveStreamSource(kind="live-stream", session_id="live:2026-11-23", host="Ann")},
        {"source": StoreSource(kind="app")},
        {"coupon_code": "WELCOME10", "coupon_discount": 500},
    ],
    ids=["plain", "address with every line", "live stream", "app", "coupon"],
)
def test_a_new_order_item_is_the_one_the_order_model_would_write(changes: dict[str, Any]) -> None:
    placed = _placed(**changes)
    assert new_item(placed) == _as_pynamodb_writes(placed)


def test_a_new_order_item_reads_back_as_the_order_placed() -> None:
    placed = _placed(source=LiveStreamSource(kind="live-stream", session_id="s1", host="Ann"))
    from aftercare.orders.service import to_wire

    assert to_wire(OrderModel.from_raw_data(new_item(placed))) == placed

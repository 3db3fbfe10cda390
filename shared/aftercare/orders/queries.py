"""What other domains may read of an order: frozen views, never the table's model.

Tickets (an order's value for triage), logistics (an order's parcels for tracking),
after-sales (what was bought and when it arrived) and customers (the history) read orders
only through here; nothing of them writes an order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aftercare import clock
from aftercare.auth import Principal, require_owner_or_staff
from aftercare.errors import NotFound
from aftercare.orders import store
from aftercare.orders.rules import OrderStatus
from aftercare.orders.store import OrderModel

WHAT = "order"
# The goods are with the customer: the after-sales windows run from deliveredAt.
RECEIVED = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})


@dataclass(frozen=True)
class OrderItem:
    sku: str
    name: str
    category: str
    quantity: int
    unit_price: int
    extended_warranty_days: int  # days added to the category's warranty (0 until orders records one)


@dataclass(frozen=True)
class Order:
    order_id: str
    customer_id: str
    status: str
    total: int
    currency: str
    items: tuple[OrderItem, ...]
    shipment_ids: tuple[str, ...]
    delivered_at: str | None  # as recorded (ISO), whatever the status is now
    updated_at: str

    @property
    def received_at(self) -> datetime | None:
        """When the goods reached the customer, if the order counts as delivered."""
        if OrderStatus(self.status) in RECEIVED and self.delivered_at:
            return clock.parse_iso(self.delivered_at)
        return None


def order(order_id: str) -> Order:
    """The order, for a trusted caller (a queue consumer, or one that checks the owner
    itself); NotFound if there is none. A consistent read: it follows a write just made."""
    model = store.get(order_id, consistent=True)
    if model is None:
        raise NotFound(f"{WHAT} not found")
    return _view(model)


def order_for(principal: Principal, order_id: str) -> Order:
    """The order if the caller may see it (owner or staff); another customer's is a
    NotFound, exactly like a missing one."""
    found = order(order_id)
    require_owner_or_staff(principal, found.customer_id, WHAT)
    return found


def total_of(order_id: str) -> int | None:
    """The order's total in minor units; None if there is no such order."""
    model = store.get(order_id)
    return int(model.total) if model is not None else None


def recent_for_customer(customer_id: str, *, limit: int) -> tuple[Order, ...]:
    """The customer's latest `limit` orders, newest first (their customer index)."""
    rows, _ = store.list_for_customer(customer_id, status=None, limit=limit, start_key=None)
    return tuple(_view(model) for model in rows)


def _view(model: OrderModel) -> Order:
    return Order(
        order_id=model.orderId,
        customer_id=model.customerId,
        status=model.status,
        total=int(model.total),
        currency=model.currency,
        items=tuple(
            OrderItem(
                sku=item.sku,
                name=item.name,
                category=item.category,
                quantity=int(item.quantity),
                unit_price=int(item.unitPrice),
                extended_warranty_days=int(getattr(item, "extendedWarrantyDays", 0) or 0),
            )
            for item in model.items or ()
        ),
        shipment_ids=tuple(str(shipment_id) for shipment_id in model.shipmentIds or ()),
        delivered_at=model.deliveredAt,
        updated_at=model.updatedAt,
    )

"""What refunds does when other domains act.

- An order cancelled after it was paid: its full refund is started (OrderCancelled).
"""

from __future__ import annotations

from aftercare.events import DomainEvent
from aftercare.orders.events import OrderCancelled
from aftercare.reacting import Reaction
from aftercare.refunds import service


def refund_cancelled_order(event: DomainEvent) -> None:
    """Only the change into CANCELLED is an event, and the refund is asked for once per
    order (the source claim), so a republished event starts nothing new."""
    cancelled: OrderCancelled = event.read(OrderCancelled)
    if cancelled.refund_owed <= 0:
        return
    service.request(
        source="order",
        source_id=cancelled.order_id,
        order_id=cancelled.order_id,
        customer_id=cancelled.customer_id,
        items=None,
        reason="order cancelled after payment",
        merchant_fault=False,
        flagged=False,
    )


REACTIONS: dict[str, Reaction] = {
    OrderCancelled.TYPE: refund_cancelled_order,
}

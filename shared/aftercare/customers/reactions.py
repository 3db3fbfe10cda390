"""What customer profiles do when other domains act.

- An order delivered: it joins the care campaigns' audiences (OrderDelivered).
"""

from __future__ import annotations

from aftercare.customers import service
from aftercare.events import DomainEvent
from aftercare.orders.events import OrderDelivered
from aftercare.reacting import Reaction


def note_delivery(event: DomainEvent) -> None:
    delivered: OrderDelivered = event.read(OrderDelivered)
    service.record_delivery(
        customer_id=delivered.customer_id,
        order_id=delivered.order_id,
        delivered_at=delivered.delivered_at,
        total=delivered.total,
        currency=delivered.currency,
        categories=list(delivered.categories),
    )


REACTIONS: dict[str, Reaction] = {
    OrderDelivered.TYPE: note_delivery,
}

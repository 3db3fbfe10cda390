"""What surveys does when other domains act.

- An order delivered: its satisfaction survey is scheduled (OrderDelivered).
"""

from __future__ import annotations

from aftercare.events import DomainEvent
from aftercare.orders.events import OrderDelivered
from aftercare.reacting import Reaction
from aftercare.surveys import service


def survey_delivered_order(event: DomainEvent) -> None:
    """One survey per subject, ever: a republished event schedules nothing new."""
    delivered: OrderDelivered = event.read(OrderDelivered)
    service.schedule(
        subject_kind="order",
        subject_id=delivered.order_id,
        customer_id=delivered.customer_id,
        order_id=delivered.order_id,
    )


REACTIONS: dict[str, Reaction] = {
    OrderDelivered.TYPE: survey_delivered_order,
}

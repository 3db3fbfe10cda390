"""What orders does when other domains act.

- The last OUTBOUND parcel of an order delivered: the order is DELIVERED, which starts its
  after-sales windows (logistics' ParcelDelivered with all_outbound_delivered).
"""

from __future__ import annotations

from aftercare.errors import Conflict
from aftercare.events import DomainEvent
from aftercare.logistics.events import ParcelDelivered
from aftercare.observability import logger, metrics
from aftercare.orders import service
from aftercare.orders.rules import OrderStatus
from aftercare.reacting import Reaction

ACTOR = "logistics"
_ALREADY = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)


def deliver_order(event: DomainEvent) -> None:
    """Already DELIVERED (the customer confirmed first, or a republished event) is fine; an
    order that is not SHIPPED is left as it is."""
    parcel: ParcelDelivered = event.read(ParcelDelivered)
    if not parcel.all_outbound_delivered:
        return  # the last outbound parcel to arrive delivers the order
    order = service.load_for_system(parcel.order_id)
    status = OrderStatus(order.status)
    if status in _ALREADY:
        return
    if status is not OrderStatus.SHIPPED:
        logger.warning("a delivered parcel's order is not SHIPPED; left as it is",
                       extra={"order_id": order.orderId, "status": status})  # fmt: skip
        return
    try:
        service.mark_delivered(
            order, actor=ACTOR, source=f"delivered by {parcel.carrier} {parcel.tracking_number}"
        )
    except Conflict:
        if OrderStatus(service.load_for_system(parcel.order_id).status) not in _ALREADY:
            raise
    metrics.add_metric(name="OrdersDeliveredByCourier", unit="Count", value=1)


REACTIONS: dict[str, Reaction] = {
    ParcelDelivered.TYPE: deliver_order,
}

"""What orders does when other domains act.

- The last OUTBOUND parcel of an order delivered: the order is DELIVERED, which starts its
  after-sales windows (logistics' ParcelDelivered with all_outbound_delivered).
- Refunds reserved, released or settled part of an order: the order shows what is held
  for refunds and what went back (refunds' RefundBalanceChanged).
"""

from __future__ import annotations

from aftercare.errors import Conflict
from aftercare.events import DomainEvent
from aftercare.logistics.events import ParcelDelivered
from aftercare.observability import logger, metrics
from aftercare.orders import service, store
from aftercare.orders.rules import OrderStatus
from aftercare.reacting import Reaction
from aftercare.refunds.events import RefundBalanceChanged

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


def show_refunds(event: DomainEvent) -> None:
    """An older revision arriving after a newer one (or twice) changes nothing."""
    balance: RefundBalanceChanged = event.read(RefundBalanceChanged)
    if not store.show_refunds(
        balance.order_id, reserved=balance.reserved, refunded=balance.refunded, revision=balance.revision
    ):
        logger.info("the order shows these refunds or newer ones already",
                    extra={"order_id": balance.order_id, "revision": balance.revision})  # fmt: skip


REACTIONS: dict[str, Reaction] = {
    ParcelDelivered.TYPE: deliver_order,
    RefundBalanceChanged.TYPE: show_refunds,
}

"""What refunds does when other domains act.

- An order paid: its refund ledger is opened with what was paid (OrderPaid).
- An order cancelled after it was paid: its full refund is started (OrderCancelled).
"""

from __future__ import annotations

from aftercare.events import DomainEvent
from aftercare.orders.events import OrderCancelled, OrderPaid
from aftercare.reacting import Reaction
from aftercare.refunds import ledger, service
from aftercare.refunds.rules import Line


def open_ledger(event: DomainEvent) -> None:
    """Everything refunds needs of the order later comes from this event: what can be
    refunded (lines, discount, shipping), the owner, and the payment a pay-out gives back.
    A redelivered event finds the balance opened and leaves it as it is."""
    paid: OrderPaid = event.read(OrderPaid)
    ledger.open_balance(
        order_id=paid.order_id,
        customer_id=paid.customer_id,
        currency=paid.currency,
        paid=paid.paid_amount,
        lines=[
            Line(str(line["sku"]), int(str(line["quantity"])), int(str(line["unit_price"])))
            for line in paid.lines
        ],
        shipping_fee=paid.shipping_fee,
        discount=paid.discount,
        payment_reference=paid.payment_reference,
        at=event.time,
    )


def refund_cancelled_order(event: DomainEvent) -> None:
    """Only the change into CANCELLED is an event, and the refund is asked for once per
    order (the source claim), so a republished event starts nothing new. Arriving before
    the order's OrderPaid was applied, the request is refused (PaymentNotRecorded) and the
    queue delivers it again."""
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
    OrderPaid.TYPE: open_ledger,
    OrderCancelled.TYPE: refund_cancelled_order,
}

"""What refunds does when other domains act.

- An order cancelled after it was paid: its full refund is started (OrderCancelled).
- An after-sales case asks for its money back: its refund is started (CaseRefundRequested).
"""

from __future__ import annotations

from aftercare.aftersales.events import CaseRefundRequested
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


def refund_case(event: DomainEvent) -> None:
    """Once per case (the source claim): a republished event, or a case that asks again,
    gets the first refund; the case learns its id from RefundRequested."""
    asked: CaseRefundRequested = event.read(CaseRefundRequested)
    service.request(
        source="case",
        source_id=asked.case_id,
        order_id=asked.order_id,
        customer_id=asked.customer_id,
        items=asked.lines(),
        reason=asked.reason,
        merchant_fault=asked.merchant_fault,
        flagged=asked.flagged,
    )


REACTIONS: dict[str, Reaction] = {
    OrderCancelled.TYPE: refund_cancelled_order,
    CaseRefundRequested.TYPE: refund_case,
}

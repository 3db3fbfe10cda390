"""What refunds does when other domains act.

- An order paid: its refund ledger is opened with what was paid (OrderPaid).
- An order cancelled after it was paid: its full refund is started (OrderCancelled).
- The payment provider says how a refund's pay-out ended: the refund hears it
  (payments' RefundOutcomeReported; refunds/settlement.py decides what it means).
- An after-sales case asks for its money back: its refund is started (CaseRefundRequested).
"""

from __future__ import annotations

from aftercare.aftersales.events import CaseRefundRequested
from aftercare.events import DomainEvent
from aftercare.orders.events import OrderCancelled, OrderPaid
from aftercare.payments.events import RefundOutcomeReported
from aftercare.reacting import Reaction
from aftercare.refunds import ledger, service, settlement
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


def settle_reported_outcome(event: DomainEvent) -> None:
    """What the provider's callback used to do itself: whatever settlement answers (noted,
    recorded, already recorded, held for review, an unknown refund) is final; only a
    failure to apply it is retried."""
    reported: RefundOutcomeReported = event.read(RefundOutcomeReported)
    outcome: settlement.Outcome = "SUCCEEDED" if reported.outcome == "SUCCEEDED" else "FAILED"
    settlement.provider_outcome(reported.refund_key, outcome, reported.reference, actor=reported.reported_by)


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
    OrderPaid.TYPE: open_ledger,
    OrderCancelled.TYPE: refund_cancelled_order,
    RefundOutcomeReported.TYPE: settle_reported_outcome,
    CaseRefundRequested.TYPE: refund_case,
}

"""A refund asked for by its source, as refunds' reactions ask for one (they call
`service.request`; tests and scripts come in here): the workflow starts exactly once per
source. No other domain calls this any more: they publish what happened
(OrderCancelled, CaseRefundRequested) and refunds reacts."""

from __future__ import annotations


def request_refund(
    *,
    source: str,
    source_id: str,
    order_id: str,
    customer_id: str,
    items: list[tuple[str, int]] | None,
    reason: str,
    merchant_fault: bool = False,
    flagged: bool = False,
) -> str:
    """Record the refund and start its workflow; returns the refund id.

    `source` is "order" or "case" (or "logistics"), `source_id` the order, case or problem
    id: a second request for the same source returns the first refund's id and starts
    nothing new. `items` are (sku, quantity) pairs; None refunds everything not yet
    refunded, shipping included."""
    from aftercare.refunds import service

    return service.request(
        source=source,
        source_id=source_id,
        order_id=order_id,
        customer_id=customer_id,
        items=items,
        reason=reason,
        merchant_fault=merchant_fault,
        flagged=flagged,
    )

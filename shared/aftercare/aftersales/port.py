"""How other domains tell after-sales what happened to a case's parcel or refund.

- logistics calls `on_return_parcel_moved` when a RETURN shipment's status changes;
- the refund workflow calls `on_refund_settled` when a case's refund ends.

Both are idempotent and never move a case backwards, so they may be called again for the
same event, late, or out of order.
"""

from __future__ import annotations


def on_return_parcel_moved(*, case_id: str, status: str, occurred_at: str) -> None:
    """A RETURN parcel moved (`status` from PRODUCT.md §3): IN_TRANSIT and the like make the
    case RETURN_IN_TRANSIT, DELIVERED makes it RECEIVED (starting the inspection deadline)."""
    from aftercare.aftersales import reactions

    reactions.on_return_parcel_moved(case_id=case_id, status=status, occurred_at=occurred_at)


def on_refund_settled(*, case_id: str, refund_id: str, status: str) -> None:
    """The case's refund reached `status` (SUCCEEDED, REJECTED, MANUAL_REVIEW): SUCCEEDED
    makes the case REFUNDED; the others leave it in REFUNDING, noted on its timeline."""
    from aftercare.aftersales import reactions

    reactions.on_refund_settled(case_id=case_id, refund_id=refund_id, status=status)

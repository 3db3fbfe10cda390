"""Which changes of a refund are events for the other domains: a pure function of the
refund's item before and after the change (the Refunds table's stream)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.events import Happened
from aftercare.refunds import ledger
from aftercare.refunds.events import RefundBalanceChanged, RefundMismatchFound, RefundRequested, RefundSettled
from aftercare.refunds.rules import RefundStatus

Image = Mapping[str, Any]

MISMATCH_PREFIX = "mismatch#"  # = refunds/mismatches.py's PREFIX (this module stays pure)

# The outcomes others act on. MANUAL_REVIEW can be entered more than once (a retried
# pay-out that fails again): each entry is an event, with its own stream record's id.
SETTLED = frozenset({RefundStatus.SUCCEEDED, RefundStatus.REJECTED, RefundStatus.MANUAL_REVIEW})


def _is_refund(image: Image) -> bool:
    """A refund item, not the source claim items the table also holds."""
    return all(image.get(key) for key in ("refundId", "orderId", "customerId", "status"))


def _mismatch_found(old: Image | None, new: Image) -> list[Happened]:
    """A reconciliation mismatch item (refunds/mismatches.py), when it is first written."""
    if old is not None:
        return []

    def amount(name: str) -> int | None:
        return None if new.get(name) is None else int(new[name])

    return [
        Happened(
            RefundMismatchFound(
                day=str(new["day"]),
                kind=str(new["kind"]),
                refund_id=str(new.get("ourRefundId") or ""),
                reference=str(new.get("reference") or ""),
                ours=amount("ours"),
                theirs=amount("theirs"),
                currency=str(new.get("currency") or ""),
                customer_id=str(new.get("customerRef") or ""),
                order_id=str(new.get("orderRef") or ""),
            ),
            subject=str(new["refundId"]),
            time=str(new.get("recordedAt") or ""),
        )
    ]


def _balance_changed(old: Image | None, new: Image) -> list[Happened]:
    """An order's reserved or refunded total moved (a new balance holds nothing yet)."""
    now = ledger.from_image(new)
    before = ledger.from_image(old) if old is not None else None
    if (now.reserved, now.refunded) == ((before.reserved, before.refunded) if before else (0, 0)):
        return []
    return [
        Happened(
            RefundBalanceChanged(
                order_id=now.order_id,
                customer_id=now.customer_id,
                currency=now.currency,
                paid=now.paid,
                reserved=now.reserved,
                refunded=now.refunded,
                revision=now.revision,
            ),
            subject=now.order_id,
            time=str(new.get("updatedAt") or new.get("createdAt") or ""),
        )
    ]


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is not None and str(new.get("refundId") or "").startswith(MISMATCH_PREFIX):
        return _mismatch_found(old, new)
    if new is not None and ledger.is_balance(new):
        return _balance_changed(old, new)
    if new is None or not _is_refund(new):
        return []
    happened = _requested(old, new)
    status = str(new["status"])
    if status not in SETTLED or (old is not None and old.get("status") == status):
        return happened
    return [
        *happened,
        Happened(
            RefundSettled(
                refund_id=str(new["refundId"]),
                order_id=str(new["orderId"]),
                customer_id=str(new["customerId"]),
                status=status,
                amount=int(new.get("amount") or 0),
                currency=str(new.get("currency") or ""),
                source=str(new.get("source") or ""),
                source_id=str(new.get("sourceId") or ""),
                case_id=str(new.get("caseId") or ""),
            ),
            subject=str(new["refundId"]),
            time=str(new.get("updatedAt") or new.get("createdAt") or ""),
        ),
    ]


def _requested(old: Image | None, new: Image) -> list[Happened]:
    """A refund item written for the first time: its source learns the refund's id."""
    if old is not None and _is_refund(old):
        return []
    requested = RefundRequested(
        refund_id=str(new["refundId"]),
        order_id=str(new["orderId"]),
        customer_id=str(new["customerId"]),
        source=str(new.get("source") or ""),
        source_id=str(new.get("sourceId") or ""),
        case_id=str(new.get("caseId") or ""),
    )
    return [Happened(requested, subject=requested.refund_id, time=str(new.get("createdAt") or ""))]

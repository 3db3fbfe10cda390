"""The one way any domain asks for money to go back: an order cancellation, an approved
refund-only case, a passed return inspection, a dispute decided for the customer, a lost
parcel. Each request starts the refund workflow exactly once per source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pynamodb.transactions import TransactWrite


@dataclass(frozen=True)
class NewRefund:
    """A refund asked for as part of the caller's own state change (`prepare_refund`).

    `add_to(tx)` adds the refund and its source claim to the caller's transaction, both on
    the condition that they do not exist yet (None when the source has its refund already:
    there is nothing to write). Once that transaction has committed, `start()` starts the
    refund's workflow; starting twice starts one workflow (it is named after the refund)."""

    refund_id: str
    add_to: Callable[[TransactWrite], None] | None
    start: Callable[[], None]


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


def prepare_refund(
    *,
    source: str,
    source_id: str,
    order_id: str,
    customer_id: str,
    items: list[tuple[str, int]] | None,
    reason: str,
    merchant_fault: bool = False,
    flagged: bool = False,
) -> NewRefund:
    """`request_refund`, for a caller that writes the refund together with its own change:
    nothing is written here. The arguments are `request_refund`'s; a source that has its
    refund already gets that refund's id (and `add_to` None)."""
    from aftercare.refunds import service

    return service.prepare(
        source=source,
        source_id=source_id,
        order_id=order_id,
        customer_id=customer_id,
        items=items,
        reason=reason,
        merchant_fault=merchant_fault,
        flagged=flagged,
    )

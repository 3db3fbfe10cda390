"""What the refunds domain tells the others: its published event types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class RefundSettled:
    """A refund reached an outcome people or other domains act on: SUCCEEDED (the money is
    back), REJECTED (it will not be paid), or MANUAL_REVIEW (handed to staff)."""

    TYPE: ClassVar[str] = "RefundSettled"
    VERSION: ClassVar[int] = 1

    refund_id: str
    order_id: str
    customer_id: str
    status: str
    amount: int
    currency: str
    source: str  # order, case or logistics
    source_id: str
    case_id: str = ""  # the after-sales case it belongs to, if any


@dataclass(frozen=True)
class RefundMismatchFound:
    """The daily reconciliation found the provider's books and Aftercare's ledger disagree
    about a refund: `missing` (we recorded it paid, the provider has no such refund),
    `extra` (the provider paid one we did not record) or `different-amount`. Once per
    (day, refund): a rerun of the day finds nothing new."""

    TYPE: ClassVar[str] = "RefundMismatchFound"
    VERSION: ClassVar[int] = 1

    day: str
    kind: str
    refund_id: str  # ours; "" for a provider refund that names none of ours
    reference: str  # the provider's; "" for a missing one
    ours: int | None  # minor units; None: we have no such refund
    theirs: int | None  # None: the provider has no such refund
    currency: str
    customer_id: str = ""  # the refund's, when it is ours
    order_id: str = ""


@dataclass(frozen=True)
class RefundRequested:
    """A refund was recorded for a source (an order, a case, a parcel's problem): the source
    learns its refund's id from this, a moment after it asked."""

    TYPE: ClassVar[str] = "RefundRequested"
    VERSION: ClassVar[int] = 1

    refund_id: str
    order_id: str
    customer_id: str
    source: str  # order, case or logistics
    source_id: str
    case_id: str = ""  # the after-sales case it belongs to, if any


@dataclass(frozen=True)
class RefundBalanceChanged:
    """What an order has given back so far changed: a refund reserved, released or settled
    part of it. `revision` grows with every change of the order's ledger, so a reader that
    keeps the highest it has seen applies late deliveries in order."""

    TYPE: ClassVar[str] = "RefundBalanceChanged"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    currency: str
    paid: int
    reserved: int  # held by refunds on their way
    refunded: int  # gone back to the customer
    revision: int


ALL = (RefundSettled, RefundMismatchFound, RefundRequested, RefundBalanceChanged)

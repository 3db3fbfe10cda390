"""What after-sales tells the others: its published event types (the contract other domains
may import; nothing else of `aftersales` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class RefundLine:
    sku: str
    quantity: int


@dataclass(frozen=True)
class CaseOpened:
    """A customer opened an after-sales case (once per case)."""

    TYPE: ClassVar[str] = "CaseOpened"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    case_type: str  # RETURN_REFUND, REFUND_ONLY, EXCHANGE, REPAIR, ...
    opened_at: str
    reason: str = ""  # the customer's reason (QUALITY_ISSUE, SIZE_FIT, ...)
    items: list[dict[str, Any]] = field(default_factory=list)  # RefundLine fields: what it is about

    def lines(self) -> list[tuple[str, int]]:
        return [(str(line["sku"]), int(line.get("quantity") or 0)) for line in self.items if line.get("sku")]


@dataclass(frozen=True)
class CaseReviewed:
    """A requested case got its first answer (approved or rejected), by staff or, when
    nobody reviewed it in time, automatically (once per case)."""

    TYPE: ClassVar[str] = "CaseReviewed"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    outcome: str  # the status the review moved the case to
    reviewer: str  # "" when it was automatic
    automatic: bool
    opened_at: str
    reviewed_at: str


@dataclass(frozen=True)
class CaseResolved:
    """A case reached its resolution (refunded, exchanged, repaired, rejected...): once."""

    TYPE: ClassVar[str] = "CaseResolved"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    status: str
    opened_at: str
    resolved_at: str
    handled_by: str = ""  # the staff member who reviewed it ("" when nobody did: automatic)


@dataclass(frozen=True)
class CaseResolutionBreached:
    """A case missed its resolution target (once per case)."""

    TYPE: ClassVar[str] = "CaseResolutionBreached"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    breached_at: str


@dataclass(frozen=True)
class CaseRefundRequested:
    """A case entered REFUNDING without a refund yet: refunds records one (once per case)."""

    TYPE: ClassVar[str] = "CaseRefundRequested"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    case_type: str
    items: list[dict[str, Any]] = field(default_factory=list)  # RefundLine fields
    reason: str = ""
    merchant_fault: bool = False
    # Money that leaves on a refund-only case nobody reviewed waits for a person.
    flagged: bool = False

    def lines(self) -> list[tuple[str, int]]:
        return [(str(line["sku"]), int(line["quantity"])) for line in self.items]


@dataclass(frozen=True)
class CaseCompleted:
    """A case reached COMPLETED (the customer confirmed it, or its window ran out)."""

    TYPE: ClassVar[str] = "CaseCompleted"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    case_type: str
    completed_at: str


@dataclass(frozen=True)
class CaseDisputed:
    """The customer appealed a rejection or a failed inspection (once per case)."""

    TYPE: ClassVar[str] = "CaseDisputed"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    origin: str  # REJECTED or INSPECTED: what is appealed
    reason: str
    opened_at: str


@dataclass(frozen=True)
class CaseDisputeDecided:
    """A supervisor decided a case's dispute."""

    TYPE: ClassVar[str] = "CaseDisputeDecided"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    decision: str  # FOR_CUSTOMER or FOR_MERCHANT
    note: str
    decided_at: str


@dataclass(frozen=True)
class CaseParcel:
    """One parcel a case sent: what logistics needs to start tracking it."""

    shipment_id: str  # chosen by the case, already on it: logistics tracks it under this id
    kind: str  # RETURN (the customer's parcel back) or REPLACEMENT (the exchange's or repair's)
    carrier: str
    tracking_number: str


@dataclass(frozen=True)
class CaseParcelSent:
    """A case gained a RETURN or REPLACEMENT parcel (one change adds one; a list, so the one
    event id of the change covers them all). The case shows the parcel at once; logistics
    registers it from this event, so tracking shows it a moment later."""

    TYPE: ClassVar[str] = "CaseParcelSent"
    VERSION: ClassVar[int] = 1

    case_id: str
    order_id: str
    customer_id: str
    sent_at: str
    parcels: list[dict[str, Any]] = field(default_factory=list)  # CaseParcel fields

    def sent(self) -> list[CaseParcel]:
        return [CaseParcel(**parcel) for parcel in self.parcels]


ALL = (
    CaseOpened,
    CaseReviewed,
    CaseRefundRequested,
    CaseResolved,
    CaseResolutionBreached,
    CaseCompleted,
    CaseDisputed,
    CaseDisputeDecided,
    CaseParcelSent,
)

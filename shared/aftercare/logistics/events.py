"""What the logistics domain tells the others: its published event types (the contract other
domains may import; nothing else of `logistics` is theirs to read). docs/events.md lists them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class ParcelDelivered:
    """An OUTBOUND parcel of an order reached the customer."""

    TYPE: ClassVar[str] = "ParcelDelivered"
    VERSION: ClassVar[int] = 1

    shipment_id: str
    order_id: str
    customer_id: str
    carrier: str
    tracking_number: str
    delivered_at: str  # when the courier says it was delivered
    # every OUTBOUND parcel of the order is delivered with this one: the order is delivered
    all_outbound_delivered: bool


@dataclass(frozen=True)
class ProblemFound:
    """One problem, with the facts a ticket or a notice about it needs."""

    problem_id: str  # stable: "<shipment id>:<kind>", one per shipment and kind
    kind: str  # EXCEPTION, LOST, REPEATED_ATTEMPT_FAIL or DELAYED
    reason: str  # a sub-status, or STALLED / PAST_ESTIMATED_DELIVERY
    detected_at: str
    description: str | None = None
    proposal: str | None = None  # RESHIP_OR_REFUND for a LOST parcel: the customer chooses


@dataclass(frozen=True)
class ShipmentProblemsFound:
    """A change of a shipment revealed problems (usually one; a courier payload can carry
    several). Each problem is reported once per shipment and kind."""

    TYPE: ClassVar[str] = "ShipmentProblemsFound"
    VERSION: ClassVar[int] = 1

    shipment_id: str
    shipment_kind: str  # OUTBOUND, RETURN or REPLACEMENT
    order_id: str
    customer_id: str
    carrier: str
    tracking_number: str
    status: str
    sub_status: str | None = None
    estimated_delivery: str | None = None
    case_id: str | None = None
    problems: list[dict[str, Any]] = field(default_factory=list)  # ProblemFound fields

    def found(self) -> list[ProblemFound]:
        return [ProblemFound(**problem) for problem in self.problems]


@dataclass(frozen=True)
class CaseParcelMoved:
    """A RETURN or REPLACEMENT parcel of an after-sales case changed status. Late or
    out-of-order news is possible; `courier_event_id` names the event that decided it."""

    TYPE: ClassVar[str] = "CaseParcelMoved"
    VERSION: ClassVar[int] = 1

    shipment_id: str
    kind: str  # RETURN or REPLACEMENT
    case_id: str
    order_id: str
    customer_id: str
    carrier: str
    tracking_number: str
    previous_status: str
    status: str  # PRODUCT.md §3 vocabulary: DELIVERED means the parcel reached its addressee
    sub_status: str | None = None
    occurred_at: str | None = None
    courier_event_id: str | None = None


ALL = (ParcelDelivered, ShipmentProblemsFound, CaseParcelMoved)

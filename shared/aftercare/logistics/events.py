"""What the logistics domain tells the others: its published event types (the contract other
domains may import; nothing else of `logistics` is theirs to read). docs/events.md lists them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class ShipmentRegistered:
    """Logistics began tracking a parcel (once per shipment: its item was first written)."""

    TYPE: ClassVar[str] = "ShipmentRegistered"
    VERSION: ClassVar[int] = 1

    shipment_id: str
    kind: str  # OUTBOUND, RETURN or REPLACEMENT
    order_id: str
    customer_id: str
    registered_at: str


@dataclass(frozen=True)
class ParcelDelivered:
    """A parcel to the customer (an order's OUTBOUND parcel, or a case's REPLACEMENT) reached
    them."""

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
    kind: str = "OUTBOUND"  # or REPLACEMENT
    registered_at: str = ""  # when logistics began tracking it (its delivery time runs from here)
    estimated_delivery: str | None = None  # a day or a time, as the courier gave it
    on_time: bool | None = None  # before the estimate's deadline; None without an estimate


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
    earlier_problems: int = 0  # problems the shipment had before these (0: its first)

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


ALL = (ShipmentRegistered, ParcelDelivered, ShipmentProblemsFound, CaseParcelMoved)

"""A case as the use cases see it: frozen, typed, with no trace of how it is stored.

The store reads items into these and writes `Transition`s (transitions.py) built from them;
nothing outside the store knows the table's attribute names or its update expressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from aftercare.aftersales.rules import CaseStatus, CaseType, InspectionResult, Reason


@dataclass(frozen=True)
class Line:
    """One order item a case covers, as the order had it when the case was opened."""

    sku: str
    name: str
    category: str
    quantity: int
    unit_price: int
    bought: int  # the order item's quantity: the coverage counter's ceiling


@dataclass(frozen=True)
class Step:
    """One timeline entry `{at, from, to, actor, note}`."""

    at: str
    from_status: str | None
    to: str
    actor: str
    note: str | None


@dataclass(frozen=True, kw_only=True)
class Case:
    case_id: str
    customer_id: str
    order_id: str
    type: CaseType
    reason: Reason
    status: CaseStatus
    items: tuple[Line, ...]
    description: str | None
    evidence_keys: tuple[str, ...]
    merchant_fault: bool
    deadlines: Mapping[str, str]  # named ISO times, see rules.PUBLIC_DEADLINES
    queue_at: str
    next_deadline_at: str | None
    due_shard: str | None
    auto_approved: bool = False
    # Sub-records kept as the API documents them; empty when the case has none (a new case).
    rejection: Mapping[str, Any] = field(default_factory=dict)  # {reason, at, by}
    return_shipment: Mapping[str, Any] = field(default_factory=dict)  # {shipmentId, carrier, ...}
    replacement_shipment: Mapping[str, Any] = field(default_factory=dict)
    inspection: Mapping[str, Any] = field(default_factory=dict)  # {result, notes, at, by, automatic}
    repair: Mapping[str, Any] = field(default_factory=dict)  # {stage, stages: [{stage, at, actor, note}]}
    dispute: Mapping[str, Any] = field(default_factory=dict)  # {reason, origin, openedAt, ticketId, ...}
    # {slotId, start, end, kind, location, status, bookedAt, reminderId, remindedAt, ...}
    appointment: Mapping[str, Any] = field(default_factory=dict)
    appealed: bool = False
    refund_id: str | None = None
    refund_status: str | None = None
    resolved_at: str | None = None
    resolve_breached_at: str | None = None
    timeline: tuple[Step, ...]
    created_at: str
    updated_at: str
    version: int

    @property
    def inspection_failed(self) -> bool:
        return self.inspection.get("result") == InspectionResult.FAIL

    @property
    def breached(self) -> bool:
        return bool(self.resolve_breached_at)


class Field(StrEnum):
    """The fields a transition may set or remove (the value is the stored attribute)."""

    STATUS = "status"
    AUTO_APPROVED = "autoApproved"
    REJECTION = "rejection"
    RETURN_SHIPMENT = "returnShipment"
    REPLACEMENT_SHIPMENT = "replacementShipment"
    INSPECTION = "inspection"
    REPAIR = "repair"
    DISPUTE = "dispute"
    APPEALED = "appealed"
    REFUND_ID = "refundId"
    REFUND_STATUS = "refundStatus"
    RESOLVED_AT = "resolvedAt"
    RESOLVE_BREACHED_AT = "resolveBreachedAt"
    DEADLINES = "deadlines"
    QUEUE_AT = "queueAt"
    NEXT_DEADLINE_AT = "nextDeadlineAt"
    DUE_SHARD = "dueShard"
    APPOINTMENT = "appointment"
    APPOINTMENT_LANE = "apptLane"  # sparse: set while the appointments job has work on the case
    APPOINTMENT_AT = "apptAt"  # when it has


@dataclass(frozen=True)
class CoverageChange:
    """Units of one order item a case starts (positive) or stops (negative) covering."""

    sku: str
    quantity: int
    bought: int


@dataclass(frozen=True)
class Booking:
    """One case's seat in a slot, as the repair calendar shows it."""

    case_id: str
    customer_id: str
    status: str  # appointment_rules.AppointmentStatus
    booked_at: str


@dataclass(frozen=True, kw_only=True)
class Slot:
    """A repair appointment slot staff published: `capacity` seats, `booked` of them taken."""

    slot_id: str
    start: str
    end: str
    kind: str  # appointment_rules.SlotKind
    capacity: int
    booked: int
    location: str | None
    bookings: tuple[Booking, ...]
    created_at: str
    created_by: str


@dataclass(frozen=True)
class SeatChange:
    """A slot's part of a case's write: take a seat (only if one is left and the slot has not
    started), give it back, or only note what became of the booking (MISSED, ATTENDED)."""

    slot_id: str
    case_id: str
    customer_id: str
    change: int  # +1 takes a seat, -1 frees it, 0 only records `status`
    status: str
    at: str

"""The after-sales API's request and response shapes (API.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, ConfigDict, Field, model_validator

from aftercare.aftersales.appointment_rules import AppointmentStatus, SlotKind
from aftercare.aftersales.rules import (
    CaseStatus,
    CaseType,
    DisputeDecision,
    InspectionResult,
    Reason,
    RepairStage,
)
from aftercare.wire import NOT_BLANK, Quantity, TimelineEntry, WireModel

Note = Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=1000)]
Carrier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,31}$")]
TrackingNumber = Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{4,40}$")]
EvidenceKey = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^evidence/[^/]+/[^/]+$")]
EvidenceContentType = Literal["image/jpeg", "image/png", "image/webp", "video/mp4"]


# ---------------------------------------------------------------- requests
class CaseItemIn(WireModel):
    # `pattern`: something besides spaces (they are stripped before min_length is checked).
    sku: Annotated[str, Field(min_length=1, max_length=64, pattern=NOT_BLANK)]
    quantity: Quantity


class OpenCaseRequest(WireModel):
    order_id: Annotated[str, Field(pattern=r"^ord_[0-9A-Z]{26}$")]
    type: CaseType
    reason: Reason
    items: Annotated[list[CaseItemIn], Field(min_length=1, max_length=50)]
    description: Annotated[str, Field(max_length=2000)] | None = None
    evidence_keys: Annotated[
        list[EvidenceKey], Field(max_length=10, json_schema_extra={"uniqueItems": True})
    ] = []

    @model_validator(mode="after")
    def _distinct(self) -> OpenCaseRequest:
        skus = [item.sku for item in self.items]
        if len(set(skus)) != len(skus):
            raise ValueError("each sku may appear once; use quantity")
        if len(set(self.evidence_keys)) != len(self.evidence_keys):
            raise ValueError("each evidence key may appear once")
        return self


class EvidenceUploadRequest(WireModel):
    content_type: EvidenceContentType


class ShipmentIn(WireModel):
    carrier: Carrier
    tracking_number: TrackingNumber


class ReturnShipmentRequest(ShipmentIn):
    pass


class NoteRequest(WireModel):
    note: Annotated[str, Field(max_length=1000)] | None = None


class ReasonRequest(WireModel):
    reason: Note


class InspectRequest(WireModel):
    result: InspectionResult
    notes: Annotated[str, Field(max_length=2000)] | None = None
    replacement: ShipmentIn | None = Field(
        default=None, description="an exchange's replacement parcel, dispatched with a passed inspection"
    )


class RepairProgressRequest(WireModel):
    model_config = ConfigDict(
        **WireModel.model_config,
        json_schema_extra={
            "if": {"properties": {"stage": {"const": "SHIPPED_BACK"}}, "required": ["stage"]},
            "then": {
                "required": ["carrier", "trackingNumber"],
                "properties": {"carrier": {"type": "string"}, "trackingNumber": {"type": "string"}},
            },
        },
    )

    stage: RepairStage
    note: Annotated[str, Field(max_length=1000)] | None = None
    carrier: Carrier | None = Field(default=None, description="with SHIPPED_BACK")
    tracking_number: TrackingNumber | None = Field(default=None, description="with SHIPPED_BACK")

    @model_validator(mode="after")
    def _parcel_when_shipped_back(self) -> RepairProgressRequest:
        if self.stage is RepairStage.SHIPPED_BACK and not (self.carrier and self.tracking_number):
            raise ValueError("SHIPPED_BACK needs the carrier and trackingNumber of the parcel")
        return self


class ResolveDisputeRequest(WireModel):
    decision: DisputeDecision
    note: Note


class SlotRequest(WireModel):
    start: AwareDatetime
    end: AwareDatetime
    kind: SlotKind
    capacity: Annotated[int, Field(ge=1, le=100)]
    location: Annotated[str, Field(min_length=1, max_length=200, pattern=NOT_BLANK)] | None = None


class AppointmentRequest(WireModel):
    slot_id: Annotated[str, Field(pattern=r"^slot_[0-9A-Z]{26}$")]


# ---------------------------------------------------------------- responses
class EvidenceUploadOut(WireModel):
    upload_url: str
    evidence_key: str
    method: Literal["PUT"] = "PUT"
    headers: dict[str, str] = Field(description="send these headers with the PUT, exactly")
    max_bytes: int
    expires_at: str


class CaseItemOut(WireModel):
    sku: str
    name: str
    category: str
    quantity: int
    unit_price: int


class ShipmentOut(WireModel):
    shipment_id: str
    carrier: str
    tracking_number: str
    status: str
    registered_at: str
    updated_at: str | None = None


class InspectionOut(WireModel):
    result: InspectionResult
    notes: str | None = None
    at: str
    by: str
    automatic: bool = False


class RepairStepOut(WireModel):
    stage: RepairStage
    at: str
    actor: str
    note: str | None = None


class RepairOut(WireModel):
    stage: RepairStage
    stages: list[RepairStepOut]


class DisputeOut(WireModel):
    reason: str
    origin: CaseStatus
    opened_at: str
    ticket_id: str | None = Field(
        default=None, description="the dispute's ticket: null until tickets has opened it (a moment later)"
    )
    decision: DisputeDecision | None = None
    note: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None


class Deadlines(WireModel):
    review_by: str | None = None
    return_ship_by: str | None = None
    inspect_by: str | None = None
    resolve_target: str | None = None
    auto_complete_at: str | None = None
    appeal_by: str | None = None


class NextDeadline(WireModel):
    name: str
    at: str


class EvidenceViewOut(WireModel):
    key: str
    url: str = Field(description="a presigned GET of the photo or video, short-lived")
    expires_at: str


class EvidenceViewsOut(WireModel):
    items: list[EvidenceViewOut]


class AppointmentOut(WireModel):
    slot_id: str
    start: str
    end: str
    kind: SlotKind
    location: str | None = None
    status: AppointmentStatus
    booked_at: str
    reminded_at: str | None = None
    settled_at: str | None = Field(default=None, description="when it became CANCELLED, MISSED or ATTENDED")


class FreeSlotOut(WireModel):
    slot_id: str
    start: str
    end: str
    kind: SlotKind
    location: str | None = None


class FreeSlotsOut(WireModel):
    items: list[FreeSlotOut]


class BookingOut(WireModel):
    case_id: str
    customer_id: str
    status: AppointmentStatus
    booked_at: str


class SlotOut(WireModel):
    slot_id: str
    start: str
    end: str
    kind: SlotKind
    location: str | None = None
    capacity: int
    booked: int = Field(description="seats taken (booked appointments of a slot not yet over)")
    bookings: list[BookingOut]
    created_at: str
    created_by: str


class CalendarOut(WireModel):
    date: str
    items: list[SlotOut]


class CaseOut(WireModel):
    case_id: str
    order_id: str
    customer_id: str
    type: CaseType
    reason: Reason
    status: CaseStatus
    items: list[CaseItemOut]
    description: str | None = None
    evidence_keys: list[str]
    merchant_fault: bool
    deadlines: Deadlines
    next_deadline: NextDeadline | None = None
    resolve_target_breached: bool = False
    rejection_reason: str | None = None
    return_shipment: ShipmentOut | None = None
    replacement_shipment: ShipmentOut | None = None
    inspection: InspectionOut | None = None
    repair: RepairOut | None = None
    dispute: DisputeOut | None = None
    appointment: AppointmentOut | None = None
    refund_id: str | None = None
    refund_status: str | None = None
    resolved_at: str | None = None
    timeline: list[TimelineEntry]
    created_at: str
    updated_at: str
    version: int


class ReasonOptionOut(WireModel):
    reason: Reason
    until: str
    evidence_required: bool


class TypeOptionOut(WireModel):
    type: CaseType
    allowed: bool
    until: str | None = None
    reasons: list[ReasonOptionOut]
    refusal: str | None = None


class ItemOptionsOut(WireModel):
    sku: str
    name: str
    category: str
    quantity: int
    covered_quantity: int
    remaining_quantity: int
    options: list[TypeOptionOut]


class AfterSalesOptionsOut(WireModel):
    order_id: str
    order_status: str
    delivered_at: str | None = None
    evaluated_at: str
    items: list[ItemOptionsOut]

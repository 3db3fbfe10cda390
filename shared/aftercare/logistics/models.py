"""The logistics API's shapes (API.md): the tracking view and the webhook's acknowledgement."""

from __future__ import annotations

from aftercare.logistics.rules import ShipmentKind, SubStatus, TrackingStatus
from aftercare.wire import WireModel


class HistoryEntryOut(WireModel):
    status: TrackingStatus
    sub_status: SubStatus | None = None
    occurred_at: str
    location: str | None = None
    description: str | None = None


class ShipmentTrackingOut(WireModel):
    shipment_id: str
    kind: ShipmentKind
    case_id: str | None = None
    carrier: str
    tracking_number: str
    status: TrackingStatus
    sub_status: SubStatus | None = None
    estimated_delivery: str | None = None
    last_event_at: str | None = None
    history: list[HistoryEntryOut]  # newest first
    created_at: str
    updated_at: str


class TrackingOut(WireModel):
    shipments: list[ShipmentTrackingOut]
    # the shipment ids the order or its after-sales cases name that logistics is not
    # tracking yet (sent a moment ago: the parcel is registered from the order's OrderShipped
    # or the case's CaseParcelSent event)
    awaiting_tracking: list[str] = []


class EventsAccepted(WireModel):
    """202: the events were checked and queued; the consumer applies them shortly."""

    carrier: str
    tracking_number: str
    accepted: int
    event_ids: list[str]

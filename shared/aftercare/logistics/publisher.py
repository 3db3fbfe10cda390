"""Which changes of a shipment are events for the other domains: a pure function of the
shipment's item before and after the change (as the Shipments table's stream carries them).

- a shipment first written is `ShipmentRegistered`;
- a parcel to the customer (OUTBOUND or REPLACEMENT) becoming DELIVERED is `ParcelDelivered`
  (whether it was the order's last one was decided by the write itself: `orderDelivered` on
  the item);
- problems recorded by the change are `ShipmentProblemsFound` (each kind once per shipment,
  because the item records each kind once);
- a status change of a parcel that belongs to an after-sales case is `CaseParcelMoved`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from aftercare import clock
from aftercare.events import Happened
from aftercare.logistics.events import (
    CaseParcelMoved,
    ParcelDelivered,
    ProblemFound,
    ShipmentProblemsFound,
    ShipmentRegistered,
)
from aftercare.logistics.rules import ProblemKind, ShipmentKind, TrackingStatus, estimate_deadline

Image = Mapping[str, Any]

RESHIP_OR_REFUND = "RESHIP_OR_REFUND"
TO_CUSTOMER = frozenset({ShipmentKind.OUTBOUND.value, ShipmentKind.REPLACEMENT.value})


def _text(image: Image | None, name: str) -> str | None:
    value = (image or {}).get(name)
    return str(value) if value not in (None, "") else None


def _problem(found: Mapping[str, Any]) -> dict[str, Any]:
    kind = str(found["kind"])
    return asdict(
        ProblemFound(
            problem_id=str(found["problemId"]),
            kind=kind,
            reason=str(found["reason"]),
            detected_at=str(found.get("detectedAt") or ""),
            description=_text(found, "description"),
            proposal=RESHIP_OR_REFUND if kind == ProblemKind.LOST else None,
        )
    )


def _on_time(delivered_at: str, estimate: str | None) -> bool | None:
    """Delivered before the estimate's deadline (logistics' own reading of an estimate)."""
    if not estimate or not delivered_at:
        return None
    return clock.parse_iso(delivered_at) < estimate_deadline(estimate)


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None:
        return []
    shipment_id, kind = str(new["shipmentId"]), str(new["kind"])
    status, when = str(new["status"]), str(new.get("updatedAt") or new.get("createdAt") or "")
    happened: list[Happened] = []
    if old is None:
        registered_at = str(new.get("createdAt") or when)
        registered = ShipmentRegistered(
            shipment_id=shipment_id,
            kind=kind,
            order_id=str(new["orderId"]),
            customer_id=str(new["customerId"]),
            registered_at=registered_at,
        )
        happened.append(Happened(registered, subject=shipment_id, time=registered_at))

    delivered = TrackingStatus.DELIVERED.value
    if kind in TO_CUSTOMER and status == delivered and _text(old, "status") != delivered:
        delivered_at = _text(new, "statusAt") or when
        estimate = _text(new, "estimatedDelivery")
        happened.append(
            Happened(
                ParcelDelivered(
                    shipment_id=shipment_id,
                    order_id=str(new["orderId"]),
                    customer_id=str(new["customerId"]),
                    carrier=str(new["carrier"]),
                    tracking_number=str(new["trackingNumber"]),
                    delivered_at=delivered_at,
                    all_outbound_delivered=kind == ShipmentKind.OUTBOUND and bool(new.get("orderDelivered")),
                    kind=kind,
                    registered_at=str(new.get("createdAt") or ""),
                    estimated_delivery=estimate,
                    on_time=_on_time(delivered_at, estimate),
                ),
                subject=shipment_id,
                time=when,
            )
        )

    before = (old or {}).get("problems") or {}
    added = [found for name, found in sorted((new.get("problems") or {}).items()) if name not in before]
    if added:
        happened.append(
            Happened(
                ShipmentProblemsFound(
                    shipment_id=shipment_id,
                    shipment_kind=kind,
                    order_id=str(new["orderId"]),
                    customer_id=str(new["customerId"]),
                    carrier=str(new["carrier"]),
                    tracking_number=str(new["trackingNumber"]),
                    status=status,
                    sub_status=_text(new, "subStatus"),
                    estimated_delivery=_text(new, "estimatedDelivery"),
                    case_id=_text(new, "caseId"),
                    problems=[_problem(found) for found in added],
                    earlier_problems=len(before),
                ),
                subject=shipment_id,
                time=when,
            )
        )

    case_id = _text(new, "caseId")
    moved = (_text(old, "status"), _text(old, "subStatus")) != (status, _text(new, "subStatus"))
    if case_id and old is not None and moved:
        happened.append(
            Happened(
                CaseParcelMoved(
                    shipment_id=shipment_id,
                    kind=kind,
                    case_id=case_id,
                    order_id=str(new["orderId"]),
                    customer_id=str(new["customerId"]),
                    carrier=str(new["carrier"]),
                    tracking_number=str(new["trackingNumber"]),
                    previous_status=str(old.get("status") or TrackingStatus.INFO_RECEIVED.value),
                    status=status,
                    sub_status=_text(new, "subStatus"),
                    occurred_at=_text(new, "statusAt"),
                    courier_event_id=_text(new, "statusEventId"),
                ),
                subject=case_id,
                time=when,
            )
        )
    return happened

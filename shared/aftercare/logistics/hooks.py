"""Extension point: the after-sales domain hears about its parcels here.

Whenever the status of a shipment that belongs to an after-sales case (kind RETURN, or a
REPLACEMENT sent for an exchange or repair) changes, the logistics consumer records an owed
effect on the shipment in the same write as the change, then calls
`case_shipment_changed(change)` once per change. The call is retried (with the courier
event's SQS message) until it returns without raising, so the receiving side must be
idempotent and must tolerate late or out-of-order calls (`change.event_id` identifies the
courier event that decided the new status).

Wired today: a RETURN parcel's change goes to `aftercare.aftersales.port.on_return_parcel_moved`
(RETURN_IN_TRANSIT while it moves, RECEIVED once DELIVERED). A REPLACEMENT parcel's change is
only logged and counted until after-sales offers a port for it; wire it in the branch below.
Nothing else in logistics needs to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.observability import logger, metrics


@dataclass(frozen=True)
class CaseShipmentChanged:
    shipment_id: str
    kind: str  # RETURN or REPLACEMENT
    case_id: str
    order_id: str
    customer_id: str
    carrier: str
    tracking_number: str
    previous_status: str
    status: str  # PRODUCT.md §3 vocabulary: DELIVERED means the parcel reached its addressee
    sub_status: str | None
    occurred_at: str | None
    event_id: str  # the courier event that decided the new status: the idempotency key


def case_shipment_changed(change: CaseShipmentChanged) -> None:
    if change.kind == "RETURN" and change.occurred_at:
        from aftercare.aftersales.port import on_return_parcel_moved

        on_return_parcel_moved(case_id=change.case_id, status=change.status, occurred_at=change.occurred_at)
    logger.info(
        "after-sales parcel changed status",
        extra={"case_id": change.case_id, "shipment_id": change.shipment_id, "kind": change.kind,
               "from": change.previous_status, "to": change.status},
    )  # fmt: skip
    metrics.add_metric(name="CaseShipmentChanges", unit="Count", value=1)

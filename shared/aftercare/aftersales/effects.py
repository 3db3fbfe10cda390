"""The calls after-sales still makes outside its own table, in one place: the customer's
notices (the notifications port every domain may use), and the logistics part of a parcel
the case registers. Refunds, a dispute's ticket and the survey are no calls: the case's
events ask for them (publisher.py) and those domains react.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare import ids
from aftercare.aftersales.models import ShipmentIn
from aftercare.aftersales.state import Case, SideWrite
from aftercare.logistics import store as shipments
from aftercare.notifications import port as notifications
from aftercare.observability import logger

# Parcels the case itself sends to the customer are registered as REPLACEMENT shipments.
REPLACEMENT_KIND = "REPLACEMENT"
RETURN_KIND = "RETURN"


# ---------------------------------------------------------------- notifications
def notify(case: Case, kind: str) -> None:
    try:
        notifications.send(
            case.customer_id,
            kind,
            {"caseId": case.case_id, "orderId": case.order_id, "status": case.status, "type": case.type},
        )
    except Exception:  # the change is made; a lost notice must not turn it into an error
        logger.exception("case notification failed", extra={"case_id": case.case_id, "kind": kind})


# ---------------------------------------------------------------- logistics
def new_parcel(case: Case, kind: str, parcel: ShipmentIn, at: str) -> tuple[Mapping[str, Any], SideWrite]:
    """A parcel of this case: its record on the case, and the Shipments part of the write."""
    shipment_id = ids.new_id("shp")
    record = {
        "shipmentId": shipment_id,
        "carrier": parcel.carrier,
        "trackingNumber": parcel.tracking_number,
        "status": "INFO_RECEIVED",
        "registeredAt": at,
    }

    def add(tx: Any) -> None:
        shipments.add_new_shipment(
            tx,
            shipment_id=shipment_id,
            order_id=case.order_id,
            customer_id=case.customer_id,
            kind=kind,
            carrier=parcel.carrier,
            tracking_number=parcel.tracking_number,
            at=at,
            case_id=case.case_id,
        )

    return record, add

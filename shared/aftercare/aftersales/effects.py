"""What after-sales does beyond its own table, in one place: the customer's notices (the
notifications port every domain may use), and the record of a parcel the case sends. The
parcel's tracking, refunds, a dispute's ticket and the survey are no calls: the case's
events ask for them (publisher.py: CaseParcelSent, ...) and those domains react.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare import ids
from aftercare.aftersales.models import ShipmentIn
from aftercare.aftersales.state import Case
from aftercare.notifications import port as notifications
from aftercare.observability import logger


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


# ---------------------------------------------------------------- parcels
def new_parcel(parcel: ShipmentIn, at: str) -> Mapping[str, Any]:
    """A parcel of the case (its return, or the replacement the case sends), as the case
    records it. The shipment id is chosen here, so the case names it at once; logistics
    starts tracking it under that id from the case's CaseParcelSent (a moment later)."""
    return {
        "shipmentId": ids.new_id("shp"),
        "carrier": parcel.carrier,
        "trackingNumber": parcel.tracking_number,
        "status": "INFO_RECEIVED",
        "registeredAt": at,
    }

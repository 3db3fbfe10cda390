"""Every call after-sales makes into another domain, in one place: refunds (a refund written
with the case's change, or requested on its own), tickets (a dispute's ticket), surveys,
notifications, and the logistics part of a parcel the case registers.

These are today's direct calls; they are the seam where domain events will take over.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aftercare import ids
from aftercare.aftersales.models import ShipmentIn
from aftercare.aftersales.rules import CaseStatus, CaseType
from aftercare.aftersales.state import Case, SideWrite
from aftercare.logistics import store as shipments
from aftercare.notifications import port as notifications
from aftercare.observability import logger

if TYPE_CHECKING:
    from aftercare.refunds.port import NewRefund

SOURCE = "after-sales"
# Parcels the case itself sends to the customer are registered as REPLACEMENT shipments.
REPLACEMENT_KIND = "REPLACEMENT"
RETURN_KIND = "RETURN"


# ---------------------------------------------------------------- refunds
def refund_request(case: Case) -> dict[str, Any]:
    """What the refunds port is asked for a case's refund."""
    return {
        "source": "case",
        "source_id": case.case_id,
        "order_id": case.order_id,
        "customer_id": case.customer_id,
        "items": [(line.sku, line.quantity) for line in case.items],
        "reason": f"after-sales {case.type}: {case.reason}",
        "merchant_fault": case.merchant_fault,
        # Money that leaves on a refund-only case nobody reviewed waits for a person.
        "flagged": case.auto_approved and case.type is CaseType.REFUND_ONLY,
    }


def prepare_refund(case: Case) -> NewRefund | None:
    """The refund a move into REFUNDING writes with the case; None when the refunds side
    cannot be asked now: the move then records a REFUND hand-off instead, which is tried
    at once and retried by the deadline job."""
    from aftercare.refunds import port as refunds

    try:
        return refunds.prepare_refund(**refund_request(case))
    except Exception:
        logger.exception("refund not prepared; the case hands it off", extra={"case_id": case.case_id})
        return None


def request_refund(case: Case) -> str:
    from aftercare.refunds import port as refunds

    return refunds.request_refund(**refund_request(case))


# ---------------------------------------------------------------- tickets
def open_ticket(case: Case) -> str:
    """The ticket a dispute is worked on (one per case: a second call updates it)."""
    from aftercare.tickets import port as tickets

    origin = case.dispute.get("origin")
    what = "the rejection" if origin == CaseStatus.REJECTED else "the failed inspection"
    return tickets.open_or_update_for(
        source=SOURCE,
        source_id=case.case_id,
        customer_id=case.customer_id,
        subject=f"Appeal against {what} of after-sales case {case.case_id}",
        message=str(case.dispute.get("reason") or "the customer appealed"),
        category="COMPLAINT" if origin == CaseStatus.REJECTED else "RETURN",
        order_id=case.order_id,
        case_id=case.case_id,
    )


def tell_ticket(case: Case, message: str) -> None:
    """Best effort: the decision is made; its note on the ticket must not undo it."""
    try:
        from aftercare.tickets import port as tickets

        tickets.open_or_update_for(
            source=SOURCE,
            source_id=case.case_id,
            customer_id=case.customer_id,
            subject=f"Appeal on after-sales case {case.case_id}",
            message=message,
            category="RETURN",
            order_id=case.order_id,
            case_id=case.case_id,
        )
    except Exception:
        logger.exception(
            "could not record the dispute decision on its ticket", extra={"case_id": case.case_id}
        )


# ---------------------------------------------------------------- surveys and notifications
def schedule_survey(case: Case) -> None:
    """A completed case gets its satisfaction survey (once per case, surveys/port.py)."""
    from aftercare.surveys import port as surveys

    try:
        surveys.schedule_for(
            subject_kind="case", subject_id=case.case_id, customer_id=case.customer_id, order_id=case.order_id
        )
    except Exception:  # the change is made; a lost survey must not turn it into an error
        logger.exception("survey scheduling failed", extra={"case_id": case.case_id})


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

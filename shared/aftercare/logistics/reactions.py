"""What logistics does when its own shipments change (from its own queue, like any other
domain's reactions: the change is stored first, the notice follows from the event, and a
failure is retried and dead-lettered rather than lost).

- A parcel has a problem: the customer is told, once per problem (ShipmentProblemsFound).
- An order shipped: its parcels are tracked under the shipment ids the order already names
  (orders' OrderShipped); a parcel tracked already is not added again.
- A case sent a parcel (after-sales' CaseParcelSent: the customer's return, or the
  replacement of an exchange or repair): it is tracked under the shipment id the case
  already names, with the case's id; likewise once.
"""

from __future__ import annotations

from typing import Any

from aftercare.aftersales.events import CaseParcelSent
from aftercare.events import DomainEvent
from aftercare.logistics import service
from aftercare.logistics.events import ProblemFound, ShipmentProblemsFound
from aftercare.logistics.rules import ShipmentKind
from aftercare.notifications import port as notifications
from aftercare.orders.events import OrderShipped
from aftercare.reacting import Reaction

NOTICE = "logistics.problem"


def notice_of(found: ShipmentProblemsFound, problem: ProblemFound) -> dict[str, Any]:
    """The notification's data (the logistics.problem template reads these names)."""
    facts = {
        "problemId": problem.problem_id,
        "problem": problem.kind,
        "reason": problem.reason,
        "orderId": found.order_id,
        "shipmentId": found.shipment_id,
        "shipmentKind": found.shipment_kind,
        "carrier": found.carrier,
        "trackingNumber": found.tracking_number,
        "status": found.status,
        "subStatus": found.sub_status,
        "estimatedDelivery": found.estimated_delivery,
        "description": problem.description,
        "caseId": found.case_id,
        "proposal": problem.proposal,
    }
    return {key: value for key, value in facts.items() if value is not None}


def notification_id(problem: ProblemFound) -> str:
    return f"ntf_{problem.problem_id}"


def notify_customer(event: DomainEvent) -> None:
    """One notice per problem: its id is the problem's, so a retry is delivered once."""
    found: ShipmentProblemsFound = event.read(ShipmentProblemsFound)
    for problem in found.found():
        notifications.send_once(
            notification_id(problem), found.customer_id, NOTICE, notice_of(found, problem)
        )


def track_shipped_order(event: DomainEvent) -> None:
    shipped: OrderShipped = event.read(OrderShipped)
    for parcel in shipped.shipped():
        service.track_order_parcel(
            shipment_id=parcel.shipment_id,
            order_id=shipped.order_id,
            customer_id=shipped.customer_id,
            carrier=parcel.carrier,
            tracking_number=parcel.tracking_number,
            at=shipped.shipped_at,
        )


def track_case_parcels(event: DomainEvent) -> None:
    sent: CaseParcelSent = event.read(CaseParcelSent)
    for parcel in sent.sent():
        service.track_case_parcel(
            shipment_id=parcel.shipment_id,
            case_id=sent.case_id,
            order_id=sent.order_id,
            customer_id=sent.customer_id,
            kind=ShipmentKind(parcel.kind),
            carrier=parcel.carrier,
            tracking_number=parcel.tracking_number,
            at=sent.sent_at,
        )


REACTIONS: dict[str, Reaction] = {
    ShipmentProblemsFound.TYPE: notify_customer,
    OrderShipped.TYPE: track_shipped_order,
    CaseParcelSent.TYPE: track_case_parcels,
}

"""What a shipment's changes owe other domains: the order's delivery, the customer's
notification, the logistics ticket, the after-sales case. Each is idempotent, because an
owed effect is retried until it is settled (see service.run_effects)."""

from __future__ import annotations

from typing import Any

from aftercare.errors import Conflict
from aftercare.logistics import hooks, store
from aftercare.logistics.rules import ProblemKind, ShipmentKind, TrackingStatus
from aftercare.logistics.store import Shipment
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics

ACTOR = "logistics"
RESHIP_OR_REFUND = "RESHIP_OR_REFUND"

_TITLES = {
    ProblemKind.EXCEPTION: "delivery exception",
    ProblemKind.LOST: "parcel lost",
    ProblemKind.REPEATED_ATTEMPT_FAIL: "repeated failed delivery attempts",
    ProblemKind.DELAYED: "parcel delayed",
}


def deliver_order(shipment: Shipment) -> None:
    """The order moves to DELIVERED (starting its after-sales windows) once every outbound
    parcel of it is delivered. Already DELIVERED (the customer confirmed first) is fine."""
    from aftercare.orders import service as orders
    from aftercare.orders.rules import OrderStatus

    order = orders.load_for_system(shipment.order_id)
    status = OrderStatus(order.status)
    if status in (OrderStatus.DELIVERED, OrderStatus.COMPLETED):
        return
    if status is not OrderStatus.SHIPPED:
        logger.warning("a delivered parcel's order is not SHIPPED; left as it is",
                       extra={"order_id": order.orderId, "status": status})  # fmt: skip
        return
    for other_id in map(str, order.shipmentIds or []):
        if other_id == shipment.shipment_id:
            continue
        other = store.get(other_id)
        if (
            other
            and other.kind == ShipmentKind.OUTBOUND
            and other.summary.status is not TrackingStatus.DELIVERED
        ):
            return  # the last outbound parcel to arrive delivers the order
    try:
        orders.mark_delivered(
            order, actor=ACTOR, source=f"delivered by {shipment.carrier} {shipment.tracking_number}"
        )
    except Conflict:
        again = orders.load_for_system(shipment.order_id)
        if OrderStatus(again.status) not in (OrderStatus.DELIVERED, OrderStatus.COMPLETED):
            raise
    metrics.add_metric(name="OrdersDeliveredByCourier", unit="Count", value=1)


def _facts(shipment: Shipment, problem: dict[str, Any]) -> dict[str, Any]:
    facts = {
        "problemId": problem["problemId"],
        "problem": problem["kind"],
        "reason": problem["reason"],
        "orderId": shipment.order_id,
        "shipmentId": shipment.shipment_id,
        "shipmentKind": shipment.kind,
        "carrier": shipment.carrier,
        "trackingNumber": shipment.tracking_number,
        "status": shipment.summary.status.value,
        "subStatus": shipment.summary.sub_status.value if shipment.summary.sub_status else None,
        "estimatedDelivery": shipment.summary.estimated_delivery,
        "description": problem.get("description"),
        "caseId": shipment.case_id,
    }
    if problem["kind"] == ProblemKind.LOST:
        facts["proposal"] = RESHIP_OR_REFUND  # the customer chooses reshipment or refund
    return {key: value for key, value in facts.items() if value is not None}


def notify_problem(shipment: Shipment, problem: dict[str, Any]) -> str:
    return notifications.send(shipment.customer_id, "logistics.problem", _facts(shipment, problem))


def open_ticket(shipment: Shipment, problem: dict[str, Any]) -> str:
    """Hand the problem to customer service (idempotent on the problem id)."""
    from aftercare.tickets.port import open_or_update_for

    kind = ProblemKind(problem["kind"])
    detail = problem.get("description") or problem["reason"]
    message = (
        f"{_TITLES[kind].capitalize()} ({problem['reason']}): {detail}. "
        f"Carrier {shipment.carrier}, tracking {shipment.tracking_number}, "
        f"status {shipment.summary.status}."
    )
    if kind is ProblemKind.LOST:
        message += " Offer the customer a reshipment or a refund."
    return open_or_update_for(
        source="logistics",
        source_id=problem["problemId"],
        customer_id=shipment.customer_id,
        subject=f"Parcel {shipment.tracking_number}: {_TITLES[kind]}",
        message=message,
        category="LOGISTICS",
        order_id=shipment.order_id,
        case_id=shipment.case_id,
    )


def tell_case(shipment: Shipment, change: dict[str, Any]) -> None:
    hooks.case_shipment_changed(
        hooks.CaseShipmentChanged(
            shipment_id=shipment.shipment_id,
            kind=shipment.kind,
            case_id=str(shipment.case_id),
            order_id=shipment.order_id,
            customer_id=shipment.customer_id,
            carrier=shipment.carrier,
            tracking_number=shipment.tracking_number,
            previous_status=change["from"],
            status=change["to"],
            sub_status=change.get("subStatus"),
            occurred_at=change.get("at"),
            event_id=change["eventId"],
        )
    )

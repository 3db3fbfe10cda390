"""What a parcel's problem says to customer service (tickets/reactions.py) and to the
customer (logistics/reactions.py): pure functions of the published event."""

from __future__ import annotations

import pytest

from aftercare.logistics.events import ProblemFound, ShipmentProblemsFound
from aftercare.logistics.reactions import notice_of, notification_id
from aftercare.tickets.reactions import logistics_message

FOUND = ShipmentProblemsFound(
    shipment_id="shp_1", shipment_kind="OUTBOUND", order_id="ord_1", customer_id="cus_1",
    carrier="sf-express", tracking_number="SF1", status="EXCEPTION", sub_status="DAMAGED",
)  # fmt: skip


def problem(
    kind: str, reason: str, description: str | None = None, proposal: str | None = None
) -> ProblemFound:
    return ProblemFound(f"shp_1:{kind}", kind, reason, "2026-11-23T08:00:00.000Z", description, proposal)


TICKETS = [
    (problem("EXCEPTION", "DAMAGED", "box crushed"), "Parcel SF1: delivery exception",
     "Delivery exception (DAMAGED): box crushed. Carrier sf-express, tracking SF1, status EXCEPTION."),
    (problem("LOST", "LOST", proposal="RESHIP_OR_REFUND"), "Parcel SF1: parcel lost",
     "Parcel lost (LOST): LOST. Carrier sf-express, tracking SF1, status EXCEPTION. "
     "Offer the customer a reshipment or a refund."),
    (problem("REPEATED_ATTEMPT_FAIL", "RECIPIENT_UNAVAILABLE"), "Parcel SF1: repeated failed delivery attempts",
     "Repeated failed delivery attempts (RECIPIENT_UNAVAILABLE): RECIPIENT_UNAVAILABLE. "
     "Carrier sf-express, tracking SF1, status EXCEPTION."),
    (problem("DELAYED", "STALLED", "no courier update for 72 hours"), "Parcel SF1: parcel delayed",
     "Parcel delayed (STALLED): no courier update for 72 hours. Carrier sf-express, tracking SF1, status EXCEPTION."),
]  # fmt: skip


@pytest.mark.parametrize(("found", "subject", "message"), TICKETS, ids=[t[0].kind for t in TICKETS])
def test_the_ticket_names_the_problem_the_parcel_and_what_to_offer(
    found: ProblemFound, subject: str, message: str
) -> None:
    assert logistics_message(FOUND, found) == (subject, message)


def test_the_customer_notice_carries_the_facts_and_only_those_known() -> None:
    lost = problem("LOST", "LOST", proposal="RESHIP_OR_REFUND")
    assert notice_of(FOUND, lost) == {
        "problemId": "shp_1:LOST", "problem": "LOST", "reason": "LOST", "orderId": "ord_1",
        "shipmentId": "shp_1", "shipmentKind": "OUTBOUND", "carrier": "sf-express", "trackingNumber": "SF1",
        "status": "EXCEPTION", "subStatus": "DAMAGED", "proposal": "RESHIP_OR_REFUND",
    }  # fmt: skip


def test_a_problem_has_one_notification_id_whatever_delivers_it() -> None:
    assert notification_id(problem("LOST", "LOST")) == notification_id(problem("LOST", "LOST", "again"))
    assert notification_id(problem("LOST", "LOST")) != notification_id(problem("DELAYED", "STALLED"))

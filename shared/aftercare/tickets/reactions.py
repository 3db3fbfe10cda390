"""What tickets does when other domains act.

- A parcel has a problem (exception, lost, repeated failed attempts, delay): customer
  service gets one LOGISTICS ticket per problem (logistics' ShipmentProblemsFound).
"""

from __future__ import annotations

from aftercare.events import DomainEvent
from aftercare.logistics.events import ProblemFound, ShipmentProblemsFound
from aftercare.reacting import Reaction
from aftercare.tickets import port

_TITLES = {
    "EXCEPTION": "delivery exception",
    "LOST": "parcel lost",
    "REPEATED_ATTEMPT_FAIL": "repeated failed delivery attempts",
    "DELAYED": "parcel delayed",
}


def logistics_message(found: ShipmentProblemsFound, problem: ProblemFound) -> tuple[str, str]:
    """The ticket's subject and first message for one problem of a parcel."""
    title = _TITLES.get(problem.kind, problem.kind.lower().replace("_", " "))
    detail = problem.description or problem.reason
    message = (
        f"{title.capitalize()} ({problem.reason}): {detail}. "
        f"Carrier {found.carrier}, tracking {found.tracking_number}, status {found.status}."
    )
    if problem.proposal == "RESHIP_OR_REFUND":
        message += " Offer the customer a reshipment or a refund."
    return f"Parcel {found.tracking_number}: {title}", message


def open_logistics_tickets(event: DomainEvent) -> None:
    """One ticket per problem id, however often this runs: open_or_update_for is idempotent
    on (source, source id) and keeps the same message once."""
    found: ShipmentProblemsFound = event.read(ShipmentProblemsFound)
    for problem in found.found():
        subject, message = logistics_message(found, problem)
        port.open_or_update_for(
            source="logistics",
            source_id=problem.problem_id,
            customer_id=found.customer_id,
            subject=subject,
            message=message,
            category="LOGISTICS",
            order_id=found.order_id,
            case_id=found.case_id,
        )


REACTIONS: dict[str, Reaction] = {
    ShipmentProblemsFound.TYPE: open_logistics_tickets,
}

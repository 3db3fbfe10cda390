"""What after-sales does when other domains act.

- a case's RETURN parcel moved (logistics' CaseParcelMoved): the case goes into transit or
  is received; a REPLACEMENT parcel's moves are only logged and counted for now;
- a case's refund recorded (refunds' RefundRequested, after the case's CaseRefundRequested):
  the case learns its refund's id;
- a case's refund settled (refunds' RefundSettled): the case is refunded, or noted for a
  person;
- a disputed case's ticket opened (tickets' TicketOpened, after the case's CaseDisputed):
  the dispute learns its ticket's id.

Each is idempotent and never moves a case backwards, so it may run again for the same
event, late, or out of order. A case that changes meanwhile is read again; one that keeps
changing raises Conflict so the event's delivery is retried.
"""

from __future__ import annotations

from collections.abc import Callable

from aftercare import clock
from aftercare.aftersales.moves import move_latest
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case, Field
from aftercare.aftersales.transitions import Move
from aftercare.errors import Conflict, NotFound
from aftercare.events import DomainEvent
from aftercare.logistics.events import CaseParcelMoved
from aftercare.observability import logger, metrics
from aftercare.reacting import Reaction
from aftercare.refunds.events import RefundRequested, RefundSettled
from aftercare.tickets.events import CASE_TICKET_SOURCE, TicketOpened

S = CaseStatus
COURIER = "courier"
REFUND_WORKFLOW = "refund-workflow"
REFUNDS = "refunds"
TICKETS = "tickets"
MOVING_PARCEL = frozenset({"IN_TRANSIT", "OUT_FOR_DELIVERY", "ATTEMPT_FAIL", "AVAILABLE_FOR_PICKUP"})


def _earlier(first: str, second: str) -> bool:
    try:
        return clock.parse_iso(first) < clock.parse_iso(second)
    except ValueError:
        return first < second


def _apply(
    case_id: str, plan: Callable[[Case], Move | None], *, unknown: str, retried: str, **extra: str
) -> Move | None:
    """`move_latest` for a reaction: returns the move written (None: an unknown case, or
    nothing to do); a case that keeps changing raises Conflict, so the message comes back
    and is retried."""
    try:
        written = move_latest(case_id, plan)
    except NotFound:
        logger.warning(unknown, extra={"case_id": case_id, **extra})
        return None
    except Conflict as error:
        raise Conflict(f"case {case_id} kept changing; {retried}") from error
    return written[1] if written else None


def parcel_move(case: Case, status: str, occurred_at: str) -> Move | None:
    """What a courier's news about the case's return parcel changes (None: nothing)."""
    parcel = case.return_shipment
    if case.status not in {S.AWAITING_RETURN, S.RETURN_IN_TRANSIT}:
        return None  # received or beyond: a late courier event changes nothing
    if parcel.get("updatedAt") and _earlier(occurred_at, parcel["updatedAt"]):
        return None  # older than what the case already knows
    sets = {Field.RETURN_SHIPMENT: {**parcel, "status": status, "updatedAt": occurred_at}} if parcel else {}
    if status == "DELIVERED":
        return Move((S.RECEIVED,), COURIER, f"return parcel delivered at {occurred_at}", sets=sets)
    if status in MOVING_PARCEL and case.status is S.AWAITING_RETURN:
        return Move((S.RETURN_IN_TRANSIT,), COURIER, f"return parcel {status} at {occurred_at}", sets=sets)
    if parcel and parcel.get("status") != status:
        return Move((), COURIER, f"return parcel {status} at {occurred_at}", sets=sets)
    return None


def on_return_parcel_moved(*, case_id: str, status: str, occurred_at: str) -> None:
    """A RETURN parcel's status changed: moving parcels put the case in RETURN_IN_TRANSIT,
    a delivered one makes it RECEIVED."""
    _apply(
        case_id,
        lambda case: parcel_move(case, status, occurred_at),
        unknown="a return parcel names an unknown case",
        retried="the courier event will be retried",
    )


def refund_move(case: Case, refund_id: str, status: str) -> Move | None:
    """What a settled refund changes: SUCCEEDED → REFUNDED; REJECTED or MANUAL_REVIEW leave
    the case in REFUNDING (it stays in the staff queue) with a timeline note, so a
    supervisor can act; a later SUCCEEDED still completes it. None: nothing."""
    if case.status is not S.REFUNDING or case.refund_status == status:
        return None
    sets = {Field.REFUND_STATUS: status}
    if status == "SUCCEEDED":
        return Move(
            (S.REFUNDED,), REFUND_WORKFLOW, f"refund {refund_id} paid", sets=sets, refund_id=refund_id
        )
    note = f"refund {refund_id} {status}: a supervisor needs to act"
    return Move((), REFUND_WORKFLOW, note, sets=sets, refund_id=refund_id)


def on_refund_settled(*, case_id: str, refund_id: str, status: str) -> None:
    """The refund workflow finished a case's refund (see `refund_move`)."""

    def plan(case: Case) -> Move | None:
        if case.refund_id and case.refund_id != refund_id:
            logger.warning(
                "a refund that is not the case's settled", extra={"case_id": case_id, "refund_id": refund_id}
            )
            return None
        return refund_move(case, refund_id, status)

    written = _apply(
        case_id,
        plan,
        unknown="a refund names an unknown case",
        retried="the refund outcome will be retried",
        refund_id=refund_id,
    )
    if written is not None and not written.path:
        metrics.add_metric(name="CaseRefundsStuck", unit="Count", value=1)


def refund_recorded(case: Case, refund_id: str) -> Move | None:
    """The refund refunds recorded for the case: its id goes on the case (None: known
    already, or the refund settled first and brought its id itself)."""
    if case.refund_id:
        return None
    return Move((), REFUNDS, f"refund {refund_id} recorded", refund_id=refund_id)


def on_refund_recorded(*, case_id: str, refund_id: str) -> None:
    _apply(
        case_id,
        lambda case: refund_recorded(case, refund_id),
        unknown="a refund names an unknown case",
        retried="its refund's id will be recorded on the retry",
        refund_id=refund_id,
    )


def dispute_ticket_opened(case: Case, ticket_id: str) -> Move | None:
    """The dispute's ticket: its id goes on the dispute (None: no dispute, or known already)."""
    if not case.dispute or case.dispute.get("ticketId"):
        return None
    dispute = {**case.dispute, "ticketId": ticket_id}
    return Move((), TICKETS, f"dispute ticket {ticket_id} opened", sets={Field.DISPUTE: dispute})


def on_dispute_ticket_opened(*, case_id: str, ticket_id: str) -> None:
    _apply(
        case_id,
        lambda case: dispute_ticket_opened(case, ticket_id),
        unknown="a dispute ticket names an unknown case",
        retried="its ticket's id will be recorded on the retry",
        ticket_id=ticket_id,
    )


# ---------------------------------------------------------------- from the bus
def on_case_parcel_moved(event: DomainEvent) -> None:
    """Late or out-of-order news is tolerated by the case itself (on_return_parcel_moved)."""
    moved: CaseParcelMoved = event.read(CaseParcelMoved)
    if moved.kind == "RETURN" and moved.occurred_at:
        on_return_parcel_moved(case_id=moved.case_id, status=moved.status, occurred_at=moved.occurred_at)
    logger.info(
        "after-sales parcel changed status",
        extra={"case_id": moved.case_id, "shipment_id": moved.shipment_id, "kind": moved.kind,
               "from": moved.previous_status, "to": moved.status},
    )  # fmt: skip
    metrics.add_metric(name="CaseShipmentChanges", unit="Count", value=1)


def case_refund_settled(event: DomainEvent) -> None:
    """RefundSettled of a refund that belongs to a case (others are not ours to act on)."""
    settled: RefundSettled = event.read(RefundSettled)
    if settled.case_id:
        on_refund_settled(case_id=settled.case_id, refund_id=settled.refund_id, status=settled.status)


def case_refund_requested(event: DomainEvent) -> None:
    """RefundRequested of a case's refund (source "case": the case id is its source id)."""
    requested: RefundRequested = event.read(RefundRequested)
    if requested.source == "case" and requested.source_id:
        on_refund_recorded(case_id=requested.source_id, refund_id=requested.refund_id)


def case_ticket_opened(event: DomainEvent) -> None:
    """TicketOpened of a case's ticket (tickets opens one per case, for its dispute)."""
    opened: TicketOpened = event.read(TicketOpened)
    if opened.source == CASE_TICKET_SOURCE and opened.case_id:
        on_dispute_ticket_opened(case_id=opened.case_id, ticket_id=opened.ticket_id)


REACTIONS: dict[str, Reaction] = {
    CaseParcelMoved.TYPE: on_case_parcel_moved,
    RefundRequested.TYPE: case_refund_requested,
    RefundSettled.TYPE: case_refund_settled,
    TicketOpened.TYPE: case_ticket_opened,
}

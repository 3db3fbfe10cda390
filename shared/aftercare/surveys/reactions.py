"""What surveys does when other domains act.

- An order delivered: its satisfaction survey is scheduled (OrderDelivered).
- A refund paid that is not part of an after-sales case: its survey (RefundSettled). A
  case's refund leaves it to the case, whose survey asks about the whole experience once.
- A ticket solved: its survey, once per ticket however often it is solved (TicketSolved).
- An after-sales case completed: its survey (after-sales' CaseCompleted).
"""

from __future__ import annotations

from aftercare.aftersales.events import CaseCompleted
from aftercare.events import DomainEvent
from aftercare.orders.events import OrderDelivered
from aftercare.reacting import Reaction
from aftercare.refunds.events import RefundSettled
from aftercare.surveys import service
from aftercare.tickets.events import TicketSolved


def survey_delivered_order(event: DomainEvent) -> None:
    """One survey per subject, ever: a republished event schedules nothing new."""
    delivered: OrderDelivered = event.read(OrderDelivered)
    service.schedule(
        subject_kind="order",
        subject_id=delivered.order_id,
        customer_id=delivered.customer_id,
        order_id=delivered.order_id,
    )


def survey_paid_refund(event: DomainEvent) -> None:
    settled: RefundSettled = event.read(RefundSettled)
    if settled.status != "SUCCEEDED" or settled.case_id:
        return
    service.schedule(
        subject_kind="refund",
        subject_id=settled.refund_id,
        customer_id=settled.customer_id,
        order_id=settled.order_id,
    )


def survey_solved_ticket(event: DomainEvent) -> None:
    """A reopened ticket solved again keeps its first survey (one per subject, ever)."""
    solved: TicketSolved = event.read(TicketSolved)
    service.schedule(
        subject_kind="ticket",
        subject_id=solved.ticket_id,
        customer_id=solved.customer_id,
        order_id=solved.order_id or None,
    )


def survey_completed_case(event: DomainEvent) -> None:
    """One survey per case, ever (the subject claim), however often the event arrives."""
    completed: CaseCompleted = event.read(CaseCompleted)
    service.schedule(
        subject_kind="case",
        subject_id=completed.case_id,
        customer_id=completed.customer_id,
        order_id=completed.order_id,
    )


REACTIONS: dict[str, Reaction] = {
    OrderDelivered.TYPE: survey_delivered_order,
    RefundSettled.TYPE: survey_paid_refund,
    TicketSolved.TYPE: survey_solved_ticket,
    CaseCompleted.TYPE: survey_completed_case,
}

"""Solving and escalating: the solve writes the ticket, releases its agent's slot and
schedules its survey in one transaction; an escalation raises the priority and alerts a
supervisor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aftercare import clock
from aftercare.auth import Principal
from aftercare.db import transaction
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.tickets import agent_store, messages, rules, sla, store, team, views
from aftercare.tickets.changes import Change, Entry, Fields, TicketCounter
from aftercare.tickets.models import SolveRequest, TicketOut
from aftercare.tickets.rules import Category, Priority, TicketAction, TicketStatus
from aftercare.tickets.ticket_items import TicketModel

if TYPE_CHECKING:
    from aftercare.surveys.port import NewSurvey

A, S = TicketAction, TicketStatus


def _prepare_survey(ticket: TicketModel) -> NewSurvey | None:
    """A solved ticket gets its satisfaction survey (once per ticket, surveys/port.py), written
    with the solve; None when it cannot be prepared (the solve goes ahead without it)."""
    from aftercare.surveys import port as surveys

    try:
        return surveys.prepare_for(
            subject_kind="ticket",
            subject_id=ticket.ticketId,
            customer_id=ticket.customerId,
            order_id=ticket.orderId,
        )
    except Exception:  # the ticket gets solved; a lost survey must not turn it into an error
        logger.exception("survey scheduling failed", extra={"ticket_id": ticket.ticketId})
        return None


def _write_solve(ticket: TicketModel, change: Change) -> NewSurvey | None:
    """The solve as one transaction: the ticket's change (on its status and version), its
    agent's slot released, its survey and the survey's subject claim; returns the survey.

    The slot and the survey must not stop a solve: if the ticket is still as read after a
    refusal, one of them refused (the load already at zero, the survey claimed meanwhile),
    and the solve is written again with only the parts that still hold."""
    release: str | None = ticket.assignee
    survey = _prepare_survey(ticket)
    for attempt in range(2):
        try:
            with transaction(store.CONFLICT) as tx:
                store.add_apply(tx, ticket, change)
                if release:
                    agent_store.add_release_slot(tx, release)
                if survey is not None and survey.add_to is not None:
                    survey.add_to(tx)
        except Conflict:
            fresh = store.get(ticket.ticketId, consistent=True)
            if attempt or fresh is None or fresh.status != change.expected or fresh.version != ticket.version:
                raise
            release = release if release and agent_store.can_release_slot(release) else None
            survey = _prepare_survey(ticket)
            continue
        break
    store.reload(ticket)
    return survey


def solve(ticket_id: str, principal: Principal, request: SolveRequest) -> TicketOut:
    ticket = views.load(ticket_id)
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.SOLVE)
    if ticket.category == Category.COMPLAINT and request.outcome is None:
        raise BusinessRuleViolation(
            "a complaint records its mediation outcome when it is solved",
            errors=[{"field": "outcome", "message": "required for complaints"}],
        )
    now = clock.now()
    at = clock.iso(now)
    resolution = {"note": request.resolution, "by": principal.sub, "at": at}
    if request.outcome is not None:
        resolution["outcome"] = request.outcome.value
    fields = Fields({"status": target, "solvedAt": at, "resolution": resolution})
    add: dict[TicketCounter, int] = {}
    changes: dict[str, Any] = {"status": target, "solved_at": now}
    if current is S.PENDING and ticket.pausedAt:
        fields |= Fields(remove=frozenset({"pausedAt"}))
        add["pausedSeconds"] = int((now - clock.parse_iso(ticket.pausedAt)).total_seconds())
    last = None
    if request.message:
        last = messages.staff_message(principal, request.message, at)
        more, first = messages.first_response(ticket, at)
        fields, changes = fields | more, changes | first
    note = f"solved: {request.resolution}" + (f" (outcome {request.outcome})" if request.outcome else "")
    survey = _write_solve(
        ticket,
        Change(
            expected=current,
            entry=Entry(at, current, target, principal.sub, note),
            fields=fields | sla.bookkeeping(sla.state_of(ticket, **changes)),
            add=add,
            message=last,
        ),
    )
    notifications.send(ticket.customerId, "ticket.solved", {"ticketId": ticket_id})
    if survey is not None:
        survey.scheduled()
    metrics.add_metric(name="TicketsSolved", unit="Count", value=1)
    metrics.add_metric(
        name="TicketResolutionSeconds",
        unit="Seconds",
        value=max(
            0.0, (now - clock.parse_iso(ticket.createdAt)).total_seconds() - int(ticket.pausedSeconds or 0)
        ),
    )
    return views.to_wire(ticket)


def escalate(ticket_id: str, principal: Principal, reason: str) -> TicketOut:
    ticket = views.load(ticket_id)
    current = TicketStatus(ticket.status)
    rules.next_status(current, A.ESCALATE)
    old = Priority(ticket.priority)
    new = rules.raise_priority(old)
    now = clock.now()
    at = clock.iso(now)
    fields = Fields({"priority": new})
    changes: dict[str, Any] = {}
    if ticket.firstRespondedAt is None:
        due = rules.first_response_due_after_escalation(clock.parse_iso(ticket.firstResponseDue), now, new)
        fields |= Fields({"firstResponseDue": clock.iso(due)})
        changes["first_response_due"] = due
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(at, current, current, principal.sub, f"escalated {old} -> {new}: {reason}"),
            fields=fields | sla.bookkeeping(sla.state_of(ticket, **changes)),
            add={"escalations": 1},
        ),
    )
    for supervisor in team.supervisors_for(ticket.assignee):
        notifications.send(
            supervisor, "ticket.escalated", {"ticketId": ticket_id, "priority": new, "reason": reason}
        )
    metrics.add_metric(name="TicketEscalations", unit="Count", value=1)
    return views.to_wire(ticket)

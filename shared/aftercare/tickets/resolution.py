"""Solving and escalating: the solve writes the ticket and releases its agent's slot in one
transaction (its satisfaction survey follows from the TicketSolved event the Tickets
stream publishes: surveys/reactions.py); an escalation raises the priority and alerts a
supervisor."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.auth import Principal
from aftercare.db import transaction
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.notifications import port as notifications
from aftercare.observability import metrics
from aftercare.tickets import agent_store, messages, rules, sla, store, team, views
from aftercare.tickets.changes import Change, Entry, Fields, TicketCounter
from aftercare.tickets.models import SolveRequest, TicketOut
from aftercare.tickets.rules import Category, Priority, TicketAction, TicketStatus
from aftercare.tickets.ticket_items import TicketModel

A, S = TicketAction, TicketStatus


def _write_solve(ticket: TicketModel, change: Change) -> None:
    """The solve as one transaction: the ticket's change (on its status and version) and
    its agent's slot released.

    The slot must not stop a solve: if the ticket is still as read after a refusal, the
    slot refused (its load already at zero), and the solve is written again without it."""
    release: str | None = ticket.assignee
    for attempt in range(2):
        try:
            with transaction(store.CONFLICT) as tx:
                store.add_apply(tx, ticket, change)
                if release:
                    agent_store.add_release_slot(tx, release)
        except Conflict:
            fresh = store.get(ticket.ticketId, consistent=True)
            if attempt or fresh is None or fresh.status != change.expected or fresh.version != ticket.version:
                raise
            release = release if release and agent_store.can_release_slot(release) else None
            continue
        break
    store.reload(ticket)


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
    _write_solve(
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

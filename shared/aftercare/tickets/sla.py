"""SLA clocks: the state the deadlines are judged on, the queue and watch bookkeeping that
follows every change, pausing while staff wait on the customer, and the scheduled sweep
that escalates breaches once and closes tickets solved 4 days ago."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from aftercare import clock
from aftercare.auth import Principal
from aftercare.errors import Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.tickets import messages, rules, store, team, views
from aftercare.tickets.changes import Breach as BreachRecord
from aftercare.tickets.changes import Change, Entry, Fields, TicketField
from aftercare.tickets.models import TicketOut
from aftercare.tickets.rules import Breach, Priority, TicketAction, TicketStatus
from aftercare.tickets.ticket_items import TicketModel

SYSTEM = "system"
A, S = TicketAction, TicketStatus


def _dt(value: str | None) -> datetime | None:
    return clock.parse_iso(value) if value else None


def state_of(ticket: TicketModel, **changes: Any) -> rules.SlaState:
    """The ticket's SLA state, with `changes` (SlaState fields) applied."""
    values: dict[str, Any] = {
        "status": TicketStatus(ticket.status),
        "first_response_due": clock.parse_iso(ticket.firstResponseDue),
        "resolution_due": clock.parse_iso(ticket.resolutionDue),
        "first_responded": ticket.firstRespondedAt is not None,
        "breached": frozenset(Breach(b.kind) for b in ticket.breaches or []),
        "solved_at": _dt(ticket.solvedAt),
    }
    values.update(changes)
    return rules.SlaState(**values)


def bookkeeping(state: rules.SlaState, *, closed_at: datetime | None = None) -> Fields:
    """Keep the queue's sort key and the SLA check's watch in step with the ticket."""
    queue: dict[TicketField, Any] = {"queueDue": clock.iso(rules.queue_due(state, closed_at=closed_at))}
    check = rules.next_check_at(state)
    if check is None:
        return Fields(queue, frozenset({"slaWatch", "nextCheckAt"}))
    return Fields({**queue, "slaWatch": store.SLA_WATCH, "nextCheckAt": clock.iso(check)})


def await_customer(ticket_id: str, principal: Principal, message: str | None) -> TicketOut:
    """Wait on the customer: the resolution clock pauses (with a question, if any)."""
    ticket = views.load(ticket_id)
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.AWAIT_CUSTOMER)
    at = clock.now_iso()
    fields = Fields({"status": target, "pausedAt": at})
    changes: dict[str, Any] = {"status": target}
    reply = None
    if message:
        reply = messages.staff_message(principal, message, at)
        more, first = messages.first_response(ticket, at)
        fields, changes = fields | more, changes | first
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(
                at, current, target, principal.sub, "waiting on the customer; resolution clock paused"
            ),
            fields=fields | bookkeeping(state_of(ticket, **changes)),
            message=reply,
        ),
    )
    if message:
        notifications.send(ticket.customerId, "ticket.replied", {"ticketId": ticket_id})
    return views.to_wire(ticket)


# ------------------------------------------------------------------ the scheduled sweep
def run_sla_check(now: datetime | None = None) -> dict[str, int]:
    """Escalate every SLA breach once and close tickets solved 4 days ago."""
    at = now or clock.now()
    outcome: Counter[str] = Counter()
    for ticket_id in store.due_for_check(clock.iso(at)):
        try:
            outcome.update(_check(ticket_id, at))
        except (Conflict, NotFound):
            outcome["skipped"] += 1  # changed meanwhile; the next run looks again
    logger.info("ticket SLA check", extra=dict(outcome))
    return dict(outcome)


def _check(ticket_id: str, now: datetime) -> Counter[str]:
    ticket = views.load(ticket_id)
    state = state_of(ticket)
    current = state.status
    at = clock.iso(now)
    if rules.should_auto_close(state, now):
        closed = rules.next_status(current, A.CLOSE)
        store.apply(
            ticket,
            Change(
                expected=current,
                entry=Entry(at, current, closed, SYSTEM, "closed automatically 4 days after it was solved"),
                fields=Fields({"status": closed, "closedAt": at})
                | bookkeeping(state_of(ticket, status=closed), closed_at=now),
            ),
        )
        metrics.add_metric(name="TicketsAutoClosed", unit="Count", value=1)
        return Counter(closed=1)
    breaches = rules.due_breaches(state, now)
    if not breaches:
        # The index was behind, or a deadline moved: re-aim the watch (no state change).
        if rules.next_check_at(state) != _dt(ticket.nextCheckAt):
            store.retarget(ticket, expected_status=current, fields=bookkeeping(state))
        return Counter(nothing_due=1)
    old = Priority(ticket.priority)
    new = rules.raise_priority(old, len(breaches))
    records = tuple(
        BreachRecord(
            kind=kind.value,
            due=clock.iso(
                state.first_response_due if kind is Breach.FIRST_RESPONSE else state.resolution_due
            ),
            at=at,
            priority_from=rules.raise_priority(old, index),
            priority_to=rules.raise_priority(old, index + 1),
        )
        for index, kind in enumerate(breaches)
    )
    after = state_of(ticket, breached=state.breached | frozenset(breaches))
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(
                at, current, current, SYSTEM, f"SLA breach: {', '.join(breaches)}; priority {old} -> {new}"
            ),
            fields=Fields({"priority": new}) | bookkeeping(after),
            add={"breachCount": len(breaches)},
            breaches=records,
        ),
    )
    # Only the run whose conditional write succeeded gets here: notified once per breach.
    for record in records:
        for supervisor in team.supervisors_for(ticket.assignee):
            notifications.send(
                supervisor,
                "ticket.sla_breached",
                {"ticketId": ticket_id, "kind": record.kind, "due": record.due, "priority": new},
            )
        metrics.add_metric(name="TicketSlaBreaches", unit="Count", value=1)
        metrics.add_metric(
            name="TicketFirstResponseBreaches"
            if record.kind == Breach.FIRST_RESPONSE
            else "TicketResolutionBreaches",
            unit="Count",
            value=1,
        )
    return Counter(breaches=len(breaches))

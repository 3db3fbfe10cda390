"""Assignment and the staff queue: the least-loaded agent with the skill, atomically; a
person's choice; the open work ordered by SLA due time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aftercare import clock
from aftercare.auth import Principal
from aftercare.db import transaction
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.pagination import Lane, clamp_limit, decode_cursor, encode_cursor, merged_page
from aftercare.tickets import agent_store, rules, sla, store, team, views
from aftercare.tickets.agent_store import Agent
from aftercare.tickets.changes import Change, Entry, Fields
from aftercare.tickets.models import TicketOut
from aftercare.tickets.rules import TicketAction, TicketStatus
from aftercare.tickets.ticket_items import TicketModel
from aftercare.wire import Page

ASSIGN_ATTEMPTS = 8


def eligible(agent: Agent, category: str) -> bool:
    return agent.role == "agent" and agent.active and category in agent.skills and agent.load < agent.max_load


def _assignment(ticket: TicketModel, agent_id: str, actor: str, note: str) -> Change:
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, TicketAction.ASSIGN)
    return Change(
        expected=current,
        entry=Entry(clock.now_iso(), current, target, actor, note),
        fields=Fields({"assignee": agent_id, "status": target})
        | sla.bookkeeping(sla.state_of(ticket, status=target)),
    )


def auto_assign(ticket_id: str, *, actor: str) -> str | None:
    """Assign to the least-loaded active agent with the category's skill.

    The agent's load counter is incremented in the same transaction as the ticket's
    change, on the condition that it is still the load read: of two tickets assigned at
    once, the second finds the condition failed, re-reads that agent and picks again."""
    ticket = views.load(ticket_id)
    if ticket.assignee or not rules.can_transition(TicketStatus(ticket.status), TicketAction.ASSIGN):
        return ticket.assignee
    candidates = [agent for agent in team.team() if eligible(agent, ticket.category)]
    for _ in range(ASSIGN_ATTEMPTS):
        if not candidates:
            break
        candidates.sort(key=lambda agent: (agent.load, agent.agent_id))
        agent = candidates[0]
        change = _assignment(
            ticket,
            agent.agent_id,
            actor,
            f"assigned to {agent.agent_id} (least loaded with {ticket.category})",
        )
        try:
            with transaction("the ticket or the agent changed meanwhile") as tx:
                store.add_apply(tx, ticket, change)
                agent_store.take_slot(tx, agent)
        except Conflict:
            fresh_ticket = views.load(ticket_id)
            if fresh_ticket.version != ticket.version:
                return fresh_ticket.assignee  # someone else assigned or moved it
            fresh = agent_store.get_agent(agent.agent_id)
            candidates = candidates[1:] + ([fresh] if fresh and eligible(fresh, ticket.category) else [])
            metrics.add_metric(name="TicketAssignmentRetries", unit="Count", value=1)
            continue
        notifications.send(
            agent.agent_id, "ticket.assigned", {"ticketId": ticket_id, "priority": ticket.priority}
        )
        metrics.add_metric(name="TicketsAssigned", unit="Count", value=1)
        return agent.agent_id
    logger.info("no agent available", extra={"ticket_id": ticket_id, "category": ticket.category})
    return None


def assign(ticket_id: str, *, assignee: str | None, actor: str) -> TicketOut:
    ticket = views.load(ticket_id)
    rules.next_status(TicketStatus(ticket.status), TicketAction.ASSIGN)
    if assignee is None:
        previous = ticket.assignee
        if previous:
            raise Conflict(f"the ticket is already assigned to {previous}; name the new assignee")
        if auto_assign(ticket_id, actor=actor) is None:
            raise BusinessRuleViolation(
                f"no available agent has the {ticket.category} skill; name an assignee"
            )
        return views.to_wire(views.load(ticket_id))
    agent = agent_store.get_agent(assignee)
    if agent is None or not agent.active:
        raise BusinessRuleViolation(
            f"{assignee} is not an active agent",
            errors=[{"field": "assignee", "message": "unknown or inactive"}],
        )
    if ticket.assignee == assignee:
        return views.to_wire(ticket)
    previous = ticket.assignee
    change = _assignment(
        ticket, assignee, actor, f"assigned to {assignee}" + (f" (was {previous})" if previous else "")
    )
    with transaction("the ticket changed meanwhile; reload it and retry") as tx:
        store.add_apply(tx, ticket, change)
        agent_store.take_manual_slot(tx, assignee)
    if previous:
        agent_store.adjust_load(previous, -1)
    notifications.send(assignee, "ticket.assigned", {"ticketId": ticket_id, "priority": ticket.priority})
    return views.to_wire(views.load(ticket_id))


def staff_queue(
    principal: Principal,
    *,
    status: TicketStatus | None,
    assignee: str | None,
    limit: int | None,
    cursor: str | None,
) -> Page[TicketOut]:
    size = clamp_limit(limit)
    if assignee:
        scope = f"tickets:assignee:{assignee}:{status or '*'}"
        rows, last = store.list_by_assignee(
            assignee,
            status=status,
            limit=size,
            start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    elif status:
        scope = f"tickets:status:{status}"
        rows, last = store.list_by_status(
            status, limit=size, start_key=decode_cursor(cursor, owner=principal.sub, scope=scope)
        )
    else:
        # No filter: the open work, every ticket not yet solved, by SLA due time.
        scope = "tickets:open"
        lanes = [
            Lane(str(state), _status_lane(state), store.resume_after_in_status)
            for state in sorted(rules.ACTIVE)
        ]
        rows, last = merged_page(
            lanes,
            order=lambda row: (row.queueDue, row.ticketId),
            limit=size,
            position=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    return Page[TicketOut](
        items=[views.summary(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def _status_lane(
    status: TicketStatus,
) -> Callable[[dict[str, Any] | None, int], tuple[list[TicketModel], dict[str, Any] | None]]:
    return lambda start, limit: store.list_by_status(status, limit=limit, start_key=start)

"""Ticket use cases: intake with triage, messages, assignment, staff work, the SLA check,
and tickets opened by other domains (through `aftercare.tickets.port`)."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from pynamodb.expressions.update import Action

from aftercare import clock, ids
from aftercare.auth import CUSTOMER, Principal, require_owner, require_owner_or_staff, require_role
from aftercare.db import transaction
from aftercare.errors import BusinessRuleViolation, Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.pagination import Lane, clamp_limit, decode_cursor, encode_cursor, merged_page
from aftercare.tickets import faq, rules, store, templates
from aftercare.tickets.models import (
    AgentOut,
    BreachOut,
    FaqHitOut,
    MessageOut,
    OpenedTicketOut,
    OpenTicketRequest,
    ReplyRequest,
    ResolutionOut,
    SolveRequest,
    TicketOut,
    TriageCorrectionOut,
    TriageCorrectionRequest,
)
from aftercare.tickets.rules import Breach, Category, Priority, Sentiment, TicketAction, TicketStatus
from aftercare.tickets.store import AgentModel, MessageAttribute, TicketModel, timeline_entry
from aftercare.tickets.triage import Triage, TriageContext, classify
from aftercare.wire import Page, TimelineEntry

if TYPE_CHECKING:
    from aftercare.db import TimelineAttribute
    from aftercare.surveys.port import NewSurvey

WHAT = "ticket"
CUSTOMER_SOURCE = "customer"
SYSTEM = "system"
MAX_MESSAGES = 50
SUGGESTIONS = 3
CONTACT_WINDOW = timedelta(days=7)
ASSIGN_ATTEMPTS = 8
A, S = TicketAction, TicketStatus


# ------------------------------------------------------------------ reading
def _dt(value: str | None) -> datetime | None:
    return clock.parse_iso(value) if value else None


def _sla_state(ticket: TicketModel, **changes: Any) -> rules.SlaState:
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


def _sla_actions(state: rules.SlaState, *, closed_at: datetime | None = None) -> list[Action]:
    """Keep the queue's sort key and the SLA check's watch in step with the ticket."""
    actions: list[Action] = [TicketModel.queueDue.set(clock.iso(rules.queue_due(state, closed_at=closed_at)))]
    check = rules.next_check_at(state)
    if check is None:
        actions += [TicketModel.slaWatch.remove(), TicketModel.nextCheckAt.remove()]
    else:
        actions += [TicketModel.slaWatch.set(store.SLA_WATCH), TicketModel.nextCheckAt.set(clock.iso(check))]
    return actions


def to_wire(ticket: TicketModel) -> TicketOut:
    resolution = ticket.resolution
    return TicketOut(
        ticket_id=ticket.ticketId,
        customer_id=ticket.customerId,
        channel=ticket.channel,
        source=ticket.source,
        subject=ticket.subject,
        status=TicketStatus(ticket.status),
        category=Category(ticket.category),
        priority=Priority(ticket.priority),
        sentiment=ticket.sentiment,
        triage_reasons=list(ticket.triageReasons or []),
        triage_correction=_correction_out(ticket),
        assignee=ticket.assignee,
        order_id=ticket.orderId,
        case_id=ticket.caseId,
        follow_up_of=ticket.followUpOf,
        follow_up_id=ticket.followUpId,
        messages=[
            MessageOut(
                message_id=m.messageId,
                at=m.at,
                author_id=m.authorId,
                author_role=m.authorRole,
                body=m.body,
                template_id=m.templateId,
            )
            for m in ticket.messages or []
        ],
        first_response_due=ticket.firstResponseDue,
        resolution_due=ticket.resolutionDue,
        first_responded_at=ticket.firstRespondedAt,
        paused_at=ticket.pausedAt,
        solved_at=ticket.solvedAt,
        auto_close_at=clock.iso(rules.auto_close_at(clock.parse_iso(ticket.solvedAt)))
        if ticket.solvedAt and ticket.status == S.SOLVED
        else None,
        closed_at=ticket.closedAt,
        resolution=ResolutionOut(
            note=resolution.note,
            outcome=resolution.outcome,
            by=resolution.by,
            at=resolution.at,
        )
        if resolution
        else None,
        breaches=[
            BreachOut(
                kind=b.kind,
                due=b.due,
                at=b.at,
                priority_from=Priority(b.priorityFrom),
                priority_to=Priority(b.priorityTo),
            )
            for b in ticket.breaches or []
        ],
        breach_count=int(ticket.breachCount or 0),
        escalations=int(ticket.escalations or 0),
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in ticket.timeline
        ],
        created_at=ticket.createdAt,
        updated_at=ticket.updatedAt,
        version=int(ticket.version or 0),
    )


def _correction_out(ticket: TicketModel) -> TriageCorrectionOut | None:
    c = ticket.triageCorrection
    if c is None:
        return None
    return TriageCorrectionOut(
        from_category=Category(c.fromCategory),
        from_priority=Priority(c.fromPriority),
        from_sentiment=Sentiment(c.fromSentiment),
        category=Category(c.category),
        priority=Priority(c.priority),
        sentiment=Sentiment(c.sentiment),
        by=c.by,
        at=c.at,
        note=c.note,
    )


def _load(ticket_id: str) -> TicketModel:
    ticket = store.get(ticket_id, consistent=True)
    if ticket is None:
        raise NotFound(f"{WHAT} not found")
    return ticket


def load_for(principal: Principal, ticket_id: str) -> TicketModel:
    """The ticket if the caller may see it (owner or staff); another customer's is a 404."""
    ticket = _load(ticket_id)
    require_owner_or_staff(principal, ticket.customerId, WHAT)
    return ticket


def load_for_staff(ticket_id: str) -> TicketModel:
    return _load(ticket_id)


def _live(ticket: TicketModel) -> TicketModel:
    """A closed ticket's follow-up (and its follow-up ...): where new messages go."""
    seen = {ticket.ticketId}
    while ticket.status == S.CLOSED and ticket.followUpId and ticket.followUpId not in seen:
        seen.add(ticket.followUpId)
        ticket = _load(ticket.followUpId)
    return ticket


# ------------------------------------------------------------------ intake
def _message(
    author_id: str, role: str, body: str, at: str, template_id: str | None = None
) -> MessageAttribute:
    return MessageAttribute(
        messageId=f"msg_{ids.ulid()}",
        at=at,
        authorId=author_id,
        authorRole=role,
        body=body,
        templateId=template_id,
    )


def _context(
    customer_id: str,
    now: datetime,
    *,
    order_value: int | None = None,
    channel: str | None = None,
    follow_up: bool = False,
    tier: str | None = None,
) -> TriageContext:
    """What triage needs besides the text: the customer's tickets of the last 7 days (how
    many, and the categories of those still open), the order's value, the tier."""
    recent = store.recent_since(customer_id, clock.iso(now - CONTACT_WINDOW))
    return TriageContext(
        order_value=order_value,
        recent_contacts=len(recent),
        open_categories=tuple(category for category, status in recent if status in rules.ACTIVE),
        follow_up=follow_up,
        tier=tier,
        channel=channel,
    )


def _tier_of(customer_id: str) -> str | None:
    from aftercare.customers import port as customers

    try:
        return customers.reach(customer_id).tier
    except Exception:  # triage goes ahead without the tier; a ticket must never fail on it
        logger.exception("membership tier unavailable", extra={"customer_id": customer_id})
        return None


def _new_ticket(
    *,
    customer_id: str,
    channel: str | None,
    source: str,
    source_id: str | None,
    subject: str,
    body: str,
    author_id: str,
    author_role: str,
    triage: Triage,
    order_id: str | None = None,
    case_id: str | None = None,
    follow_up_of: str | None = None,
) -> TicketModel:
    now = clock.now()
    at = clock.iso(now)
    deadlines = rules.initial_deadlines(now, triage.priority)
    ticket = TicketModel(
        ticketId=ids.new_id("tk"),
        customerId=customer_id,
        channel=channel,
        source=source,
        sourceId=source_id,
        subject=subject,
        status=S.NEW,
        category=triage.category,
        priority=triage.priority,
        sentiment=triage.sentiment,
        triageReasons=list(triage.reasons),
        orderId=order_id,
        caseId=case_id,
        followUpOf=follow_up_of,
        messages=[_message(author_id, author_role, body, at)],
        firstResponseDue=clock.iso(deadlines.first_response_due),
        resolutionDue=clock.iso(deadlines.resolution_due),
        pausedSeconds=0,
        breaches=[],
        breachCount=0,
        escalations=0,
        timeline=[
            timeline_entry(
                at,
                None,
                S.NEW,
                author_id,
                f"opened: {triage.category}, {triage.priority}, {triage.sentiment}"
                + (f" (follow-up of {follow_up_of})" if follow_up_of else ""),
            )
        ],
        createdAt=at,
        updatedAt=at,
    )
    state = _sla_state(ticket)
    ticket.queueDue = clock.iso(rules.queue_due(state))
    check = rules.next_check_at(state)
    ticket.slaWatch = store.SLA_WATCH if check else None
    ticket.nextCheckAt = clock.iso(check) if check else None
    return ticket


def suggestions_for(text: str) -> list[FaqHitOut]:
    return [
        FaqHitOut(
            faq_id=hit.entry.faq_id,
            category=hit.entry.category,
            language=hit.entry.language,
            question=hit.entry.question,
            answer=hit.entry.answer,
            score=round(hit.score, 3),
        )
        for hit in faq.search(text, limit=SUGGESTIONS, language=faq.language_of(text))
    ]


def open_ticket(principal: Principal, request: OpenTicketRequest) -> OpenedTicketOut:
    require_role(principal, CUSTOMER)
    order_value = None
    if request.order_id:
        from aftercare.orders import service as orders

        order_value = int(orders.load_for(principal, request.order_id).total)
    now = clock.now()
    triage = classify(
        request.subject,
        request.message,
        _context(
            principal.sub, now, order_value=order_value, channel=request.channel, tier=_tier_of(principal.sub)
        ),
    )
    ticket = _new_ticket(
        customer_id=principal.sub,
        channel=request.channel,
        source=CUSTOMER_SOURCE,
        source_id=None,
        subject=request.subject,
        body=request.message,
        author_id=principal.sub,
        author_role=CUSTOMER,
        triage=triage,
        order_id=request.order_id,
    )
    store.create(ticket)
    _opened(ticket)
    auto_assign(ticket.ticketId, actor=SYSTEM)
    opened = to_wire(_load(ticket.ticketId))
    return OpenedTicketOut(
        **opened.model_dump(), suggestions=suggestions_for(f"{request.subject} {request.message}")
    )


def _opened(ticket: TicketModel) -> None:
    metrics.add_metric(name="TicketsOpened", unit="Count", value=1)
    if ticket.priority == Priority.URGENT:
        metrics.add_metric(name="TicketsOpenedUrgent", unit="Count", value=1)
    logger.info(
        "ticket opened",
        extra={
            "ticket_id": ticket.ticketId,
            "category": ticket.category,
            "priority": ticket.priority,
            "source": ticket.source,
        },
    )


def list_mine(principal: Principal, *, limit: int | None, cursor: str | None) -> Page[TicketOut]:
    require_role(principal, CUSTOMER)
    size = clamp_limit(limit)
    scope = f"tickets:customer:{principal.sub}"
    rows, last = store.list_for_customer(
        principal.sub, limit=size, start_key=decode_cursor(cursor, owner=principal.sub, scope=scope)
    )
    return Page[TicketOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


# ------------------------------------------------------------------ messages
def _room_for(ticket: TicketModel) -> None:
    if len(ticket.messages or []) >= MAX_MESSAGES:
        raise BusinessRuleViolation(f"a ticket holds at most {MAX_MESSAGES} messages; open a new ticket")


def post_customer_message(principal: Principal, ticket_id: str, body: str) -> TicketOut:
    ticket = _load(ticket_id)
    require_owner(principal, ticket.customerId, WHAT)
    return to_wire(
        _add_message(ticket, author_id=principal.sub, role=CUSTOMER, body=body, action=A.CUSTOMER_MESSAGE)
    )


def _add_message(
    ticket: TicketModel, *, author_id: str, role: str, body: str, action: TicketAction
) -> TicketModel:
    """A customer's (or another domain's) message: resumes a paused clock, reopens a solved
    ticket, and on a closed one opens a follow-up ticket instead."""
    ticket = _live(ticket)
    current = TicketStatus(ticket.status)
    if current is S.CLOSED:
        return _open_follow_up(ticket, author_id=author_id, role=role, body=body)
    target = rules.next_status(current, action)
    _room_for(ticket)
    now = clock.now()
    at = clock.iso(now)
    actions: list[Action] = [
        TicketModel.messages.set(TicketModel.messages.append([_message(author_id, role, body, at)])),
        TicketModel.status.set(target),
    ]
    changes: dict[str, Any] = {"status": target}
    note = "message"
    if current is S.PENDING and target is not S.PENDING and ticket.pausedAt:
        paused_at = clock.parse_iso(ticket.pausedAt)
        due = rules.resumed_resolution_due(clock.parse_iso(ticket.resolutionDue), paused_at, now)
        actions += [
            TicketModel.resolutionDue.set(clock.iso(due)),
            TicketModel.pausedSeconds.set(TicketModel.pausedSeconds + int((now - paused_at).total_seconds())),
            TicketModel.pausedAt.remove(),
        ]
        changes["resolution_due"] = due
        note = "the customer answered; the resolution clock resumes"
    reopened = current is S.SOLVED
    if reopened and ticket.solvedAt:
        due = rules.resumed_resolution_due(
            clock.parse_iso(ticket.resolutionDue), clock.parse_iso(ticket.solvedAt), now
        )
        actions += [
            TicketModel.resolutionDue.set(clock.iso(due)),
            TicketModel.solvedAt.remove(),
            TicketModel.resolution.remove(),
        ]
        changes.update(resolution_due=due, solved_at=None)
        note = "reopened by a new message"
    actions += _sla_actions(_sla_state(ticket, **changes))
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(at, current, target, author_id, note),
        actions=actions,
    )
    if reopened and ticket.assignee:
        store.adjust_load(ticket.assignee, +1)
        metrics.add_metric(name="TicketsReopened", unit="Count", value=1)
    if ticket.assignee:
        notifications.send(ticket.assignee, "ticket.customer_message", {"ticketId": ticket.ticketId})
    return ticket


def _open_follow_up(closed: TicketModel, *, author_id: str, role: str, body: str) -> TicketModel:
    now = clock.now()
    triage = classify(
        closed.subject, body, _context(closed.customerId, now, channel=closed.channel, follow_up=True)
    )
    if triage.category is Category.OTHER:
        triage = Triage(Category(closed.category), triage.priority, triage.sentiment, triage.reasons)
    follow_up = _new_ticket(
        customer_id=closed.customerId,
        channel=closed.channel,
        source=closed.source,
        source_id=None,
        subject=f"Follow-up: {closed.subject}"[:200],
        body=body,
        author_id=author_id,
        author_role=role,
        triage=triage,
        order_id=closed.orderId,
        case_id=closed.caseId,
        follow_up_of=closed.ticketId,
    )
    at = follow_up.createdAt
    try:
        with transaction("the ticket changed meanwhile; reload it and retry") as tx:
            store.add_new(tx, follow_up)
            store.add_change(
                tx,
                closed,
                expected_status=S.CLOSED,
                entry=timeline_entry(
                    at, S.CLOSED, S.CLOSED, author_id, f"follow-up {follow_up.ticketId} opened"
                ),
                actions=[TicketModel.followUpId.set(follow_up.ticketId)],
                condition=TicketModel.followUpId.does_not_exist(),
            )
    except Conflict:
        fresh = _load(closed.ticketId)
        if fresh.followUpId:  # someone else opened the follow-up first: write there
            return _add_message(fresh, author_id=author_id, role=role, body=body, action=_action_for(role))
        raise
    _opened(follow_up)
    auto_assign(follow_up.ticketId, actor=SYSTEM)
    return _load(follow_up.ticketId)


def _action_for(role: str) -> TicketAction:
    return A.CUSTOMER_MESSAGE if role == CUSTOMER else A.SYSTEM_MESSAGE


# ------------------------------------------------------------------ agents and assignment
@cache
def _seed() -> tuple[dict[str, Any], ...]:
    raw = resources.files("aftercare.tickets").joinpath("agents_seed.json").read_text(encoding="utf-8")
    return tuple(json.loads(raw)["agents"])


def seed_agents() -> int:
    """Write the seed team (agents_seed.json) where missing; returns how many were written."""
    written = 0
    for agent in _seed():
        written += store.seed_agent(
            AgentModel(
                agentId=agent["agentId"],
                name=agent["name"],
                role=agent["role"],
                skills=list(agent["skills"]),
                supervisorId=agent.get("supervisorId"),
                active=agent.get("active", True),
                maxLoad=int(agent.get("maxLoad", 20)),
                load=0,
            )
        )
    return written


def team() -> list[AgentModel]:
    found = store.agents()
    if not found:
        seed_agents()
        found = store.agents()
    return found


def agent_to_wire(agent: AgentModel) -> AgentOut:
    return AgentOut(
        agent_id=agent.agentId,
        name=agent.name,
        role=agent.role,
        skills=[Category(str(skill)) for skill in agent.skills or []],
        supervisor_id=agent.supervisorId,
        active=bool(agent.active),
        load=int(agent.load),
        max_load=int(agent.maxLoad),
    )


def _eligible(agent: AgentModel, category: str) -> bool:
    return (
        agent.role == "agent"
        and bool(agent.active)
        and category in (agent.skills or [])
        and int(agent.load) < int(agent.maxLoad)
    )


def _assignment(
    ticket: TicketModel, agent_id: str, actor: str, note: str
) -> tuple[TicketStatus, list[Action], Any]:
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.ASSIGN)
    at = clock.now_iso()
    actions = [
        TicketModel.assignee.set(agent_id),
        TicketModel.status.set(target),
        *_sla_actions(_sla_state(ticket, status=target)),
    ]
    return current, actions, timeline_entry(at, current, target, actor, note)


def auto_assign(ticket_id: str, *, actor: str) -> str | None:
    """Assign to the least-loaded active agent with the category's skill.

    The agent's load counter is incremented in the same transaction as the ticket's
    change, on the condition that it is still the load read: of two tickets assigned at
    once, the second finds the condition failed, re-reads that agent and picks again."""
    ticket = _load(ticket_id)
    if ticket.assignee or not rules.can_transition(TicketStatus(ticket.status), A.ASSIGN):
        return ticket.assignee
    candidates = [agent for agent in team() if _eligible(agent, ticket.category)]
    for _ in range(ASSIGN_ATTEMPTS):
        if not candidates:
            break
        candidates.sort(key=lambda agent: (int(agent.load), agent.agentId))
        agent = candidates[0]
        current, actions, entry = _assignment(
            ticket, agent.agentId, actor, f"assigned to {agent.agentId} (least loaded with {ticket.category})"
        )
        try:
            with transaction("the ticket or the agent changed meanwhile") as tx:
                store.add_change(tx, ticket, expected_status=current, entry=entry, actions=actions)
                store.take_slot(tx, agent)
        except Conflict:
            fresh_ticket = _load(ticket_id)
            if fresh_ticket.version != ticket.version:
                return fresh_ticket.assignee  # someone else assigned or moved it
            fresh = store.get_agent(agent.agentId)
            candidates = candidates[1:] + ([fresh] if fresh and _eligible(fresh, ticket.category) else [])
            metrics.add_metric(name="TicketAssignmentRetries", unit="Count", value=1)
            continue
        notifications.send(
            agent.agentId, "ticket.assigned", {"ticketId": ticket_id, "priority": ticket.priority}
        )
        metrics.add_metric(name="TicketsAssigned", unit="Count", value=1)
        return agent.agentId
    logger.info("no agent available", extra={"ticket_id": ticket_id, "category": ticket.category})
    return None


def assign(ticket_id: str, *, assignee: str | None, actor: str) -> TicketOut:
    ticket = _load(ticket_id)
    rules.next_status(TicketStatus(ticket.status), A.ASSIGN)
    if assignee is None:
        previous = ticket.assignee
        if previous:
            raise Conflict(f"the ticket is already assigned to {previous}; name the new assignee")
        if auto_assign(ticket_id, actor=actor) is None:
            raise BusinessRuleViolation(
                f"no available agent has the {ticket.category} skill; name an assignee"
            )
        return to_wire(_load(ticket_id))
    agent = store.get_agent(assignee)
    if agent is None or not agent.active:
        raise BusinessRuleViolation(
            f"{assignee} is not an active agent",
            errors=[{"field": "assignee", "message": "unknown or inactive"}],
        )
    if ticket.assignee == assignee:
        return to_wire(ticket)
    previous = ticket.assignee
    current, actions, entry = _assignment(
        ticket, assignee, actor, f"assigned to {assignee}" + (f" (was {previous})" if previous else "")
    )
    with transaction("the ticket changed meanwhile; reload it and retry") as tx:
        store.add_change(tx, ticket, expected_status=current, entry=entry, actions=actions)
        store.take_manual_slot(tx, assignee)
    if previous:
        store.adjust_load(previous, -1)
    notifications.send(assignee, "ticket.assigned", {"ticketId": ticket_id, "priority": ticket.priority})
    return to_wire(_load(ticket_id))


def _supervisors_for(ticket: TicketModel) -> list[str]:
    if ticket.assignee:
        agent = store.get_agent(ticket.assignee)
        if agent is not None and agent.supervisorId:
            return [agent.supervisorId]
    return [agent.agentId for agent in store.agents() if agent.role == "supervisor" and agent.active]


# ------------------------------------------------------------------ staff work
def _format_deadline(value: str) -> str:
    return clock.parse_iso(value).strftime("%Y-%m-%d %H:%M UTC")


def compose_reply(ticket: TicketModel, request: ReplyRequest, agent_id: str) -> tuple[str, str | None]:
    if request.template_id is None:
        return str(request.message), None
    template = templates.get(request.template_id)
    agent = store.get_agent(agent_id)
    values: dict[str, str | None] = {
        "customerName": "顾客" if template.language == "zh" else "customer",
        "orderId": ticket.orderId,
        "ticketId": ticket.ticketId,
        "deadline": _format_deadline(ticket.resolutionDue),
        "agentName": agent.name if agent else agent_id,
    }
    values.update(request.variables or {})
    text = templates.fill(template, values)
    if request.message:
        text = f"{text}\n\n{request.message}"
    return text, template.template_id


def _agent_message_actions(
    ticket: TicketModel, agent_id: str, role: str, body: str, template_id: str | None, at: str
) -> tuple[list[Action], dict[str, Any]]:
    actions: list[Action] = [
        TicketModel.messages.set(
            TicketModel.messages.append([_message(agent_id, role, body, at, template_id)])
        )
    ]
    changes: dict[str, Any] = {}
    if ticket.firstRespondedAt is None:
        actions.append(TicketModel.firstRespondedAt.set(at))
        changes["first_responded"] = True
        seconds = (clock.parse_iso(at) - clock.parse_iso(ticket.createdAt)).total_seconds()
        metrics.add_metric(name="TicketFirstResponseSeconds", unit="Seconds", value=seconds)
    return actions, changes


def _staff_role(principal: Principal) -> str:
    return "supervisor" if "supervisor" in principal.roles else "agent"


def reply(ticket_id: str, principal: Principal, request: ReplyRequest) -> TicketOut:
    ticket = _load(ticket_id)
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.REPLY)
    _room_for(ticket)
    body, template_id = compose_reply(ticket, request, principal.sub)
    at = clock.now_iso()
    actions, changes = _agent_message_actions(
        ticket, principal.sub, _staff_role(principal), body, template_id, at
    )
    actions += _sla_actions(_sla_state(ticket, **changes))
    note = "reply" + (f" from template {template_id}" if template_id else "")
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(at, current, target, principal.sub, note),
        actions=actions,
    )
    notifications.send(ticket.customerId, "ticket.replied", {"ticketId": ticket_id})
    return to_wire(ticket)


def await_customer(ticket_id: str, principal: Principal, message: str | None) -> TicketOut:
    ticket = _load(ticket_id)
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.AWAIT_CUSTOMER)
    at = clock.now_iso()
    actions: list[Action] = [TicketModel.status.set(target), TicketModel.pausedAt.set(at)]
    changes: dict[str, Any] = {"status": target}
    if message:
        _room_for(ticket)
        more, first = _agent_message_actions(ticket, principal.sub, _staff_role(principal), message, None, at)
        actions += more
        changes.update(first)
    actions += _sla_actions(_sla_state(ticket, **changes))
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(
            at, current, target, principal.sub, "waiting on the customer; resolution clock paused"
        ),
        actions=actions,
    )
    if message:
        notifications.send(ticket.customerId, "ticket.replied", {"ticketId": ticket_id})
    return to_wire(ticket)


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


def _write_solve(
    ticket: TicketModel, *, expected_status: TicketStatus, entry: TimelineAttribute, actions: list[Action]
) -> NewSurvey | None:
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
                store.add_change(tx, ticket, expected_status=expected_status, entry=entry, actions=actions)
                if release:
                    store.add_release_slot(tx, release)
                if survey is not None and survey.add_to is not None:
                    survey.add_to(tx)
        except Conflict:
            fresh = store.get(ticket.ticketId, consistent=True)
            if attempt or fresh is None or fresh.status != expected_status or fresh.version != ticket.version:
                raise
            release = release if release and store.can_release_slot(release) else None
            survey = _prepare_survey(ticket)
            continue
        break
    ticket.refresh(consistent_read=True)
    return survey


def solve(ticket_id: str, principal: Principal, request: SolveRequest) -> TicketOut:
    ticket = _load(ticket_id)
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
    actions: list[Action] = [
        TicketModel.status.set(target),
        TicketModel.solvedAt.set(at),
        TicketModel.resolution.set(resolution),
    ]
    changes: dict[str, Any] = {"status": target, "solved_at": now}
    if current is S.PENDING and ticket.pausedAt:
        paused = int((now - clock.parse_iso(ticket.pausedAt)).total_seconds())
        actions += [
            TicketModel.pausedAt.remove(),
            TicketModel.pausedSeconds.set(TicketModel.pausedSeconds + paused),
        ]
    if request.message:
        _room_for(ticket)
        more, first = _agent_message_actions(
            ticket, principal.sub, _staff_role(principal), request.message, None, at
        )
        actions += more
        changes.update(first)
    actions += _sla_actions(_sla_state(ticket, **changes))
    note = f"solved: {request.resolution}" + (f" (outcome {request.outcome})" if request.outcome else "")
    survey = _write_solve(
        ticket,
        expected_status=current,
        entry=timeline_entry(at, current, target, principal.sub, note),
        actions=actions,
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
    return to_wire(ticket)


def escalate(ticket_id: str, principal: Principal, reason: str) -> TicketOut:
    ticket = _load(ticket_id)
    current = TicketStatus(ticket.status)
    rules.next_status(current, A.ESCALATE)
    old = Priority(ticket.priority)
    new = rules.raise_priority(old)
    now = clock.now()
    at = clock.iso(now)
    actions: list[Action] = [
        TicketModel.priority.set(new),
        TicketModel.escalations.set(TicketModel.escalations + 1),
    ]
    changes: dict[str, Any] = {}
    if ticket.firstRespondedAt is None:
        due = rules.first_response_due_after_escalation(clock.parse_iso(ticket.firstResponseDue), now, new)
        actions.append(TicketModel.firstResponseDue.set(clock.iso(due)))
        changes["first_response_due"] = due
    actions += _sla_actions(_sla_state(ticket, **changes))
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(at, current, current, principal.sub, f"escalated {old} -> {new}: {reason}"),
        actions=actions,
    )
    for supervisor in _supervisors_for(ticket):
        notifications.send(
            supervisor, "ticket.escalated", {"ticketId": ticket_id, "priority": new, "reason": reason}
        )
    metrics.add_metric(name="TicketEscalations", unit="Count", value=1)
    return to_wire(ticket)


def correct_triage(ticket_id: str, principal: Principal, request: TriageCorrectionRequest) -> TicketOut:
    """Staff set the ticket's category, priority or sentiment. The ticket keeps what the
    model said (the first correction's `from*`) beside the labels staff gave, which makes it
    a labelled example (store.corrections, `make export-triage-corrections`). A new priority
    moves an unanswered ticket's first-response target: tighter when raised (counted from
    now, as an escalation), the new priority's own target from creation when lowered."""
    ticket = _load(ticket_id)
    current = TicketStatus(ticket.status)
    old = (Category(ticket.category), Priority(ticket.priority), Sentiment(ticket.sentiment))
    new = (request.category or old[0], request.priority or old[1], request.sentiment or old[2])
    if new == old:
        return to_wire(ticket)  # nothing to correct: the triage stands (and is not a correction)
    now = clock.now()
    at = clock.iso(now)
    first = ticket.triageCorrection
    correction = {
        "fromCategory": first.fromCategory if first else old[0].value,
        "fromPriority": first.fromPriority if first else old[1].value,
        "fromSentiment": first.fromSentiment if first else old[2].value,
        "category": new[0].value,
        "priority": new[1].value,
        "sentiment": new[2].value,
        "by": principal.sub,
        "at": at,
    }
    if request.note:
        correction["note"] = request.note
    actions: list[Action] = [
        TicketModel.category.set(new[0].value),
        TicketModel.priority.set(new[1].value),
        TicketModel.sentiment.set(new[2].value),
        TicketModel.triageCorrection.set(correction),
        TicketModel.correctionLog.set(store.CORRECTION_LOG),
        TicketModel.correctedAt.set(at),
    ]
    changes: dict[str, Any] = {}
    if new[1] is not old[1] and ticket.firstRespondedAt is None:
        if rules.at_least(new[1], old[1]) is new[1]:  # raised
            current_due = clock.parse_iso(ticket.firstResponseDue)
            due = rules.first_response_due_after_escalation(current_due, now, new[1])
        else:
            due = rules.initial_deadlines(clock.parse_iso(ticket.createdAt), new[1]).first_response_due
        actions.append(TicketModel.firstResponseDue.set(clock.iso(due)))
        changes["first_response_due"] = due
    actions += _sla_actions(_sla_state(ticket, **changes))
    note = f"triage corrected: {'/'.join(old)} -> {'/'.join(new)}"
    if request.note:
        note += f": {request.note}"
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(at, current, current, principal.sub, note),
        actions=actions,
    )
    metrics.add_metric(name="TicketTriageCorrections", unit="Count", value=1)
    return to_wire(ticket)


def triage_examples(since: str | None = None) -> list[dict[str, str]]:
    """Corrected tickets as labelled examples in the corpus's shape (ml/triage/corpus),
    oldest correction first: the text the customer wrote and the labels staff gave."""
    from aftercare.tickets.triage.text import language_of

    examples = []
    for row in store.corrections(since=since):
        c = row.triageCorrection
        if c is None:
            continue
        first = next((m for m in row.messages or [] if m.authorRole == CUSTOMER), None)
        message = first.body if first else (row.messages[0].body if row.messages else "")
        examples.append(
            {
                "id": f"correction-{row.ticketId}",
                "subject": row.subject,
                "message": message,
                "channel": row.channel or "",
                "language": language_of(f"{row.subject} {message}"),
                "category": c.category,
                "priority": c.priority,
                "sentiment": c.sentiment,
                "predicted": f"{c.fromCategory}/{c.fromPriority}/{c.fromSentiment}",
                "correctedBy": c.by,
                "correctedAt": c.at,
                "source": row.source,
            }
        )
    return examples


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
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def _status_lane(
    status: TicketStatus,
) -> Callable[[dict[str, Any] | None, int], tuple[list[TicketModel], dict[str, Any] | None]]:
    return lambda start, limit: store.list_by_status(status, limit=limit, start_key=start)


# ------------------------------------------------------------------ the scheduled SLA check
def run_sla_check(now: datetime | None = None) -> dict[str, int]:
    """Escalate every SLA breach once and close tickets solved 4 days ago."""
    at = now or clock.now()
    outcome: Counter[str] = Counter()
    for row in store.due_for_check(clock.iso(at)):
        try:
            outcome.update(_check(row.ticketId, at))
        except (Conflict, NotFound):
            outcome["skipped"] += 1  # changed meanwhile; the next run looks again
    logger.info("ticket SLA check", extra=dict(outcome))
    return dict(outcome)


def _check(ticket_id: str, now: datetime) -> Counter[str]:
    ticket = _load(ticket_id)
    state = _sla_state(ticket)
    current = state.status
    at = clock.iso(now)
    if rules.should_auto_close(state, now):
        closed = rules.next_status(current, A.CLOSE)
        store.change(
            ticket,
            expected_status=current,
            entry=timeline_entry(
                at, current, closed, SYSTEM, "closed automatically 4 days after it was solved"
            ),
            actions=[
                TicketModel.status.set(closed),
                TicketModel.closedAt.set(at),
                *_sla_actions(_sla_state(ticket, status=closed), closed_at=now),
            ],
        )
        metrics.add_metric(name="TicketsAutoClosed", unit="Count", value=1)
        return Counter(closed=1)
    breaches = rules.due_breaches(state, now)
    if not breaches:
        # The index was behind, or a deadline moved: re-aim the watch (no state change).
        if rules.next_check_at(state) != _dt(ticket.nextCheckAt):
            store.retarget(ticket, expected_status=current, actions=_sla_actions(state))
        return Counter(nothing_due=1)
    old = Priority(ticket.priority)
    new = rules.raise_priority(old, len(breaches))
    records = []
    for index, kind in enumerate(breaches):
        due = state.first_response_due if kind is Breach.FIRST_RESPONSE else state.resolution_due
        records.append(
            {
                "kind": kind.value,
                "due": clock.iso(due),
                "at": at,
                "priorityFrom": rules.raise_priority(old, index),
                "priorityTo": rules.raise_priority(old, index + 1),
            }
        )
    after = _sla_state(ticket, breached=state.breached | frozenset(breaches))
    store.change(
        ticket,
        expected_status=current,
        entry=timeline_entry(
            at,
            current,
            current,
            SYSTEM,
            f"SLA breach: {', '.join(breaches)}; priority {old} -> {new}",
        ),
        actions=[
            TicketModel.priority.set(new),
            TicketModel.breaches.set(TicketModel.breaches.append(records)),
            TicketModel.breachCount.set(TicketModel.breachCount + len(breaches)),
            *_sla_actions(after),
        ],
    )
    # Only the run whose conditional write succeeded gets here: notified once per breach.
    for record in records:
        for supervisor in _supervisors_for(ticket):
            notifications.send(
                supervisor,
                "ticket.sla_breached",
                {"ticketId": ticket_id, "kind": record["kind"], "due": record["due"], "priority": new},
            )
        metrics.add_metric(name="TicketSlaBreaches", unit="Count", value=1)
        metrics.add_metric(
            name="TicketFirstResponseBreaches"
            if record["kind"] == Breach.FIRST_RESPONSE
            else "TicketResolutionBreaches",
            unit="Count",
            value=1,
        )
    return Counter(breaches=len(breaches))


# ------------------------------------------------------------------ tickets other domains open
def open_or_update_for(
    *,
    source: str,
    source_id: str,
    customer_id: str,
    subject: str,
    message: str,
    category: str,
    order_id: str | None = None,
    case_id: str | None = None,
) -> str:
    if not source or "#" in source or not source_id:
        raise ValueError("source and source_id must be non-empty (and source without '#')")
    forced = Category(category)
    existing = store.ticket_for_source(source, source_id)
    if existing:
        return _append_from(existing, source, message)
    now = clock.now()
    order_value = None
    if order_id:
        from aftercare.orders import store as orders

        order = orders.get(order_id)
        order_value = int(order.total) if order else None
    triage = classify(subject, message, _context(customer_id, now, order_value=order_value))
    priority = Priority.URGENT if forced is Category.COMPLAINT else triage.priority
    ticket = _new_ticket(
        customer_id=customer_id,
        channel=None,
        source=source,
        source_id=source_id,
        subject=subject[:200],
        body=message[:2000],
        author_id=source,
        author_role=SYSTEM,
        triage=Triage(forced, priority, triage.sentiment, (*triage.reasons, f"opened by {source}")),
        order_id=order_id,
        case_id=case_id,
    )
    if store.create_unique(ticket, source=source, source_id=source_id):
        _opened(ticket)
        auto_assign(ticket.ticketId, actor=SYSTEM)
        return ticket.ticketId
    existing = store.ticket_for_source(source, source_id)  # another caller won the race
    if existing is None:
        raise Conflict("the source's ticket could not be created or found; retry")
    return _append_from(existing, source, message)


_APPEND_ATTEMPTS = 10


def _append_from(ticket_id: str, source: str, message: str) -> str:
    body = message[:2000]
    # Each refusal means another writer got in, so the attempts bound how many reports may
    # race for one ticket; the jitter keeps the racers from colliding again in step.
    for attempt in range(_APPEND_ATTEMPTS):
        if attempt:
            time.sleep(random.uniform(0, 0.02 * attempt))  # noqa: S311 - jitter, not a secret
        live = _live(_load(ticket_id))
        if any(
            m.authorRole == SYSTEM and m.authorId == source and m.body == body for m in live.messages or []
        ):
            return live.ticketId  # the same report again
        try:
            return _add_message(
                live, author_id=source, role=SYSTEM, body=body, action=A.SYSTEM_MESSAGE
            ).ticketId
        except Conflict:
            continue  # a concurrent change: reload and try again
    raise Conflict("the ticket kept changing; retry")

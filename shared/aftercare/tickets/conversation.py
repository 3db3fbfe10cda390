"""The conversation: customers' and other domains' messages (which resume a paused clock,
reopen a solved ticket, or open a follow-up of a closed one), staff replies from templates,
and the conversation read page by page. Each message is one write, however long the
conversation grows."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.auth import CUSTOMER, Principal, require_owner
from aftercare.db import transaction
from aftercare.errors import Conflict
from aftercare.notifications import port as notifications
from aftercare.observability import metrics
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.tickets import agent_store, assignment, intake, messages, rules, sla, store, templates, views
from aftercare.tickets.changes import Change, Entry, Fields, TicketCounter
from aftercare.tickets.models import MessageOut, ReplyRequest, TicketOut
from aftercare.tickets.rules import Category, TicketAction, TicketStatus
from aftercare.tickets.ticket_items import TicketModel
from aftercare.tickets.triage import Triage, classify
from aftercare.wire import Page

A, S = TicketAction, TicketStatus


def post_customer_message(principal: Principal, ticket_id: str, body: str) -> TicketOut:
    ticket = views.load(ticket_id)
    require_owner(principal, ticket.customerId, views.WHAT)
    return views.to_wire(
        add_message(ticket, author_id=principal.sub, role=CUSTOMER, body=body, action=A.CUSTOMER_MESSAGE)
    )


def add_message(
    ticket: TicketModel,
    *,
    author_id: str,
    role: str,
    body: str,
    action: TicketAction,
    report: str | None = None,
) -> TicketModel:
    """A customer's (or another domain's) message: resumes a paused clock, reopens a solved
    ticket, and on a closed one opens a follow-up ticket instead. `report`: the digest of a
    system report the ticket must not hold yet."""
    ticket = views.live(ticket)
    current = TicketStatus(ticket.status)
    if current is S.CLOSED:
        return _open_follow_up(ticket, author_id=author_id, role=role, body=body, report=report)
    target = rules.next_status(current, action)
    now = clock.now()
    at = clock.iso(now)
    fields = Fields({"status": target})
    add: dict[TicketCounter, int] = {}
    changes: dict[str, Any] = {"status": target}
    note = "message"
    if current is S.PENDING and target is not S.PENDING and ticket.pausedAt:
        paused_at = clock.parse_iso(ticket.pausedAt)
        due = rules.resumed_resolution_due(clock.parse_iso(ticket.resolutionDue), paused_at, now)
        fields |= Fields({"resolutionDue": clock.iso(due)}, frozenset({"pausedAt"}))
        add["pausedSeconds"] = int((now - paused_at).total_seconds())
        changes["resolution_due"] = due
        note = "the customer answered; the resolution clock resumes"
    reopened = current is S.SOLVED
    if reopened and ticket.solvedAt:
        due = rules.resumed_resolution_due(
            clock.parse_iso(ticket.resolutionDue), clock.parse_iso(ticket.solvedAt), now
        )
        fields |= Fields({"resolutionDue": clock.iso(due)}, frozenset({"solvedAt", "resolution"}))
        changes.update(resolution_due=due, solved_at=None)
        note = "reopened by a new message"
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(at, current, target, author_id, note),
            fields=fields | sla.bookkeeping(sla.state_of(ticket, **changes)),
            add=add,
            message=messages.new_message(author_id, role, body, at),
            report=report,
            on_timeline=target is not current,
        ),
    )
    if reopened and ticket.assignee:
        agent_store.adjust_load(ticket.assignee, +1)
        metrics.add_metric(name="TicketsReopened", unit="Count", value=1)
    if ticket.assignee:
        notifications.send(ticket.assignee, "ticket.customer_message", {"ticketId": ticket.ticketId})
    return ticket


def _open_follow_up(
    closed: TicketModel, *, author_id: str, role: str, body: str, report: str | None
) -> TicketModel:
    triage = classify(
        closed.subject, body, intake.context(closed.customerId, channel=closed.channel, follow_up=True)
    )
    if triage.category is Category.OTHER:
        triage = Triage(Category(closed.category), triage.priority, triage.sentiment, triage.reasons)
    follow_up = intake.new_ticket(
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
        report=report,
    )
    link = Change(
        expected=S.CLOSED,
        entry=Entry(
            follow_up.entry.at, S.CLOSED, S.CLOSED, author_id, f"follow-up {follow_up.ticket_id} opened"
        ),
        fields=Fields({"followUpId": follow_up.ticket_id}),
        without_follow_up=True,
    )
    try:
        with transaction("the ticket changed meanwhile; reload it and retry") as tx:
            store.add_new(tx, follow_up)
            store.add_apply(tx, closed, link)
    except Conflict:
        fresh = views.load(closed.ticketId)
        if fresh.followUpId:  # someone else opened the follow-up first: write there
            return add_message(
                fresh, author_id=author_id, role=role, body=body, action=_action_for(role), report=report
            )
        raise
    intake.opened(follow_up)
    assignment.auto_assign(follow_up.ticket_id, actor=intake.SYSTEM)
    return views.load(follow_up.ticket_id)


def _action_for(role: str) -> TicketAction:
    return A.CUSTOMER_MESSAGE if role == CUSTOMER else A.SYSTEM_MESSAGE


# ------------------------------------------------------------------ staff replies
def _format_deadline(value: str) -> str:
    return clock.parse_iso(value).strftime("%Y-%m-%d %H:%M UTC")


def compose_reply(ticket: TicketModel, request: ReplyRequest, agent_id: str) -> tuple[str, str | None]:
    if request.template_id is None:
        return str(request.message), None
    template = templates.get(request.template_id)
    agent = agent_store.get_agent(agent_id)
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


def reply(ticket_id: str, principal: Principal, request: ReplyRequest) -> TicketOut:
    ticket = views.load(ticket_id)
    current = TicketStatus(ticket.status)
    target = rules.next_status(current, A.REPLY)
    body, template_id = compose_reply(ticket, request, principal.sub)
    at = clock.now_iso()
    fields, changes = messages.first_response(ticket, at)
    note = "reply" + (f" from template {template_id}" if template_id else "")
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(at, current, target, principal.sub, note),
            fields=fields | sla.bookkeeping(sla.state_of(ticket, **changes)),
            message=messages.staff_message(principal, body, at, template_id),
            on_timeline=False,  # a reply changes no status: the conversation holds it
        ),
    )
    notifications.send(ticket.customerId, "ticket.replied", {"ticketId": ticket_id})
    return views.to_wire(ticket)


# ------------------------------------------------------------------ reading the conversation
def messages_page(
    principal: Principal, ticket_id: str, *, limit: int | None, cursor: str | None
) -> Page[MessageOut]:
    """The conversation oldest first, a page at a time (the cursor holds the next position)."""
    ticket = views.load_for(principal, ticket_id)
    size = clamp_limit(limit)
    scope = f"tickets:messages:{ticket_id}"
    start = int((decode_cursor(cursor, owner=principal.sub, scope=scope) or {}).get("position", 0))
    stop = start + size
    found = store.messages(ticket, start=start, stop=stop)
    more = stop < int(ticket.messageCount or 0)
    return Page[MessageOut](
        items=[views.message_out(m) for m in found],
        next_cursor=encode_cursor({"position": stop}, owner=principal.sub, scope=scope) if more else None,
    )

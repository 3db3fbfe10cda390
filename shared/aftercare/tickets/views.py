"""Reading tickets: loading one (as the caller may see it) and its wire shape."""

from __future__ import annotations

from aftercare import clock
from aftercare.auth import Principal, require_owner_or_staff
from aftercare.errors import NotFound
from aftercare.tickets import rules, store
from aftercare.tickets.changes import Message
from aftercare.tickets.models import BreachOut, MessageOut, ResolutionOut, TicketOut, TriageCorrectionOut
from aftercare.tickets.rules import Category, Priority, Sentiment, TicketStatus
from aftercare.tickets.ticket_items import TicketModel
from aftercare.wire import TimelineEntry

WHAT = "ticket"
LATEST = 50  # the messages a ticket's own view shows (the latest); the rest: its messages route


def load(ticket_id: str) -> TicketModel:
    ticket = store.get(ticket_id, consistent=True)
    if ticket is None:
        raise NotFound(f"{WHAT} not found")
    return ticket


def load_for(principal: Principal, ticket_id: str) -> TicketModel:
    """The ticket if the caller may see it (owner or staff); another customer's is a 404."""
    ticket = load(ticket_id)
    require_owner_or_staff(principal, ticket.customerId, WHAT)
    return ticket


def live(ticket: TicketModel) -> TicketModel:
    """A closed ticket's follow-up (and its follow-up ...): where new messages go."""
    seen = {ticket.ticketId}
    while ticket.status == rules.TicketStatus.CLOSED and ticket.followUpId and ticket.followUpId not in seen:
        seen.add(ticket.followUpId)
        ticket = load(ticket.followUpId)
    return ticket


def message_out(message: Message) -> MessageOut:
    return MessageOut(
        message_id=message.message_id,
        at=message.at,
        author_id=message.author_id,
        author_role=message.author_role,
        body=message.body,
        template_id=message.template_id,
    )


def latest_messages(ticket: TicketModel) -> list[Message]:
    count = int(ticket.messageCount or 0)
    return store.messages(ticket, start=count - LATEST, stop=count)


def to_wire(ticket: TicketModel) -> TicketOut:
    """The ticket with its latest messages (one batch read)."""
    return summary(ticket, latest_messages(ticket))


def summary(ticket: TicketModel, messages: list[Message] | None = None) -> TicketOut:
    """The ticket as listed: with `messages` when given, else its latest message only."""
    if messages is None:
        messages = store.latest_message(ticket)
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
        messages=[message_out(m) for m in messages],
        message_count=int(ticket.messageCount or 0),
        first_response_due=ticket.firstResponseDue,
        resolution_due=ticket.resolutionDue,
        first_responded_at=ticket.firstRespondedAt,
        paused_at=ticket.pausedAt,
        solved_at=ticket.solvedAt,
        auto_close_at=clock.iso(rules.auto_close_at(clock.parse_iso(ticket.solvedAt)))
        if ticket.solvedAt and ticket.status == TicketStatus.SOLVED
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

"""Intake: opening a ticket, triaged with what is known about the customer, with FAQ hints."""

from __future__ import annotations

from datetime import timedelta

from aftercare import clock, ids
from aftercare.auth import CUSTOMER, Principal, require_role
from aftercare.customers import queries as customers
from aftercare.observability import logger, metrics
from aftercare.orders import queries as orders
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.tickets import assignment, faq, messages, rules, store, views
from aftercare.tickets.changes import Entry, NewTicket
from aftercare.tickets.models import FaqHitOut, OpenedTicketOut, OpenTicketRequest, TicketOut
from aftercare.tickets.rules import Priority, TicketStatus
from aftercare.tickets.triage import Triage, TriageContext, classify
from aftercare.wire import Page

CUSTOMER_SOURCE = "customer"
SYSTEM = "system"
SUGGESTIONS = 3
CONTACT_WINDOW = timedelta(days=7)


def context(
    customer_id: str,
    *,
    order_value: int | None = None,
    channel: str | None = None,
    follow_up: bool = False,
    tier: str | None = None,
) -> TriageContext:
    """What triage needs besides the text: the customer's tickets of the last 7 days (how
    many, and the categories of those still open), the order's value, the tier."""
    recent = store.recent_since(customer_id, clock.iso(clock.now() - CONTACT_WINDOW))
    return TriageContext(
        order_value=order_value,
        recent_contacts=len(recent),
        open_categories=tuple(category for category, status in recent if status in rules.ACTIVE),
        follow_up=follow_up,
        tier=tier,
        channel=channel,
    )


def _tier_of(customer_id: str) -> str | None:
    try:
        return customers.reach(customer_id).tier
    except Exception:  # triage goes ahead without the tier; a ticket must never fail on it
        logger.exception("membership tier unavailable", extra={"customer_id": customer_id})
        return None


def new_ticket(
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
    report: str | None = None,
) -> NewTicket:
    now = clock.now()
    at = clock.iso(now)
    deadlines = rules.initial_deadlines(now, triage.priority)
    state = rules.SlaState(
        status=TicketStatus.NEW,
        first_response_due=deadlines.first_response_due,
        resolution_due=deadlines.resolution_due,
        first_responded=False,
        breached=frozenset(),
        solved_at=None,
    )
    check = rules.next_check_at(state)
    note = f"opened: {triage.category}, {triage.priority}, {triage.sentiment}" + (
        f" (follow-up of {follow_up_of})" if follow_up_of else ""
    )
    return NewTicket(
        ticket_id=ids.new_id("tk"),
        customer_id=customer_id,
        channel=channel,
        source=source,
        source_id=source_id,
        subject=subject,
        category=triage.category,
        priority=triage.priority,
        sentiment=triage.sentiment,
        triage_reasons=tuple(triage.reasons),
        first_response_due=clock.iso(deadlines.first_response_due),
        resolution_due=clock.iso(deadlines.resolution_due),
        queue_due=clock.iso(rules.queue_due(state)),
        next_check_at=clock.iso(check) if check else None,
        message=messages.new_message(author_id, author_role, body, at),
        entry=Entry(at, None, TicketStatus.NEW, author_id, note),
        order_id=order_id,
        case_id=case_id,
        follow_up_of=follow_up_of,
        report=report,
    )


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
    if request.order_id:  # the caller's own order (another customer's is a 404)
        order_value = orders.order_for(principal, request.order_id).total
    triage = classify(
        request.subject,
        request.message,
        context(
            principal.sub, order_value=order_value, channel=request.channel, tier=_tier_of(principal.sub)
        ),
    )
    ticket = new_ticket(
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
    opened(ticket)
    assignment.auto_assign(ticket.ticket_id, actor=SYSTEM)
    wire = views.to_wire(views.load(ticket.ticket_id))
    return OpenedTicketOut(
        **wire.model_dump(), suggestions=suggestions_for(f"{request.subject} {request.message}")
    )


def opened(ticket: NewTicket) -> None:
    metrics.add_metric(name="TicketsOpened", unit="Count", value=1)
    if ticket.priority == Priority.URGENT:
        metrics.add_metric(name="TicketsOpenedUrgent", unit="Count", value=1)
    logger.info(
        "ticket opened",
        extra={
            "ticket_id": ticket.ticket_id,
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
        items=[views.summary(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )

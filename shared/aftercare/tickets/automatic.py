"""Tickets other domains open (through `aftercare.tickets.port`): one per (source,
source id), however often and however concurrently they are reported; a report already on
the ticket is kept once."""

from __future__ import annotations

import random
import time

from aftercare.errors import Conflict
from aftercare.orders import queries as orders
from aftercare.tickets import assignment, conversation, intake, message_store, store, views
from aftercare.tickets.rules import Category, Priority, TicketAction
from aftercare.tickets.triage import Triage, classify

SYSTEM = intake.SYSTEM
APPEND_ATTEMPTS = 10


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
    order_value = orders.total_of(order_id) if order_id else None
    triage = classify(subject, message, intake.context(customer_id, order_value=order_value))
    priority = Priority.URGENT if forced is Category.COMPLAINT else triage.priority
    ticket = intake.new_ticket(
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
        report=message_store.report_digest(source, message[:2000]),
    )
    if store.create_unique(ticket, source=source, source_id=source_id):
        intake.opened(ticket)
        assignment.auto_assign(ticket.ticket_id, actor=SYSTEM)
        return ticket.ticket_id
    existing = store.ticket_for_source(source, source_id)  # another caller won the race
    if existing is None:
        raise Conflict("the source's ticket could not be created or found; retry")
    return _append_from(existing, source, message)


def _append_from(ticket_id: str, source: str, message: str) -> str:
    body = message[:2000]
    digest = message_store.report_digest(source, body)
    # Each refusal means another writer got in, so the attempts bound how many reports may
    # race for one ticket; the jitter keeps the racers from colliding again in step.
    for attempt in range(APPEND_ATTEMPTS):
        if attempt:
            time.sleep(random.uniform(0, 0.02 * attempt))  # noqa: S311 - jitter, not a secret
        live = views.live(views.load(ticket_id))
        if message_store.has_report(live.ticketId, digest):
            return live.ticketId  # the same report again
        try:
            return conversation.add_message(
                live,
                author_id=source,
                role=SYSTEM,
                body=body,
                action=TicketAction.SYSTEM_MESSAGE,
                report=digest,
            ).ticketId
        except Conflict:
            continue  # a concurrent change: reload and try again
    raise Conflict("the ticket kept changing; retry")

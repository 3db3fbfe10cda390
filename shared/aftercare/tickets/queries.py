"""What other domains may read of tickets: frozen views, never the table's model.

Customers lists a customer's tickets in their history (analytics learns who handled a
ticket and for how long from its events). Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.tickets import store


@dataclass(frozen=True)
class TicketSummary:
    ticket_id: str
    status: str
    category: str
    subject: str
    updated_at: str


def recent_for_customer(customer_id: str, *, limit: int) -> tuple[TicketSummary, ...]:
    """The customer's latest `limit` tickets, newest first (their customer index)."""
    rows, _ = store.list_for_customer(customer_id, limit=limit, start_key=None)
    return tuple(
        TicketSummary(
            ticket_id=ticket.ticketId,
            status=ticket.status,
            category=ticket.category,
            subject=ticket.subject,
            updated_at=ticket.updatedAt,
        )
        for ticket in rows
    )

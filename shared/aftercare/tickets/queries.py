"""What other domains may read of tickets: frozen views, never the table's model.

Customers lists a customer's tickets in their history; analytics reads who handled a
ticket and for how long. Nothing here writes.
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


@dataclass(frozen=True)
class Move:
    """One timeline entry of a ticket: from which status to which, when."""

    at: str
    from_status: str | None
    to: str


@dataclass(frozen=True)
class TicketHandling:
    """What a ticket's handling time and agent are read from (analytics)."""

    created_at: str
    assignee: str | None
    solved_at: str | None
    timeline: tuple[Move, ...]


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


def handling(ticket_id: str) -> TicketHandling | None:
    """The ticket's creation, assignee, first solve and timeline; None if there is none."""
    ticket = store.get(ticket_id, consistent=True)
    if ticket is None:
        return None
    return TicketHandling(
        created_at=ticket.createdAt,
        assignee=ticket.assignee,
        solved_at=ticket.solvedAt,
        timeline=tuple(Move(e.at, e.from_status, e.to) for e in ticket.timeline or ()),
    )

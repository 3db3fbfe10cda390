"""Which changes of a ticket are events for the other domains: a pure function of the
ticket's item before and after the change (the Tickets table's stream).

The table also holds a conversation's message items (`msg#...`) and uniqueness items
(`key#...`); only the ticket item itself says what happened to a ticket."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.events import Happened
from aftercare.tickets.events import TicketSolved

Image = Mapping[str, Any]

SOLVED = "SOLVED"


def _is_ticket(image: Image) -> bool:
    ticket_id = str(image.get("ticketId") or "")
    return bool(ticket_id) and "#" not in ticket_id and bool(image.get("customerId") and image.get("status"))


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not _is_ticket(new):
        return []
    if new["status"] != SOLVED or (old is not None and old.get("status") == SOLVED):
        return []
    solved_at = str(new.get("solvedAt") or new.get("updatedAt") or "")
    return [
        Happened(
            TicketSolved(
                ticket_id=str(new["ticketId"]),
                customer_id=str(new["customerId"]),
                solved_at=solved_at,
                category=str(new.get("category") or ""),
                order_id=str(new.get("orderId") or ""),
                case_id=str(new.get("caseId") or ""),
            ),
            subject=str(new["ticketId"]),
            time=solved_at,
        )
    ]

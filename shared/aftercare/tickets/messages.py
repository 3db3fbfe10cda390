"""Writing a message: its stored shape, and what the first staff answer changes."""

from __future__ import annotations

from typing import Any

from aftercare import clock, ids
from aftercare.auth import Principal
from aftercare.observability import metrics
from aftercare.tickets.changes import Fields, Message
from aftercare.tickets.ticket_items import TicketModel


def new_message(author_id: str, role: str, body: str, at: str, template_id: str | None = None) -> Message:
    return Message(
        message_id=f"msg_{ids.ulid()}",
        at=at,
        author_id=author_id,
        author_role=role,
        body=body,
        template_id=template_id,
    )


def staff_role(principal: Principal) -> str:
    return "supervisor" if "supervisor" in principal.roles else "agent"


def staff_message(principal: Principal, body: str, at: str, template_id: str | None = None) -> Message:
    return new_message(principal.sub, staff_role(principal), body, at, template_id)


def first_response(ticket: TicketModel, at: str) -> tuple[Fields, dict[str, Any]]:
    """What a staff message at `at` changes: the first one stops the first-response clock.
    Returns the fields to write and the SLA state's changes."""
    if ticket.firstRespondedAt is not None:
        return Fields(), {}
    seconds = (clock.parse_iso(at) - clock.parse_iso(ticket.createdAt)).total_seconds()
    metrics.add_metric(name="TicketFirstResponseSeconds", unit="Seconds", value=seconds)
    return Fields({"firstRespondedAt": at}), {"first_responded": True}

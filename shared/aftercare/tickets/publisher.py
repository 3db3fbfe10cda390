"""Which changes of a ticket are events for the other domains: a pure function of the
ticket's item before and after the change (the Tickets table's stream).

The table also holds a conversation's message items (`msg#...`) and uniqueness items
(`key#...`); only the ticket item itself says what happened to a ticket (its latest
message, stored as `messages`, and `messageCount` say that a message was added)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.events import Happened
from aftercare.tickets.events import (
    TEXT_CHARS,
    TicketAssigned,
    TicketOpened,
    TicketReopened,
    TicketReplied,
    TicketSlaBreached,
    TicketSolved,
    TicketTriageCorrected,
)

Image = Mapping[str, Any]

SOLVED = "SOLVED"
DONE = frozenset({SOLVED, "CLOSED"})
STAFF_AUTHORS = frozenset({"agent", "supervisor"})


def _is_ticket(image: Image) -> bool:
    ticket_id = str(image.get("ticketId") or "")
    return bool(ticket_id) and "#" not in ticket_id and bool(image.get("customerId") and image.get("status"))


def _text(image: Image | None, name: str) -> str:
    value = (image or {}).get(name)
    return "" if value is None else str(value)


def _when(image: Image) -> str:
    return str(image.get("updatedAt") or image.get("createdAt") or "")


def _solves(image: Image) -> int:
    return sum(1 for e in image.get("timeline") or [] if isinstance(e, Mapping) and e.get("to") == SOLVED)


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not _is_ticket(new):
        return []
    ticket_id = str(new["ticketId"])
    happened = [
        *_opened(old, new),
        *_assigned(old, new),
        *_replied(old, new),
        *_triage_corrected(old, new),
        *_solved(old, new),
        *_reopened(old, new),
        *_breached(old, new),
    ]
    return [Happened(payload, subject=ticket_id, time=at) for payload, at in happened]


Found = list[tuple[Any, str]]  # (payload, when it happened)


def _opened(old: Image | None, new: Image) -> Found:
    if old is not None:
        return []
    at = str(new.get("createdAt") or _when(new))
    opened = TicketOpened(
        ticket_id=str(new["ticketId"]),
        customer_id=str(new["customerId"]),
        category=_text(new, "category") or "OTHER",
        source=_text(new, "source") or "customer",
        opened_at=at,
        source_id=_text(new, "sourceId"),
        order_id=_text(new, "orderId"),
        case_id=_text(new, "caseId"),
        text=_opening_text(new),
    )
    return [(opened, at)]


def _opening_text(new: Image) -> str:
    """The subject and the first message (the one a new ticket item holds), capped."""
    first = [m for m in new.get("messages") or [] if isinstance(m, Mapping)][:1]
    body = _text(first[0], "body") if first else ""
    return "\n".join(part for part in (_text(new, "subject"), body) if part)[:TEXT_CHARS]


def _assigned(old: Image | None, new: Image) -> Found:
    agent = _text(new, "assignee")
    if not agent or agent == _text(old, "assignee"):
        return []
    at = _when(new)
    return [(TicketAssigned(ticket_id=str(new["ticketId"]), agent=agent, assigned_at=at), at)]


def _replied(old: Image | None, new: Image) -> Found:
    """The message a change added (one at most), when staff wrote it."""
    if old is None or int(new.get("messageCount") or 0) <= int(old.get("messageCount") or 0):
        return []
    latest = [m for m in new.get("messages") or [] if isinstance(m, Mapping)]  # the latest one only
    if not latest or latest[-1].get("authorRole") not in STAFF_AUTHORS:
        return []
    message = latest[-1]
    first = bool(new.get("firstRespondedAt")) and not old.get("firstRespondedAt")
    at = str(new["firstRespondedAt"]) if first else str(message.get("at") or _when(new))
    replied = TicketReplied(
        ticket_id=str(new["ticketId"]),
        message_id=_text(message, "messageId"),
        author_id=_text(message, "authorId"),
        replied_at=at,
        first_response=first,
        opened_at=_text(new, "createdAt"),
        assignee=_text(new, "assignee"),
    )
    return [(replied, at)]


def _triage_corrected(old: Image | None, new: Image) -> Found:
    correction = new.get("triageCorrection")
    if not isinstance(correction, Mapping) or (old or {}).get("triageCorrection"):
        return []
    at = str(correction.get("at") or _when(new))
    corrected = TicketTriageCorrected(
        ticket_id=str(new["ticketId"]),
        source=_text(new, "source") or "customer",
        category=_text(correction, "category") or _text(new, "category"),
        opened_at=_text(new, "createdAt"),
        corrected_at=at,
    )
    return [(corrected, at)]


def _solved(old: Image | None, new: Image) -> Found:
    if new["status"] != SOLVED or (old is not None and old.get("status") == SOLVED):
        return []
    solved_at = str(new.get("solvedAt") or _when(new))
    solved = TicketSolved(
        ticket_id=str(new["ticketId"]),
        customer_id=str(new["customerId"]),
        solved_at=solved_at,
        category=_text(new, "category"),
        order_id=_text(new, "orderId"),
        case_id=_text(new, "caseId"),
        assignee=_text(new, "assignee"),
        opened_at=_text(new, "createdAt"),
        first_solve=_solves(new) <= 1,
    )
    return [(solved, solved_at)]


def _reopened(old: Image | None, new: Image) -> Found:
    if _text(old, "status") != SOLVED or new["status"] in DONE:
        return []
    at = _when(new)
    return [(TicketReopened(ticket_id=str(new["ticketId"]), reopened_at=at), at)]


def _breached(old: Image | None, new: Image) -> Found:
    before = len((old or {}).get("breaches") or [])
    added = [b for b in list(new.get("breaches") or [])[before:] if isinstance(b, Mapping)]
    if not added:
        return []
    at = _when(new)
    breaches = [{"kind": _text(b, "kind") or "UNKNOWN", "breached_at": str(b.get("at") or at)} for b in added]
    breached = TicketSlaBreached(
        ticket_id=str(new["ticketId"]), breaches=breaches, assignee=_text(new, "assignee")
    )
    return [(breached, breaches[0]["breached_at"])]

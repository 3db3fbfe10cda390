"""What the ticket rooms ask the stores to write: typed intents, no storage details.

A use case decides a `Change` (the fields it sets and clears, the counters it adds to, the
breaches and the message it appends, its timeline entry) and hands it to the store, which
applies it as one conditional write on the expected status and the version read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from aftercare.tickets.rules import TicketStatus

# The ticket's fields a change may set or clear (the store's attribute names).
TicketField = Literal[
    "status",
    "assignee",
    "priority",
    "category",
    "sentiment",
    "triageCorrection",
    "correctionLog",
    "correctedAt",
    "followUpId",
    "firstResponseDue",
    "resolutionDue",
    "firstRespondedAt",
    "pausedAt",
    "solvedAt",
    "closedAt",
    "resolution",
    "queueDue",
    "slaWatch",
    "nextCheckAt",
]
# The counters a change may add to.
TicketCounter = Literal["pausedSeconds", "escalations", "breachCount"]


@dataclass(frozen=True)
class Message:
    """One message of a conversation, as stored (each in its own item)."""

    message_id: str
    at: str
    author_id: str
    author_role: str  # customer, agent, supervisor or system
    body: str
    template_id: str | None = None


@dataclass(frozen=True)
class Entry:
    """A timeline entry `{at, from, to, actor, note}`."""

    at: str
    from_status: str | None
    to: str
    actor: str
    note: str | None = None


@dataclass(frozen=True)
class Breach:
    kind: str
    due: str
    at: str
    priority_from: str
    priority_to: str


@dataclass(frozen=True)
class Fields:
    """Fields to set and fields to clear; `a | b` is both, b winning where they overlap."""

    set: Mapping[TicketField, Any] = field(default_factory=dict)
    remove: frozenset[TicketField] = frozenset()

    def __or__(self, other: Fields) -> Fields:
        return Fields(
            {**{k: v for k, v in self.set.items() if k not in other.remove}, **other.set},
            (self.remove - frozenset(other.set)) | other.remove,
        )


@dataclass(frozen=True)
class Change:
    """One change of a ticket, written only if it is still in `expected` at the version read."""

    expected: TicketStatus
    entry: Entry
    fields: Fields = Fields()
    add: Mapping[TicketCounter, int] = field(default_factory=dict)
    breaches: tuple[Breach, ...] = ()
    message: Message | None = None
    # A system report's digest: the change is refused if the ticket already holds that report.
    report: str | None = None
    # Only while the ticket has no follow-up yet (the one follow-up of a closed ticket).
    without_follow_up: bool = False
    # A message that leaves the status as it was is recorded by the conversation alone: the
    # ticket item then grows with its state changes, never with the conversation's length.
    on_timeline: bool = True


@dataclass(frozen=True)
class NewTicket:
    """A ticket to open, with its first message and its opening timeline entry."""

    ticket_id: str
    customer_id: str
    channel: str | None
    source: str
    source_id: str | None
    subject: str
    category: str
    priority: str
    sentiment: str
    triage_reasons: tuple[str, ...]
    first_response_due: str
    resolution_due: str
    queue_due: str
    next_check_at: str | None  # None: no SLA deadline to watch
    message: Message
    entry: Entry
    order_id: str | None = None
    case_id: str | None = None
    follow_up_of: str | None = None
    report: str | None = None  # the first message is this system report (see Change.report)

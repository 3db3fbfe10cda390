"""What the tickets domain tells the others: its published event types (the contract other
domains may import; nothing else of `tickets` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

# The `source` of the one ticket tickets opens per after-sales case (its dispute's), as
# TicketOpened carries it: after-sales recognises its case's ticket by it.
CASE_TICKET_SOURCE = "after-sales"


@dataclass(frozen=True)
class TicketOpened:
    """A ticket was opened (once per ticket): by a customer, or for another domain (`source`
    and `source_id` name what it was opened about, e.g. a dispute's case)."""

    TYPE: ClassVar[str] = "TicketOpened"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    customer_id: str
    category: str
    source: str  # customer, or the domain that opened it (logistics, survey, dispute, ...)
    opened_at: str
    source_id: str = ""
    order_id: str = ""
    case_id: str = ""
    text: str = ""  # the subject and the opening message, at most TEXT_CHARS characters


TEXT_CHARS = 500  # TicketOpened's `text`: enough to say what a ticket is about


@dataclass(frozen=True)
class TicketAssigned:
    """A ticket got an assignee (at intake or later; each new assignee is an event)."""

    TYPE: ClassVar[str] = "TicketAssigned"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    agent: str
    assigned_at: str


@dataclass(frozen=True)
class TicketReplied:
    """Staff (an agent or a supervisor) wrote to the customer on a ticket. `first_response`:
    this reply was the ticket's first response, `opened_at` tells how long it took."""

    TYPE: ClassVar[str] = "TicketReplied"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    message_id: str
    author_id: str
    replied_at: str
    first_response: bool
    opened_at: str
    assignee: str = ""  # "" when the ticket has none


@dataclass(frozen=True)
class TicketTriageCorrected:
    """Staff corrected what intake triage decided (once per ticket: the first correction)."""

    TYPE: ClassVar[str] = "TicketTriageCorrected"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    source: str
    category: str  # the corrected category
    opened_at: str
    corrected_at: str


@dataclass(frozen=True)
class TicketReopened:
    """A solved ticket became active again (the customer wrote back, or staff reopened it)."""

    TYPE: ClassVar[str] = "TicketReopened"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    reopened_at: str


@dataclass(frozen=True)
class SlaBreach:
    kind: str  # FIRST_RESPONSE or RESOLUTION
    breached_at: str


@dataclass(frozen=True)
class TicketSlaBreached:
    """A ticket missed SLA targets (usually one; one change can record both)."""

    TYPE: ClassVar[str] = "TicketSlaBreached"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    breaches: list[dict[str, Any]] = field(default_factory=list)  # SlaBreach fields
    assignee: str = ""

    def found(self) -> list[SlaBreach]:
        return [SlaBreach(**breach) for breach in self.breaches]


@dataclass(frozen=True)
class TicketSolved:
    """A ticket was solved (each time: a reopened ticket solved again is solved again; a
    reaction that wants it once keys on the ticket id)."""

    TYPE: ClassVar[str] = "TicketSolved"
    VERSION: ClassVar[int] = 1

    ticket_id: str
    customer_id: str
    solved_at: str
    category: str
    order_id: str = ""
    case_id: str = ""
    assignee: str = ""  # who solved it, as the ticket's assignee ("" when none)
    opened_at: str = ""
    first_solve: bool = True  # False for a reopened ticket solved again


ALL = (
    TicketOpened,
    TicketAssigned,
    TicketReplied,
    TicketTriageCorrected,
    TicketSolved,
    TicketReopened,
    TicketSlaBreached,
)

"""What the tickets domain tells the others: its published event types (the contract other
domains may import; nothing else of `tickets` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


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


ALL = (TicketSolved,)

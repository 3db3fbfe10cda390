"""What tickets does when others act: the events in its queue, each handed to its reaction in
tickets/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.reacting import reactions_handler
from aftercare.settings import load
from aftercare.tickets.reactions import REACTIONS


@dataclass(frozen=True)
class TicketsReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    agents_table: str
    idempotency_table: str
    notifications_queue_url: str
    orders_table: str
    tickets_reactions_dlq_url: str
    tickets_table: str


SETTINGS = load(TicketsReactionsSettings)
lambda_handler = reactions_handler("tickets", REACTIONS)

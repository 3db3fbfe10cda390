"""What logistics does when others act: the events in its queue, each handed to its reaction in
logistics/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.logistics.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class LogisticsReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    idempotency_table: str
    logistics_reactions_dlq_url: str
    notifications_queue_url: str
    shipments_table: str


SETTINGS = load(LogisticsReactionsSettings)
lambda_handler = reactions_handler("logistics", REACTIONS)

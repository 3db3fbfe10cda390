"""What orders does when others act: the events in its queue, each handed to its reaction in
orders/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.orders.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class OrdersReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    idempotency_table: str
    notifications_queue_url: str
    orders_reactions_dlq_url: str
    orders_table: str


SETTINGS = load(OrdersReactionsSettings)
lambda_handler = reactions_handler("orders", REACTIONS)

"""What customers does when other domains act: the events in its queue, each handed to its
reaction in customers/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.customers.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class CustomersReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_reactions_dlq_url: str
    customers_table: str
    idempotency_table: str


SETTINGS = load(CustomersReactionsSettings)
lambda_handler = reactions_handler("customers", REACTIONS)

"""What aftersales does when other domains act: the events in its queue, each handed to its
reaction in aftersales/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.aftersales.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AftersalesReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    aftersales_reactions_dlq_url: str
    cases_table: str
    idempotency_table: str
    notifications_queue_url: str


SETTINGS = load(AftersalesReactionsSettings)
lambda_handler = reactions_handler("aftersales", REACTIONS)

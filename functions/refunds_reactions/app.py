"""What refunds does when other domains act: the events in its queue, each handed to its
reaction in refunds/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.reacting import reactions_handler
from aftercare.refunds.reactions import REACTIONS
from aftercare.settings import load


@dataclass(frozen=True)
class RefundsReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    idempotency_table: str
    notifications_queue_url: str
    refund_state_machine_arn: str
    refunds_reactions_dlq_url: str
    refunds_table: str


SETTINGS = load(RefundsReactionsSettings)
lambda_handler = reactions_handler("refunds", REACTIONS)

"""What quality audits do when other domains act: the events in its queue, each handed to its
reaction in audits/reactions.py (solved tickets and resolved cases become candidates)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.audits.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AuditsReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    audits_reactions_dlq_url: str
    audits_table: str
    idempotency_table: str


SETTINGS = load(AuditsReactionsSettings)
lambda_handler = reactions_handler("audits", REACTIONS)

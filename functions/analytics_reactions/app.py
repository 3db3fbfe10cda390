"""What analytics does when other domains act: the events in its queue, each counted by its
reaction in analytics/reactions.py (once per event id: the reaction kernel's claim, and the
marker the aggregates are written with)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.analytics.reactions import REACTIONS
from aftercare.reacting import reactions_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AnalyticsReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_reactions_dlq_url: str
    analytics_table: str
    idempotency_table: str
    notifications_queue_url: str  # a live session's after-sales alert to supervisors


SETTINGS = load(AnalyticsReactionsSettings)
lambda_handler = reactions_handler("analytics", REACTIONS)

"""What surveys does when other domains act: the events in its queue, each handed to its
reaction in surveys/reactions.py."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.reacting import reactions_handler
from aftercare.settings import load
from aftercare.surveys.reactions import REACTIONS


@dataclass(frozen=True)
class SurveysReactionsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_table: str
    idempotency_table: str
    surveys_reactions_dlq_url: str
    surveys_table: str


SETTINGS = load(SurveysReactionsSettings)
lambda_handler = reactions_handler("surveys", REACTIONS)

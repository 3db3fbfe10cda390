"""Scheduled (EventBridge): evaluates the care campaigns of campaigns.json and sends what
is due, respecting opt-outs, quiet hours and the frequency cap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.campaigns import service
from aftercare.handlers import task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class CampaignRunnerSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    campaign_sends_table: str
    customers_table: str
    notifications_queue_url: str


SETTINGS = load(CampaignRunnerSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return service.run().as_dict()

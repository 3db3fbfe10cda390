"""Publishes the campaigns domain's events from the CampaignSends table's stream
(campaigns/publisher.py says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.campaigns.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class CampaignsPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(CampaignsPublisherSettings)
lambda_handler = stream_publisher("campaigns", events_of)

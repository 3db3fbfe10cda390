"""Publishes the logistics domain's events from the Shipments table's stream
(logistics/publisher.py says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.logistics.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class LogisticsPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(LogisticsPublisherSettings)
lambda_handler = stream_publisher("logistics", events_of)

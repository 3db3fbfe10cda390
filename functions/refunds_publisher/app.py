"""Publishes the refunds domain's events from the Refunds table's stream (refunds/publisher.py
says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.publishing import stream_publisher
from aftercare.refunds.publisher import events_of
from aftercare.settings import load


@dataclass(frozen=True)
class RefundsPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(RefundsPublisherSettings)
lambda_handler = stream_publisher("refunds", events_of)

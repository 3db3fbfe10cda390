"""Publishes the after-sales domain's events from the Cases table's stream (aftersales/publisher.py
says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.aftersales.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class AftersalesPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(AftersalesPublisherSettings)
lambda_handler = stream_publisher("aftersales", events_of)

"""Publishes the audits domain's events from the Audits table's stream
(audits/publisher.py says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.audits.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class AuditsPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(AuditsPublisherSettings)
lambda_handler = stream_publisher("audits", events_of)

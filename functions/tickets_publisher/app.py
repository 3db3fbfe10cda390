"""Publishes the tickets domain's events from the Tickets table's stream (tickets/publisher.py
says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.publishing import stream_publisher
from aftercare.settings import load
from aftercare.tickets.publisher import events_of


@dataclass(frozen=True)
class TicketsPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(TicketsPublisherSettings)
lambda_handler = stream_publisher("tickets", events_of)

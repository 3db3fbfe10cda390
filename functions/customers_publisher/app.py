"""Publishes the customers domain's events from the Customers table's stream
(customers/publisher.py says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.customers.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class CustomersPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(CustomersPublisherSettings)
lambda_handler = stream_publisher("customers", events_of)

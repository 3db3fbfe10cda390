"""Publishes the orders domain's events from the Orders table's stream (orders/publisher.py
says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.orders.publisher import events_of
from aftercare.publishing import stream_publisher
from aftercare.settings import load


@dataclass(frozen=True)
class OrdersPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(OrdersPublisherSettings)
lambda_handler = stream_publisher("orders", events_of)

"""Publishes the orders domain's events from the Orders table's stream (orders/publisher.py
says which changes are events)."""

from __future__ import annotations

from aftercare.orders.publisher import events_of
from aftercare.publishing import stream_publisher

lambda_handler = stream_publisher("orders", events_of)

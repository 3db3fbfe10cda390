"""Publishes the logistics domain's events from the Shipments table's stream
(logistics/publisher.py says which changes are events)."""

from __future__ import annotations

from aftercare.logistics.publisher import events_of
from aftercare.publishing import stream_publisher

lambda_handler = stream_publisher("logistics", events_of)

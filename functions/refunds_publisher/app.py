"""Publishes the refunds domain's events from the Refunds table's stream (refunds/publisher.py
says which changes are events)."""

from __future__ import annotations

from aftercare.publishing import stream_publisher
from aftercare.refunds.publisher import events_of

lambda_handler = stream_publisher("refunds", events_of)

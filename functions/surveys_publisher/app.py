"""Publishes the surveys domain's events from the Surveys table's stream (surveys/publisher.py
says which changes are events)."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.publishing import stream_publisher
from aftercare.settings import load
from aftercare.surveys.publisher import events_of


@dataclass(frozen=True)
class SurveysPublisherSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str


SETTINGS = load(SurveysPublisherSettings)
lambda_handler = stream_publisher("surveys", events_of)

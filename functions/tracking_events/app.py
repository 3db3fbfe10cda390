"""Courier events consumer (SQS, partial batch failures): applies events to shipments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from aftercare.handlers import task_handler
from aftercare.logistics import consumer
from aftercare.settings import load


@dataclass(frozen=True)
class TrackingEventsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    shipments_table: str
    tracking_events_dlq_url: str
    tracking_events_table: str


SETTINGS = load(TrackingEventsSettings)

processor = BatchProcessor(event_type=EventType.SQS)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    prepared = consumer.prepare([SQSRecord(record) for record in event.get("Records") or []])
    return process_partial_response(
        event=event,
        record_handler=lambda record: consumer.handle(prepared[record.message_id]),
        processor=processor,
        context=context,
    )

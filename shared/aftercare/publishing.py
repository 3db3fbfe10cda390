"""A domain publishes what happened from its table's stream.

The publisher reads each change (old and new image), asks the domain's pure
`events_of(old, new)` what happened, and puts those events on the bus. Publishing from the
stream, not from the request, means no change is ever stored without its events following,
whatever happens to the request that made it; the stream's retry (with its dead-letter
destination in the template) covers a bus that refuses for a while.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from aftercare.aws import client
from aftercare.events import DomainEvent, Happened, envelope, to_entry
from aftercare.observability import logger, metrics

Image = Mapping[str, Any]
EventsOf = Callable[[Image | None, Image | None], list[Happened]]

PUT_EVENTS_LIMIT = 10  # entries per PutEvents request


class PublishFailed(Exception):
    """The bus refused some entries; the stream record is retried, with the same ids."""


def bus_name() -> str:
    name = os.environ.get("EVENT_BUS_NAME", "").strip()
    if not name:
        raise RuntimeError("EVENT_BUS_NAME is not set: the function cannot publish events")
    return name


def plain(value: Any) -> Any:
    """A stream image as plain JSON values: DynamoDB numbers arrive as Decimal."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def publish(events: Sequence[DomainEvent]) -> None:
    if not events:
        return
    name = bus_name()
    for start in range(0, len(events), PUT_EVENTS_LIMIT):
        chunk = events[start : start + PUT_EVENTS_LIMIT]
        reply = client("events").put_events(Entries=[to_entry(event, name) for event in chunk])
        if reply.get("FailedEntryCount"):
            refused = [
                f"{event.type} {event.id}: {entry.get('ErrorCode')} {entry.get('ErrorMessage')}"
                for event, entry in zip(chunk, reply.get("Entries", []), strict=False)
                if entry.get("ErrorCode")
            ]
            raise PublishFailed("the bus refused " + "; ".join(refused))
        for event in chunk:
            metrics.add_metric(name=f"{event.type}Published", unit="Count", value=1)
            logger.info("event published", extra={"event_id": event.id, "event_type": event.type,
                                                  "subject": event.subject})  # fmt: skip


def events_of_record(domain: str, events_of: EventsOf, record: Any) -> list[DomainEvent]:
    """The events one stream record (a Powertools DynamoDBRecord) stands for."""
    change = record.dynamodb
    old = plain(change.old_image) if change and change.old_image else None
    new = plain(change.new_image) if change and change.new_image else None
    return [
        envelope(happened, source=domain, origin=str(record.event_id)) for happened in events_of(old, new)
    ]


def stream_publisher(domain: str, events_of: EventsOf) -> Callable[[dict[str, Any], Any], Any]:
    """The Lambda handler of a domain's publisher function."""
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response

    from aftercare.handlers import task_handler

    processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)

    def on_record(record: Any) -> None:
        publish(events_of_record(domain, events_of, record))

    @task_handler()
    def handler(event: dict[str, Any], context: Any) -> Any:
        return process_partial_response(
            event=event, record_handler=on_record, processor=processor, context=context
        )

    return handler

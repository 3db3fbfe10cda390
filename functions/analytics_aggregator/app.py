"""Keeps the daily analytics aggregates current from the domain tables' change streams
(orders, shipments, tickets, cases, surveys, refunds): each record's facts are added once
(a marker in the same transaction), and a record that fails is reported alone, so the
stream retries it without counting its batch twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from aftercare.analytics import service
from aftercare.handlers import task_handler
from aftercare.observability import logger
from aftercare.settings import load


@dataclass(frozen=True)
class AnalyticsAggregatorSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_table: str
    cases_table: str
    orders_table: str
    refunds_table: str
    shipments_table: str
    surveys_table: str
    tickets_table: str


SETTINGS = load(AnalyticsAggregatorSettings)

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def on_record(record: DynamoDBRecord) -> None:
    table = service.table_of(record.event_source_arn or "")
    if table is None or record.dynamodb is None or not record.event_id:
        logger.warning("stream record from an unknown table", extra={"source": record.event_source_arn})
        return
    old = record.dynamodb.old_image or None
    new = record.dynamodb.new_image or None
    service.aggregate(table, record.event_id, old, new)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(
        event=event, record_handler=on_record, processor=processor, context=context
    )

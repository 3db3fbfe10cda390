"""Reacts to changes of the Surveys table (its DynamoDB stream): an answered survey earns
its loyalty points. Driven by the stream, so an answer can never be stored without what
follows it. (A low score's service-recovery ticket is tickets' reaction to the
SurveyAnswered event the surveys publisher puts on the bus.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from aftercare.handlers import task_handler
from aftercare.settings import load
from aftercare.surveys import service


@dataclass(frozen=True)
class SurveyEventsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_table: str
    notifications_queue_url: str
    surveys_table: str


SETTINGS = load(SurveyEventsSettings)

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def on_change(record: DynamoDBRecord) -> None:
    new = record.dynamodb.new_image if record.dynamodb else None
    old = (record.dynamodb.old_image if record.dynamodb else None) or {}
    if not new or new.get("status") != "ANSWERED" or old.get("status") == "ANSWERED":
        return
    service.after_answer(str(new["surveyId"]))


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(
        event=event, record_handler=on_change, processor=processor, context=context
    )

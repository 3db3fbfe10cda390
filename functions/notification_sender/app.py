"""Delivers every notification on the notifications queue (SQS, partial batch responses):
customers by their channel (SES e-mail, SNS SMS, push), staff to the staff alerts topic.

A failed record is reported alone and retried by the queue, then dead-lettered; a
malformed one is reported too, so it ends in the dead-letter queue (alarmed), never
silently dropped. A marketing message that arrives in the customer's quiet hours is
hidden until their morning (the message's visibility timeout, at most 12 hours).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from aftercare import clock
from aftercare.aws import client
from aftercare.handlers import task_handler
from aftercare.notifications.sender import Deferred, Notification, deliver
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings, load


@dataclass(frozen=True)
class NotificationSenderSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_table: str
    notification_log_table: str
    notifications_queue_url: str
    staff_alerts_topic_arn: str


SETTINGS = load(NotificationSenderSettings)

processor = BatchProcessor(event_type=EventType.SQS)
MAX_VISIBILITY_SECONDS = 12 * 3600


def on_message(record: SQSRecord) -> str:
    try:
        notification = Notification.parse(record.body)
    except ValueError:
        metrics.add_metric(name="NotificationsMalformed", unit="Count", value=1)
        logger.exception("malformed notification", extra={"message_id": record.message_id})
        raise
    try:
        return deliver(notification)
    except Deferred as deferred:
        _hide_until(record, seconds=(deferred.until - clock.now()).total_seconds())
        metrics.add_metric(name="NotificationsDeferred", unit="Count", value=1)
        raise


def _hide_until(record: SQSRecord, *, seconds: float) -> None:
    wait = max(1, min(MAX_VISIBILITY_SECONDS, math.ceil(seconds)))
    try:
        client("sqs").change_message_visibility(
            QueueUrl=get_settings().notifications_queue_url,
            ReceiptHandle=record.receipt_handle,
            VisibilityTimeout=wait,
        )
    except Exception:
        logger.exception("could not defer the message; it is retried after the visibility timeout")


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(
        event=event, record_handler=on_message, processor=processor, context=context
    )

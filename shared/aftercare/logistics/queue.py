"""The courier events queue: raw payloads in (from the webhook, or straight from couriers on
AWS), and poison messages out to the dead-letter queue with the reason they failed."""

from __future__ import annotations

from typing import Any

from aftercare.aws import client
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings

CARRIER_ATTRIBUTE = "carrier"


def _text(value: str) -> dict[str, str]:
    return {"DataType": "String", "StringValue": value}


def enqueue(body: bytes, *, carrier: str, received_at: str) -> str:
    """Queue a verified payload exactly as received; `carrier` (the URL's) picks its adapter."""
    reply = client("sqs").send_message(
        QueueUrl=get_settings().tracking_events_queue_url,
        MessageBody=body.decode("utf-8"),
        MessageAttributes={
            CARRIER_ATTRIBUTE: _text(carrier),
            "receivedAt": _text(received_at),
            "source": _text("webhook"),
        },
    )
    return str(reply["MessageId"])


def dead_letter(
    body: str, attributes: dict[str, Any], *, message_id: str, reason: str, receives: int
) -> None:
    """Move a message that failed on its last allowed receive to the dead-letter queue, with
    why; SQS's own redrive (same maxReceiveCount) remains the backstop if this never runs."""
    kept = {name: _text(str(value)) for name, value in attributes.items() if value is not None}
    kept.update(
        {
            "failureReason": _text(reason[:1000] or "unknown"),
            "originalMessageId": _text(message_id),
            "receiveCount": {"DataType": "Number", "StringValue": str(receives)},
        }
    )
    client("sqs").send_message(
        QueueUrl=get_settings().tracking_events_dlq_url, MessageBody=body, MessageAttributes=kept
    )
    metrics.add_metric(name="CourierEventsDeadLettered", unit="Count", value=1)
    logger.error("courier event dead-lettered", extra={"message_id": message_id, "reason": reason})

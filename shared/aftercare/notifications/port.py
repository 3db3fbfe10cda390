"""The one way any domain asks for a customer or staff notification: a message on the
notifications queue, delivered by the sender function by the recipient's channel."""

from __future__ import annotations

import json
from typing import Any

from aftercare import clock, ids
from aftercare.aws import client
from aftercare.observability import logger
from aftercare.settings import get_settings


def send(recipient_id: str, kind: str, data: dict[str, Any]) -> str:
    """Queue a notification of `kind` (e.g. `order.exception`) and return its id."""
    return send_once(ids.new_id("ntf"), recipient_id, kind, data)


def send_once(notification_id: str, recipient_id: str, kind: str, data: dict[str, Any]) -> str:
    """Queue a notification under an id the caller fixed beforehand: queueing the same id
    again (a retried job) is delivered once, because the sender delivers an id once."""
    message = {
        "notificationId": notification_id,
        "recipientId": recipient_id,
        "kind": kind,
        "data": data,
        "requestedAt": clock.now_iso(),
    }
    client("sqs").send_message(
        QueueUrl=get_settings().notifications_queue_url,
        MessageBody=json.dumps(message, separators=(",", ":")),
        MessageAttributes={"kind": {"DataType": "String", "StringValue": kind}},
    )
    logger.info("notification queued", extra={"notification_id": notification_id, "kind": kind})
    return notification_id

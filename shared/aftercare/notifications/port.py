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
    notification_id = ids.new_id("ntf")
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

"""Feeds analytics the way its queue does: domain events as the SQS messages an EventBridge
rule delivers, in batches, to the template's reactions function."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from typing import Any

from aftercare.events import SOURCE_PREFIX, DomainEvent
from tests.support.api import Api

FUNCTION = "AnalyticsReactionsFunction"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:aftercare-test-AnalyticsReactionsQueue"
_deliveries = itertools.count(1)


def message(event: DomainEvent, *, receives: int = 1) -> dict[str, Any]:
    """One SQS record carrying the EventBridge event the bus made of `event`."""
    number = next(_deliveries)
    body = {
        "version": "0",
        "id": f"eb-{number}",
        "detail-type": event.type,
        "source": SOURCE_PREFIX + event.source,
        "account": "123456789012",
        "time": event.time,
        "region": "us-east-1",
        "resources": [],
        "detail": event.to_detail(),
    }
    return {
        "messageId": f"msg-{number}",
        "receiptHandle": f"rh-{number}",
        "body": json.dumps(body),
        "attributes": {"ApproximateReceiveCount": str(receives), "SentTimestamp": "1795420800000"},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": QUEUE_ARN,
        "awsRegion": "us-east-1",
    }


def deliver(api: Api, records: list[dict[str, Any]]) -> list[str]:
    """Invoke analytics' reactions with one batch; the message ids it reports as failed."""
    reply = api.host.invoke(FUNCTION, {"Records": records})
    return [failure["itemIdentifier"] for failure in reply["batchItemFailures"]]


def batches(records: list[dict[str, Any]], sizes: Iterable[int]) -> list[list[dict[str, Any]]]:
    out, start = [], 0
    for size in sizes:
        if start >= len(records):
            break
        out.append(records[start : start + size])
        start += size
    if start < len(records):
        out.append(records[start:])
    return out

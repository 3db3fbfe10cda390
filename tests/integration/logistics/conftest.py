"""Couriers for tests: signed webhooks of both shapes, the queue drained through the
consumer the template names, and orders shipped with a known tracking number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from aftercare import clock
from aftercare.aws import client
from aftercare.logistics import service
from aftercare.logistics.adapters.aftership import signature
from aftercare.webhooks import sign
from infra.local.sqs_poller import failed_message_ids, lambda_sqs_event
from infra.template import Stack
from tests.support.api import Api, Reply
from tests.support.environment import WEBHOOK_SECRET
from tests.support.orders import Orders

CARRIER = "sf-express"
TRACKING = "SF100200300"
CONSUMER = "TrackingEventsFunction"


def canonical(event_id: str, status: str, occurred_at: str, **extra: Any) -> dict[str, Any]:
    event = {
        "eventId": event_id,
        "carrier": CARRIER,
        "trackingNumber": TRACKING,
        "status": status,
        "occurredAt": occurred_at,
    }
    event.update(extra)
    return event


def signed(event: Any, *, secret: str = WEBHOOK_SECRET, at: int | None = None) -> dict[str, Any]:
    body = event if isinstance(event, bytes) else json.dumps(event).encode()
    timestamp = at if at is not None else int(clock.now().timestamp())
    return {
        "body": body,
        "headers": {
            "content-type": "application/json",
            "x-aftercare-timestamp": str(timestamp),
            "x-aftercare-signature": sign(secret, timestamp, body),
        },
    }


def aftership_signed(payload: Any, *, secret: str = WEBHOOK_SECRET) -> dict[str, Any]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return {
        "body": body,
        "headers": {"content-type": "application/json", "aftership-hmac-sha256": signature(secret, body)},
    }


@dataclass
class Drained:
    batches: int = 0
    failed: list[str] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)


class Couriers:
    def __init__(self, api: Api, stack: Stack) -> None:
        self.api = api
        self.stack = stack
        self.queue_url = stack.ref("TrackingEventsQueue")
        self.queue_arn = stack.get_att("TrackingEventsQueue", "Arn")
        self.dlq_url = stack.ref("TrackingEventsDLQ")

    def post(self, event: Any, carrier: str = CARRIER, **signing: Any) -> Reply:
        return self.api.call("POST", f"/v1/logistics/events/{carrier}", **signed(event, **signing))

    def post_aftership(self, payload: Any, **signing: Any) -> Reply:
        return self.api.call("POST", "/v1/logistics/events/aftership", **aftership_signed(payload, **signing))

    def send_direct(self, body: str, **attributes: str) -> None:
        """A courier on AWS writing straight into the queue."""
        client("sqs").send_message(
            QueueUrl=self.queue_url,
            MessageBody=body,
            MessageAttributes={k: {"DataType": "String", "StringValue": v} for k, v in attributes.items()},
        )

    def receive(self, limit: int = 10) -> list[dict[str, Any]]:
        reply = client("sqs").receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=limit,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        return list(reply.get("Messages") or [])

    def deliver(self, messages: list[dict[str, Any]], drained: Drained) -> None:
        """What Lambda's event source mapping does with one batch."""
        event = lambda_sqs_event(messages, self.queue_arn, "us-east-1")
        ok, result = True, None
        try:
            result = self.api.host.invoke(CONSUMER, event)
        except Exception as error:
            ok, result = False, error
        ids = [m["MessageId"] for m in messages]
        failed = failed_message_ids(ids, ok=ok, result=result, report_failures=True)
        for message in messages:
            if message["MessageId"] in failed:
                # back on the queue now rather than after the visibility timeout
                client("sqs").change_message_visibility(
                    QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                client("sqs").delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
        drained.batches += 1
        drained.failed.extend(failed)
        drained.results.append(result)

    def drain(self, *, max_batches: int = 50) -> Drained:
        drained = Drained()
        for _ in range(max_batches):
            messages = self.receive()
            if not messages:
                break
            self.deliver(messages, drained)
        return drained

    def dead_letters(self) -> list[dict[str, Any]]:
        reply = client("sqs").receive_message(
            QueueUrl=self.dlq_url,
            MaxNumberOfMessages=10,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        return list(reply.get("Messages") or [])

    def tracking(self, order_id: str, claims: dict[str, Any]) -> Reply:
        return self.api.call("GET", f"/v1/orders/{order_id}/tracking", claims=claims)


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    service.reset_cache()
    yield
    service.reset_cache()


@pytest.fixture
def couriers(api: Api, aws: Stack, fixed_clock: clock.FixedClock) -> Couriers:
    return Couriers(api, aws)


@pytest.fixture
def shipped(orders: Orders) -> dict[str, Any]:
    """An order of cus_alice shipped with sf-express SF100200300."""
    return orders.to("SHIPPED")

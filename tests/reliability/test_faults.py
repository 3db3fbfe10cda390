"""Faults injected, nothing lost: DynamoDB throttling and transient server errors (raised by
moto's DynamoDB backend, so botocore sees the real error responses and retries as it would
against AWS), and a consumer that crashes on one message in the middle of a batch."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from moto.core.exceptions import JsonRESTError
from moto.dynamodb.models import DynamoDBBackend

from aftercare import clock
from infra.local.functions import FunctionHost
from infra.template import Stack
from tests.support.api import Api, customer
from tests.support.orders import Orders

THROTTLED = "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"


class _ServerError(JsonRESTError):
    code = 500


@contextmanager
def failing(operation: str, times: int, make: Callable[[], Exception]) -> Iterator[list[int]]:
    """The next `times` calls of the backend's `operation` fail with `make()`; yields the
    count of calls that failed."""
    original = getattr(DynamoDBBackend, operation)
    failed = [0]
    lock = threading.Lock()

    def flaky(self: Any, *args: Any, **kwargs: Any) -> Any:
        with lock:
            if failed[0] < times:
                failed[0] += 1
                raise make()
        return original(self, *args, **kwargs)

    setattr(DynamoDBBackend, operation, flaky)
    try:
        yield failed
    finally:
        setattr(DynamoDBBackend, operation, original)


def throttled() -> Exception:
    return JsonRESTError(THROTTLED, "Rate of requests exceeds the allowed throughput")


def server_error() -> Exception:
    return _ServerError("InternalServerError", "Internal server error")


def test_throttled_state_changes_are_retried_and_applied_once(orders: Orders, api: Api) -> None:
    order = orders.to("PAID")
    with failing("update_item", 2, throttled) as failed:
        reply = orders.step(order["orderId"], "confirm", "agent")
    assert failed[0] == 2
    assert reply.status == 200, reply.body
    now = orders.get(order["orderId"])
    assert now["status"] == "CONFIRMED"
    assert [step["to"] for step in now["timeline"]].count("CONFIRMED") == 1


def test_transient_server_errors_on_reads_are_retried(orders: Orders) -> None:
    order = orders.place()
    with failing("get_item", 2, server_error) as failed:
        now = orders.get(order["orderId"])
    assert failed[0] == 2
    assert now["orderId"] == order["orderId"]


def test_lasting_throttling_is_a_retryable_5xx_that_changes_nothing(orders: Orders) -> None:
    order = orders.to("PAID")
    with failing("update_item", 50, throttled):
        reply = orders.step(order["orderId"], "confirm", "agent")
    assert reply.status >= 500
    assert reply.headers["content-type"] == "application/problem+json"
    assert orders.get(order["orderId"])["status"] == "PAID"
    retried = orders.step(order["orderId"], "confirm", "agent")
    assert retried.status == 200 and retried.json["status"] == "CONFIRMED"


def test_a_throttled_ship_write_is_retried(orders: Orders) -> None:
    # (shipping is one conditional write on the order; its parcel follows as OrderShipped)
    order = orders.to("PACKED")
    with failing("update_item", 1, throttled) as failed:
        reply = orders.step(
            order["orderId"], "ship", "warehouse", {"carrier": "sf-express", "trackingNumber": "SF900900900"}
        )
    assert failed[0] == 1
    assert reply.status == 200 and reply.json["status"] == "SHIPPED"


def _batch(stack: Stack, tracking: str, count: int) -> dict[str, Any]:
    records = []
    for n in range(count):
        event = {
            "eventId": f"{tracking}-{n}",
            "carrier": "sf-express",
            "trackingNumber": tracking,
            "status": "IN_TRANSIT",
            "occurredAt": f"2026-11-23T0{n}:00:00Z",
            "location": f"Hub {n}",
            "description": "scan",
        }
        records.append(
            {
                "messageId": f"m-{n}",
                "receiptHandle": "h",
                "body": json.dumps(event),
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "eventSource": "aws:sqs",
                "eventSourceARN": stack.get_att("TrackingEventsQueue", "Arn"),
                "awsRegion": "us-east-1",
            }
        )
    return {"Records": records}


def test_a_consumer_crash_mid_batch_fails_only_that_message_and_its_redelivery_applies_it(
    orders: Orders, api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch, fixed_clock: clock.FixedClock
) -> None:
    from aftercare.logistics import service

    order = orders.to("SHIPPED")
    tracking = "SF100200300"
    batch = _batch(aws, tracking, 5)
    host = FunctionHost(aws)
    real = service.apply_delivery
    crashed: list[str] = []

    def crash_on_the_third(delivery: Any) -> Any:
        if any(event.event_id.endswith("-2") for event in delivery.events) and not crashed:
            crashed.append("m-2")
            raise RuntimeError("the process died here")
        return real(delivery)

    monkeypatch.setattr(service, "apply_delivery", crash_on_the_third)
    result = host.invoke("TrackingEventsFunction", batch)
    assert result == {"batchItemFailures": [{"itemIdentifier": "m-2"}]}
    # SQS makes the failed message visible again; the next delivery applies it
    again = {"Records": [r for r in batch["Records"] if r["messageId"] == "m-2"]}
    assert host.invoke("TrackingEventsFunction", again) == {"batchItemFailures": []}
    history = api.call("GET", f"/v1/orders/{order['orderId']}/tracking", claims=customer()).json["shipments"][
        0
    ]["history"]
    assert {h["occurredAt"][:19] for h in history} >= {f"2026-11-23T0{n}:00:00" for n in range(5)}

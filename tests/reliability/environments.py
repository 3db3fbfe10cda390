"""Several Lambda execution environments racing against one DynamoDB.

The local stack runs one invocation per function at a time (as one Lambda environment
would), so two requests to the same function never overlap there. Real Lambda runs one
environment per concurrent request: here each is a worker process that imports the
handlers itself, all of them talking over HTTP to one moto server (writes applied
atomically, as DynamoDB applies them) provisioned from template.yaml. A request is fired
at an agreed wall-clock instant, so the environments really do race.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

from tests.support.environment import PARAMETERS, WEBHOOK_SECRET

_api: Any = None
_scans: list[str] = []


@dataclass
class Answer:
    status: int
    body: Any
    scans: list[str]


def _start_worker(endpoint: str, root: str) -> None:
    sys.path[:0] = [root, f"{root}/shared"]
    from infra.local.aws_endpoint import client_environment
    from infra.template import Stack
    from tests.support.environment import in_process_environment

    os.environ.pop("AWS_PROFILE", None)
    os.environ.update(client_environment(endpoint))
    os.environ.update({"POWERTOOLS_METRICS_DISABLED": "true", "POWERTOOLS_LOG_LEVEL": "CRITICAL"})
    stack = Stack(parameters=PARAMETERS)
    os.environ.update(in_process_environment(stack))
    _guard_scans()
    from tests.support.api import Api

    global _api
    _api = Api(stack)


def _guard_scans() -> None:
    """The suite's no-Scan rule holds in these environments too (see tests/conftest.py)."""
    from botocore.client import BaseClient

    original = BaseClient._make_api_call

    def guarded(self: Any, operation_name: str, api_params: Any) -> Any:
        if operation_name == "Scan" and self.meta.service_model.service_name == "dynamodb":
            frame = sys._getframe(1)
            while frame is not None:
                if (
                    "/shared/aftercare/" in frame.f_code.co_filename
                    or "/functions/" in frame.f_code.co_filename
                ):
                    _scans.append(f"{frame.f_code.co_filename}:{frame.f_lineno}")
                    break
                frame = frame.f_back  # type: ignore[assignment]
        return original(self, operation_name, api_params)

    BaseClient._make_api_call = guarded  # type: ignore[method-assign]


def _wait(at: float | None) -> None:
    if at is not None:
        time.sleep(max(0.0, at - time.time()))


def _answer(status: int, body: bytes) -> Answer:
    scans = list(_scans)
    _scans.clear()
    try:
        parsed = json.loads(body) if body else None
    except ValueError:
        parsed = body.decode(errors="replace")
    return Answer(status, parsed, scans)


def _call(method: str, path: str, kwargs: dict[str, Any], at: float | None) -> Answer:
    function, event = _api.event(method, path, **kwargs)
    _wait(at)
    from infra.local.http_events import parse_http_response

    status, _, _, body = parse_http_response(_api.host.invoke(function, event))
    return _answer(status, body)


def _invoke(function: str, event: dict[str, Any], at: float | None) -> Answer:
    _wait(at)
    result = _api.host.invoke(function, event)
    return _answer(200, json.dumps(result).encode())


class Environments:
    def __init__(self, pool: ProcessPoolExecutor, size: int, endpoint: Any) -> None:
        self.pool = pool
        self.size = size
        self.endpoint = endpoint

    def call(self, method: str, path: str, **kwargs: Any) -> Answer:
        return self.pool.submit(_call, method, path, kwargs, None).result(timeout=120)

    def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        answer = self.call(method, path, **kwargs)
        assert answer.status == status, (method, path, answer.status, answer.body)
        assert not answer.scans, answer.scans
        return answer.body

    def race(self, calls: list[tuple[str, str, dict[str, Any]]], lead: float = 0.4) -> list[Answer]:
        """All calls fired at the same instant, one per environment."""
        assert len(calls) <= self.size
        at = time.time() + lead
        futures: list[Future[Answer]] = [self.pool.submit(_call, m, p, kw, at) for m, p, kw in calls]
        answers = [future.result(timeout=120) for future in futures]
        for answer in answers:
            assert not answer.scans, answer.scans
        return answers

    def race_invocations(
        self, function: str, events: list[dict[str, Any]], lead: float = 0.4
    ) -> list[Answer]:
        at = time.time() + lead
        futures = [self.pool.submit(_invoke, function, event, at) for event in events]
        return [future.result(timeout=120) for future in futures]

    def publish(self, table: str, function: str) -> None:
        """A publisher's turn: the `table`'s stream so far, handed to its publisher `function`
        (earlier records again too: their events keep their ids, reactions run once)."""
        from infra.local.streams import lambda_stream_record
        from infra.template import Stack

        stack = Stack(parameters=PARAMETERS)
        arn = self.endpoint.client("dynamodb").describe_table(TableName=stack.ref(table))["Table"][
            "LatestStreamArn"
        ]
        streams = self.endpoint.client("dynamodbstreams")
        records: list[dict[str, Any]] = []
        for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
            iterator = streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
            )["ShardIterator"]
            while iterator and (page := streams.get_records(ShardIterator=iterator))["Records"]:
                records += page["Records"]
                iterator = page.get("NextShardIterator")
        self.race_invocations(function, [{"Records": [lambda_stream_record(r, arn) for r in records]}])

    def deliver(self, queue: str, function: str) -> list[Answer]:
        """Everything the bus has put on a reaction `queue` so far, delivered to `function`
        by every environment at the same instant: SQS's at-least-once delivery, raced."""
        from infra.template import Stack

        stack = Stack(parameters=PARAMETERS)
        sqs = self.endpoint.client("sqs")
        messages: list[dict[str, Any]] = []
        while got := sqs.receive_message(QueueUrl=stack.ref(queue), MaxNumberOfMessages=10).get("Messages"):
            messages += got
        assert messages, f"nothing on {queue}"
        batch = {
            "Records": [
                {
                    "messageId": message["MessageId"],
                    "receiptHandle": message["ReceiptHandle"],
                    "body": message["Body"],
                    "attributes": {"ApproximateReceiveCount": "1"},
                    "messageAttributes": {},
                    "eventSource": "aws:sqs",
                    "eventSourceARN": stack.get_att(queue, "Arn"),
                    "awsRegion": stack.region,
                }
                for message in messages
            ]
        }
        return self.race_invocations(function, [batch] * self.size)

    def signed(self, payload: Any) -> dict[str, Any]:
        from aftercare.webhooks import sign

        body = json.dumps(payload).encode()
        at = int(time.time())
        return {
            "body": body,
            "headers": {
                "content-type": "application/json",
                "x-aftercare-timestamp": str(at),
                "x-aftercare-signature": sign(WEBHOOK_SECRET, at, body),
            },
        }


@contextmanager
def environments(size: int = 4) -> Iterator[Environments]:
    """`size` worker environments on one fresh moto server provisioned from the template."""
    from infra.local.aws_endpoint import AwsEndpoint
    from infra.local.provision import provision
    from infra.template import ROOT, Stack

    endpoint = AwsEndpoint()
    url = endpoint.start()
    try:
        provision(Stack(parameters=PARAMETERS), endpoint.client)
        with ProcessPoolExecutor(
            size, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(url, str(ROOT))
        ) as pool:
            # every environment imports its handlers before the first race (the cold starts)
            list(pool.map(_warm, range(size)))
            yield Environments(pool, size, endpoint)
    finally:
        import requests

        requests.post(f"{url}/moto-api/reset", timeout=10)
        endpoint.stop()


def _warm(_: int) -> None:
    for function in (
        "OrdersApiFunction",
        "PaymentsWebhookFunction",
        "AftersalesApiFunction",
        "LogisticsWebhookFunction",
        "TrackingEventsFunction",
        "TrackingApiFunction",
    ):
        _api.host.handler(function)
    time.sleep(0.2)  # so each worker takes one task

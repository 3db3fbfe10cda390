"""SQS event sources, polled as Lambda's event source mapping polls them.

Each SQS event of the template gets a poller: batches of up to `BatchSize` gathered for at
most `MaximumBatchingWindowInSeconds`, the Lambda SQS event, and on return the messages
deleted, except those the function reported in `batchItemFailures` (with
`ReportBatchItemFailures`) or all of them if it raised. A message left undeleted becomes
visible again after the queue's visibility timeout, and after `maxReceiveCount` receives the
endpoint moves it to the dead-letter queue, as on AWS.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from infra.local import batching
from infra.local.functions import FunctionHost
from infra.template import Stack

log = logging.getLogger("aftercare.local.sqs")

# Long polling, as Lambda's pollers do: moto answers as soon as a message arrives, so a
# longer wait only makes an idle queue cheaper (one request per queue per 5 s).
RECEIVE_WAIT_SECONDS = 5


@dataclass(frozen=True)
class SqsSource:
    function: str
    event_name: str
    queue_arn: str
    queue_url: str
    batch_size: int
    window_seconds: float
    report_failures: bool
    enabled: bool


def check_visibility(source: SqsSource, visibility_timeout: float, function_timeout: int) -> None:
    """AWS refuses an SQS event source whose queue hides a message for less time than the
    function may run (the message would be delivered twice); so does the local stack."""
    if visibility_timeout < function_timeout:
        raise ValueError(
            f"{source.function}.{source.event_name}: queue visibility timeout {visibility_timeout:g}s "
            f"is less than the function timeout {function_timeout}s"
        )


def sqs_sources(stack: Stack) -> list[SqsSource]:
    by_arn = {
        attributes.get("Arn"): stack.refs[logical_id]
        for logical_id, attributes in stack.attributes.items()
        if stack.resources[logical_id]["Type"] == "AWS::SQS::Queue"
    }
    sources = []
    for event in stack.events("SQS"):
        props = event.properties
        arn = props["Queue"]
        if arn not in by_arn:
            raise ValueError(f"{event.target}.{event.name}: queue {arn} is not a queue of the template")
        sources.append(
            SqsSource(
                function=event.target,
                event_name=event.name,
                queue_arn=arn,
                queue_url=by_arn[arn],
                batch_size=int(props.get("BatchSize", 10)),
                window_seconds=batching.window_seconds(props),
                report_failures="ReportBatchItemFailures" in (props.get("FunctionResponseTypes") or []),
                enabled=bool(props.get("Enabled", True)),
            )
        )
    return sources


def _attribute(value: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {"stringListValues": [], "binaryListValues": [], "dataType": value["DataType"]}
    if "StringValue" in value:
        record["stringValue"] = value["StringValue"]
    if "BinaryValue" in value:
        record["binaryValue"] = base64.b64encode(value["BinaryValue"]).decode()
    return record


def lambda_sqs_event(messages: Sequence[dict[str, Any]], queue_arn: str, region: str) -> dict[str, Any]:
    """The event Lambda hands a function for a batch of received messages."""
    records = []
    for message in messages:
        records.append(
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": dict(message.get("Attributes") or {}),
                "messageAttributes": {
                    name: _attribute(value)
                    for name, value in (message.get("MessageAttributes") or {}).items()
                },
                "md5OfBody": message.get("MD5OfBody") or hashlib.md5(message["Body"].encode()).hexdigest(),  # noqa: S324
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
        )
    return {"Records": records}


def failed_message_ids(
    message_ids: Sequence[str], *, ok: bool, result: Any, report_failures: bool
) -> set[str]:
    """Which messages of a batch stay on the queue, by Lambda's rules: all of them if the
    function raised; with ReportBatchItemFailures, those it names in `batchItemFailures`, or
    all of them if the response names an id that is empty or not in the batch."""
    everything = set(message_ids)
    if not ok:
        return everything
    if not report_failures or not result:
        return set()
    if not isinstance(result, dict):
        return everything
    failures = result.get("batchItemFailures") or []
    if not isinstance(failures, list):
        return everything
    named = set()
    for failure in failures:
        identifier = failure.get("itemIdentifier") if isinstance(failure, dict) else None
        if not identifier or identifier not in everything:
            return everything
        named.add(identifier)
    return named


class SqsPoller:
    def __init__(
        self,
        source: SqsSource,
        host: FunctionHost,
        client: Callable[[str], Any],
        region: str,
        observer: Callable[..., None] | None = None,
    ) -> None:
        self.source = source
        self._observer = observer  # told of each message's outcome (the local event log)
        self.host = host
        self.region = region
        self._sqs = client("sqs")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"sqs-{source.function}", daemon=True)
        self._lock = threading.Lock()
        self._busy = False
        self._retrying: dict[str, float] = {}  # failed message id → when it is visible again
        self.batches = 0
        self.failures = 0

    def start(self) -> None:
        check_visibility(
            self.source, self._visibility_timeout(), self.host.spec(self.source.function).timeout
        )
        if self.source.enabled:
            self._thread.start()

    def stop(self, *, wait: bool = True) -> None:
        self._stop.set()
        if wait and self._thread.is_alive():
            self._thread.join(timeout=RECEIVE_WAIT_SECONDS + 5)

    def _receive(self, limit: int, wait: int) -> list[dict[str, Any]]:
        reply = self._sqs.receive_message(
            QueueUrl=self.source.queue_url,
            MaxNumberOfMessages=max(1, min(10, limit)),
            WaitTimeSeconds=wait,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        return list(reply.get("Messages") or [])

    def _collect(self) -> list[dict[str, Any]]:
        batch = self._receive(self.source.batch_size, RECEIVE_WAIT_SECONDS)
        if not batch:
            return batch
        with self._lock:
            self._busy = True
        deadline = time.monotonic() + self.source.window_seconds
        while len(batch) < self.source.batch_size and not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            more = self._receive(self.source.batch_size - len(batch), 0 if remaining < 1 else 1)
            if not more and remaining < 1:
                time.sleep(min(remaining, 0.2))
            batch.extend(more)
        # A message whose visibility ran out during the window comes back: keep its latest receipt.
        return list({message["MessageId"]: message for message in batch}.values())

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                batch = self._collect()
                if batch:
                    self.process(batch)
            except Exception:
                if not self._stop.is_set():
                    log.exception("polling failed", extra={"queue": self.source.queue_arn.rsplit(":", 1)[-1]})
                    time.sleep(1)
            finally:
                with self._lock:
                    self._busy = False

    def process(self, batch: list[dict[str, Any]]) -> None:
        source = self.source
        event = lambda_sqs_event(batch, source.queue_arn, self.region)
        invocation = self.host.run(source.function, event, source=f"sqs:{source.event_name}")
        ids = [message["MessageId"] for message in batch]
        failed = failed_message_ids(
            ids, ok=invocation.ok, result=invocation.result, report_failures=source.report_failures
        )
        done = [message for message in batch if message["MessageId"] not in failed]
        if self._observer is not None:
            for message in batch:
                self._observer(source.queue_url, message["Body"], ok=message["MessageId"] not in failed)
        for start in range(0, len(done), 10):
            self._sqs.delete_message_batch(
                QueueUrl=source.queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                    for i, m in enumerate(done[start : start + 10])
                ],
            )
        visibility = self._visibility_timeout()
        with self._lock:
            for message_id in ids:
                self._retrying.pop(message_id, None)
            for message_id in failed:
                self._retrying[message_id] = time.monotonic() + visibility
        self.batches += 1
        self.failures += len(failed)
        log.info(
            "batch delivered",
            extra={
                "function": source.function,
                "messages": len(batch),
                "failed": len(failed),
                "ms": round(invocation.duration_ms),
            },
        )

    def _visibility_timeout(self) -> float:
        attributes = self._sqs.get_queue_attributes(
            QueueUrl=self.source.queue_url, AttributeNames=["VisibilityTimeout"]
        )["Attributes"]
        return float(attributes.get("VisibilityTimeout", 30))

    def settled(self) -> bool:
        """Nothing to deliver now: no batch in hand, no visible message, and every message in
        flight is one that failed and waits out its visibility timeout before a retry."""
        attributes = self._sqs.get_queue_attributes(
            QueueUrl=self.source.queue_url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        now = time.monotonic()
        with self._lock:
            if self._busy:
                return False
            waiting = sum(1 for visible_at in self._retrying.values() if visible_at > now)
        visible = int(attributes.get("ApproximateNumberOfMessages", 0))
        in_flight = int(attributes.get("ApproximateNumberOfMessagesNotVisible", 0))
        return visible == 0 and in_flight <= waiting

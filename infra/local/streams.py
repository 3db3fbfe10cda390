"""DynamoDB stream event sources: each DynamoDB event of the template reads its table's
stream from the local endpoint and hands batches to the function, in order.

A batch that fails is retried (from the first failed record with
ReportBatchItemFailures) until `MaximumRetryAttempts`, then skipped, as Lambda does
without an on-failure destination.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from infra.local import batching
from infra.local.aws_endpoint import listen_for_writes, stop_listening
from infra.local.functions import FunctionHost
from infra.local.sqs_poller import failed_message_ids
from infra.template import Stack

log = logging.getLogger("aftercare.local.streams")

BATCH_POLL_SECONDS = 0.25  # how often a gathering batch looks for more records
IDLE_SECONDS = 5.0  # an idle stream is read again after this, or at once after a write


@dataclass(frozen=True)
class StreamSource:
    function: str
    event_name: str
    stream_arn: str
    starting_position: str
    batch_size: int
    window_seconds: float
    report_failures: bool
    max_retries: int  # -1: until the record expires
    enabled: bool


def stream_sources(stack: Stack) -> list[StreamSource]:
    return [
        StreamSource(
            function=event.target,
            event_name=event.name,
            stream_arn=event.properties["Stream"],
            starting_position=event.properties.get("StartingPosition", "TRIM_HORIZON"),
            batch_size=int(event.properties.get("BatchSize", 100)),
            window_seconds=batching.window_seconds(event.properties),
            report_failures="ReportBatchItemFailures"
            in (event.properties.get("FunctionResponseTypes") or []),
            max_retries=int(event.properties.get("MaximumRetryAttempts", -1)),
            enabled=bool(event.properties.get("Enabled", True)),
        )
        for event in stack.events("DynamoDB")
    ]


def lambda_stream_record(record: dict[str, Any], stream_arn: str) -> dict[str, Any]:
    """A record as boto3 returns it → as Lambda delivers it (epoch seconds, the source ARN)."""
    dynamodb = dict(record["dynamodb"])
    created = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        dynamodb["ApproximateCreationDateTime"] = int(created.timestamp())
    return {
        **{key: value for key, value in record.items() if key != "dynamodb"},
        "dynamodb": dynamodb,
        "eventSourceARN": stream_arn,
    }


class StreamPoller:
    def __init__(self, source: StreamSource, host: FunctionHost, client: Callable[[str], Any]) -> None:
        self.source = source
        self.host = host
        self._streams = client("dynamodbstreams")
        self._stop = threading.Event()
        self._wake = threading.Event()  # set after any DynamoDB write, by a settle, by stop
        self._thread = threading.Thread(target=self._loop, name=f"stream-{source.function}", daemon=True)
        self._lock = threading.Lock()
        self._caught_up_at = 0.0  # when a read last found nothing new (monotonic)
        self._iterator: str | None = None

    def start(self) -> None:
        if not self.source.enabled:
            return
        shard = self._streams.describe_stream(StreamArn=self.source.stream_arn)["StreamDescription"][
            "Shards"
        ][0]
        self._iterator = self._streams.get_shard_iterator(
            StreamArn=self.source.stream_arn,
            ShardId=shard["ShardId"],
            ShardIteratorType=self.source.starting_position,
        )["ShardIterator"]
        self._shard = shard["ShardId"]
        listen_for_writes(self._wake)
        self._thread.start()

    def stop(self, *, wait: bool = True) -> None:
        self._stop.set()
        self._wake.set()
        stop_listening(self._wake)
        if wait and self._thread.is_alive():
            self._thread.join(timeout=5)

    def settled(self, since: float) -> bool:
        """True once a read that began after `since` found the stream fully delivered."""
        with self._lock:
            return self._caught_up_at > since or not self.source.enabled

    def nudge(self) -> None:
        """Read the stream now (a settle asks for a read that began after it did)."""
        self._wake.set()

    def _read(self) -> list[dict[str, Any]]:
        reply = self._streams.get_records(ShardIterator=self._iterator, Limit=self.source.batch_size)
        self._iterator = reply.get("NextShardIterator") or self._iterator
        return list(reply.get("Records") or [])

    def _loop(self) -> None:
        pending: list[dict[str, Any]] = []
        attempts = 0
        while not self._stop.is_set():
            try:
                self._wake.clear()  # a write from here on wakes the wait below at once
                began = time.monotonic()
                if not pending:
                    pending = self._read()
                    if pending and self.source.window_seconds:
                        deadline = time.monotonic() + self.source.window_seconds
                        while len(pending) < self.source.batch_size and time.monotonic() < deadline:
                            time.sleep(min(BATCH_POLL_SECONDS, self.source.window_seconds))
                            pending += self._read()
                if not pending:
                    with self._lock:
                        self._caught_up_at = began
                    self._wake.wait(IDLE_SECONDS)
                    continue
                batch, pending = pending[: self.source.batch_size], pending[self.source.batch_size :]
                remaining = self._deliver(batch)
                if remaining:
                    attempts += 1
                    if 0 <= self.source.max_retries < attempts:
                        log.error(
                            "batch discarded after retries",
                            extra={"function": self.source.function, "records": len(remaining)},
                        )
                        attempts = 0
                    else:
                        pending = remaining + pending
                        self._stop.wait(1.0)
                else:
                    attempts = 0
            except Exception:
                if not self._stop.is_set():
                    log.exception("stream polling failed", extra={"function": self.source.function})
                    self._stop.wait(1.0)

    def _deliver(self, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Invoke with the batch; return the records to retry (from the first failure on)."""
        event = {"Records": [lambda_stream_record(record, self.source.stream_arn) for record in batch]}
        invocation = self.host.run(self.source.function, event, source=f"dynamodb:{self.source.event_name}")
        sequence = [record["dynamodb"]["SequenceNumber"] for record in batch]
        failed = failed_message_ids(
            sequence, ok=invocation.ok, result=invocation.result, report_failures=self.source.report_failures
        )
        log.info(
            "stream batch delivered",
            extra={"function": self.source.function, "records": len(batch), "failed": len(failed)},
        )
        if not failed:
            return []
        first = min(sequence.index(number) for number in failed)
        return batch[first:]

"""The domain event flow, run in-process for integration tests (moto, no local stack).

`EventFlow(stack, host).run()` does what the deployed wiring does, synchronously: it reads
each publisher function's table stream from where it last stopped and invokes the
publisher; moto's EventBridge delivers the events to the rules' queues; then every
reactions function gets its queue's messages, as the SQS event source would deliver them,
and the messages it did not report as failed are deleted. It repeats until nothing moves,
so a reaction's own change that publishes further events is followed too.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from infra.local.functions import FunctionHost
from infra.local.sqs_poller import failed_message_ids, lambda_sqs_event, sqs_sources
from infra.local.streams import lambda_stream_record, stream_sources
from infra.template import Stack


@dataclass
class EventFlow:
    stack: Stack
    host: FunctionHost
    published: list[dict[str, Any]] = field(default_factory=list)  # envelopes, in order
    failures: list[tuple[str, str]] = field(default_factory=list)  # (function, message id)
    _waiting: list[tuple[str, str]] = field(default_factory=list)  # failed: (queue url, receipt)

    def __post_init__(self) -> None:
        import boto3

        self._sqs = boto3.client("sqs", region_name=self.stack.region)
        self._publishers = [s for s in stream_sources(self.stack) if s.function.endswith("PublisherFunction")]
        self._reactions = [s for s in sqs_sources(self.stack) if s.function.endswith("ReactionsFunction")]
        self._last: dict[str, dict[str, Any]] = {}  # publisher → the last batch it was given
        # moto's in-process mock does not serve the DynamoDB Streams API (its server does):
        # the records are read from moto's table, from now on (what the test does).
        self._read_from = {
            source.stream_arn: len(self._shard(source.stream_arn).items) for source in self._publishers
        }

    def _shard(self, stream_arn: str) -> Any:
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.dynamodb.models import dynamodb_backends

        table = stream_arn.split(":table/", 1)[1].split("/stream/", 1)[0]
        return dynamodb_backends[DEFAULT_ACCOUNT_ID][self.stack.region].get_table(table).stream_shard

    def publish(self) -> int:
        """Run the publishers over the changes since the last call; how many records."""
        records = 0
        for source in self._publishers:
            shard = self._shard(source.stream_arn)
            batch = [record.to_json() for record in shard.items[self._read_from[source.stream_arn] :]]
            self._read_from[source.stream_arn] = len(shard.items)
            if not batch:
                continue
            records += len(batch)
            event = {"Records": [lambda_stream_record(r, source.stream_arn) for r in batch]}
            self._last[source.function] = event
            result = self.host.invoke(source.function, event)
            assert result == {"batchItemFailures": []}, f"{source.function} failed: {result}"
        return records

    def replay(self) -> int:
        """The stream delivers the last batches again (as it does after a failed invocation),
        then the reactions run; how many messages they were given."""
        for function, event in self._last.items():
            assert self.host.invoke(function, copy.deepcopy(event)) == {"batchItemFailures": []}
        return self.react()

    def react(self) -> int:
        """Deliver every reaction queue's visible messages to its function once."""
        delivered = 0
        for source in self._reactions:
            while True:
                messages = (
                    self._sqs.receive_message(
                        QueueUrl=source.queue_url,
                        MaxNumberOfMessages=10,
                        AttributeNames=["All"],
                        MessageAttributeNames=["All"],
                        VisibilityTimeout=30,
                    ).get("Messages")
                    or []
                )
                if not messages:
                    break
                for message in messages:
                    detail = json.loads(message["Body"]).get("detail") or {}
                    if detail.get("id") not in {e.get("id") for e in self.published}:
                        self.published.append(detail)
                delivered += len(messages)
                event = lambda_sqs_event(messages, source.queue_arn, self.stack.region)
                try:
                    result, ok = self.host.invoke(source.function, event), True
                except Exception:
                    result, ok = None, False
                ids = [m["MessageId"] for m in messages]
                failed = failed_message_ids(ids, ok=ok, result=result, report_failures=source.report_failures)
                self.failures += [(source.function, message_id) for message_id in failed]
                for message in messages:
                    if message["MessageId"] not in failed:
                        self._sqs.delete_message(
                            QueueUrl=source.queue_url, ReceiptHandle=message["ReceiptHandle"]
                        )
                    else:
                        self._waiting.append((source.queue_url, message["ReceiptHandle"]))
                if failed:
                    break  # the failed ones wait out their visibility timeout, as on AWS
        return delivered

    def run(self, rounds: int = 10) -> list[dict[str, Any]]:
        """Publish and react until quiet; the envelopes delivered to any reaction queue."""
        for _ in range(rounds):
            if not self.publish() + self.react():
                break
        return self.published

    def retry(self) -> list[dict[str, Any]]:
        """The failed messages' visibility timeout runs out now (SQS redelivers them, with
        their receive count one higher), then `run`."""
        for queue_url, receipt in self._waiting:
            self._sqs.change_message_visibility(
                QueueUrl=queue_url, ReceiptHandle=receipt, VisibilityTimeout=0
            )
        self._waiting.clear()
        return self.run()

    def types(self) -> list[str]:
        return [str(e["type"]) for e in self.published]

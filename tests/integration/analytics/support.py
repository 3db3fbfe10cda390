"""Feeds the analytics aggregator the way Lambda does: records read from the tables' real
(moto) streams, or built from images, delivered in batches to the template's function."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from boto3.dynamodb.types import TypeSerializer

from infra.local.streams import lambda_stream_record, stream_sources
from infra.template import Stack
from tests.support.api import Api

FUNCTION = "AnalyticsAggregatorFunction"
_serializer = TypeSerializer()
_sequence = itertools.count(1)


def serialize(image: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return {key: _serializer.serialize(value) for key, value in image.items() if value is not None}


def stream_arn(stack: Stack, table_logical_id: str) -> str:
    return str(stack.resolve({"Fn::GetAtt": [table_logical_id, "StreamArn"]}))


def record(
    arn: str,
    key: Mapping[str, str],
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    *,
    event_id: str | None = None,
) -> dict[str, Any]:
    """A stream record as Lambda delivers it, from plain old/new images."""
    number = next(_sequence)
    dynamodb: dict[str, Any] = {
        "Keys": {name: {"S": value} for name, value in key.items()},
        "SequenceNumber": f"{number:021d}",
        "SizeBytes": 100,
        "StreamViewType": "NEW_AND_OLD_IMAGES",
        "ApproximateCreationDateTime": 1795420800,
    }
    if old is not None:
        dynamodb["OldImage"] = serialize(old)
    if new is not None:
        dynamodb["NewImage"] = serialize(new)
    name = "INSERT" if old is None else "REMOVE" if new is None else "MODIFY"
    return {
        "eventID": event_id or f"ev-{number}",
        "eventName": name,
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": dynamodb,
        "eventSourceARN": arn,
    }


def deliver(api: Api, records: list[dict[str, Any]]) -> list[str]:
    """Invoke the aggregator with one batch; the sequence numbers it reports as failed."""
    reply = api.host.invoke(FUNCTION, {"Records": records})
    return [failure["itemIdentifier"] for failure in reply["batchItemFailures"]]


class Streams:
    """Reads the aggregator's sources from the real streams (each call: what is new)."""

    def __init__(self, api: Api, stack: Stack) -> None:
        self.api = api
        self.sources = [source for source in stream_sources(stack) if source.function == FUNCTION]
        self.iterators: dict[str, str] = {}
        import boto3

        # The stream ARN's account would pick an account-based endpoint moto does not serve.
        self.client = boto3.client(
            "dynamodbstreams",
            region_name="us-east-1",
            endpoint_url="https://streams.dynamodb.us-east-1.amazonaws.com",
        )

    def _iterator(self, arn: str) -> str:
        if arn not in self.iterators:
            streams = self.client
            shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
            self.iterators[arn] = streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
            )["ShardIterator"]
        return self.iterators[arn]

    def pending(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for source in self.sources:
            while True:
                reply = self.client.get_records(ShardIterator=self._iterator(source.stream_arn))
                self.iterators[source.stream_arn] = reply["NextShardIterator"]
                records = reply.get("Records") or []
                found += [lambda_stream_record(r, source.stream_arn) for r in records]
                if not records:
                    break
        return found

    def drain(self, batch_size: int = 100) -> int:
        """Deliver everything new, in batches; the number of records delivered."""
        records = self.pending()
        for start in range(0, len(records), batch_size):
            assert deliver(self.api, records[start : start + batch_size]) == []
        return len(records)


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

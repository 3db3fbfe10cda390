"""Tracking throughput: courier events applied per second by one consumer process, beside
the floor — the same number of plain boto3 PutItem writes of the same events — against the
same local AWS endpoint (moto's ThreadedMotoServer on a free port), measured in one run.
Target: consumer rate / floor rate >= 0.5.

The consumer is the template's TrackingEventsFunction handler, fed SQS batches of 10 (what
Lambda's event source mapping hands it): per batch it parses every payload, keeps the raw
payloads (one BatchWriteItem) and applies each message's events to its shipment (one
conditional UpdateItem per message, plus one index query per shipment it has not seen).
The workload: SHIPMENTS parcels with a journey of EVENTS_PER_SHIPMENT events each, arriving
interleaved and partly out of order, as couriers send them.

    python -m benchmarks.tracking_throughput [--shipments 150] [--events 6]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import random
import socket
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.5
JOURNEY = [
    "INFO_RECEIVED",
    "IN_TRANSIT",
    "IN_TRANSIT",
    "IN_TRANSIT",
    "OUT_FOR_DELIVERY",
    "AVAILABLE_FOR_PICKUP",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(endpoint: str) -> Any:
    """The functions' environment (from the template) pointed at the local endpoint; set
    before any aftercare module is imported, as Lambda sets it before the handler loads."""
    sys.path[:0] = [str(ROOT), str(ROOT / "shared")]
    from infra.local.provision import function_environment
    from infra.template import Stack

    stack = Stack(parameters={"Stage": "dev", "WebhookSecret": "x" * 16, "CursorSecret": "y" * 16})
    os.environ.update(
        {
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_METRICS_DISABLED": "true",
            "POWERTOOLS_LOG_LEVEL": "ERROR",
        }
    )
    os.environ.pop("AWS_PROFILE", None)
    os.environ.update(function_environment(stack))
    return stack


@dataclass
class Workload:
    batches: list[dict[str, Any]]
    events: int
    floor_items: list[dict[str, Any]]


def _workload(stack: Any, shipments: int, per_shipment: int, *, prefix: str, seed: int) -> Workload:
    from aftercare import clock
    from aftercare.logistics import store

    rng = random.Random(seed)
    start = clock.now().timestamp() - 5 * 86400
    journeys = []
    for index in range(shipments):
        number = f"{prefix}{index:06d}"
        store.create(
            shipment_id=f"shp_{prefix}{index:022d}",
            order_id=f"ord_{prefix}{index:022d}",
            customer_id=f"cus_{index}",
            kind="OUTBOUND",
            carrier="sf-express",
            tracking_number=number,
            at=clock.iso(clock.parse_iso("2026-01-01T00:00:00Z")),
            case_id=None,
            due_at=None,
        )
        journey = []
        for step in range(per_shipment):
            at = start + index * 7 + step * 3600 * 6
            journey.append(
                {
                    "eventId": f"{number}-{step}",
                    "carrier": "sf-express",
                    "trackingNumber": number,
                    "status": JOURNEY[step % len(JOURNEY)],
                    "occurredAt": clock.iso(datetime.fromtimestamp(at, UTC)),
                    "location": f"Hub {step}",
                    "description": "Scanned at the sorting center",
                }
            )
        journeys.append(journey)
    # interleave the journeys; swap neighbours now and then (late events)
    arrival: list[dict[str, Any]] = []
    while any(journeys):
        journey = rng.choice([j for j in journeys if j])
        arrival.append(journey.pop(0))
    for index in range(0, len(arrival) - 1, 7):
        arrival[index], arrival[index + 1] = arrival[index + 1], arrival[index]
    queue_arn = stack.get_att("TrackingEventsQueue", "Arn")
    batches = []
    for start_index in range(0, len(arrival), 10):
        records = []
        for offset, event in enumerate(arrival[start_index : start_index + 10]):
            records.append(
                {
                    "messageId": f"m-{prefix}-{start_index + offset}",
                    "receiptHandle": "handle",
                    "body": json.dumps(event, separators=(",", ":")),
                    "attributes": {"ApproximateReceiveCount": "1"},
                    "messageAttributes": {"carrier": {"stringValue": "sf-express", "dataType": "String"}},
                    "eventSource": "aws:sqs",
                    "eventSourceARN": queue_arn,
                    "awsRegion": "us-east-1",
                }
            )
        batches.append({"Records": records})
    floor_items = [
        {
            "trackingKey": {"S": f"floor#{event['trackingNumber']}"},
            "rawId": {"S": event["eventId"]},
            "status": {"S": event["status"]},
            "occurredAt": {"S": event["occurredAt"]},
            "location": {"S": event["location"]},
            "description": {"S": event["description"]},
        }
        for event in arrival
    ]
    return Workload(batches, len(arrival), floor_items)


def _measure(workload: Workload, table: str) -> tuple[float, float]:
    """Seconds spent by the consumer and by the floor on the same events. The two alternate
    batch by batch, so both see the same machine (other processes, caches, the endpoint's
    growing tables) and the ratio compares like with like."""
    import boto3

    from functions.tracking_events.app import lambda_handler
    from infra.local.functions import LambdaContext

    dynamodb = boto3.client("dynamodb")
    context = LambdaContext(
        "aftercare-TrackingEventsFunction", 512, "arn:aws:lambda:us-east-1:1:function:x", 30
    )
    consumer = floor = 0.0
    with contextlib.redirect_stdout(io.StringIO()):  # the EMF metrics Lambda would ship to CloudWatch
        for index, batch in enumerate(workload.batches):
            started = time.perf_counter()
            result = lambda_handler(batch, context)
            consumer += time.perf_counter() - started
            if result.get("batchItemFailures"):
                raise RuntimeError(f"the consumer failed messages: {result}")
            started = time.perf_counter()
            for item in workload.floor_items[index * 10 : index * 10 + len(batch["Records"])]:
                dynamodb.put_item(TableName=table, Item=item)
            floor += time.perf_counter() - started
    return consumer, floor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shipments", type=int, default=150)
    parser.add_argument("--events", type=int, default=6, help="events per shipment")
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request otherwise
    warnings.filterwarnings("ignore", "No application metrics to publish")

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        stack = _environment(endpoint)
        import boto3

        from infra.local.provision import provision

        provision(stack, lambda service: boto3.client(service))
        table = stack.ref("TrackingEventsTable")

        warm = _workload(stack, 10, args.events, prefix="W", seed=1)
        _measure(warm, table)  # imports, first connections, caches: what a warm Lambda has

        workload = _workload(stack, args.shipments, args.events, prefix="B", seed=2)
        consumer_seconds, floor_seconds = _measure(workload, table)
    finally:
        server.stop()

    consumer_rate = workload.events / consumer_seconds
    floor_rate = workload.events / floor_seconds
    ratio = consumer_rate / floor_rate
    shape = f"{args.shipments} shipments x {args.events}, batches of 10"
    print(f"courier events            {workload.events} ({shape})")
    print(f"consumer                  {consumer_seconds:7.2f} s   {consumer_rate:8.1f} events/s")
    print(f"floor (boto3 PutItem)     {floor_seconds:7.2f} s   {floor_rate:8.1f} writes/s")
    verdict = "OK" if ratio >= TARGET else "BELOW TARGET"
    print(f"ratio consumer/floor      {ratio:7.2f}     target >= {TARGET}  {verdict}")
    if args.json_out:
        figures = {"consumer": consumer_rate, "floor": floor_rate, "ratio": ratio, "target": TARGET}
        Path(args.json_out).write_text(json.dumps(figures))
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())

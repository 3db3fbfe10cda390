"""A scheduled job that feeds WorkQueue, so a clock move has queued work to wait for."""

from __future__ import annotations

import json
import os
from typing import Any

import boto3

from aftercare import clock

EVENTS: list[Any] = []
CLOCK_AT: list[Any] = []  # the local clock when each run happened


def handler(event: Any, context: Any) -> None:
    EVENTS.append(event)
    CLOCK_AT.append(clock.now())
    boto3.client("sqs").send_message(
        QueueUrl=os.environ["WORK_QUEUE_URL"], MessageBody=json.dumps({"from": "sweep", "n": len(EVENTS)})
    )

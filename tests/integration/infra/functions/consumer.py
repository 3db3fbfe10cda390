"""Consumes WorkQueue: `{"fail": true}` is reported as a batch item failure, `{"crash": true}`
makes the whole batch fail."""

from __future__ import annotations

import json
from typing import Any

BATCHES: list[list[dict[str, Any]]] = []


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    records = event["Records"]
    BATCHES.append(records)
    bodies = [json.loads(record["body"]) for record in records]
    if any(body.get("crash") for body in bodies):
        raise RuntimeError("the whole batch fails")
    return {
        "batchItemFailures": [
            {"itemIdentifier": record["messageId"]}
            for record, body in zip(records, bodies, strict=True)
            if body.get("fail")
        ]
    }

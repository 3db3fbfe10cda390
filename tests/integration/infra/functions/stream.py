"""Receives EventsTable's stream."""

from __future__ import annotations

from typing import Any

RECORDS: list[dict[str, Any]] = []


def handler(event: dict[str, Any], context: Any) -> None:
    RECORDS.extend(event["Records"])

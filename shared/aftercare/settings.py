"""Settings read once from the environment the template gives each function."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Settings:
    stage: str
    orders_table: str
    shipments_table: str
    idempotency_table: str
    notifications_queue_url: str
    webhook_secret: str
    cursor_secret: str
    max_body_bytes: int
    webhook_tolerance_seconds: int
    idempotency_ttl_seconds: int


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@cache
def get_settings() -> Settings:
    env = os.environ.get
    return Settings(
        stage=env("STAGE", "local"),
        orders_table=env("ORDERS_TABLE", "aftercare-orders"),
        shipments_table=env("SHIPMENTS_TABLE", "aftercare-shipments"),
        idempotency_table=env("IDEMPOTENCY_TABLE", "aftercare-idempotency"),
        notifications_queue_url=env("NOTIFICATIONS_QUEUE_URL", ""),
        webhook_secret=env("WEBHOOK_SECRET", ""),
        cursor_secret=env("CURSOR_SECRET", ""),
        max_body_bytes=_int("MAX_BODY_BYTES", 64 * 1024),
        webhook_tolerance_seconds=_int("WEBHOOK_TOLERANCE_SECONDS", 300),
        idempotency_ttl_seconds=_int("IDEMPOTENCY_TTL_SECONDS", 24 * 3600),
    )

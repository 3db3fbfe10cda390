"""Settings read once from the environment the template gives each function.

Each field names its environment variable and default; a domain that needs a setting adds
one field here (and the variable to template.yaml), nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import cache


def _env(name: str, default: str = "") -> str:
    return field(default=default, metadata={"env": name})


def _env_int(name: str, default: int) -> int:
    return field(default=default, metadata={"env": name})


@dataclass(frozen=True)
class Settings:
    stage: str = _env("STAGE", "local")
    orders_table: str = _env("ORDERS_TABLE", "aftercare-orders")
    shipments_table: str = _env("SHIPMENTS_TABLE", "aftercare-shipments")
    idempotency_table: str = _env("IDEMPOTENCY_TABLE", "aftercare-idempotency")
    refunds_table: str = _env("REFUNDS_TABLE", "aftercare-refunds")
    refund_state_machine_arn: str = _env("REFUND_STATE_MACHINE_ARN")
    refund_approval_threshold: int = _env_int("REFUND_APPROVAL_THRESHOLD", 1000)  # major units of the order currency
    refund_approval_timeout_seconds: int = _env_int("REFUND_APPROVAL_TIMEOUT_SECONDS", 24 * 3600)
    refund_escalation_timeout_seconds: int = _env_int("REFUND_ESCALATION_TIMEOUT_SECONDS", 3 * 24 * 3600)
    refund_provider_poll_seconds: int = _env_int("REFUND_PROVIDER_POLL_SECONDS", 60)
    payment_provider: str = _env("PAYMENT_PROVIDER", "sandbox")
    notifications_queue_url: str = _env("NOTIFICATIONS_QUEUE_URL")
    webhook_secret: str = _env("WEBHOOK_SECRET")
    cursor_secret: str = _env("CURSOR_SECRET")
    max_body_bytes: int = _env_int("MAX_BODY_BYTES", 64 * 1024)
    webhook_tolerance_seconds: int = _env_int("WEBHOOK_TOLERANCE_SECONDS", 300)
    idempotency_ttl_seconds: int = _env_int("IDEMPOTENCY_TTL_SECONDS", 24 * 3600)


@cache
def get_settings() -> Settings:
    values: dict[str, object] = {}
    for spec in fields(Settings):
        raw = os.environ.get(spec.metadata["env"])
        if raw:
            values[spec.name] = int(raw) if isinstance(spec.default, int) else raw
    return Settings(**values)  # type: ignore[arg-type]

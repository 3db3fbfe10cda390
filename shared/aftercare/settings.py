"""Settings read once from the environment the template gives each function.

`Settings` is the catalogue: each field names its environment variable and default; a
domain that needs a setting adds one field here (and the variable to template.yaml),
nowhere else. Each function also declares what it cannot run without — a frozen dataclass
whose fields are catalogue fields — and builds it with `load()` when its handler module is
imported, so a variable missing from its environment fails the cold start, not a request.
"""

from __future__ import annotations

import os
from dataclasses import Field, dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

SpecT = TypeVar("SpecT")


class SettingError(RuntimeError):
    """A required environment variable is not set (or blank), or a number is not one."""


def _env(name: str, default: str = "", *, stand_ins: tuple[str, ...] = ()) -> str:
    # stand_ins: for a secret's id, the plain values aftercare.secrets falls back to when
    # no secret store is beside the code (tests, tools); they satisfy load() too.
    return field(default=default, metadata={"env": name, "stand_ins": stand_ins})


def _env_int(name: str, default: int) -> int:
    return field(default=default, metadata={"env": name, "stand_ins": ()})


@dataclass(frozen=True)
class Settings:
    stage: str = _env("STAGE", "local")
    orders_table: str = _env("ORDERS_TABLE", "aftercare-orders")
    shipments_table: str = _env("SHIPMENTS_TABLE", "aftercare-shipments")
    tracking_events_table: str = _env("TRACKING_EVENTS_TABLE", "aftercare-tracking-events")
    tracking_events_queue_url: str = _env("TRACKING_EVENTS_QUEUE_URL")
    tracking_events_dlq_url: str = _env("TRACKING_EVENTS_DLQ_URL")
    tracking_max_receive_count: int = _env_int("TRACKING_MAX_RECEIVE_COUNT", 5)  # = the queue's redrive
    aftership_webhook_secret: str = _env("AFTERSHIP_WEBHOOK_SECRET")  # empty: WEBHOOK_SECRET
    aftership_webhook_secret_id: str = _env(
        "AFTERSHIP_WEBHOOK_SECRET_ID", stand_ins=("AFTERSHIP_WEBHOOK_SECRET", "WEBHOOK_SECRET")
    )
    idempotency_table: str = _env("IDEMPOTENCY_TABLE", "aftercare-idempotency")
    refunds_table: str = _env("REFUNDS_TABLE", "aftercare-refunds")
    cases_table: str = _env("CASES_TABLE", "aftercare-cases")
    evidence_bucket: str = _env("EVIDENCE_BUCKET", "aftercare-evidence")
    evidence_max_bytes: int = _env_int("EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
    evidence_upload_seconds: int = _env_int("EVIDENCE_UPLOAD_SECONDS", 900)
    tickets_table: str = _env("TICKETS_TABLE", "aftercare-tickets")
    agents_table: str = _env("AGENTS_TABLE", "aftercare-agents")
    surveys_table: str = _env("SURVEYS_TABLE", "aftercare-surveys")
    customers_table: str = _env("CUSTOMERS_TABLE", "aftercare-customers")
    campaign_sends_table: str = _env("CAMPAIGN_SENDS_TABLE", "aftercare-campaign-sends")
    notification_log_table: str = _env("NOTIFICATION_LOG_TABLE", "aftercare-notification-log")
    survey_delay_seconds: int = _env_int("SURVEY_DELAY_SECONDS", 24 * 3600)
    survey_response_points: int = _env_int("SURVEY_RESPONSE_POINTS", 50)
    # The largest goodwill coupon (minor units) a role may give as service recovery.
    goodwill_limit_agent: int = _env_int("GOODWILL_LIMIT_AGENT", 2000)
    goodwill_limit_supervisor: int = _env_int("GOODWILL_LIMIT_SUPERVISOR", 20000)
    survey_link_secret: str = _env("SURVEY_LINK_SECRET")  # empty: derived from CURSOR_SECRET
    survey_link_secret_id: str = _env(
        "SURVEY_LINK_SECRET_ID", stand_ins=("SURVEY_LINK_SECRET", "CURSOR_SECRET")
    )
    survey_link_base_url: str = _env("SURVEY_LINK_BASE_URL", "https://care.example.com/surveys")
    default_time_zone: str = _env("DEFAULT_TIME_ZONE", "Asia/Shanghai")
    notification_from_email: str = _env("NOTIFICATION_FROM_EMAIL", "care@example.com")
    staff_alerts_topic_arn: str = _env("STAFF_ALERTS_TOPIC_ARN")
    refund_state_machine_arn: str = _env("REFUND_STATE_MACHINE_ARN")
    # Major units of the order's currency (1000 = 1,000.00 CNY, 1,000 JPY).
    refund_approval_threshold: int = _env_int("REFUND_APPROVAL_THRESHOLD", 1000)
    refund_approval_timeout_seconds: int = _env_int("REFUND_APPROVAL_TIMEOUT_SECONDS", 24 * 3600)
    refund_escalation_timeout_seconds: int = _env_int("REFUND_ESCALATION_TIMEOUT_SECONDS", 3 * 24 * 3600)
    refund_provider_poll_seconds: int = _env_int("REFUND_PROVIDER_POLL_SECONDS", 60)
    payment_provider: str = _env("PAYMENT_PROVIDER", "sandbox")
    payment_provider_secret: str = _env("PAYMENT_PROVIDER_SECRET")  # SSM SecureString name (JSON)
    # Where the provider's API is; empty: its production endpoint. Local stacks and tests
    # point these at the fakes in infra/local/payment_fakes.
    stripe_api_base: str = _env("STRIPE_API_BASE")
    alipay_gateway_url: str = _env("ALIPAY_GATEWAY_URL")
    refund_provider_max_polls: int = _env_int("REFUND_PROVIDER_MAX_POLLS", 12)
    refund_provider_max_poll_seconds: int = _env_int("REFUND_PROVIDER_MAX_POLL_SECONDS", 3600)
    notifications_queue_url: str = _env("NOTIFICATIONS_QUEUE_URL")
    # Secrets: the template gives each function the ARN of the secrets it reads
    # (`*_SECRET_ID`, read through aftercare.secrets); the plain `*_SECRET` variables are for
    # tests and tools that run without a secret store, never set by the template.
    webhook_secret: str = _env("WEBHOOK_SECRET")
    webhook_secret_id: str = _env("WEBHOOK_SECRET_ID", stand_ins=("WEBHOOK_SECRET",))
    cursor_secret: str = _env("CURSOR_SECRET")
    cursor_secret_id: str = _env("CURSOR_SECRET_ID", stand_ins=("CURSOR_SECRET",))
    max_body_bytes: int = _env_int("MAX_BODY_BYTES", 64 * 1024)
    webhook_tolerance_seconds: int = _env_int("WEBHOOK_TOLERANCE_SECONDS", 300)
    idempotency_ttl_seconds: int = _env_int("IDEMPOTENCY_TTL_SECONDS", 24 * 3600)
    analytics_table: str = _env("ANALYTICS_TABLE", "aftercare-analytics")
    audits_table: str = _env("AUDITS_TABLE", "aftercare-audits")
    audit_samples_per_agent: int = _env_int("AUDIT_SAMPLES_PER_AGENT", 2)  # per kind, per week
    reports_bucket: str = _env("REPORTS_BUCKET", "aftercare-reports")
    # A live-stream session's after-sales requests in one UTC day that notify supervisors (once).
    live_aftersales_alert_threshold: int = _env_int("LIVE_AFTERSALES_ALERT_THRESHOLD", 5)
    # Domain events: the bus publishers put events on, and each reacting domain's DLQ
    # (named per domain: the local stack runs every function in one environment).
    event_bus_name: str = _env("EVENT_BUS_NAME")
    refunds_reactions_dlq_url: str = _env("REFUNDS_REACTIONS_DLQ_URL")
    customers_reactions_dlq_url: str = _env("CUSTOMERS_REACTIONS_DLQ_URL")
    surveys_reactions_dlq_url: str = _env("SURVEYS_REACTIONS_DLQ_URL")
    aftersales_reactions_dlq_url: str = _env("AFTERSALES_REACTIONS_DLQ_URL")
    orders_reactions_dlq_url: str = _env("ORDERS_REACTIONS_DLQ_URL")
    tickets_reactions_dlq_url: str = _env("TICKETS_REACTIONS_DLQ_URL")
    logistics_reactions_dlq_url: str = _env("LOGISTICS_REACTIONS_DLQ_URL")
    analytics_reactions_dlq_url: str = _env("ANALYTICS_REACTIONS_DLQ_URL")
    audits_reactions_dlq_url: str = _env("AUDITS_REACTIONS_DLQ_URL")


CATALOGUE: dict[str, Field[Any]] = {spec.name: spec for spec in fields(Settings)}


def _parse(spec: Field[Any], raw: str) -> object:
    if not isinstance(spec.default, int):
        return raw
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{spec.metadata['env']} must be a whole number, not {raw!r}") from None


@cache
def get_settings() -> Settings:
    values: dict[str, object] = {}
    for spec in fields(Settings):
        raw = os.environ.get(spec.metadata["env"])
        if raw:
            values[spec.name] = _parse(spec, raw)
    return Settings(**values)  # type: ignore[arg-type]


def variable_of(name: str) -> str:
    """The environment variable of the catalogue field `name`."""
    return str(CATALOGUE[name].metadata["env"])


def load(spec: type[SpecT]) -> SpecT:
    """A function's own settings, read and checked now (at its handler's import): every field
    of `spec` is a catalogue field the function needs, so its variable must be set and not
    blank. A secret's id may be stood in for by its plain value (then the field is empty:
    the value itself is read through aftercare.secrets, never kept here)."""
    values: dict[str, object] = {}
    missing: list[str] = []
    for item in fields(spec):  # type: ignore[arg-type]
        entry = CATALOGUE.get(item.name)
        if entry is None:
            raise TypeError(f"{spec.__name__}.{item.name} is not a setting of aftercare.settings.Settings")
        name = entry.metadata["env"]
        raw = os.environ.get(name, "").strip()
        if raw:
            values[item.name] = _parse(entry, raw)
        elif any(os.environ.get(other, "").strip() for other in entry.metadata["stand_ins"]):
            values[item.name] = ""
        else:
            missing.append(" or ".join((name, *entry.metadata["stand_ins"])))
    if missing:
        raise SettingError(f"{spec.__name__}: required environment variable not set: {', '.join(missing)}")
    return spec(**values)

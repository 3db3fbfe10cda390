"""The canonical Aftercare courier event (API.md), for any carrier without its own adapter.

    POST /v1/logistics/events/{carrier}
    X-Aftercare-Timestamp: <unix seconds>
    X-Aftercare-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">

    {"eventId", "carrier", "trackingNumber", "status", "subStatus"?, "occurredAt",
     "location"?, "description"?, "estimatedDelivery"?}

`status` and `subStatus` use PRODUCT.md §3's vocabulary (any case); an unknown status is kept
as IN_TRANSIT and an unknown sub-status as OTHER, both logged with the code the carrier sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, Field, field_validator

from aftercare import clock, secrets
from aftercare.errors import BadRequest
from aftercare.http import parse_json
from aftercare.logistics import rules
from aftercare.logistics.adapters import CANONICAL, Delivery
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings
from aftercare.webhooks import verify
from aftercare.wire import WireModel

Text = Annotated[str, Field(min_length=1, max_length=500)]


def normalize_estimate(value: str) -> str:
    """A date ("2026-11-25") stays a date; a time becomes fixed-width UTC. ValueError if neither."""
    text = value.strip()
    if len(text) == 10:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    return clock.iso(clock.parse_iso(text))


class CanonicalEvent(WireModel):
    event_id: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[\x21-\x7e]+$")]
    carrier: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,31}$")]
    tracking_number: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{4,40}$")]
    status: Annotated[str, Field(min_length=1, max_length=64)]
    sub_status: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    occurred_at: AwareDatetime
    location: Text | None = None
    description: Text | None = None
    estimated_delivery: Annotated[str, Field(max_length=40)] | None = None

    @field_validator("estimated_delivery")
    @classmethod
    def _date_or_time(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return normalize_estimate(value)
        except ValueError as error:
            raise ValueError("must be a date (YYYY-MM-DD) or an ISO-8601 time with a zone") from error


def unknown_code(carrier: str, field: str, code: str) -> None:
    logger.warning("unknown carrier code mapped to a default", extra={"carrier": carrier, "field": field,
                                                                      "code": code})  # fmt: skip
    metrics.add_metric(name="UnknownCarrierCodes", unit="Count", value=1)


def check_not_ahead(occurred_at: datetime, field: str) -> None:
    if rules.too_far_ahead(occurred_at, clock.now()):
        raise BadRequest(
            "the event is stamped in the future",
            errors=[{"field": field, "message": "more than 24 hours ahead of now"}],
        )


class CanonicalAdapter:
    name = CANONICAL

    def verify(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> None:
        settings = get_settings()
        verify(
            secrets.webhook_secret(),
            headers,
            body,
            now=now,
            tolerance_seconds=settings.webhook_tolerance_seconds,
        )

    def parse(self, body: bytes, *, carrier: str | None) -> Delivery:
        event = parse_json(CanonicalEvent, body)
        if carrier is not None and carrier != CANONICAL and event.carrier != carrier:
            raise BadRequest(
                "the event's carrier does not match the URL",
                errors=[{"field": "carrier", "message": f"expected {carrier!r}"}],
            )
        check_not_ahead(event.occurred_at, "occurredAt")
        status = rules.status_of(event.status)
        if status is None:
            unknown_code(event.carrier, "status", event.status)
            status = rules.DEFAULT_STATUS
        sub_status = None
        if event.sub_status is not None:
            sub_status = rules.sub_status_of(event.sub_status)
            if sub_status is None:
                unknown_code(event.carrier, "subStatus", event.sub_status)
                sub_status = rules.DEFAULT_SUB_STATUS
        if status is rules.TrackingStatus.EXCEPTION and sub_status is None:
            sub_status = rules.DEFAULT_SUB_STATUS
        code = event.status if event.sub_status is None else f"{event.status}/{event.sub_status}"
        normalized = rules.CourierEvent(
            event_id=event.event_id,
            carrier=event.carrier,
            tracking_number=event.tracking_number,
            status=status,
            sub_status=sub_status,
            occurred_at=clock.iso(event.occurred_at),
            location=event.location,
            description=event.description,
            estimated_delivery=event.estimated_delivery,
            code=code,
        )
        return Delivery(event.event_id, event.carrier, event.tracking_number, (normalized,))


ADAPTER = CanonicalAdapter()

"""AfterShip's `tracking_update` webhook (a public tracking aggregator), on
`POST /v1/logistics/events/aftership`.

AfterShip signs the raw body: header `aftership-hmac-sha256` = base64(HMAC-SHA256(secret,
body)), the secret being the account's webhook secret (Settings > Notifications; deployed as
the AftershipWebhookSecret parameter, the shared webhook secret when that is empty). The
payload's `ts` (inside the signed body) must be within a day: AfterShip retries a failed
delivery for hours, and a replay inside that window is harmless because every event is
processed once by its id.

    {"event": "tracking_update", "event_id": "<uuid>", "ts": 1764000000,
     "msg": {"id", "tracking_number", "slug", "tag", "subtag", "subtag_message",
             "expected_delivery", "checkpoints": [{"checkpoint_time", "tag", "subtag",
             "subtag_message", "message", "location", "city", "state", "country_name"}]}}

Each checkpoint becomes one event (id derived from its content, so the full list AfterShip
resends on every update adds only what is new); when the tracking's own tag says more than
its last checkpoint (e.g. Expired), that becomes one more event at `ts`. `slug` is the
courier: our carrier codes follow AfterShip's courier slugs (`sf-express`, `ups`, ...).
Other webhook events (edd_revise, tracking_pending_time, ...) are acknowledged and ignored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aftercare import clock, secrets
from aftercare.errors import BadRequest, Unauthorized
from aftercare.http import parse_json, validation_problem
from aftercare.logistics import rules
from aftercare.logistics.adapters import Delivery
from aftercare.logistics.adapters.canonical import check_not_ahead, normalize_estimate, unknown_code

SIGNATURE_HEADER = "aftership-hmac-sha256"
MAX_AGE = timedelta(hours=24)
NAME = "aftership"

T, X = rules.TrackingStatus, rules.SubStatus
TAGS: dict[str, rules.TrackingStatus] = {
    "Pending": T.INFO_RECEIVED,
    "InfoReceived": T.INFO_RECEIVED,
    "InTransit": T.IN_TRANSIT,
    "OutForDelivery": T.OUT_FOR_DELIVERY,
    "AttemptFail": T.ATTEMPT_FAIL,
    "AvailableForPickup": T.AVAILABLE_FOR_PICKUP,
    "Delivered": T.DELIVERED,
    "Exception": T.EXCEPTION,
    "Expired": T.EXPIRED,
}
# AfterShip's delivery sub-statuses that carry a reason (the others only refine the tag).
SUBTAGS: dict[str, rules.SubStatus] = {
    "Exception_001": X.OTHER,
    "Exception_002": X.ADDRESS_ISSUE,  # customer moved
    "Exception_003": X.REFUSED,
    "Exception_004": X.DELAYED,  # customs clearance
    "Exception_005": X.DELAYED,  # external factors
    "Exception_006": X.PAYMENT_HOLD,
    "Exception_007": X.ADDRESS_ISSUE,  # incorrect address
    "Exception_008": X.PICKUP_MISSED,
    "Exception_009": X.REJECTED_BY_CARRIER,
    "Exception_010": X.RETURNING_TO_SENDER,
    "Exception_011": X.RETURNED_TO_SENDER,
    "Exception_012": X.DAMAGED,
    "Exception_013": X.LOST,
    "Exception_016": X.DELAYED,  # processing issue
    "Exception_017": X.DELAYED,  # extreme weather
    "Exception_018": X.CUSTOMS_HOLD,  # incorrect or missing documents
    "AttemptFail_001": X.OTHER,
    "AttemptFail_002": X.RECIPIENT_UNAVAILABLE,
    "AttemptFail_003": X.BUSINESS_CLOSED,
}


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


Short = Annotated[str, Field(max_length=500)]


class Checkpoint(_Loose):
    checkpoint_time: Annotated[str, Field(min_length=10, max_length=40)]
    tag: Short | None = None
    subtag: Short | None = None
    subtag_message: Short | None = None
    message: Short | None = None
    location: Short | None = None
    city: Short | None = None
    state: Short | None = None
    country_name: Short | None = None
    country_region_name: Short | None = None


class Estimate(_Loose):
    estimated_delivery_date: Annotated[str, Field(max_length=40)] | None = None


class Tracking(_Loose):
    tracking_number: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{4,40}$")]
    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,31}$")]
    tag: Annotated[str, Field(min_length=1, max_length=64)]
    subtag: Short | None = None
    subtag_message: Short | None = None
    expected_delivery: Annotated[str, Field(max_length=40)] | None = None
    courier_estimated_delivery_date: Estimate | None = None
    checkpoints: Annotated[list[Checkpoint], Field(max_length=500)] = []


class Envelope(_Loose):
    event: Annotated[str, Field(min_length=1, max_length=64)]
    event_id: Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[\x21-\x7e]+$")]
    ts: int
    msg: dict[str, Any]


def signature(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def _secret() -> str:
    secret = secrets.aftership_webhook_secret()
    if not secret:
        raise RuntimeError("AfterShip webhook secret is not configured")
    return secret


def _time(value: str, field: str) -> datetime:
    """AfterShip's checkpoint times; a time without a zone is taken as UTC."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadRequest("a checkpoint time is not ISO-8601",
                         errors=[{"field": field, "message": "not an ISO-8601 time"}]) from error  # fmt: skip
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _status(
    tag: str | None, subtag: str | None, carrier: str
) -> tuple[rules.TrackingStatus, rules.SubStatus | None]:
    status = TAGS.get(tag or "")
    if status is None:
        unknown_code(carrier, "tag", str(tag))
        status = rules.DEFAULT_STATUS
    if status not in (T.EXCEPTION, T.ATTEMPT_FAIL):
        return status, None
    sub = SUBTAGS.get(subtag or "")
    if sub is None:
        if subtag and not subtag.endswith("_001"):
            unknown_code(carrier, "subtag", subtag)
        sub = X.OTHER if status is T.EXCEPTION else None
    return status, sub


def _location(point: Checkpoint) -> str | None:
    if point.location:
        return point.location
    parts = [
        part for part in (point.city, point.state, point.country_name or point.country_region_name) if part
    ]
    return ", ".join(parts) or None


def _estimate(tracking: Tracking) -> str | None:
    value = tracking.expected_delivery or (
        tracking.courier_estimated_delivery_date.estimated_delivery_date
        if tracking.courier_estimated_delivery_date
        else None
    )
    if not value:
        return None
    for candidate in (value, value[:10]):  # a time without a zone counts as its date
        try:
            return normalize_estimate(candidate)
        except ValueError:
            continue
    return None  # an estimate is a nicety; a malformed one is dropped, not the update


def _event_id(slug: str, number: str, point: Checkpoint, occurred_at: str) -> str:
    content = "|".join(
        [occurred_at, point.tag or "", point.subtag or "", point.message or "", _location(point) or ""]
    )
    return f"aftership:{slug}:{number}:{hashlib.sha256(content.encode()).hexdigest()[:20]}"


class AfterShipAdapter:
    name = NAME

    def verify(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> None:
        lowered = {key.lower(): value for key, value in headers.items()}
        sent = lowered.get(SIGNATURE_HEADER)
        if not sent:
            raise Unauthorized("missing aftership-hmac-sha256 signature")
        if not hmac.compare_digest(signature(_secret(), body), sent.strip()):
            raise Unauthorized("webhook signature does not match")
        # The signature holds, so the body is AfterShip's; its `ts` is the replay check.
        try:
            envelope = Envelope.model_validate_json(body)
        except ValidationError:
            return  # parse() names what is wrong
        if abs(now - datetime.fromtimestamp(envelope.ts, UTC)) > MAX_AGE:
            raise Unauthorized("webhook timestamp is outside the replay window")

    def parse(self, body: bytes, *, carrier: str | None) -> Delivery:
        envelope = parse_json(Envelope, body)
        try:
            tracking = Tracking.model_validate(envelope.msg)
        except ValidationError as error:
            problem = validation_problem(error)
            for item in problem.errors:
                item["field"] = f"msg.{item['field']}"
            raise problem from error
        slug, number = tracking.slug, tracking.tracking_number
        if envelope.event != "tracking_update":
            return Delivery(envelope.event_id, slug, number, ())
        events: list[rules.CourierEvent] = []
        for index, point in enumerate(tracking.checkpoints):
            at = _time(point.checkpoint_time, f"msg.checkpoints[{index}].checkpoint_time")
            check_not_ahead(at, f"msg.checkpoints[{index}].checkpoint_time")
            occurred_at = clock.iso(at)
            status, sub = _status(point.tag, point.subtag, slug)
            events.append(
                rules.CourierEvent(
                    event_id=_event_id(slug, number, point, occurred_at),
                    carrier=slug,
                    tracking_number=number,
                    status=status,
                    sub_status=sub,
                    occurred_at=occurred_at,
                    location=_location(point),
                    description=point.message or point.subtag_message,
                    code=point.subtag or point.tag,
                )
            )
        status, sub = _status(tracking.tag, tracking.subtag, slug)
        latest = max(events, key=lambda event: (event.occurred_at, event.event_id)) if events else None
        if latest is None or (latest.status, latest.sub_status) != (status, sub):
            at = datetime.fromtimestamp(envelope.ts, UTC)
            check_not_ahead(at, "ts")
            occurred_at = max(clock.iso(at), latest.occurred_at) if latest else clock.iso(at)
            latest = rules.CourierEvent(
                event_id=f"aftership:{envelope.event_id}",
                carrier=slug,
                tracking_number=number,
                status=status,
                sub_status=sub,
                occurred_at=occurred_at,
                description=tracking.subtag_message,
                code=tracking.subtag or tracking.tag,
            )
            events.append(latest)
        estimate = _estimate(tracking)
        if estimate:
            events = [
                replace(event, estimated_delivery=estimate) if event is latest else event for event in events
            ]
        return Delivery(envelope.event_id, slug, number, tuple(events))


ADAPTER = AfterShipAdapter()

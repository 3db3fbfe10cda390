"""The canonical Aftercare courier event (API.md): real shape in, normalized events out."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from aftercare import clock
from aftercare.errors import BadRequest, Unauthorized
from aftercare.logistics.adapters import adapter_for
from aftercare.logistics.adapters.canonical import ADAPTER
from aftercare.logistics.rules import SubStatus, TrackingStatus
from aftercare.webhooks import sign
from tests.support.environment import WEBHOOK_SECRET

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
EVENT = {
    "eventId": "sf-evt-0001",
    "carrier": "sf-express",
    "trackingNumber": "SF100200300",
    "status": "EXCEPTION",
    "subStatus": "ADDRESS_ISSUE",
    "occurredAt": "2026-11-23T15:30:00+08:00",
    "location": "Shanghai Pudong depot",
    "description": "Recipient address incomplete",
    "estimatedDelivery": "2026-11-25",
}


@pytest.fixture(autouse=True)
def pinned() -> Any:
    clock.use(clock.FixedClock(NOW))
    yield
    clock.use(clock.SystemClock())


def body(**changes: Any) -> bytes:
    event = {**EVENT, **changes}
    return json.dumps({key: value for key, value in event.items() if value is not None}).encode()


def test_any_carrier_without_its_own_adapter_speaks_the_canonical_shape() -> None:
    assert adapter_for("sf-express") is ADAPTER
    assert adapter_for("zto") is ADAPTER
    assert adapter_for("aftership") is not ADAPTER


def test_the_canonical_event_is_normalized() -> None:
    delivery = ADAPTER.parse(body(), carrier="sf-express")
    (event,) = delivery.events
    assert (delivery.raw_id, delivery.tracking_key) == ("sf-evt-0001", "sf-express#SF100200300")
    assert event.status is TrackingStatus.EXCEPTION
    assert event.sub_status is SubStatus.ADDRESS_ISSUE
    assert event.occurred_at == "2026-11-23T07:30:00.000Z"  # UTC, fixed width
    assert event.estimated_delivery == "2026-11-25"
    assert event.location == "Shanghai Pudong depot"


def test_codes_are_read_in_any_case_and_unknown_ones_fall_back_safely() -> None:
    (event,) = ADAPTER.parse(body(status="out_for_delivery", subStatus=None), carrier="sf-express").events
    assert (event.status, event.sub_status) == (TrackingStatus.OUT_FOR_DELIVERY, None)
    (event,) = ADAPTER.parse(body(status="BEAMED_UP"), carrier="sf-express").events
    assert event.status is TrackingStatus.IN_TRANSIT  # unknown: neither alarming nor delivered
    assert event.code == "BEAMED_UP/ADDRESS_ISSUE"
    (event,) = ADAPTER.parse(body(subStatus="ALIENS"), carrier="sf-express").events
    assert event.sub_status is SubStatus.OTHER
    (event,) = ADAPTER.parse(body(subStatus=None), carrier="sf-express").events
    assert event.sub_status is SubStatus.OTHER  # an exception always has a reason


def test_an_estimate_may_be_a_time() -> None:
    (event,) = ADAPTER.parse(body(estimatedDelivery="2026-11-25T18:00:00+08:00"), carrier="sf-express").events
    assert event.estimated_delivery == "2026-11-25T10:00:00.000Z"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (body(eventId=None), "eventId"),
        (body(trackingNumber="no spaces allowed"), "trackingNumber"),
        (body(occurredAt="2026-11-23T15:30:00"), "occurredAt"),  # no zone
        (body(occurredAt="yesterday"), "occurredAt"),
        (body(occurredAt="2026-11-25T09:00:00Z"), "occurredAt"),  # more than a day ahead
        (body(status=None), "status"),
        (body(estimatedDelivery="soon"), "estimatedDelivery"),
        (body(carrier="ups"), "carrier"),  # not the URL's carrier
        (b"{not json", "body"),
        (b"[]", "body"),
    ],
)
def test_malformed_or_invalid_payloads_are_refused_with_the_field(payload: bytes, field: str) -> None:
    with pytest.raises(BadRequest) as refused:
        ADAPTER.parse(payload, carrier="sf-express")
    assert field in {error["field"] for error in refused.value.errors}


def test_a_courier_writing_to_the_queue_needs_no_url_carrier() -> None:
    (event,) = ADAPTER.parse(body(carrier="ups"), carrier=None).events
    assert event.carrier == "ups"


def headers(raw: bytes, *, secret: str = WEBHOOK_SECRET, at: int | None = None) -> dict[str, str]:
    timestamp = int(NOW.timestamp()) if at is None else at
    return {"X-Aftercare-Timestamp": str(timestamp), "X-Aftercare-Signature": sign(secret, timestamp, raw)}


def test_a_signed_fresh_payload_verifies() -> None:
    ADAPTER.verify(headers(body()), body(), now=NOW)


@pytest.mark.parametrize(
    "make",
    [
        lambda raw: headers(raw, secret="another-secret-0123456789"),
        lambda raw: headers(raw, at=int(NOW.timestamp()) - 301),
        lambda raw: {},
        lambda raw: {**headers(raw), "X-Aftercare-Signature": "sha256=00"},
        lambda raw: headers(raw + b" "),
    ],
    ids=["wrong-secret", "stale", "missing", "garbled", "body-changed"],
)
def test_bad_missing_or_stale_signatures_are_refused(make: Any) -> None:
    with pytest.raises(Unauthorized):
        ADAPTER.verify(make(body()), body(), now=NOW)

"""AfterShip's tracking_update webhook: its real shape in, normalized events out."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from aftercare import clock
from aftercare.errors import BadRequest, Unauthorized
from aftercare.logistics.adapters import adapter_for
from aftercare.logistics.adapters.aftership import ADAPTER, signature
from aftercare.logistics.rules import SubStatus, TrackingStatus
from tests.support.environment import WEBHOOK_SECRET

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TS = int(NOW.timestamp()) - 60

PAYLOAD: dict[str, Any] = {
    "event": "tracking_update",
    "event_id": "4a5b6c7d-1111-4222-8333-944455556666",
    "is_tracking_first_tag": False,
    "ts": TS,
    "msg": {
        "id": "kz2zm8xhz0ll4ktqjy6k8017",
        "tracking_number": "SF100200300",
        "slug": "sf-express",
        "tag": "Exception",
        "subtag": "Exception_013",
        "subtag_message": "Shipment lost",
        "expected_delivery": "2026-11-25",
        "title": "Order #1001",
        "checkpoints": [
            {
                "slug": "sf-express",
                "checkpoint_time": "2026-11-21T09:12:00+08:00",
                "tag": "InTransit",
                "subtag": "InTransit_002",
                "subtag_message": "Acceptance scan",
                "message": "Picked up",
                "city": "Shenzhen",
                "country_name": "China",
            },
            {
                "slug": "sf-express",
                "checkpoint_time": "2026-11-22T20:40:00+08:00",
                "tag": "Exception",
                "subtag": "Exception_013",
                "subtag_message": "Shipment lost",
                "message": "Parcel could not be located",
                "location": "Shanghai hub",
            },
        ],
    },
}


@pytest.fixture(autouse=True)
def pinned() -> Any:
    clock.use(clock.FixedClock(NOW))
    yield
    clock.use(clock.SystemClock())


def raw(payload: dict[str, Any] = PAYLOAD) -> bytes:
    return json.dumps(payload).encode()


def changed(**msg: Any) -> dict[str, Any]:
    payload = copy.deepcopy(PAYLOAD)
    payload["msg"].update(msg)
    return payload


def test_the_aftership_path_has_its_own_adapter() -> None:
    assert adapter_for("aftership") is ADAPTER


def test_each_checkpoint_becomes_an_event_of_the_couriers_parcel() -> None:
    delivery = ADAPTER.parse(raw(), carrier="aftership")
    assert delivery.tracking_key == "sf-express#SF100200300"
    assert delivery.raw_id == PAYLOAD["event_id"]
    first, last = delivery.events
    assert (first.status, first.sub_status, first.occurred_at) == (
        TrackingStatus.IN_TRANSIT,
        None,
        "2026-11-21T01:12:00.000Z",
    )
    assert first.location == "Shenzhen, China"
    assert first.description == "Picked up"
    assert (last.status, last.sub_status) == (TrackingStatus.EXCEPTION, SubStatus.LOST)
    assert last.code == "Exception_013"
    assert last.estimated_delivery == "2026-11-25"  # the tracking's estimate rides on its latest event
    assert first.estimated_delivery is None


def test_event_ids_are_stable_across_redeliveries_of_the_growing_list() -> None:
    first = ADAPTER.parse(raw(), carrier="aftership")
    again = copy.deepcopy(PAYLOAD)
    again["event_id"] = "another-delivery"
    again["msg"]["checkpoints"].append(
        {
            "checkpoint_time": "2026-11-23T10:00:00+08:00",
            "tag": "Delivered",
            "subtag": "Delivered_001",
            "message": "Signed",
        }
    )
    again["msg"].update(tag="Delivered", subtag="Delivered_001")
    second = ADAPTER.parse(raw(again), carrier="aftership")
    assert [e.event_id for e in second.events[:2]] == [e.event_id for e in first.events]
    assert second.events[-1].status is TrackingStatus.DELIVERED
    assert len(second.events) == 3


@pytest.mark.parametrize(
    ("tag", "subtag", "status", "sub"),
    [
        ("InfoReceived", "InfoReceived_001", TrackingStatus.INFO_RECEIVED, None),
        ("InTransit", "InTransit_007", TrackingStatus.IN_TRANSIT, None),
        ("OutForDelivery", "OutForDelivery_001", TrackingStatus.OUT_FOR_DELIVERY, None),
        ("AttemptFail", "AttemptFail_002", TrackingStatus.ATTEMPT_FAIL, SubStatus.RECIPIENT_UNAVAILABLE),
        ("AttemptFail", "AttemptFail_001", TrackingStatus.ATTEMPT_FAIL, SubStatus.OTHER),
        ("AvailableForPickup", "AvailableForPickup_001", TrackingStatus.AVAILABLE_FOR_PICKUP, None),
        ("Delivered", "Delivered_003", TrackingStatus.DELIVERED, None),
        ("Exception", "Exception_003", TrackingStatus.EXCEPTION, SubStatus.REFUSED),
        ("Exception", "Exception_004", TrackingStatus.EXCEPTION, SubStatus.DELAYED),
        ("Exception", "Exception_007", TrackingStatus.EXCEPTION, SubStatus.ADDRESS_ISSUE),
        ("Exception", "Exception_011", TrackingStatus.EXCEPTION, SubStatus.RETURNED_TO_SENDER),
        ("Exception", "Exception_012", TrackingStatus.EXCEPTION, SubStatus.DAMAGED),
        ("Exception", "Exception_099", TrackingStatus.EXCEPTION, SubStatus.OTHER),  # unknown subtag
        ("Exception", None, TrackingStatus.EXCEPTION, SubStatus.OTHER),
        ("Expired", "Expired_001", TrackingStatus.EXPIRED, None),
        ("Pending", "Pending_001", TrackingStatus.INFO_RECEIVED, None),
        ("Teleported", "Teleported_001", TrackingStatus.IN_TRANSIT, None),  # unknown tag: safe default
    ],
)
def test_tags_and_subtags_map_to_our_vocabulary(
    tag: str, subtag: str | None, status: TrackingStatus, sub: SubStatus | None
) -> None:
    delivery = ADAPTER.parse(raw(changed(tag=tag, subtag=subtag, checkpoints=[])), carrier="aftership")
    (event,) = delivery.events  # no checkpoint: the tracking's tag at `ts`
    assert (event.status, event.sub_status) == (status, sub)
    assert event.occurred_at == clock.iso(datetime.fromtimestamp(TS, UTC))


def test_a_tag_beyond_the_last_checkpoint_adds_one_event() -> None:
    payload = changed(tag="Expired", subtag="Expired_001")
    events = ADAPTER.parse(raw(payload), carrier="aftership").events
    assert [event.status for event in events] == [
        TrackingStatus.IN_TRANSIT,
        TrackingStatus.EXCEPTION,
        TrackingStatus.EXPIRED,
    ]


def test_a_checkpoint_time_without_a_zone_is_taken_as_utc() -> None:
    payload = changed(
        checkpoints=[{"checkpoint_time": "2026-11-22T10:00:00", "tag": "InTransit"}],
        tag="InTransit",
        subtag=None,
    )
    (event,) = ADAPTER.parse(raw(payload), carrier="aftership").events
    assert event.occurred_at == "2026-11-22T10:00:00.000Z"


def test_other_webhook_events_are_acknowledged_without_events() -> None:
    payload = {**PAYLOAD, "event": "tracking_pending_time"}
    assert ADAPTER.parse(raw(payload), carrier="aftership").events == ()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({k: v for k, v in PAYLOAD.items() if k != "msg"}, "msg"),
        ({**PAYLOAD, "ts": "yesterday"}, "ts"),
        (changed(tracking_number=None), "msg.tracking_number"),
        (changed(slug="Not A Slug"), "msg.slug"),
        (
            changed(checkpoints=[{"checkpoint_time": "not a time at all"}]),
            "msg.checkpoints[0].checkpoint_time",
        ),
        (changed(checkpoints="many"), "msg.checkpoints"),
    ],
)
def test_malformed_payloads_are_refused_with_the_field(payload: dict[str, Any], field: str) -> None:
    with pytest.raises(BadRequest) as refused:
        ADAPTER.parse(raw(payload), carrier="aftership")
    assert field in {error["field"] for error in refused.value.errors}


def test_the_aftership_signature_is_a_base64_hmac_of_the_raw_body() -> None:
    body = raw()
    ADAPTER.verify({"aftership-hmac-sha256": signature(WEBHOOK_SECRET, body)}, body, now=NOW)
    ADAPTER.verify({"Aftership-Hmac-Sha256": signature(WEBHOOK_SECRET, body)}, body, now=NOW)


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({}, raw()),
        ({"aftership-hmac-sha256": signature("another-secret-0123456789", raw())}, raw()),
        ({"aftership-hmac-sha256": signature(WEBHOOK_SECRET, raw())}, raw() + b" "),
        (
            {"aftership-hmac-sha256": signature(WEBHOOK_SECRET, raw({**PAYLOAD, "ts": TS - 2 * 86400}))},
            raw({**PAYLOAD, "ts": TS - 2 * 86400}),
        ),
    ],
    ids=["missing", "wrong-secret", "body-changed", "stale"],
)
def test_bad_missing_or_stale_signatures_are_refused(headers: dict[str, str], body: bytes) -> None:
    with pytest.raises(Unauthorized):
        ADAPTER.verify(headers, body, now=NOW)

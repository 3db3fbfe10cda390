"""The courier webhook: signed and valid → 202 and queued; anything else refused, nothing queued."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aftercare import clock
from tests.conftest import START
from tests.integration.logistics.conftest import Couriers, aftership_signed, canonical
from tests.unit.logistics.test_aftership_adapter import PAYLOAD

EVENT = canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z")


def queued(couriers: Couriers) -> list[dict[str, Any]]:
    return couriers.receive()


def test_a_signed_valid_event_is_queued_as_received(couriers: Couriers) -> None:
    reply = couriers.post(EVENT)
    assert reply.status == 202
    (message,) = queued(couriers)
    assert json.loads(message["Body"]) == EVENT
    assert message["MessageAttributes"]["carrier"]["StringValue"] == "sf-express"


@pytest.mark.parametrize(
    "signing",
    [
        {"secret": "another-secret-0123456789"},
        {"at": int(START.timestamp()) - 301},
        {"at": int(START.timestamp()) + 301},
    ],
    ids=["bad-signature", "stale", "from-the-future"],
)
def test_bad_or_stale_signatures_are_401_and_nothing_is_queued(
    couriers: Couriers, signing: dict[str, Any]
) -> None:
    reply = couriers.post(EVENT, **signing)
    assert reply.status == 401
    assert reply.headers["content-type"] == "application/problem+json"
    assert queued(couriers) == []


def test_a_missing_signature_is_401_and_nothing_is_queued(couriers: Couriers) -> None:
    reply = couriers.api.call("POST", "/v1/logistics/events/sf-express", json_body=EVENT)
    assert reply.status == 401
    assert queued(couriers) == []


def test_an_invalid_event_is_400_with_the_reason_and_nothing_is_queued(couriers: Couriers) -> None:
    reply = couriers.post({**EVENT, "occurredAt": "last tuesday"})
    assert reply.status == 400
    assert reply.json["errors"][0]["field"] == "occurredAt"
    assert couriers.post(b"{oops").status == 400
    assert couriers.post(EVENT, carrier="ups").json["errors"] == [
        {"field": "carrier", "message": "expected 'ups'"}
    ]
    assert couriers.post(EVENT, carrier="NOT_A_CODE").status == 400
    assert queued(couriers) == []


def test_the_signature_is_checked_before_the_body_is_judged(couriers: Couriers) -> None:
    reply = couriers.post(b"{oops", secret="another-secret-0123456789")
    assert reply.status == 401


def test_an_aftership_webhook_is_verified_by_its_own_header_and_queued(couriers: Couriers) -> None:
    payload = {**PAYLOAD, "ts": int(clock.now().timestamp())}
    reply = couriers.post_aftership(payload)
    assert reply.status == 202, reply.body
    assert reply.json["accepted"] == 2
    assert reply.json["trackingNumber"] == "SF100200300"
    (message,) = queued(couriers)
    assert message["MessageAttributes"]["carrier"]["StringValue"] == "aftership"

    forged = aftership_signed(payload, secret="another-secret-0123456789")
    assert couriers.api.call("POST", "/v1/logistics/events/aftership", **forged).status == 401
    signed_as_canonical = couriers.post(payload, carrier="aftership")  # the wrong scheme for AfterShip
    assert signed_as_canonical.status == 401
    assert queued(couriers) == []


def test_an_oversized_body_is_refused_before_anything_else(couriers: Couriers) -> None:
    reply = couriers.post({**EVENT, "description": "x" * 70_000})
    assert reply.status == 413
    assert queued(couriers) == []

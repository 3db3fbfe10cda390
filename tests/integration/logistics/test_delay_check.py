"""The hourly check, driven by the clock: quiet or late parcels are flagged DELAYED once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aftercare import clock
from aftercare.logistics import store
from tests.integration.logistics.conftest import CARRIER, TRACKING, Couriers, canonical
from tests.support.api import customer
from tests.support.bus import EventFlow

SAMPLE = Path(__file__).resolve().parents[3] / "events" / "tracking_delay_check" / "HourlyCheck.json"
HOUR = 3600


def run_check(couriers: Couriers) -> int:
    event = json.loads(SAMPLE.read_text())
    return int(couriers.api.host.invoke("TrackingDelayCheckFunction", event)["flagged"])


def problems() -> dict[str, Any]:
    found = store.find_by_tracking(f"{CARRIER}#{TRACKING}")
    assert found is not None
    shipment = store.get(found.shipment_id)
    assert shipment is not None
    return shipment.problems


def delay_notices(couriers: Couriers) -> list[dict[str, Any]]:
    url = couriers.stack.ref("NotificationsQueue")
    bodies = []
    while messages := client_messages(url):
        bodies.extend(messages)
    return [b for b in bodies if b["kind"] == "logistics.problem" and b["data"]["problem"] == "DELAYED"]


def client_messages(url: str) -> list[dict[str, Any]]:
    from aftercare.aws import client

    reply = client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"]) for m in reply.get("Messages") or []]


def test_a_parcel_without_news_for_72_hours_is_flagged_once(
    couriers: Couriers, shipped: dict[str, Any], fixed_clock: clock.FixedClock, flow: EventFlow
) -> None:
    couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-23T07:00:00Z"))
    couriers.drain()
    fixed_clock.advance(71 * HOUR)
    assert run_check(couriers) == 0
    fixed_clock.advance(2 * HOUR)  # 73 hours after the last event
    assert run_check(couriers) == 1
    assert problems()["DELAYED"]["reason"] == "STALLED"
    flow.run()  # the problem is published: the customer is told, customer service gets a ticket
    assert flow.failures == []
    (notice,) = delay_notices(couriers)
    assert notice["data"]["reason"] == "STALLED"
    tickets = couriers.api.call("GET", "/v1/tickets", claims=customer()).json["items"]
    assert [t["subject"] for t in tickets] == ["Parcel SF100200300: parcel delayed"]
    assert tickets[0]["ticketId"].startswith("tk_")
    for _ in range(3):  # the next hours: not again
        fixed_clock.advance(HOUR)
        assert run_check(couriers) == 0
    flow.run()
    assert delay_notices(couriers) == []
    assert len(couriers.api.call("GET", "/v1/tickets", claims=customer()).json["items"]) == 1


def test_news_resets_the_72_hours(
    couriers: Couriers, shipped: dict[str, Any], fixed_clock: clock.FixedClock
) -> None:
    fixed_clock.advance(60 * HOUR)
    couriers.post(canonical("e1", "IN_TRANSIT", clock.now_iso()))
    couriers.drain()
    fixed_clock.advance(60 * HOUR)  # 120 hours after shipping, 60 after the news
    assert run_check(couriers) == 0


def test_a_parcel_past_its_estimated_delivery_is_flagged(
    couriers: Couriers, shipped: dict[str, Any], fixed_clock: clock.FixedClock
) -> None:
    couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-23T07:00:00Z", estimatedDelivery="2026-11-23"))
    couriers.drain()
    fixed_clock.advance(15 * HOUR)  # 23:00 on the estimated day
    assert run_check(couriers) == 0
    fixed_clock.advance(2 * HOUR)  # past the end of that day
    assert run_check(couriers) == 1
    assert problems()["DELAYED"]["reason"] == "PAST_ESTIMATED_DELIVERY"


def test_delivered_parcels_are_never_flagged(
    couriers: Couriers, shipped: dict[str, Any], fixed_clock: clock.FixedClock
) -> None:
    couriers.post(canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z"))
    couriers.drain()
    fixed_clock.advance(30 * 24 * HOUR)
    assert run_check(couriers) == 0
    assert "DELAYED" not in problems()


def test_a_courier_reported_delay_counts_as_the_delay(
    couriers: Couriers, shipped: dict[str, Any], fixed_clock: clock.FixedClock
) -> None:
    couriers.post(canonical("x1", "EXCEPTION", "2026-11-23T07:00:00Z", subStatus="DELAYED"))
    couriers.drain()
    assert problems()["DELAYED"]["reason"] == "DELAYED"
    fixed_clock.advance(100 * HOUR)
    assert run_check(couriers) == 0  # already told; not every hour

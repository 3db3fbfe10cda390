"""Logistics over real HTTP: a courier's webhook → the queue → the consumer → the tracking
API and the order; AfterShip's own signature; the hourly delay check on the local clock."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from aftercare.clock import iso, parse_iso
from infra.local.seed import order_request
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

ALICE = ("cus_alice", "customer")
BOB = ("cus_bob", "customer")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")


def shipped_order(stack: LocalStackProcess, tracking: str) -> dict[str, Any]:
    placed = stack.post("/v1/orders", as_=ALICE, json_body=order_request())
    assert placed.status_code == 201, placed.text
    order = placed.json()
    paid = stack.post(f"/v1/admin/orders/{order['orderId']}/payment", as_=AGENT, json_body={
        "amount": order["total"], "method": "BANK_TRANSFER", "transactionId": f"txn-{order['orderId']}"})  # fmt: skip
    assert paid.status_code == 200, paid.text
    for step, who, body in [
        ("confirm", AGENT, None),
        ("pack", WAREHOUSE, None),
        ("ship", WAREHOUSE, {"carrier": "sf-express", "trackingNumber": tracking}),
    ]:
        reply = stack.post(f"/v1/admin/orders/{order['orderId']}/{step}", as_=who, json_body=body)
        assert reply.status_code == 200, reply.text

    def tracked() -> bool:
        # Logistics tracks the parcel from OrderShipped: until then tracking names it as awaited.
        view = stack.get(f"/v1/orders/{order['orderId']}/tracking", as_=ALICE).json()
        return bool(view["shipments"]) and not view["awaitingTracking"]

    eventually(stack, "the parcel is tracked", tracked)
    return dict(order)


def settle(stack: LocalStackProcess) -> None:
    assert stack.post("/_local/settle").status_code == 200


def eventually(stack: LocalStackProcess, what: str, probe: Callable[[], Any], seconds: float = 30) -> Any:
    """What `probe` returns once it is truthy: the effects of domain events are eventual."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"{what} did not happen within {seconds} s\n{stack.log_tail()}")


def ago(stack: LocalStackProcess, hours: float) -> str:
    return iso(parse_iso(stack.now()) - timedelta(hours=hours))


def test_a_courier_webhook_flows_through_the_queue_to_the_tracking_api_and_delivers_the_order(
    local_stack: LocalStackProcess,
) -> None:
    tracking = f"E2E{uuid.uuid4().hex[:10].upper()}"
    order = shipped_order(local_stack, tracking)
    event = {"eventId": f"{tracking}-1", "carrier": "sf-express", "trackingNumber": tracking,
             "status": "IN_TRANSIT", "occurredAt": ago(local_stack, 2), "location": "Shenzhen hub"}  # fmt: skip
    accepted = local_stack.webhook("/v1/logistics/events/sf-express", event)
    assert accepted.status_code == 202, accepted.text
    assert local_stack.webhook("/v1/logistics/events/sf-express", event).status_code == 202  # twice
    settle(local_stack)

    reply = local_stack.get(f"/v1/orders/{order['orderId']}/tracking", as_=ALICE)
    assert reply.status_code == 200, reply.text
    (shipment,) = reply.json()["shipments"]
    assert shipment["status"] == "IN_TRANSIT"
    assert len(shipment["history"]) == 1
    assert local_stack.get(f"/v1/orders/{order['orderId']}/tracking", as_=BOB).status_code == 404

    # AfterShip reports the delivery, signed its own way (the shared secret stands in locally)
    payload = {"event": "tracking_update", "event_id": str(uuid.uuid4()), "ts": local_stack.now_epoch(),
               "msg": {"tracking_number": tracking, "slug": "sf-express", "tag": "Delivered",
                       "subtag": "Delivered_001", "checkpoints": [
                           {"checkpoint_time": ago(local_stack, 1), "tag": "Delivered",
                            "subtag": "Delivered_001", "message": "Signed for"}]}}  # fmt: skip
    body = json.dumps(payload).encode()
    mac = base64.b64encode(
        hmac.new(local_stack.webhook_secret.encode(), body, hashlib.sha256).digest()
    ).decode()
    delivered = local_stack.session.post(
        local_stack.url("/v1/logistics/events/aftership"),
        data=body,
        headers={"content-type": "application/json", "aftership-hmac-sha256": mac},
        timeout=10,
    )
    assert delivered.status_code == 202, delivered.text
    settle(local_stack)

    (shipment,) = local_stack.get(f"/v1/orders/{order['orderId']}/tracking", as_=ALICE).json()["shipments"]
    assert shipment["status"] == "DELIVERED"
    assert [entry["status"] for entry in shipment["history"]] == ["DELIVERED", "IN_TRANSIT"]

    def delivered_order() -> dict[str, Any] | None:
        found = local_stack.get(f"/v1/orders/{order['orderId']}", as_=ALICE).json()
        return dict(found) if found["status"] == "DELIVERED" else None

    final = eventually(local_stack, "the order's delivery", delivered_order)  # ParcelDelivered → orders
    assert final["deliveredAt"]


def test_bad_signatures_are_refused_and_nothing_reaches_the_shipment(local_stack: LocalStackProcess) -> None:
    tracking = f"E2E{uuid.uuid4().hex[:10].upper()}"
    order = shipped_order(local_stack, tracking)
    event = {"eventId": f"{tracking}-x", "carrier": "sf-express", "trackingNumber": tracking,
             "status": "DELIVERED", "occurredAt": ago(local_stack, 1)}  # fmt: skip
    forged = local_stack.webhook("/v1/logistics/events/sf-express", event, secret="not-the-secret-0123456789")
    assert forged.status_code == 401
    stale = local_stack.webhook(
        "/v1/logistics/events/sf-express", event, timestamp=local_stack.now_epoch() - 3600
    )
    assert stale.status_code == 401
    settle(local_stack)
    (shipment,) = local_stack.get(f"/v1/orders/{order['orderId']}/tracking", as_=ALICE).json()["shipments"]
    assert (shipment["status"], shipment["history"]) == ("INFO_RECEIVED", [])


def test_a_quiet_parcel_is_flagged_delayed_by_the_hourly_check(local_stack: LocalStackProcess) -> None:
    tracking = f"E2E{uuid.uuid4().hex[:10].upper()}"
    order = shipped_order(local_stack, tracking)
    with local_stack.only_schedules("TrackingDelayCheckFunction"):
        local_stack.advance(73 * 3600)  # the hourly check runs on the local clock, firing by firing
    dynamodb: Any = local_stack.aws("dynamodb")
    tables = dynamodb.list_tables()["TableNames"]
    table = next(name for name in tables if name.endswith("-ShipmentsTable"))
    items = dynamodb.query(
        TableName=table, IndexName="byOrder", KeyConditionExpression="orderId = :o",
        ExpressionAttributeValues={":o": {"S": order["orderId"]}},
    )["Items"]  # fmt: skip
    (item,) = items
    problem = item["problems"]["M"]["DELAYED"]["M"]
    assert problem["reason"]["S"] == "STALLED"

    def delay_ticket() -> list[dict[str, Any]]:  # ShipmentProblemsFound → tickets
        items = local_stack.get("/v1/tickets?limit=100", as_=ALICE).json()["items"]
        return [t for t in items if t["subject"] == f"Parcel {tracking}: parcel delayed"]

    (ticket,) = eventually(local_stack, "the delay's ticket", delay_ticket)
    assert (ticket["ticketId"][:3], ticket["category"]) == ("tk_", "LOGISTICS")

"""Repair appointments: staff publish two drop-off slots for tomorrow, the customer of an
approved REPAIR case books the first, moves it to the second (the first seat is freed in
the same write), and the repair desk reads the day's calendar."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import requests

from aftercare.clock import parse_iso
from infra.local.demo import AGENT, CARRIER, WAREHOUSE, Demo, DemoFailed
from infra.local.seed import order_request

OWNER = (f"cus_appt_{uuid.uuid4().hex[:6]}", "customer")
ZONE = ZoneInfo("Asia/Shanghai")  # the time zone of a customer without a profile


def _state(demo: Demo) -> dict[str, Any]:
    state: dict[str, Any] = demo.state.setdefault("appointments", {})
    return state


def approved_repair(demo: Demo) -> str:
    order = demo.expect(demo.client.post("/v1/orders", as_=OWNER, json_body=order_request("Wang Fang")), 201)
    order_id = order["orderId"]
    payment = {"amount": order["total"], "method": "BANK_TRANSFER", "transactionId": f"demo-{order_id}"}
    steps: list[tuple[str, tuple[str, str], dict[str, Any] | None]] = [
        ("payment", AGENT, payment),
        ("confirm", AGENT, None),
        ("pack", WAREHOUSE, None),
        ("ship", WAREHOUSE, {"carrier": CARRIER, "trackingNumber": f"SF{uuid.uuid4().hex[:10].upper()}"}),
    ]
    for step, who, body in steps:
        demo.expect(demo.client.post(f"/v1/admin/orders/{order_id}/{step}", as_=who, json_body=body), 200)
    demo.expect(demo.client.post(f"/v1/orders/{order_id}/confirm-receipt", as_=OWNER), 200)
    upload = demo.expect(
        demo.client.post(
            "/v1/after-sales/evidence-uploads", as_=OWNER, json_body={"contentType": "image/jpeg"}
        ),
        201,
    )
    put = requests.put(upload["uploadUrl"], data=b"\xff\xd8\xff demo", headers=upload["headers"], timeout=10)
    if put.status_code != 200:
        raise DemoFailed(f"evidence upload → {put.status_code} {put.text}")
    sku = order["items"][0]["sku"]
    body = {"orderId": order_id, "type": "REPAIR", "reason": "QUALITY_ISSUE",
            "items": [{"sku": sku, "quantity": 1}], "description": "it stopped working",
            "evidenceKeys": [upload["evidenceKey"]]}  # fmt: skip
    case = demo.expect(demo.client.post("/v1/after-sales", as_=OWNER, json_body=body), 201)
    case = demo.expect(demo.client.post(f"/v1/admin/after-sales/{case['caseId']}/approve", as_=AGENT), 200)
    _state(demo)["case"] = case["caseId"]
    return f"{OWNER[0]}'s repair of {sku} ({case['caseId']}) is approved: {case['status']}"


def publish_slots(demo: Demo) -> str:
    tomorrow = parse_iso(demo.client.now()).astimezone(ZONE) + timedelta(days=1)
    state = _state(demo)
    slots = []
    for hour in (10, 14):
        start = tomorrow.replace(hour=hour, minute=0, second=0, microsecond=0)
        body = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat(),
                "kind": "DROP_OFF", "capacity": 3, "location": "Shanghai service desk"}  # fmt: skip
        slot = demo.expect(
            demo.client.post("/v1/admin/appointment-slots", as_=WAREHOUSE, json_body=body), 201
        )
        slots.append(slot)
    state["slots"] = [slot["slotId"] for slot in slots]
    state["day"] = slots[0]["start"][:10]
    return f"{WAREHOUSE[0]} published {len(slots)} drop-off slots: " + ", ".join(s["start"] for s in slots)


def book(demo: Demo) -> str:
    state = _state(demo)
    case_id, first = state["case"], state["slots"][0]
    free = demo.expect(demo.client.get(f"/v1/after-sales/{case_id}/appointment-slots", as_=OWNER), 200)
    if first not in {slot["slotId"] for slot in free["items"]}:
        raise DemoFailed(f"the new slot is not offered: {free}")
    reply = demo.client.post(f"/v1/after-sales/{case_id}/appointment", as_=OWNER, json_body={"slotId": first})
    appointment = demo.expect(reply, 200)["appointment"]
    return f"{OWNER[0]} booked {appointment['kind']} at {appointment['start']}: {appointment['status']}"


def move(demo: Demo) -> str:
    state = _state(demo)
    case_id, second = state["case"], state["slots"][1]
    reply = demo.client.post(
        f"/v1/after-sales/{case_id}/appointment", as_=OWNER, json_body={"slotId": second}
    )
    case = demo.expect(reply, 200)
    return f"{OWNER[0]} moved it to {case['appointment']['start']} ({case['timeline'][-1]['note']})"


def calendar(demo: Demo) -> str:
    state = _state(demo)
    day = demo.expect(demo.client.get(f"/v1/admin/appointments?date={state['day']}", as_=AGENT), 200)
    mine = [slot for slot in day["items"] if slot["slotId"] in state["slots"]]
    seats = {slot["slotId"]: slot["booked"] for slot in mine}
    if [seats.get(slot_id) for slot_id in state["slots"]] != [0, 1]:
        raise DemoFailed(f"the calendar shows {seats}, not the seat moved")
    return f"{AGENT[0]} reads {state['day']}'s calendar: " + "; ".join(
        f"{slot['start'][11:16]}Z {slot['booked']}/{slot['capacity']} booked" for slot in mine
    )


STEPS: list[Callable[[Demo], str]] = [approved_repair, publish_slots, book, move, calendar]

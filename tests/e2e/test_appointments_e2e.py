"""Repair appointments through the local stack over real HTTP: staff publish slots, the
customer of an approved REPAIR case books one, moves it, cancels it and books again;
customers racing for a slot's last seat get exactly one 200 (the slot never overbooked);
the local clock moves to the day before and the appointments job reminds once, in the
customer's morning; and the appointment not kept becomes MISSED, then is booked again."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from aftercare.clock import parse_iso
from tests.e2e.conftest import LocalStackProcess
from tests.e2e.test_aftersales_e2e import AGENT, WAREHOUSE, delivered_order, ok

pytestmark = pytest.mark.e2e

JOB = "AftersalesAppointmentsFunction"
SHANGHAI = ZoneInfo("Asia/Shanghai")  # the time zone of a customer without a profile
REMINDER = "case.appointment-reminder"
RACERS = 4


def approved_repair(stack: LocalStackProcess, customer: tuple[str, str]) -> str:
    order = delivered_order(stack, customer)
    upload = ok(stack.post("/v1/after-sales/evidence-uploads", as_=customer,
                           json_body={"contentType": "image/jpeg"}), 201)  # fmt: skip
    put = requests.put(upload["uploadUrl"], data=b"\xff\xd8\xff photo", headers=upload["headers"], timeout=10)
    assert put.status_code == 200, put.text
    opened = ok(stack.post("/v1/after-sales", as_=customer, json_body={
        "orderId": order["orderId"], "type": "REPAIR", "reason": "QUALITY_ISSUE",
        "items": [{"sku": "KTL-1", "quantity": 1}], "description": "it no longer heats",
        "evidenceKeys": [upload["evidenceKey"]],
    }), 201)  # fmt: skip
    approved = ok(stack.post(f"/v1/admin/after-sales/{opened['caseId']}/approve", as_=AGENT))
    assert (approved["type"], approved["status"]) == ("REPAIR", "AWAITING_RETURN")
    return str(opened["caseId"])


def publish(stack: LocalStackProcess, start: datetime, hours: int, capacity: int) -> str:
    body = {"start": start.isoformat(), "end": (start + timedelta(hours=hours)).isoformat(),
            "kind": "DROP_OFF", "capacity": capacity, "location": "Shanghai service desk"}  # fmt: skip
    return str(ok(stack.post("/v1/admin/appointment-slots", as_=WAREHOUSE, json_body=body), 201)["slotId"])


def book(stack: LocalStackProcess, who: tuple[str, str], case_id: str, slot_id: str) -> requests.Response:
    return stack.post(f"/v1/after-sales/{case_id}/appointment", as_=who, json_body={"slotId": slot_id})


def calendar(stack: LocalStackProcess, day: str) -> dict[str, dict[str, Any]]:
    reply = ok(stack.get(f"/v1/admin/appointments?date={day}", as_=AGENT))
    return {s["slotId"]: s for s in reply["items"]}


def reminders_of(stack: LocalStackProcess, customer_id: str) -> list[dict[str, Any]]:
    dynamodb: Any = stack.aws("dynamodb")
    table = next(t for t in dynamodb.list_tables()["TableNames"] if t.endswith("NotificationLogTable"))
    items = dynamodb.scan(TableName=table)["Items"]  # a test looking at a small local table
    return [i for i in items if i["recipientId"]["S"] == customer_id and i["kind"]["S"] == REMINDER]


def advance_to(stack: LocalStackProcess, moment: datetime) -> None:
    seconds = (moment - parse_iso(stack.now())).total_seconds()
    assert seconds > 0, (moment, stack.now())
    with stack.only_schedules(JOB):
        stack.advance(seconds)


def test_appointments_are_booked_moved_raced_reminded_and_missed(local_stack: LocalStackProcess) -> None:
    tag = uuid.uuid4().hex[:8]
    alice = (f"cus_appt_{tag}", "customer")
    case_id = approved_repair(local_stack, alice)

    # The day after the next 09:00 in Shanghai (an hour away at least): its 10:00 and 14:00.
    now = parse_iso(local_stack.now()).astimezone(SHANGHAI)
    morning = (now + timedelta(hours=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    if morning < now + timedelta(hours=1):
        morning += timedelta(days=1)
    day = morning + timedelta(days=1)
    ten, two = day.replace(hour=10), day.replace(hour=14)
    utc_day = ten.astimezone(ZoneInfo("UTC")).date().isoformat()
    first, second, last_seats = publish(local_stack, ten, 2, 1), publish(local_stack, two, 2, 2), None

    offered = ok(local_stack.get(f"/v1/after-sales/{case_id}/appointment-slots", as_=alice))["items"]
    assert {first, second} <= {s["slotId"] for s in offered}

    # Book, move (the old seat is freed at once), cancel.
    booked = ok(book(local_stack, alice, case_id, first))
    assert (booked["appointment"]["slotId"], booked["appointment"]["status"]) == (first, "BOOKED")
    assert booked["status"] == "AWAITING_RETURN"
    assert [(b["caseId"], b["status"]) for b in calendar(local_stack, utc_day)[first]["bookings"]] == [
        (case_id, "BOOKED")
    ]
    moved = ok(book(local_stack, alice, case_id, second))
    assert moved["appointment"]["slotId"] == second
    day_view = calendar(local_stack, utc_day)
    assert (day_view[first]["booked"], day_view[second]["booked"]) == (0, 1)
    cancelled = ok(local_stack.post(f"/v1/after-sales/{case_id}/appointment/cancel", as_=alice))
    assert cancelled["appointment"]["status"] == "CANCELLED"
    assert calendar(local_stack, utc_day)[second]["booked"] == 0

    # Another customer's case is not theirs to book.
    stranger = (f"cus_appt_{tag}_x", "customer")
    assert book(local_stack, stranger, case_id, first).status_code == 404

    # Alice takes one of the two seats of the 10:00 slot; four customers race for the last.
    last_seats = publish(local_stack, ten, 2, 2)
    ok(book(local_stack, alice, case_id, last_seats))
    racers = [(f"cus_appt_{tag}_{n}", "customer") for n in range(RACERS)]
    racing_cases = [approved_repair(local_stack, who) for who in racers]
    barrier = threading.Barrier(RACERS)
    statuses: list[int] = []
    lock = threading.Lock()

    def race(who: tuple[str, str], racing_case: str) -> None:
        barrier.wait()
        reply = book(local_stack, who, racing_case, last_seats)
        with lock:
            statuses.append(reply.status_code)

    threads = [threading.Thread(target=race, args=pair) for pair in zip(racers, racing_cases, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [409] * (RACERS - 1), statuses
    raced = calendar(local_stack, utc_day)[last_seats]
    assert raced["booked"] == raced["capacity"] == 2
    assert len(raced["bookings"]) == 2 and case_id in {b["caseId"] for b in raced["bookings"]}
    winners = [c for c in racing_cases if c in {b["caseId"] for b in raced["bookings"]}]
    assert len(winners) == 1

    # The day before, from 09:00 in Shanghai: the reminder, once, whatever the job's runs.
    advance_to(local_stack, morning - timedelta(minutes=10))
    assert reminders_of(local_stack, alice[0]) == []
    advance_to(local_stack, morning + timedelta(hours=2))
    [reminder] = reminders_of(local_stack, alice[0])
    assert reminder["status"]["S"] == "SENT"
    case = ok(local_stack.get(f"/v1/after-sales/{case_id}", as_=alice))
    reminded = parse_iso(case["appointment"]["remindedAt"]).astimezone(SHANGHAI)
    assert morning <= reminded < morning + timedelta(minutes=10)  # not in the night before

    # The slot ends and the kettle was never handed in: MISSED, in the calendar too.
    advance_to(local_stack, ten + timedelta(hours=2, minutes=10))
    assert len(reminders_of(local_stack, alice[0])) == 1
    missed = ok(local_stack.get(f"/v1/after-sales/{case_id}", as_=alice))
    assert (missed["status"], missed["appointment"]["status"]) == ("AWAITING_RETURN", "MISSED")
    statuses_now = {b["caseId"]: b["status"] for b in calendar(local_stack, utc_day)[last_seats]["bookings"]}
    assert statuses_now[case_id] == "MISSED"

    # Alice books again, a later slot.
    later = publish(local_stack, two + timedelta(days=1), 2, 1)
    rebooked = ok(book(local_stack, alice, case_id, later))
    assert (rebooked["appointment"]["slotId"], rebooked["appointment"]["status"]) == (later, "BOOKED")

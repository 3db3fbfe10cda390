"""Repair appointments through the after-sales API and the appointments job (moto): slots
published by staff, booked, moved and cancelled by the customer of an approved REPAIR case,
a slot's capacity held by its transaction, the reminder sent once the day before outside
quiet hours, and an appointment not kept becoming MISSED (and bookable again)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from aftercare import clock
from tests.integration.aftersales.conftest import RETURN_PARCEL, Cases, put_evidence
from tests.integration.surveys.support import take_messages
from tests.support.api import Reply, customer, staff

HOUR = 3600
# The fixed clock starts 2026-11-23T08:00Z (16:00 in Shanghai, the default time zone).
START = "2026-11-26T02:00:00.000Z"  # 10:00 in Shanghai
END = "2026-11-26T04:00:00.000Z"
REMIND_AT = datetime.fromisoformat("2026-11-25T01:00:00+00:00")  # 09:00 the day before, Shanghai
REMINDER = "case.appointment-reminder"


def publish(cases: Cases, start: str = START, end: str = END, capacity: int = 1, **extra: Any) -> Reply:
    body = {"start": start, "end": end, "kind": "DROP_OFF", "capacity": capacity, **extra}
    return cases.api.call("POST", "/v1/admin/appointment-slots", claims=staff("warehouse"), json_body=body)


def slot(cases: Cases, start: str = START, end: str = END, capacity: int = 1, **extra: Any) -> str:
    reply = publish(cases, start, end, capacity, **extra)
    assert reply.status == 201, reply.body
    return str(reply.json["slotId"])


def repair_case(cases: Cases, owner: str = "cus_alice") -> str:
    key = put_evidence(owner)
    case = cases.approved(owner, type="REPAIR", reason="QUALITY_ISSUE", evidence=[key])
    assert case["status"] == "AWAITING_RETURN"
    return str(case["caseId"])


def book(cases: Cases, case_id: str, slot_id: str, owner: str = "cus_alice", **kwargs: Any) -> Reply:
    path = f"/v1/after-sales/{case_id}/appointment"
    return cases.api.call("POST", path, claims=customer(owner), json_body={"slotId": slot_id}, **kwargs)


def calendar(cases: Cases, day: str = "2026-11-26") -> dict[str, dict[str, Any]]:
    reply = cases.api.call("GET", "/v1/admin/appointments", claims=staff("agent"), query={"date": day})
    assert reply.status == 200, reply.body
    assert reply.json["date"] == day
    return {s["slotId"]: s for s in reply.json["items"]}


def free(cases: Cases, case_id: str, owner: str = "cus_alice") -> list[str]:
    reply = cases.api.call("GET", f"/v1/after-sales/{case_id}/appointment-slots", claims=customer(owner))
    assert reply.status == 200, reply.body
    return [s["slotId"] for s in reply.json["items"]]


def sweep() -> dict[str, Any]:
    from aftercare.aftersales import appointments

    return appointments.sweep().as_dict()


def reminders() -> list[dict[str, Any]]:
    found = [json.loads(m["Body"]) for m in take_messages()]
    return [m for m in found if m["kind"] == REMINDER]


# ---------------------------------------------------------------- slots
def test_staff_publish_a_slot_and_customers_may_not(cases: Cases) -> None:
    reply = publish(cases, capacity=3, location="Shanghai service desk")
    assert reply.status == 201, reply.body
    assert {k: reply.json[k] for k in ("start", "end", "kind", "capacity", "booked", "location", "bookings")} == {
        "start": START, "end": END, "kind": "DROP_OFF", "capacity": 3, "booked": 0,
        "location": "Shanghai service desk", "bookings": [],
    }  # fmt: skip
    assert list(calendar(cases)) == [reply.json["slotId"]]
    body = {"start": START, "end": END, "kind": "DROP_OFF", "capacity": 1}
    as_customer = cases.api.call("POST", "/v1/admin/appointment-slots", claims=customer(), json_body=body)
    assert as_customer.status == 403
    agent = cases.api.call("GET", "/v1/admin/appointments", claims=customer(), query={"date": "2026-11-26"})
    assert agent.status == 403


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2026-11-23T07:00:00Z", "2026-11-23T09:00:00Z", "start"),  # already begun
        (END, START, "end"),  # inside out
        ("2026-11-26T00:00:00Z", "2026-11-26T13:00:00Z", "end"),  # longer than 12 hours
    ],
)
def test_a_slot_that_cannot_be_kept_is_refused(cases: Cases, start: str, end: str, field: str) -> None:
    reply = publish(cases, start, end)
    assert reply.status == 422, reply.body
    assert field in {e["field"] for e in reply.json["errors"]}
    assert calendar(cases) == {}


def test_a_date_that_is_no_day_is_a_bad_request(cases: Cases) -> None:
    reply = cases.api.call(
        "GET", "/v1/admin/appointments", claims=staff("agent"), query={"date": "2026-13-40"}
    )
    assert reply.status == 400


# ---------------------------------------------------------------- booking
def test_a_repair_case_books_a_free_slot_and_the_calendar_shows_it(cases: Cases) -> None:
    case_id = repair_case(cases)
    first, second = slot(cases), slot(cases, "2026-11-26T05:00:00Z", "2026-11-26T06:00:00Z", capacity=2)
    assert free(cases, case_id) == [first, second]

    booked = cases.ok(book(cases, case_id, first))
    appointment = booked["appointment"]
    assert {k: appointment[k] for k in ("slotId", "start", "end", "kind", "status")} == {
        "slotId": first, "start": START, "end": END, "kind": "DROP_OFF", "status": "BOOKED",
    }  # fmt: skip
    assert booked["status"] == "AWAITING_RETURN"  # the repair's progress is as before
    assert booked["timeline"][-1]["note"] == f"appointment booked: DROP_OFF {START}"

    day = calendar(cases)
    assert (day[first]["booked"], day[first]["capacity"]) == (1, 1)
    assert [(b["caseId"], b["customerId"], b["status"]) for b in day[first]["bookings"]] == [
        (case_id, "cus_alice", "BOOKED")
    ]
    # The full slot is no longer offered (nor the one the case holds).
    other = repair_case(cases, "cus_bob")
    assert free(cases, other, "cus_bob") == [second]
    assert free(cases, case_id) == [second]


def test_a_full_slot_is_a_conflict(cases: Cases) -> None:
    only = slot(cases)
    cases.ok(book(cases, repair_case(cases), only))
    late = book(cases, repair_case(cases, "cus_bob"), only, owner="cus_bob")
    assert late.status == 409, late.body
    assert calendar(cases)[only]["booked"] == 1


def test_the_slots_condition_refuses_the_last_seat_even_when_the_read_said_free(
    cases: Cases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The friendly pre-check reads a stale slot; the capacity condition in the booking's
    transaction still refuses, and the case is left as it was."""
    from dataclasses import replace

    from aftercare.aftersales import store

    only = slot(cases)
    cases.ok(book(cases, repair_case(cases), only))
    bob = repair_case(cases, "cus_bob")
    before = cases.get(bob, "cus_bob")
    real = store.get_slot

    def stale(slot_id: str, **kwargs: Any) -> store.Slot:
        found = real(slot_id, **kwargs)
        assert found is not None
        return replace(found, booked=0)

    monkeypatch.setattr(store, "get_slot", stale)
    refused = book(cases, bob, only, owner="cus_bob")
    assert refused.status == 409, refused.body
    assert refused.json["detail"] == store.SLOT_FULL
    monkeypatch.undo()
    assert cases.get(bob, "cus_bob") == before
    assert calendar(cases)[only]["booked"] == 1


def test_only_an_approved_repair_books(cases: Cases) -> None:
    target = slot(cases)
    refund = cases.approved()  # a RETURN_REFUND case
    not_repair = book(cases, refund["caseId"], target)
    assert not_repair.status == 422, not_repair.body
    order = cases.delivered_order()
    requested = cases.open(
        order["orderId"], type="REPAIR", reason="QUALITY_ISSUE", evidence=[put_evidence("cus_alice")]
    )
    not_approved = book(cases, requested["caseId"], target)
    assert not_approved.status == 409, not_approved.body
    listing = cases.api.call("GET", f"/v1/after-sales/{requested['caseId']}/appointment-slots",
                             claims=customer())  # fmt: skip
    assert listing.status == 409
    assert calendar(cases)[target]["booked"] == 0


def test_another_customers_case_is_not_found(cases: Cases) -> None:
    target = slot(cases)
    case_id = repair_case(cases)
    assert book(cases, case_id, target, owner="cus_bob").status == 404
    assert book(cases, case_id, "not-a-slot", owner="cus_bob").status == 404  # invalid body: still 404
    listing = cases.api.call(
        "GET", f"/v1/after-sales/{case_id}/appointment-slots", claims=customer("cus_bob")
    )
    assert listing.status == 404
    assert cases.customer_action(case_id, "appointment/cancel", owner="cus_bob").status == 404
    assert calendar(cases)[target]["booked"] == 0


def test_an_unknown_slot_is_not_found(cases: Cases) -> None:
    reply = book(cases, repair_case(cases), "slot_01JD6Z3Q000000000000000000")
    assert reply.status == 404, reply.body


def test_booking_again_moves_the_appointment_and_frees_the_old_seat(cases: Cases) -> None:
    case_id = repair_case(cases)
    old, new = slot(cases), slot(cases, "2026-11-27T02:00:00Z", "2026-11-27T04:00:00Z")
    cases.ok(book(cases, case_id, old))
    moved = cases.ok(book(cases, case_id, new))
    assert (moved["appointment"]["slotId"], moved["appointment"]["start"]) == (
        new,
        "2026-11-27T02:00:00.000Z",
    )
    assert (
        moved["timeline"][-1]["note"]
        == f"appointment moved from {START} to DROP_OFF 2026-11-27T02:00:00.000Z"
    )
    assert (calendar(cases)[old]["booked"], calendar(cases)[old]["bookings"]) == (0, [])
    assert calendar(cases, "2026-11-27")[new]["booked"] == 1
    # The freed seat is someone else's to take; booking the held slot again changes nothing.
    cases.ok(book(cases, repair_case(cases, "cus_bob"), old, owner="cus_bob"))
    assert cases.ok(book(cases, case_id, new)) == moved


def test_a_booking_replayed_with_its_idempotency_key_books_once(cases: Cases) -> None:
    case_id = repair_case(cases)
    target = slot(cases, capacity=2)
    headers = {"Idempotency-Key": "book-0001"}
    first = book(cases, case_id, target, headers=headers)
    again = book(cases, case_id, target, headers=headers)
    assert first.status == again.status == 200
    assert first.json == again.json
    assert calendar(cases)[target]["booked"] == 1


def test_cancelling_frees_the_seat_before_the_slot_starts_and_not_after(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    case_id = repair_case(cases)
    target = slot(cases)
    cases.ok(book(cases, case_id, target))
    cancelled = cases.ok(cases.customer_action(case_id, "appointment/cancel"))
    assert cancelled["appointment"]["status"] == "CANCELLED"
    assert calendar(cases)[target]["booked"] == 0
    assert cases.customer_action(case_id, "appointment/cancel").status == 409  # nothing booked

    cases.ok(book(cases, case_id, target))  # booked again, then the slot starts
    fixed_clock.set(datetime.fromisoformat("2026-11-26T02:30:00+00:00"))
    assert cases.customer_action(case_id, "appointment/cancel").status == 409
    assert calendar(cases)[target]["booked"] == 1
    assert free(cases, case_id) == []  # a started slot is not offered


# ---------------------------------------------------------------- the job
def test_the_reminder_goes_once_the_day_before_from_the_customers_morning(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    case_id = repair_case(cases)
    cases.ok(book(cases, case_id, slot(cases, location="Desk 3")))
    take_messages()
    fixed_clock.set(REMIND_AT - timedelta(minutes=5))  # 08:55 in Shanghai: quiet hours
    sweep()
    assert reminders() == []
    fixed_clock.set(REMIND_AT)
    assert sweep()["reminded"] == 1
    [sent] = reminders()
    assert sent["recipientId"] == "cus_alice"
    assert {k: sent["data"][k] for k in ("caseId", "start", "end", "kind", "location")} == {
        "caseId": case_id, "start": START, "end": END, "kind": "DROP_OFF", "location": "Desk 3",
    }  # fmt: skip
    case = cases.get(case_id)
    assert case["appointment"]["remindedAt"] == clock.iso(REMIND_AT)
    assert case["timeline"][-1]["note"] == "appointment reminder sent"
    for hours in (0, 3):
        fixed_clock.advance(hours * HOUR)
        assert sweep()["reminded"] == 0
    assert reminders() == []


def test_a_reminder_that_fails_to_be_recorded_is_sent_again_under_the_same_id(
    cases: Cases, fixed_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sender delivers a notification id once: a rerun after a failed write queues the
    same id again, never a second reminder."""
    from aftercare.aftersales import appointments
    from aftercare.errors import Conflict

    case_id = repair_case(cases)
    cases.ok(book(cases, case_id, slot(cases)))
    take_messages()
    fixed_clock.set(REMIND_AT)

    def lost(*args: Any, **kwargs: Any) -> None:
        raise Conflict("the case changed meanwhile")

    monkeypatch.setattr(appointments, "move", lost)
    assert sweep()["failed"] == 1
    monkeypatch.undo()
    assert sweep()["reminded"] == 1
    first, second = reminders()
    assert first["notificationId"] == second["notificationId"]
    assert cases.get(case_id)["appointment"]["remindedAt"]


def test_a_booking_made_in_the_customers_night_before_is_reminded_in_their_morning(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    fixed_clock.set(datetime.fromisoformat("2026-11-25T15:00:00+00:00"))  # 23:00 in Shanghai
    case_id = repair_case(cases)
    cases.ok(book(cases, case_id, slot(cases)))  # 10:00 tomorrow, Shanghai
    take_messages()
    sweep()
    assert reminders() == []
    fixed_clock.set(datetime.fromisoformat("2026-11-26T01:00:00+00:00"))  # 09:00 in Shanghai
    sweep()
    assert len(reminders()) == 1


def test_an_appointment_not_kept_becomes_missed_and_the_customer_books_again(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    case_id = repair_case(cases)
    target = slot(cases)
    cases.ok(book(cases, case_id, target))
    fixed_clock.set(datetime.fromisoformat(END.replace("Z", "+00:00")) - timedelta(seconds=1))
    assert sweep()["missed"] == 0
    fixed_clock.advance(1)
    assert sweep()["missed"] == 1
    case = cases.get(case_id)
    assert (case["status"], case["appointment"]["status"]) == ("AWAITING_RETURN", "MISSED")
    assert case["timeline"][-1]["actor"] == "system:appointments"
    assert [b["status"] for b in calendar(cases)[target]["bookings"]] == ["MISSED"]
    assert sweep()["examined"] == 0  # settled: off the job's lane

    later = slot(cases, "2026-11-27T02:00:00Z", "2026-11-27T04:00:00Z")
    again = cases.ok(book(cases, case_id, later))
    assert (again["appointment"]["slotId"], again["appointment"]["status"]) == (later, "BOOKED")
    assert [b["status"] for b in calendar(cases)[target]["bookings"]] == ["MISSED"]  # history stays


def test_an_item_handed_in_makes_the_appointment_attended(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    case_id = repair_case(cases)
    target = slot(cases)
    cases.ok(book(cases, case_id, target))
    fixed_clock.set(datetime.fromisoformat("2026-11-26T02:30:00+00:00"))
    cases.ok(cases.staff_action(case_id, "receive", role="warehouse"), "RECEIVED")  # at the counter
    fixed_clock.set(datetime.fromisoformat(END.replace("Z", "+00:00")))
    assert sweep()["attended"] == 1
    assert cases.get(case_id)["appointment"]["status"] == "ATTENDED"
    assert [b["status"] for b in calendar(cases)[target]["bookings"]] == ["ATTENDED"]


def test_a_picked_up_parcel_counts_as_attended(cases: Cases, fixed_clock: clock.FixedClock) -> None:
    case_id = repair_case(cases)
    pickup = cases.api.call("POST", "/v1/admin/appointment-slots", claims=staff("supervisor"), json_body={
        "start": START, "end": END, "kind": "PICKUP", "capacity": 5,
    })  # fmt: skip
    assert pickup.status == 201, pickup.body
    cases.ok(book(cases, case_id, pickup.json["slotId"]))
    fixed_clock.set(datetime.fromisoformat("2026-11-26T03:00:00+00:00"))
    cases.ok(cases.customer_action(case_id, "return-shipment", RETURN_PARCEL), "RETURN_IN_TRANSIT")
    fixed_clock.set(datetime.fromisoformat(END.replace("Z", "+00:00")))
    assert sweep()["attended"] == 1


def test_cancelling_the_case_frees_its_booked_seat(cases: Cases) -> None:
    case_id = repair_case(cases)
    target = slot(cases)
    cases.ok(book(cases, case_id, target))
    cancelled = cases.ok(cases.customer_action(case_id, "cancel"), "CANCELLED")
    assert cancelled["appointment"]["status"] == "CANCELLED"
    assert calendar(cases)[target]["booked"] == 0
    cases.ok(book(cases, repair_case(cases, "cus_bob"), target, owner="cus_bob"))  # the seat is free
    assert sweep()["examined"] == 0  # nothing left for the job on the cancelled case


def test_the_calendar_of_the_last_day_of_the_calendar_is_empty_not_an_error(cases: Cases) -> None:
    for day in ("9999-12-31", "0001-01-01"):
        reply = cases.api.call("GET", "/v1/admin/appointments", claims=staff("agent"), query={"date": day})
        assert (reply.status, reply.json["items"]) == (200, []), reply.body


def test_the_reminder_follows_the_time_zone_of_the_customers_profile(
    cases: Cases, fixed_clock: clock.FixedClock
) -> None:
    """10:00 in Shanghai on the 26th is 21:00 on the 25th in New York: a New Yorker is
    reminded at 09:00 there on the 24th (14:00Z), not at Shanghai's morning."""
    zone = cases.api.call(
        "PATCH", "/v1/me/preferences", claims=customer(), json_body={"timeZone": "America/New_York"}
    )
    assert zone.status == 200, zone.body
    case_id = repair_case(cases)
    cases.ok(book(cases, case_id, slot(cases)))
    take_messages()
    fixed_clock.set(datetime.fromisoformat("2026-11-24T13:59:00+00:00"))
    sweep()
    assert reminders() == []
    fixed_clock.set(datetime.fromisoformat("2026-11-24T14:00:00+00:00"))
    sweep()
    assert [m["data"]["caseId"] for m in reminders()] == [case_id]


def test_the_scheduled_sample_event_runs_the_job(cases: Cases, fixed_clock: clock.FixedClock) -> None:
    from tests.integration.aftersales.test_sample_events import sample

    case_id = repair_case(cases)
    cases.ok(book(cases, case_id, slot(cases)))
    fixed_clock.set(datetime.fromisoformat(END.replace("Z", "+00:00")))
    event = sample("AppointmentSweep", "aftersales_appointments")
    report = cases.api.host.invoke("AftersalesAppointmentsFunction", event)
    assert (report["examined"], report["missed"]) == (1, 1)
    assert cases.get(case_id)["appointment"]["status"] == "MISSED"

"""The repair appointment rules, table by table: which cases book, which slots are free,
when an appointment may change, when the reminder is due, and how it ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from aftercare.aftersales.appointment_rules import (
    Action,
    Step,
    check_can_book,
    check_can_leave,
    check_case_books,
    check_new_slot,
    first_wake,
    is_free,
    next_step,
    reminder_at,
)
from aftercare.aftersales.rules import CaseStatus, CaseType
from aftercare.errors import BusinessRuleViolation, Conflict

S, T = CaseStatus, CaseType
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 16:00 in Shanghai
SHANGHAI, NEW_YORK = "Asia/Shanghai", "America/New_York"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def appointment(start: str = "2026-11-26T02:00:00.000Z", end: str = "2026-11-26T04:00:00.000Z",
                **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {"slotId": "slot_1", "start": start, "end": end, "status": "BOOKED", **extra}


@pytest.mark.parametrize(
    ("start", "end", "capacity", "fields"),
    [
        (NOW + timedelta(hours=1), NOW + timedelta(hours=2), 1, set()),
        (NOW, NOW + timedelta(hours=2), 1, {"start"}),  # starts now: too late to publish
        (NOW + timedelta(hours=2), NOW + timedelta(hours=2), 1, {"end"}),
        (NOW + timedelta(hours=1), NOW + timedelta(hours=13), 1, set()),  # 12 hours: the longest
        (NOW + timedelta(hours=1), NOW + timedelta(hours=13, seconds=1), 1, {"end"}),
        (NOW + timedelta(hours=1), NOW + timedelta(hours=2), 0, {"capacity"}),
        (NOW - timedelta(hours=3), NOW - timedelta(hours=4), 101, {"start", "end", "capacity"}),
        (NOW + timedelta(days=367), NOW + timedelta(days=367, hours=1), 1, {"start"}),  # too far ahead
        # Out of any calendar's range once in UTC: refused, never converted.
        (
            datetime(9999, 12, 31, 20, tzinfo=timezone(timedelta(hours=-14))),
            datetime(9999, 12, 31, 21, tzinfo=timezone(timedelta(hours=-14))),
            1,
            {"start"},
        ),
        (
            NOW + timedelta(hours=1),
            datetime(9999, 12, 31, 21, tzinfo=timezone(timedelta(hours=-14))),
            1,
            {"end"},
        ),
    ],
)
def test_a_slot_is_published_only_if_it_can_be_kept(
    start: datetime, end: datetime, capacity: int, fields: set[str]
) -> None:
    if not fields:
        check_new_slot(start, end, capacity, NOW)
        return
    with pytest.raises(BusinessRuleViolation) as refused:
        check_new_slot(start, end, capacity, NOW)
    assert {e["field"] for e in refused.value.errors or []} == fields


@pytest.mark.parametrize(
    ("case_type", "status", "refusal"),
    [
        (T.REPAIR, S.AWAITING_RETURN, None),
        (T.REPAIR, S.REQUESTED, Conflict),  # not approved yet
        (T.REPAIR, S.RETURN_IN_TRANSIT, Conflict),  # the item is on its way already
        (T.REPAIR, S.REPAIRING, Conflict),
        (T.REPAIR, S.CANCELLED, Conflict),
        (T.RETURN_REFUND, S.AWAITING_RETURN, BusinessRuleViolation),  # never: not a repair
        (T.EXCHANGE, S.AWAITING_RETURN, BusinessRuleViolation),
        (T.REFUND_ONLY, S.REFUNDING, BusinessRuleViolation),
    ],
)
def test_only_an_approved_repair_waiting_for_its_item_books(
    case_type: CaseType, status: CaseStatus, refusal: type[Exception] | None
) -> None:
    if refusal is None:
        check_case_books(case_type, status)
    else:
        with pytest.raises(refusal):
            check_case_books(case_type, status)


@pytest.mark.parametrize(
    ("start", "capacity", "booked", "free"),
    [
        ("2026-11-23T09:00:00.000Z", 2, 1, True),
        ("2026-11-23T09:00:00.000Z", 2, 2, False),  # full
        ("2026-11-23T09:00:00.000Z", 1, 0, True),
        ("2026-11-23T08:00:00.000Z", 1, 0, False),  # starts now
        ("2026-11-23T07:00:00.000Z", 5, 0, False),  # started
    ],
)
def test_a_free_slot_has_not_started_and_has_a_seat_left(
    start: str, capacity: int, booked: int, free: bool
) -> None:
    assert is_free(start, capacity, booked, NOW) is free


@pytest.mark.parametrize(
    ("held", "books", "leaves"),
    [
        ({}, True, False),  # nothing held: book, nothing to cancel
        (appointment(status="CANCELLED"), True, False),
        (appointment(status="MISSED"), True, False),  # a missed appointment is booked again
        (appointment(status="ATTENDED"), False, False),
        (appointment(), True, True),  # booked, not started: moved or cancelled
        (appointment(start="2026-11-23T08:00:00.000Z"), False, False),  # started: neither
    ],
)
def test_an_appointment_changes_only_before_it_starts(
    held: dict[str, Any], books: bool, leaves: bool
) -> None:
    for check, allowed in ((check_can_book, books), (check_can_leave, leaves)):
        if allowed:
            check(held, NOW)
        else:
            with pytest.raises(Conflict):
                check(held, NOW)


@pytest.mark.parametrize(
    ("start", "zone", "remind"),
    [
        ("2026-11-26T02:00:00Z", SHANGHAI, "2026-11-25T01:00:00Z"),  # 10:00 local: 09:00 the day before
        ("2026-11-25T17:00:00Z", SHANGHAI, "2026-11-25T01:00:00Z"),  # 01:00 local on the 26th
        ("2026-11-26T02:00:00Z", NEW_YORK, "2026-11-24T14:00:00Z"),  # 21:00 on the 25th in New York
        ("2026-11-26T02:00:00Z", "UTC", "2026-11-25T09:00:00Z"),
    ],
)
def test_the_reminder_falls_due_at_9_the_day_before_in_the_customers_zone(
    start: str, zone: str, remind: str
) -> None:
    assert reminder_at(at(start), zone) == at(remind)
    assert first_wake(at(start), NOW) <= reminder_at(at(start), zone)  # the job never wakes too late


W, AW = Action.WAIT, S.AWAITING_RETURN
END = "2026-11-26T04:00:00Z"
EARLY = appointment(start="2026-11-26T00:00:00.000Z")  # 08:00 in Shanghai
REMINDED = appointment(remindedAt="2026-11-25T01:00:00.000Z")


@pytest.mark.parametrize(
    ("now", "held", "status", "action", "wake"),
    [
        # Before 09:00 the day before in Shanghai (01:00Z on the 25th): wait for it.
        ("2026-11-24T11:00:00Z", appointment(), AW, W, "2026-11-25T01:00:00Z"),
        ("2026-11-25T01:00:00Z", appointment(), AW, Action.REMIND, END),
        ("2026-11-25T12:59:00Z", appointment(), AW, Action.REMIND, END),
        # 21:30 in Shanghai: quiet; the morning (09:00 = 01:00Z) is still before 10:00.
        ("2026-11-25T13:30:00Z", appointment(), AW, W, "2026-11-26T01:00:00Z"),
        # An 08:00 appointment booked in the night before: no morning left before it.
        ("2026-11-25T14:00:00Z", EARLY, AW, Action.SKIP_REMINDER, END),
        # Reminded already, or started: wait for the end.
        ("2026-11-25T05:00:00Z", REMINDED, AW, W, END),
        ("2026-11-26T03:00:00Z", appointment(), AW, W, END),
        # Over: how it ended follows the repair flow.
        (END, appointment(), AW, Action.MISSED, None),
        (END, appointment(), S.RECEIVED, Action.ATTENDED, None),
        (END, appointment(), S.RETURN_IN_TRANSIT, Action.ATTENDED, None),
        (END, appointment(), S.CANCELLED, Action.CANCELLED, None),
        ("2026-11-30T04:00:00Z", appointment(), S.CLOSED_TIMEOUT, Action.CANCELLED, None),
        # Nothing held: nothing to do.
        (END, appointment(status="MISSED"), AW, Action.NOTHING, None),
        ("2026-11-25T01:00:00Z", appointment(status="CANCELLED"), AW, Action.NOTHING, None),
    ],
)
def test_what_the_job_does_with_an_appointment_of_a_customer_in_shanghai(
    now: str, held: dict[str, Any], status: CaseStatus, action: Action, wake: str | None
) -> None:
    step = next_step(held, status, at(now), SHANGHAI)
    assert (step.action, step.wake_at) == (action, at(wake) if wake else None)


def test_the_job_reads_the_customers_own_zone() -> None:
    """An appointment at 10:00 in Shanghai on the 26th is at 21:00 on the 25th in New York:
    at 13:00Z on the 24th a New Yorker's reminder is an hour away (09:00 there), a
    Shanghai customer's still half a day; at 01:00Z on the 25th (20:00 in New York) both go."""
    early, later = at("2026-11-24T13:00:00Z"), at("2026-11-25T01:00:00Z")
    assert next_step(appointment(), AW, early, NEW_YORK) == Step(W, at("2026-11-24T14:00:00Z"))
    assert next_step(appointment(), AW, early, SHANGHAI) == Step(W, at("2026-11-25T01:00:00Z"))
    for zone in (NEW_YORK, SHANGHAI):
        assert next_step(appointment(), AW, later, zone).action is Action.REMIND


def test_a_slots_item_in_the_cases_table_is_never_an_event() -> None:
    from aftercare.aftersales.publisher import events_of

    slot = {"pk": "slot_1", "slotId": "slot_1", "slotStart": "2026-11-26T02:00:00.000Z", "booked": 1,
            "capacity": 2, "bookings": {"as_1": {"customerId": "cus_a", "status": "BOOKED"}}}  # fmt: skip
    assert events_of(None, slot) == []
    assert events_of(slot, {**slot, "booked": 2}) == []

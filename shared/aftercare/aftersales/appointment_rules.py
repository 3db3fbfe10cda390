"""Repair appointments, pure and table-tested: which cases may book, which slots are free,
when the day-before reminder is due (outside the customer's quiet hours), and how an
appointment ends once its slot is over (attended, or MISSED).

An appointment is the time the customer of an approved REPAIR case hands the item in at a
counter (DROP_OFF) or has it picked up (PICKUP). Attendance is read from the repair flow
as it is: the item counts as handed over once the case left AWAITING_RETURN (the
warehouse received it, or a courier's parcel carries it). A slot that ends while the case
still waits for the item is a MISSED appointment; the customer may then book again.

Quiet hours are customers' rule (customers.queries): the reminder goes from 09:00 local on
the day before the appointment, and one that falls due in the customer's night waits for
their morning if that is still before the appointment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from aftercare.aftersales.rules import CaseStatus, CaseType
from aftercare.clock import iso, parse_iso
from aftercare.customers.queries import earliest_send_at, is_quiet, next_morning
from aftercare.errors import BusinessRuleViolation, Conflict

S = CaseStatus
MAX_SLOT_LENGTH = timedelta(hours=12)
MAX_CAPACITY = 100
PUBLISH_HORIZON = timedelta(days=366)  # how far ahead staff may publish a slot
# How far ahead a customer sees free slots, and how many at most.
OFFER_HORIZON = timedelta(days=30)
OFFER_LIMIT = 50
# The earliest a reminder can fall due in any time zone: 09:00 local on the day before is
# 15 to 39 hours before the start. The job wakes then and works out the customer's time.
EARLIEST_REMINDER = timedelta(hours=39)
REMINDER_KIND = "case.appointment-reminder"


class SlotKind(StrEnum):
    DROP_OFF = "DROP_OFF"
    PICKUP = "PICKUP"


class AppointmentStatus(StrEnum):
    BOOKED = "BOOKED"
    CANCELLED = "CANCELLED"
    MISSED = "MISSED"
    ATTENDED = "ATTENDED"


A = AppointmentStatus
# The case waits for its item in this status: booking makes sense only there.
WAITING_FOR_ITEM = S.AWAITING_RETURN
ENDED_WITHOUT_REPAIR = frozenset({S.CANCELLED, S.CLOSED_TIMEOUT, S.REJECTED})
# After these an appointment may be booked afresh (nothing is held any more).
REBOOKABLE = frozenset({A.CANCELLED, A.MISSED})


def check_new_slot(start: datetime, end: datetime, capacity: int, now: datetime) -> None:
    """Refuse (422) a slot staff cannot publish: in the past, inside out, too long."""
    errors = []
    if start <= now:
        errors.append({"field": "start", "message": "a slot starts in the future"})
    elif start > now + PUBLISH_HORIZON:
        errors.append({"field": "start", "message": f"a slot starts within {PUBLISH_HORIZON.days} days"})
    if end <= start:
        errors.append({"field": "end", "message": "a slot ends after it starts"})
    elif end - start > MAX_SLOT_LENGTH:
        errors.append({"field": "end", "message": f"a slot lasts at most {MAX_SLOT_LENGTH}"})
    if not 1 <= capacity <= MAX_CAPACITY:
        errors.append({"field": "capacity", "message": f"between 1 and {MAX_CAPACITY}"})
    if errors:
        raise BusinessRuleViolation("this slot cannot be published", errors=errors)


def check_case_books(case_type: CaseType, status: CaseStatus) -> None:
    """A REPAIR case books once approved, while it waits for the item: another type can
    never book (422), a repair in another status not now (409)."""
    if case_type is not CaseType.REPAIR:
        raise BusinessRuleViolation(
            f"a {case_type} case has no repair appointment",
            errors=[{"field": "caseId", "message": "appointments are for REPAIR cases"}],
        )
    if status is not WAITING_FOR_ITEM:
        raise Conflict(f"a repair case in {status} is not waiting for its item; no appointment now")


def is_free(start: str, capacity: int, booked: int, now: datetime) -> bool:
    """A slot a customer may take: it has not started and a seat is left."""
    return start > iso(now) and booked < capacity


def is_active(appointment: Mapping[str, Any]) -> bool:
    return appointment.get("status") == A.BOOKED


def check_can_leave(appointment: Mapping[str, Any], now: datetime) -> None:
    """An appointment is moved or cancelled only while it is booked and has not started."""
    if not is_active(appointment):
        raise Conflict(f"the appointment is {appointment.get('status') or 'not booked'}; nothing to change")
    if appointment["start"] <= iso(now):
        raise Conflict("the appointment has started; it can no longer be moved or cancelled")


def check_can_book(appointment: Mapping[str, Any], now: datetime) -> None:
    """Booking while none is held (never booked, cancelled, missed) or moving a booked one
    that has not started."""
    if not appointment or appointment.get("status") in REBOOKABLE:
        return
    check_can_leave(appointment, now)


def reminder_at(start: datetime, zone: str) -> datetime:
    """09:00 local on the day before the appointment (the end of that night's quiet hours)."""
    tz = ZoneInfo(zone)
    day_before = start.astimezone(tz).date() - timedelta(days=1)
    return earliest_send_at(datetime.combine(day_before, time(0, 0), tzinfo=tz), zone)


def first_wake(start: datetime, booked_at: datetime) -> datetime:
    """When the appointments job first looks at a new booking (before any zone's reminder)."""
    return max(booked_at, start - EARLIEST_REMINDER)


class Action(StrEnum):
    REMIND = "REMIND"
    SKIP_REMINDER = "SKIP_REMINDER"  # too late for a reminder outside quiet hours
    WAIT = "WAIT"
    MISSED = "MISSED"
    ATTENDED = "ATTENDED"
    CANCELLED = "CANCELLED"  # the case ended without a repair; the appointment with it
    NOTHING = "NOTHING"


@dataclass(frozen=True)
class Step:
    action: Action
    wake_at: datetime | None = None  # WAIT (and after a reminder): when to look again


def next_step(appointment: Mapping[str, Any], case_status: CaseStatus, now: datetime, zone: str) -> Step:
    """What the appointments job does with a case's appointment now."""
    if not is_active(appointment):
        return Step(Action.NOTHING)
    start, end = parse_iso(appointment["start"]), parse_iso(appointment["end"])
    if now >= end:
        if case_status is WAITING_FOR_ITEM:
            return Step(Action.MISSED)
        if case_status in ENDED_WITHOUT_REPAIR:
            return Step(Action.CANCELLED)
        return Step(Action.ATTENDED)
    if appointment.get("remindedAt") or appointment.get("reminderSkipped") or now >= start:
        return Step(Action.WAIT, end)
    due = reminder_at(start, zone)
    if now < due:
        return Step(Action.WAIT, due)
    if is_quiet(now, zone):
        morning = next_morning(now, zone)
        return Step(Action.WAIT, morning) if morning < start else Step(Action.SKIP_REMINDER, end)
    return Step(Action.REMIND, end)

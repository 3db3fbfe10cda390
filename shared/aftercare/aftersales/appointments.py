"""Repair appointments (the use cases): staff publish slots and read a day's calendar; the
customer of an approved REPAIR case sees the free slots, books one, moves it, cancels it;
the appointments job reminds the customer the day before and settles an appointment once
its slot is over (ATTENDED, or MISSED when the item was not handed over: the customer may
book again).

A booking is one write of the case (its version condition, as every case change) with its
slot's seat in the same transaction: the slot's condition `booked < capacity` (and not
started) is what keeps racing customers from overbooking it, and a move frees the old seat
in that same transaction. The rules are appointment_rules.py; the slots are items of the
Cases table (store.py says why).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from aftercare import clock, ids
from aftercare.aftersales import appointment_rules as rules
from aftercare.aftersales import reads, store
from aftercare.aftersales.appointment_rules import Action, AppointmentStatus, SlotKind
from aftercare.aftersales.models import (
    BookingOut,
    CalendarOut,
    CaseOut,
    FreeSlotOut,
    FreeSlotsOut,
    SlotOut,
    SlotRequest,
)
from aftercare.aftersales.moves import move
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.state import Case, Field, SeatChange, Slot
from aftercare.aftersales.transitions import Move
from aftercare.auth import Principal
from aftercare.customers import queries as customers
from aftercare.errors import Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics

A = AppointmentStatus
SYSTEM = "system:appointments"
LANE = frozenset({Field.APPOINTMENT_LANE, Field.APPOINTMENT_AT})
DAY_SLOTS = 500  # more slots than a repair desk publishes for one day


# ---------------------------------------------------------------- wire shapes
def slot_out(slot: Slot) -> SlotOut:
    return SlotOut(
        slot_id=slot.slot_id,
        start=slot.start,
        end=slot.end,
        kind=SlotKind(slot.kind),
        location=slot.location,
        capacity=slot.capacity,
        booked=slot.booked,
        bookings=[
            BookingOut(
                case_id=b.case_id, customer_id=b.customer_id, status=A(b.status), booked_at=b.booked_at
            )
            for b in slot.bookings
        ],
        created_at=slot.created_at,
        created_by=slot.created_by,
    )


# ---------------------------------------------------------------- staff
def publish_slot(principal: Principal, request: SlotRequest) -> SlotOut:
    now = clock.now()
    rules.check_new_slot(request.start, request.end, request.capacity, now)
    slot = Slot(
        slot_id=ids.new_id("slot"),
        start=clock.iso(request.start),
        end=clock.iso(request.end),
        kind=request.kind.value,
        capacity=request.capacity,
        booked=0,
        location=request.location,
        bookings=(),
        created_at=clock.iso(now),
        created_by=principal.sub,
    )
    created = store.create_slot(slot)
    logger.info("appointment slot published", extra={"slot_id": created.slot_id, "start": created.start})
    return slot_out(created)


def calendar(day: date) -> CalendarOut:
    """The repair calendar of one day (UTC): its slots, earliest first, with their bookings."""
    first, last = f"{day.isoformat()}T00:00:00.000Z", f"{day.isoformat()}T23:59:59.999Z"
    slots = store.slots_starting(first, last, free_only=False, limit=DAY_SLOTS)
    return CalendarOut(date=day.isoformat(), items=[slot_out(slot) for slot in slots])


# ---------------------------------------------------------------- the customer
def free_slots(principal: Principal, case_id: str) -> FreeSlotsOut:
    case = reads.load_owned(principal, case_id)
    rules.check_case_books(case.type, case.status)
    now = clock.now()
    held = case.appointment.get("slotId") if rules.is_active(case.appointment) else None
    slots = store.slots_starting(
        clock.iso(now + timedelta(milliseconds=1)),
        clock.iso(now + rules.OFFER_HORIZON),
        free_only=True,
        limit=rules.OFFER_LIMIT + 1,
    )
    offered = [
        FreeSlotOut(
            slot_id=slot.slot_id,
            start=slot.start,
            end=slot.end,
            kind=SlotKind(slot.kind),
            location=slot.location,
        )
        for slot in slots
        if slot.slot_id != held and rules.is_free(slot.start, slot.capacity, slot.booked, now)
    ]
    return FreeSlotsOut(items=offered[: rules.OFFER_LIMIT])


def book(principal: Principal, case_id: str, slot_id: str) -> CaseOut:
    """Book `slot_id` for the case, or move its appointment there (the old seat is freed in
    the same transaction). Booking the slot it holds already changes nothing."""
    case = reads.load_owned(principal, case_id)
    rules.check_case_books(case.type, case.status)
    now = clock.now()
    current = case.appointment
    rules.check_can_book(current, now)
    moving = rules.is_active(current)
    if moving and current.get("slotId") == slot_id:
        return to_wire(case)
    slot = store.get_slot(slot_id, consistent=True)
    if slot is None:
        raise NotFound("slot not found")
    if not rules.is_free(slot.start, slot.capacity, slot.booked, now):
        raise Conflict(store.SLOT_FULL)
    at = clock.iso(now)
    appointment: dict[str, Any] = {
        "slotId": slot.slot_id,
        "start": slot.start,
        "end": slot.end,
        "kind": slot.kind,
        "status": A.BOOKED.value,
        "bookedAt": at,
        "reminderId": ids.new_id("ntf"),  # the reminder's notification id: it is sent once
    }
    if slot.location:
        appointment["location"] = slot.location
    seats = [SeatChange(slot.slot_id, case.case_id, case.customer_id, 1, A.BOOKED.value, at)]
    note = f"appointment booked: {slot.kind} {slot.start}"
    if moving:
        seats.append(
            SeatChange(str(current["slotId"]), case.case_id, case.customer_id, -1, A.CANCELLED.value, at)
        )
        note = f"appointment moved from {current['start']} to {slot.kind} {slot.start}"
    wake = rules.first_wake(clock.parse_iso(slot.start), now)
    wanted = Move(
        (),
        principal.sub,
        note,
        sets={
            Field.APPOINTMENT: appointment,
            Field.APPOINTMENT_LANE: store.DUE_LANE,
            Field.APPOINTMENT_AT: clock.iso(wake),
        },
        seats=tuple(seats),
    )
    written = move(case, wanted)
    metrics.add_metric(name="AppointmentsMoved" if moving else "AppointmentsBooked", unit="Count", value=1)
    return to_wire(written)


def cancel(principal: Principal, case_id: str) -> CaseOut:
    """Free the appointment's seat before the slot starts."""
    case = reads.load_owned(principal, case_id)
    now = clock.now()
    current = case.appointment
    rules.check_can_leave(current, now)
    at = clock.iso(now)
    cancelled = {**current, "status": A.CANCELLED.value, "settledAt": at}
    seat = SeatChange(str(current["slotId"]), case.case_id, case.customer_id, -1, A.CANCELLED.value, at)
    wanted = Move(
        (),
        principal.sub,
        f"appointment of {current['start']} cancelled",
        sets={Field.APPOINTMENT: cancelled},
        removes=LANE,
        seats=(seat,),
    )
    return to_wire(move(case, wanted))


def freed_with_case(case: Case, at: str) -> tuple[dict[Field, Any], frozenset[Field], tuple[SeatChange, ...]]:
    """What a change that ends the case (the customer cancelling it) writes for its booked
    appointment: the appointment CANCELLED and its seat freed, in the case's transaction."""
    appointment = case.appointment
    if not rules.is_active(appointment) or appointment["start"] <= at:
        return {}, frozenset(), ()  # none, or under way: the job settles it once it is over
    cancelled = {**appointment, "status": A.CANCELLED.value, "settledAt": at}
    seat = SeatChange(str(appointment["slotId"]), case.case_id, case.customer_id, -1, A.CANCELLED.value, at)
    return {Field.APPOINTMENT: cancelled}, LANE, (seat,)


# ---------------------------------------------------------------- the job
@dataclass
class SweepReport:
    examined: int = 0
    reminded: int = 0
    missed: int = 0
    attended: int = 0
    cancelled: int = 0
    waiting: int = 0
    failed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "examined": self.examined,
            "reminded": self.reminded,
            "missed": self.missed,
            "attended": self.attended,
            "cancelled": self.cancelled,
            "waiting": self.waiting,
            "failed": self.failed,
        }


def sweep(*, batch: int = 100, time_left: Callable[[], float] | None = None) -> SweepReport:
    """Look at every case whose appointment has work due (the sparse "due" lane of the
    appointments index, never a scan): send the day-before reminder, settle an appointment
    whose slot is over. Each step is a conditional write on the case as read (a reminder is
    sent under the appointment's own notification id), so a second run changes nothing."""
    report = SweepReport()
    now = clock.now()
    while True:
        due = store.appointments_due(clock.iso(now), limit=batch)
        progressed = False
        for case_id in due:
            if time_left is not None and time_left() < 2.0:
                logger.warning("appointments sweep stopped early; the next run continues")
                return report
            report.examined += 1
            try:
                outcome = settle(case_id, now)
            except Exception:
                report.failed += 1
                logger.exception("appointment step failed", extra={"case_id": case_id})
                continue
            progressed = True
            if outcome == "waiting":
                report.waiting += 1
            elif hasattr(report, outcome):
                setattr(report, outcome, getattr(report, outcome) + 1)
        if len(due) < batch or not progressed:
            break
    for name in ("reminded", "missed", "attended"):
        if getattr(report, name):
            metrics.add_metric(name=f"Appointments{name.title()}", unit="Count", value=getattr(report, name))
    logger.info("appointments sweep", extra=report.as_dict())
    return report


def settle(case_id: str, now: datetime) -> str:
    """Do what the case's appointment calls for now; returns what was done."""
    case = store.get(case_id, consistent=True)
    if case is None:
        return "waiting"
    appointment = case.appointment
    if not rules.is_active(appointment):
        store.schedule_appointment(case, None)  # nothing left to do: off the lane
        return "waiting"
    zone = customers.reach(case.customer_id).time_zone
    step = rules.next_step(appointment, case.status, now, zone)
    at = clock.iso(now)
    if step.action is Action.WAIT:
        assert step.wake_at is not None
        store.schedule_appointment(case, clock.iso(step.wake_at))
        return "waiting"
    if step.action in {Action.REMIND, Action.SKIP_REMINDER}:
        assert step.wake_at is not None
        if step.action is Action.REMIND:
            _remind(case, appointment)
            changed: dict[str, Any] = {"remindedAt": at}
            note = "appointment reminder sent"
        else:
            changed = {"reminderSkipped": True}
            note = f"no appointment reminder: the day before passed in the customer's quiet hours ({zone})"
        wanted = Move(
            (),
            SYSTEM,
            note,
            sets={
                Field.APPOINTMENT: {**appointment, **changed},
                Field.APPOINTMENT_AT: clock.iso(step.wake_at),
            },
        )
        move(case, wanted)
        return "reminded" if step.action is Action.REMIND else "waiting"
    ended = {Action.MISSED: A.MISSED, Action.ATTENDED: A.ATTENDED, Action.CANCELLED: A.CANCELLED}
    status = ended[step.action]
    notes = {
        A.MISSED: "appointment missed: the item was not handed over in its slot; book another",
        A.ATTENDED: "appointment attended",
        A.CANCELLED: f"appointment cancelled: the case is {case.status}",
    }
    seat = SeatChange(str(appointment["slotId"]), case.case_id, case.customer_id, 0, status.value, at)
    wanted = Move(
        (),
        SYSTEM,
        notes[status],
        sets={Field.APPOINTMENT: {**appointment, "status": status.value, "settledAt": at}},
        removes=LANE,
        seats=(seat,),
    )
    move(case, wanted)
    return status.value.lower()


def _remind(case: Case, appointment: Mapping[str, Any]) -> None:
    notifications.send_once(
        str(appointment["reminderId"]),
        case.customer_id,
        rules.REMINDER_KIND,
        {
            "caseId": case.case_id,
            "orderId": case.order_id,
            "slotId": appointment["slotId"],
            "kind": appointment["kind"],
            "start": appointment["start"],
            "end": appointment["end"],
            "location": appointment.get("location") or "",
        },
    )

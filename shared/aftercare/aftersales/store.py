"""The Cases table: the only module that reads or writes it.

One table holds two kinds of item, told apart by their key `pk`:
- a case (`pk` = its `as_` id), with its timeline, deadlines and the sparse index fields
  the work queue (`status` + `queueAt`) and the deadline job (`dueShard` + `nextDeadlineAt`)
  query;
- a coverage counter per order item (`pk` = `coverage#<orderId>#<sku>`): how many of the
  units bought are covered by open or finished cases. A case's own write and its coverage
  updates go in one transaction, and the counter's condition (`covered + n <= bought`)
  is what keeps two racing cases from covering more than was bought;
- a repair appointment slot (`pk` = its `slot_` id): its capacity, the seats taken
  (`booked`) and a map of the bookings (case id -> customer, status). A case's appointment
  and its slot's seat change in one transaction, the slot's condition
  (`booked < capacity`, not started) being what keeps racing customers from overbooking it.

Slots live in this table, not one of their own: a seat is part of a case's write (the
case's version condition and the slot's capacity condition in one transaction, as with the
coverage counters), the slots have no life without the repair cases, and nothing else reads
them. One sparse index, `appointments` (`apptLane` + `apptAt`), has two lanes: "slots"
(every slot by its start: the calendar of a day, the free slots ahead) and "due" (cases whose
appointment the job must look at, by when: the reminder, the slot's end). One index, not
two, because a table update creates at most one index at a time.

Every case change is one conditional write on the expected status and version, with its
timeline entries appended in the same write. The store takes intents (a new `Case`, a
`Transition`) and gives back typed state (`state.Case`); no other module sees the models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.aftersales.rules import CaseStatus, CaseType, Reason
from aftercare.aftersales.state import Booking, Case, CoverageChange, Field, Line, SeatChange, Slot, Step
from aftercare.aftersales.transitions import Transition
from aftercare.db import TimelineAttribute, conflicts_as_409, transaction
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.settings import get_settings

COVERAGE = "coverage"
CONFLICT = "the case changed meanwhile or does not allow this; reload it and retry"
SLOT_FULL = "this slot is full or has started; choose another"
SLOTS_LANE = "slots"
DUE_LANE = "due"


class CaseItemAttribute(MapAttribute[str, Any]):
    sku = UnicodeAttribute()
    name = UnicodeAttribute()
    category = UnicodeAttribute()
    quantity = NumberAttribute()
    unitPrice = NumberAttribute()
    bought = NumberAttribute()  # the order item's quantity: the coverage counter's ceiling


class ByCustomerIndex(GlobalSecondaryIndex["CaseModel"]):
    class Meta:
        index_name = "byCustomer"
        projection = AllProjection()

    customerId = UnicodeAttribute(hash_key=True)
    caseId = UnicodeAttribute(range_key=True)


class WorkQueueIndex(GlobalSecondaryIndex["CaseModel"]):
    class Meta:
        index_name = "workQueue"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    queueAt = UnicodeAttribute(range_key=True)


class DueDeadlinesIndex(GlobalSecondaryIndex["CaseModel"]):
    class Meta:
        index_name = "dueDeadlines"
        projection = AllProjection()

    dueShard = UnicodeAttribute(hash_key=True)
    nextDeadlineAt = UnicodeAttribute(range_key=True)


class CaseAppointmentsIndex(GlobalSecondaryIndex["CaseModel"]):
    class Meta:
        index_name = "appointments"
        projection = AllProjection()

    apptLane = UnicodeAttribute(hash_key=True)
    apptAt = UnicodeAttribute(range_key=True)


class CaseModel(Model):
    class Meta:
        table_name = get_settings().cases_table

    pk = UnicodeAttribute(hash_key=True)
    caseId = UnicodeAttribute()
    customerId = UnicodeAttribute()
    orderId = UnicodeAttribute()
    type = UnicodeAttribute()
    reason = UnicodeAttribute()
    status = UnicodeAttribute()
    items = ListAttribute(of=CaseItemAttribute)
    description = UnicodeAttribute(null=True)
    evidenceKeys = ListAttribute(of=UnicodeAttribute, default=list)
    merchantFault = BooleanAttribute(default=False)
    deadlines = MapAttribute[str, Any](default=dict)  # named ISO times, see rules.PUBLIC_DEADLINES
    nextDeadlineAt = UnicodeAttribute(null=True)  # sparse: only while a deadline is pending
    dueShard = UnicodeAttribute(null=True)  # set with nextDeadlineAt
    queueAt = UnicodeAttribute()
    autoApproved = BooleanAttribute(default=False)
    rejection = MapAttribute[str, Any](null=True)  # {reason, at, by}
    returnShipment = MapAttribute[str, Any](null=True)  # {shipmentId, carrier, trackingNumber, status, ...}
    replacementShipment = MapAttribute[str, Any](null=True)
    inspection = MapAttribute[str, Any](null=True)  # {result, notes, at, by, automatic}
    repair = MapAttribute[str, Any](null=True)  # {stage, stages: [{stage, at, actor, note}]}
    dispute = MapAttribute[str, Any](null=True)  # {reason, origin, openedAt, ticketId, decision, ...}
    appointment = MapAttribute[str, Any](null=True)  # {slotId, start, end, kind, status, ...}
    apptLane = UnicodeAttribute(null=True)  # sparse: "due" while the appointments job has work
    apptAt = UnicodeAttribute(null=True)
    appealed = BooleanAttribute(default=False)
    refundId = UnicodeAttribute(null=True)
    refundStatus = UnicodeAttribute(null=True)
    resolvedAt = UnicodeAttribute(null=True)
    resolveBreachedAt = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_customer = ByCustomerIndex()
    work_queue = WorkQueueIndex()
    due_deadlines = DueDeadlinesIndex()
    appointments = CaseAppointmentsIndex()


class SlotAppointmentsIndex(GlobalSecondaryIndex["SlotModel"]):
    class Meta:
        index_name = "appointments"
        projection = AllProjection()

    apptLane = UnicodeAttribute(hash_key=True)
    apptAt = UnicodeAttribute(range_key=True)


class SlotModel(Model):
    """A repair appointment slot (same table as the cases)."""

    class Meta:
        table_name = get_settings().cases_table

    pk = UnicodeAttribute(hash_key=True)
    slotId = UnicodeAttribute()
    slotStart = UnicodeAttribute()
    slotEnd = UnicodeAttribute()
    kind = UnicodeAttribute()
    capacity = NumberAttribute()
    booked = NumberAttribute(default=0)
    location = UnicodeAttribute(null=True)
    bookings = MapAttribute[str, Any](default=dict)  # caseId -> {customerId, status, bookedAt}
    apptLane = UnicodeAttribute()  # SLOTS_LANE
    apptAt = UnicodeAttribute()  # = slotStart
    createdAt = UnicodeAttribute()
    createdBy = UnicodeAttribute()

    appointments = SlotAppointmentsIndex()


class CoverageModel(Model):
    """How much of one order item the after-sales cases cover (same table as the cases)."""

    class Meta:
        table_name = get_settings().cases_table

    pk = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute(null=True)
    sku = UnicodeAttribute(null=True)
    bought = NumberAttribute(null=True)
    covered = NumberAttribute(null=True)
    updatedAt = UnicodeAttribute(null=True)


def coverage_key(order_id: str, sku: str) -> str:
    return f"{COVERAGE}#{order_id}#{sku}"


# ---------------------------------------------------------------- items <-> typed state
def _record(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if hasattr(value, "as_dict"):
        return dict(value.as_dict())
    return dict(value)


def _case(model: CaseModel) -> Case:
    return Case(
        case_id=model.caseId,
        customer_id=model.customerId,
        order_id=model.orderId,
        type=CaseType(model.type),
        reason=Reason(model.reason),
        status=CaseStatus(model.status),
        items=tuple(
            Line(
                sku=i.sku,
                name=i.name,
                category=i.category,
                quantity=int(i.quantity),
                unit_price=int(i.unitPrice),
                bought=int(i.bought or i.quantity),  # cases opened before `bought` was kept
            )
            for i in model.items
        ),
        description=model.description,
        evidence_keys=tuple(str(key) for key in model.evidenceKeys or ()),
        merchant_fault=bool(model.merchantFault),
        deadlines={key: str(value) for key, value in _record(model.deadlines).items() if value},
        queue_at=model.queueAt,
        next_deadline_at=model.nextDeadlineAt,
        due_shard=model.dueShard,
        auto_approved=bool(model.autoApproved),
        rejection=_record(model.rejection),
        return_shipment=_record(model.returnShipment),
        replacement_shipment=_record(model.replacementShipment),
        inspection=_record(model.inspection),
        repair=_record(model.repair),
        dispute=_record(model.dispute),
        appointment=_record(model.appointment),
        appealed=bool(model.appealed),
        refund_id=model.refundId,
        refund_status=model.refundStatus,
        resolved_at=model.resolvedAt,
        resolve_breached_at=model.resolveBreachedAt,
        timeline=tuple(Step(e.at, e.from_status, e.to, e.actor, e.note) for e in model.timeline or ()),
        created_at=model.createdAt,
        updated_at=model.updatedAt,
        version=int(model.version or 0),
    )


def _entry(step: Step) -> TimelineAttribute:
    return TimelineAttribute(
        at=step.at, from_status=step.from_status, to=step.to, actor=step.actor, note=step.note
    )


def _new_model(case: Case) -> CaseModel:
    return CaseModel(
        pk=case.case_id,
        caseId=case.case_id,
        customerId=case.customer_id,
        orderId=case.order_id,
        type=case.type.value,
        reason=case.reason.value,
        status=case.status.value,
        items=[
            CaseItemAttribute(
                sku=line.sku,
                name=line.name,
                category=line.category,
                quantity=line.quantity,
                unitPrice=line.unit_price,
                bought=line.bought,
            )
            for line in case.items
        ],
        description=case.description,
        evidenceKeys=list(case.evidence_keys),
        merchantFault=case.merchant_fault,
        deadlines=dict(case.deadlines),
        nextDeadlineAt=case.next_deadline_at,
        dueShard=case.due_shard,
        queueAt=case.queue_at,
        autoApproved=case.auto_approved,
        timeline=[_entry(step) for step in case.timeline],
        createdAt=case.created_at,
        updatedAt=case.updated_at,
    )


# ---------------------------------------------------------------- coverage
def _add_coverage(tx: TransactWrite, order_id: str, changes: Iterable[CoverageChange], at: str) -> None:
    for change in changes:
        item = CoverageModel(pk=coverage_key(order_id, change.sku))
        if change.quantity > 0:
            condition: Condition = CoverageModel.covered.does_not_exist() | (
                CoverageModel.covered <= change.bought - change.quantity
            )
            covered = (CoverageModel.covered | 0) + change.quantity
        else:
            condition = CoverageModel.covered >= -change.quantity
            covered = CoverageModel.covered - (-change.quantity)
        tx.update(
            item,
            actions=[
                CoverageModel.covered.set(covered),
                CoverageModel.bought.set(change.bought),
                CoverageModel.orderId.set(order_id),
                CoverageModel.sku.set(change.sku),
                CoverageModel.updatedAt.set(at),
            ],
            condition=condition,
        )


def covered_units(order_id: str, skus: Iterable[str]) -> dict[str, int]:
    """sku -> units already covered by cases (0 if none)."""
    keys = [coverage_key(order_id, sku) for sku in set(skus)]
    found = {item.sku: int(item.covered or 0) for item in CoverageModel.batch_get(keys)} if keys else {}
    return {sku: found.get(sku, 0) for sku in skus}


# ---------------------------------------------------------------- writes
def create(case: Case, coverage: Iterable[CoverageChange]) -> Case:
    """Store a new case and reserve its quantities, atomically. BusinessRuleViolation if
    another case took the units meanwhile."""
    model = _new_model(case)
    try:
        with transaction(CONFLICT) as tx:
            tx.save(model, condition=CaseModel.pk.does_not_exist())
            _add_coverage(tx, case.order_id, coverage, case.created_at)
    except Conflict as error:
        raise BusinessRuleViolation(
            "another case took some of these units meanwhile; check the remaining quantities",
            errors=[{"field": "items", "message": "quantity exceeds what remains"}],
        ) from error
    return _case(model)


def _actions(sets: Mapping[Field, Any], removes: Iterable[Field]) -> list[Action]:
    attributes = CaseModel.get_attributes()
    actions: list[Action] = [attributes[field.value].set(value) for field, value in sets.items()]
    return actions + [attributes[field.value].remove() for field in removes]


def apply(change: Transition) -> Case:
    """Write `change` if the case is still in its expected status at the version read, and
    return the case as written. Coverage changes and appointment seats join the same
    transaction; no other table's part does (what other domains owe follows from the case's
    events). Conflict if the case changed meanwhile, or (SLOT_FULL) if only a slot refused
    the seat; BusinessRuleViolation if only its units were taken by another case."""
    at = change.entries[-1].at
    actions = [
        *_actions(change.sets, change.removes),
        CaseModel.updatedAt.set(at),
        CaseModel.timeline.set(CaseModel.timeline.append([_entry(step) for step in change.entries])),
    ]
    expected = CaseModel.status == change.expected_status.value
    model = CaseModel(pk=change.case_id)
    model.version = change.expected_version  # the version condition pynamodb adds
    if not change.reservations and not change.seats:
        with conflicts_as_409(CONFLICT):
            model.update(actions=actions, condition=expected)
        return _case(model)
    try:
        with transaction(CONFLICT) as tx:
            tx.update(model, actions=actions, condition=expected)
            _add_coverage(tx, change.order_id, change.reservations, at)
            _change_seats(tx, change.seats)
    except Conflict as error:
        fresh = get(change.case_id, consistent=True)
        unchanged = (
            fresh is not None
            and fresh.version == change.expected_version
            and fresh.status is change.expected_status
        )
        if unchanged and change.seats:
            raise Conflict(SLOT_FULL) from error  # the case was as read: a slot refused
        if unchanged:
            raise BusinessRuleViolation(
                "the units of this case are now covered by another case",
                errors=[{"field": "items", "message": "quantity exceeds what remains"}],
            ) from error
        raise
    written = get(change.case_id, consistent=True)
    assert written is not None  # the transaction has just written it
    return written


# ---------------------------------------------------------------- appointment slots
def _change_seats(tx: TransactWrite, seats: Iterable[SeatChange]) -> None:
    for seat in seats:
        item = SlotModel(pk=seat.slot_id)
        booking = SlotModel.bookings[seat.case_id]
        if seat.change > 0:
            condition: Condition = (
                SlotModel.pk.exists()
                & (SlotModel.booked < SlotModel.capacity)
                & (SlotModel.slotStart > seat.at)
                & booking.does_not_exist()
            )
            entry = {"customerId": seat.customer_id, "status": seat.status, "bookedAt": seat.at}
            actions = [SlotModel.booked.set(SlotModel.booked + 1), booking.set(entry)]
        elif seat.change < 0:
            condition = booking.exists() & (SlotModel.booked >= 1)
            actions = [SlotModel.booked.set(SlotModel.booked - 1), booking.remove()]
        else:
            condition = booking.exists()
            actions = [SlotModel.bookings[seat.case_id]["status"].set(seat.status)]
        tx.update(item, actions=actions, condition=condition)


def _slot(model: SlotModel) -> Slot:
    bookings = _record(model.bookings)
    return Slot(
        slot_id=model.slotId,
        start=model.slotStart,
        end=model.slotEnd,
        kind=model.kind,
        capacity=int(model.capacity),
        booked=int(model.booked or 0),
        location=model.location,
        bookings=tuple(
            Booking(case_id, str(b["customerId"]), str(b["status"]), str(b["bookedAt"]))
            for case_id, b in sorted(bookings.items(), key=lambda pair: str(pair[1].get("bookedAt")))
        ),
        created_at=model.createdAt,
        created_by=model.createdBy,
    )


def create_slot(slot: Slot) -> Slot:
    model = SlotModel(
        pk=slot.slot_id,
        slotId=slot.slot_id,
        slotStart=slot.start,
        slotEnd=slot.end,
        kind=slot.kind,
        capacity=slot.capacity,
        booked=0,
        location=slot.location,
        bookings={},
        apptLane=SLOTS_LANE,
        apptAt=slot.start,
        createdAt=slot.created_at,
        createdBy=slot.created_by,
    )
    with conflicts_as_409("a slot with this id exists"):
        model.save(condition=SlotModel.pk.does_not_exist())
    return _slot(model)


def get_slot(slot_id: str, *, consistent: bool = False) -> Slot | None:
    if not slot_id.startswith("slot_"):
        return None
    try:
        return _slot(SlotModel.get(slot_id, consistent_read=consistent))
    except SlotModel.DoesNotExist:
        return None


def slots_starting(first: str, last: str, *, free_only: bool, limit: int) -> list[Slot]:
    """Slots starting from `first` to `last` (both included), earliest first (with
    free_only: a seat left)."""
    results = SlotModel.appointments.query(
        SLOTS_LANE,
        SlotModel.apptAt.between(first, last),
        filter_condition=(SlotModel.booked < SlotModel.capacity) if free_only else None,
        scan_index_forward=True,
    )
    found: list[Slot] = []
    for row in results:
        found.append(_slot(row))
        if len(found) >= limit:
            break
    return found


def schedule_appointment(case: Case, wake_at: str | None) -> None:
    """When the appointments job looks at the case next (None: never again), as one write on
    the case as read, with no timeline entry (nothing happened to the case)."""
    model = CaseModel(pk=case.case_id)
    model.version = case.version
    actions: list[Action] = (
        [CaseModel.apptLane.set(DUE_LANE), CaseModel.apptAt.set(wake_at)]
        if wake_at
        else [CaseModel.apptLane.remove(), CaseModel.apptAt.remove()]
    )
    with conflicts_as_409(CONFLICT):
        model.update(actions=actions, condition=CaseModel.status == case.status.value)


def appointments_due(now_iso: str, *, limit: int) -> list[str]:
    """Case ids whose appointment the job should look at now, the most overdue first."""
    rows = CaseModel.appointments.query(DUE_LANE, CaseModel.apptAt <= now_iso, scan_index_forward=True,
                                        limit=limit)  # fmt: skip
    return [row.caseId for row in rows]


# ---------------------------------------------------------------- reads
def get(case_id: str, *, consistent: bool = False) -> Case | None:
    if not case_id.startswith("as_"):
        return None
    try:
        return _case(CaseModel.get(case_id, consistent_read=consistent))
    except CaseModel.DoesNotExist:
        return None


def list_for_customer(
    customer_id: str, *, status: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[Case], dict[str, Any] | None]:
    results = CaseModel.by_customer.query(
        customer_id,
        scan_index_forward=False,
        filter_condition=(CaseModel.status == status) if status else None,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return [_case(row) for row in results], results.last_evaluated_key


def list_for_order(customer_id: str, order_id: str) -> list[Case]:
    """Every case of one of the customer's orders (their customer index, every page: a
    customer has few cases, and the order's are among them)."""
    results = CaseModel.by_customer.query(customer_id, filter_condition=CaseModel.orderId == order_id)
    return [_case(row) for row in results]


def work_queue(
    status: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[Case], dict[str, Any] | None]:
    results = CaseModel.work_queue.query(
        status, scan_index_forward=True, limit=limit, last_evaluated_key=start_key
    )
    return [_case(row) for row in results], results.last_evaluated_key


def resume_after_in_queue(row: Case) -> dict[str, Any]:
    """The workQueue start key that continues right after `row` (its LastEvaluatedKey)."""
    return {"pk": {"S": row.case_id}, "status": {"S": row.status.value}, "queueAt": {"S": row.queue_at}}


def due(shard: str, now_iso: str, *, limit: int) -> list[Case]:
    """Cases of one shard whose next deadline has passed, oldest first."""
    return [
        _case(row)
        for row in CaseModel.due_deadlines.query(
            shard, CaseModel.nextDeadlineAt <= now_iso, scan_index_forward=True, limit=limit
        )
    ]

"""The Cases table: the only module that reads or writes it.

One table holds two kinds of item, told apart by their key `pk`:
- a case (`pk` = its `as_` id), with its timeline, deadlines and the sparse index fields
  the work queue (`status` + `queueAt`) and the deadline job (`dueShard` + `nextDeadlineAt`)
  query;
- a coverage counter per order item (`pk` = `coverage#<orderId>#<sku>`): how many of the
  units bought are covered by open or finished cases. A case's own write and its coverage
  updates go in one transaction, and the counter's condition (`covered + n <= bought`)
  is what keeps two racing cases from covering more than was bought.

Every case change is one conditional write on the expected status and version, with its
timeline entries appended in the same write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
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

from aftercare.db import TimelineAttribute, conflicts_as_409, transaction
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.settings import get_settings

COVERAGE = "coverage"
CONFLICT = "the case changed meanwhile or does not allow this; reload it and retry"


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
    appealed = BooleanAttribute(default=False)
    refundId = UnicodeAttribute(null=True)
    refundStatus = UnicodeAttribute(null=True)
    handoff = UnicodeAttribute(null=True)  # REFUND or TICKET while a hand-off waits for a retry
    resolvedAt = UnicodeAttribute(null=True)
    resolveBreachedAt = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_customer = ByCustomerIndex()
    work_queue = WorkQueueIndex()
    due_deadlines = DueDeadlinesIndex()


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


def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


@dataclass(frozen=True)
class CoverageChange:
    sku: str
    quantity: int  # positive reserves, negative releases
    bought: int


@dataclass(frozen=True)
class Index:
    next_deadline_at: str | None
    due_shard: str
    queue_at: str


def _index_actions(index: Index) -> list[Action]:
    actions: list[Action] = [CaseModel.queueAt.set(index.queue_at)]
    if index.next_deadline_at:
        actions += [
            CaseModel.nextDeadlineAt.set(index.next_deadline_at),
            CaseModel.dueShard.set(index.due_shard),
        ]
    else:
        actions += [CaseModel.nextDeadlineAt.remove(), CaseModel.dueShard.remove()]
    return actions


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


def create(case: CaseModel, coverage: list[CoverageChange]) -> None:
    """Store a new case and reserve its quantities, atomically. 422 if another case took
    the units meanwhile."""
    case.pk = case.caseId
    try:
        with transaction(CONFLICT) as tx:
            tx.save(case, condition=CaseModel.pk.does_not_exist())
            _add_coverage(tx, case.orderId, coverage, case.createdAt)
    except Conflict as error:
        raise BusinessRuleViolation(
            "another case took some of these units meanwhile; check the remaining quantities",
            errors=[{"field": "items", "message": "quantity exceeds what remains"}],
        ) from error


def get(case_id: str, *, consistent: bool = False) -> CaseModel | None:
    if not case_id.startswith("as_"):
        return None
    try:
        return CaseModel.get(case_id, consistent_read=consistent)
    except CaseModel.DoesNotExist:
        return None


def change(
    case: CaseModel,
    *,
    expected_status: str,
    entries: list[TimelineAttribute],
    actions: list[Action],
    index: Index,
    coverage: list[CoverageChange] | None = None,
    condition: Condition | None = None,
    extra: Callable[[TransactWrite], None] | None = None,
) -> None:
    """Apply `actions` if the case is still in `expected_status` at the version we read.
    Coverage changes and `extra` parts (a shipment) join the same transaction."""
    all_actions = [
        *actions,
        *_index_actions(index),
        CaseModel.updatedAt.set(entries[-1].at),
        CaseModel.timeline.set(CaseModel.timeline.append(entries)),
    ]
    expected = CaseModel.status == expected_status
    if condition is not None:
        expected = expected & condition
    if not coverage and extra is None:
        with conflicts_as_409(CONFLICT):
            case.update(actions=all_actions, condition=expected)
        return
    version = case.version
    try:
        with transaction(CONFLICT) as tx:
            tx.update(case, actions=all_actions, condition=expected)
            if coverage:
                _add_coverage(tx, case.orderId, coverage, entries[-1].at)
            if extra is not None:
                extra(tx)
    except Conflict as error:
        fresh = get(case.caseId, consistent=True)
        if coverage and fresh is not None and fresh.version == version and fresh.status == expected_status:
            raise BusinessRuleViolation(
                "the units of this case are now covered by another case",
                errors=[{"field": "items", "message": "quantity exceeds what remains"}],
            ) from error
        raise
    case.refresh(consistent_read=True)


def list_for_customer(
    customer_id: str, *, status: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[CaseModel], dict[str, Any] | None]:
    results = CaseModel.by_customer.query(
        customer_id,
        scan_index_forward=False,
        filter_condition=(CaseModel.status == status) if status else None,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return list(results), results.last_evaluated_key


def work_queue(
    status: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[CaseModel], dict[str, Any] | None]:
    results = CaseModel.work_queue.query(
        status, scan_index_forward=True, limit=limit, last_evaluated_key=start_key
    )
    return list(results), results.last_evaluated_key


def resume_after_in_queue(row: CaseModel) -> dict[str, Any]:
    """The workQueue start key that continues right after `row` (its LastEvaluatedKey)."""
    return {"pk": {"S": row.pk}, "status": {"S": row.status}, "queueAt": {"S": row.queueAt}}


def due(shard: str, now_iso: str, *, limit: int) -> list[CaseModel]:
    """Cases of one shard whose next deadline has passed, oldest first."""
    return list(
        CaseModel.due_deadlines.query(
            shard, CaseModel.nextDeadlineAt <= now_iso, scan_index_forward=True, limit=limit
        )
    )


def as_dict(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if hasattr(value, "as_dict"):
        return dict(value.as_dict())
    return dict(value)

"""The Refunds table: the only module that reads or writes it.

Two kinds of item share the key space: refunds (`rf_...`) and source claims
(`source#<kind>#<id>`), written in one transaction with the refund so a source can never
start two refunds."""

from __future__ import annotations

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
from aftercare.refunds.failures import Failure
from aftercare.settings import get_settings


class StepAttribute(MapAttribute[str, Any]):
    at = UnicodeAttribute()
    step = UnicodeAttribute()
    outcome = UnicodeAttribute()
    note = UnicodeAttribute(null=True)
    failure = UnicodeAttribute(null=True)  # a FailureKind: the customer reads its plain reason
    cause = UnicodeAttribute(null=True)  # the technical cause, for staff only


class ByOrderIndex(GlobalSecondaryIndex["RefundModel"]):
    class Meta:
        index_name = "byOrder"
        projection = AllProjection()

    orderId = UnicodeAttribute(hash_key=True)
    refundId = UnicodeAttribute(range_key=True)


class ByStatusIndex(GlobalSecondaryIndex["RefundModel"]):
    class Meta:
        index_name = "byStatus"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    createdAt = UnicodeAttribute(range_key=True)


class RefundModel(Model):
    class Meta:
        table_name = get_settings().refunds_table

    refundId = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute()
    customerId = UnicodeAttribute()
    caseId = UnicodeAttribute(null=True)
    source = UnicodeAttribute()
    sourceId = UnicodeAttribute()
    amount = NumberAttribute(default=0)
    currency = UnicodeAttribute()
    reason = UnicodeAttribute()
    status = UnicodeAttribute()
    items = ListAttribute(of=MapAttribute, null=True)
    shippingIncluded = NumberAttribute(default=0)
    merchantFault = BooleanAttribute(default=False)
    flagged = BooleanAttribute(default=False)
    escalated = BooleanAttribute(default=False)
    taskToken = UnicodeAttribute(null=True)
    providerReference = UnicodeAttribute(null=True)
    # The pay-out in flight: its idempotency key (the refund id, then `<id>.<n>` for a staff
    # retry), the outcome a provider notification reported, and how often it was polled.
    payoutKey = UnicodeAttribute(null=True)
    providerOutcome = UnicodeAttribute(null=True)
    payoutPolls = NumberAttribute(null=True)
    steps = ListAttribute(of=StepAttribute, default=list)
    timeline = ListAttribute(of=TimelineAttribute, default=list)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_order = ByOrderIndex()
    by_status = ByStatusIndex()


class SourceClaim(Model):
    """`source#case#as_...` -> the refund that source started."""

    class Meta:
        table_name = get_settings().refunds_table

    refundId = UnicodeAttribute(hash_key=True)  # holds the claim key
    claimedBy = UnicodeAttribute()


def claim_key(source: str, source_id: str) -> str:
    return f"source#{source}#{source_id}"


def claimed_refund(source: str, source_id: str) -> str | None:
    try:
        return SourceClaim.get(claim_key(source, source_id), consistent_read=True).claimedBy
    except SourceClaim.DoesNotExist:
        return None


def add_new(tx: TransactWrite, refund: RefundModel) -> None:
    """The new refund and its source claim as parts of a transaction (the caller's, so the
    change that asks for the money and the refund commit together or not at all). Both are
    conditional on not existing: a second refund for the same source fails the transaction."""
    claim = SourceClaim(refundId=claim_key(refund.source, refund.sourceId), claimedBy=refund.refundId)
    tx.save(claim, condition=SourceClaim.refundId.does_not_exist())
    tx.save(refund, condition=RefundModel.refundId.does_not_exist())


def create(refund: RefundModel) -> None:
    """Write the refund and claim its source in one transaction."""
    with transaction("this source already has a refund") as tx:
        add_new(tx, refund)


def get(refund_id: str) -> RefundModel | None:
    if not refund_id.startswith("rf_"):
        return None
    try:
        return RefundModel.get(refund_id, consistent_read=True)
    except RefundModel.DoesNotExist:
        return None


def step(
    at: str, name: str, outcome: str, note: str | None = None, *, failure: Failure | None = None
) -> StepAttribute:
    if failure is not None:
        return StepAttribute(
            at=at,
            step=name,
            outcome=outcome,
            note=failure.reason(),
            failure=failure.kind,
            cause=failure.technical,
        )
    return StepAttribute(at=at, step=name, outcome=outcome, note=note)


def change(
    refund: RefundModel,
    *,
    expected_status: str,
    to_status: str,
    actor: str,
    at: str,
    step_entry: StepAttribute,
    note: str | None = None,
    actions: list[Action] | None = None,
    condition: Condition | None = None,
) -> None:
    entry = TimelineAttribute(at=at, from_status=expected_status, to=to_status, actor=actor, note=note)
    with conflicts_as_409("the refund changed meanwhile"):
        refund.update(
            actions=[
                RefundModel.status.set(to_status),
                RefundModel.updatedAt.set(at),
                RefundModel.steps.set(RefundModel.steps.append([step_entry])),
                *(
                    [RefundModel.timeline.set(RefundModel.timeline.append([entry]))]
                    if to_status != expected_status
                    else []
                ),
                *(actions or []),
            ],
            condition=(RefundModel.status == expected_status) & condition
            if condition is not None
            else RefundModel.status == expected_status,
        )


def list_for_order(order_id: str) -> list[RefundModel]:
    return list(RefundModel.by_order.query(order_id, scan_index_forward=False))


def list_by_status(
    status: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[RefundModel], dict[str, Any] | None]:
    results = RefundModel.by_status.query(status, limit=limit, last_evaluated_key=start_key)
    return list(results), results.last_evaluated_key


def count_poll(refund: RefundModel) -> int:
    """One more status poll of the pay-out in flight; returns how many there were."""
    with conflicts_as_409("the refund changed meanwhile"):
        refund.update(
            actions=[RefundModel.payoutPolls.set((RefundModel.payoutPolls | 0) + 1)],
            condition=RefundModel.status == "PROCESSING",
        )
    return int(refund.payoutPolls or 0)


def succeeded_since(created_from: str) -> list[RefundModel]:
    """Succeeded refunds requested since `created_from` (reconciliation's look-back)."""
    return list(RefundModel.by_status.query("SUCCEEDED", RefundModel.createdAt >= created_from))

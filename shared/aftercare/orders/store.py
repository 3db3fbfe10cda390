"""The Orders table: the only module that reads or writes it.

Every state change is one conditional UpdateItem: the expected status and version are
part of the condition, the timeline entry is appended in the same write.
"""

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
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import TimelineAttribute, conflicts_as_409
from aftercare.settings import get_settings


class ItemAttribute(MapAttribute[str, Any]):
    sku = UnicodeAttribute()
    name = UnicodeAttribute()
    category = UnicodeAttribute()
    quantity = NumberAttribute()
    unitPrice = NumberAttribute()


class ExceptionAttribute(MapAttribute[str, Any]):
    kind = UnicodeAttribute()
    note = UnicodeAttribute()
    proposal = UnicodeAttribute()
    raisedAt = UnicodeAttribute()
    raisedBy = UnicodeAttribute()


class ParcelAttribute(MapAttribute[str, Any]):
    """A parcel the order shipped in (its shipment is logistics'; this is what it is told)."""

    shipmentId = UnicodeAttribute()
    carrier = UnicodeAttribute()
    trackingNumber = UnicodeAttribute()
    shippedAt = UnicodeAttribute()


class ByCustomerIndex(GlobalSecondaryIndex["OrderModel"]):
    class Meta:
        index_name = "byCustomer"
        projection = AllProjection()

    customerId = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute(range_key=True)


class ByStatusIndex(GlobalSecondaryIndex["OrderModel"]):
    class Meta:
        index_name = "byStatus"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute(range_key=True)


class ByCompletionIndex(GlobalSecondaryIndex["OrderModel"]):
    """Sparse: only delivered orders carry completionShard/completesAt."""

    class Meta:
        index_name = "byCompletion"
        projection = KeysOnlyProjection()

    completionShard = UnicodeAttribute(hash_key=True)
    completesAt = UnicodeAttribute(range_key=True)


COMPLETION_SHARDS = 4


def completion_shard(order_id: str) -> str:
    return f"due#{sum(order_id.encode()) % COMPLETION_SHARDS}"


class OrderModel(Model):
    class Meta:
        table_name = get_settings().orders_table

    orderId = UnicodeAttribute(hash_key=True)
    customerId = UnicodeAttribute()
    status = UnicodeAttribute()
    items = ListAttribute(of=ItemAttribute)
    currency = UnicodeAttribute()
    subtotal = NumberAttribute()
    shippingFee = NumberAttribute()
    discount = NumberAttribute()
    total = NumberAttribute()
    paidAmount = NumberAttribute(default=0)
    refundOwed = NumberAttribute(default=0)
    # Refund bookkeeping, written only by the reserve/release/settle functions below:
    # refundable = paid - reserved - refunded, so "never more than paid" is one condition.
    refundable = NumberAttribute(default=0)
    reservedAmount = NumberAttribute(default=0)
    refundedAmount = NumberAttribute(default=0)
    refundedUnits = MapAttribute[str, Any](default=dict)  # sku -> units reserved or refunded
    shippingRefunded = BooleanAttribute(default=False)
    refunds = MapAttribute[str, Any](default=dict)  # refund id -> {amount, units, shipping, state}
    shippingAddress = MapAttribute[str, Any]()
    paymentMethod = UnicodeAttribute()
    payment = MapAttribute[str, Any](null=True)
    exception = ExceptionAttribute(null=True)
    shipmentIds = ListAttribute(of=UnicodeAttribute, default=list)
    parcels = ListAttribute(of=ParcelAttribute, null=True)  # OrderShipped's parcels, by shipment
    deliveredAt = UnicodeAttribute(null=True)
    completesAt = UnicodeAttribute(null=True)  # when the last after-sales window closes
    completionShard = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_customer = ByCustomerIndex()
    by_status = ByStatusIndex()
    by_completion = ByCompletionIndex()


def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


def create(order: OrderModel) -> None:
    with conflicts_as_409("an order with this id already exists"):
        order.save(condition=OrderModel.orderId.does_not_exist())


def get(order_id: str, *, consistent: bool = False) -> OrderModel | None:
    try:
        return OrderModel.get(order_id, consistent_read=consistent)
    except OrderModel.DoesNotExist:
        return None


def _change(
    order: OrderModel, expected_status: str, entry: TimelineAttribute, actions: list[Action]
) -> tuple[list[Action], Condition]:
    actions = [
        *actions,
        OrderModel.updatedAt.set(entry.at),
        OrderModel.timeline.set(OrderModel.timeline.append([entry])),
    ]
    return actions, OrderModel.status == expected_status


def change(
    order: OrderModel,
    *,
    expected_status: str,
    entry: TimelineAttribute,
    actions: list[Action],
    condition: Condition | None = None,
) -> None:
    """Apply `actions` if the order is still in `expected_status` at the version we read."""
    all_actions, expected = _change(order, expected_status, entry, actions)
    with conflicts_as_409("the order changed meanwhile or does not allow this; reload it and retry"):
        order.update(actions=all_actions, condition=expected if condition is None else expected & condition)


def add_change(
    tx: TransactWrite,
    order: OrderModel,
    *,
    expected_status: str,
    entry: TimelineAttribute,
    actions: list[Action],
    condition: Condition | None = None,
) -> None:
    """The same change as `change`, as one part of a transaction across tables."""
    all_actions, expected = _change(order, expected_status, entry, actions)
    tx.update(order, actions=all_actions, condition=expected if condition is None else expected & condition)


def list_for_customer(
    customer_id: str, *, status: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[OrderModel], dict[str, Any] | None]:
    results = OrderModel.by_customer.query(
        customer_id,
        scan_index_forward=False,
        filter_condition=(OrderModel.status == status) if status else None,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return list(results), results.last_evaluated_key


def due_for_completion(shard: str, now_iso: str, *, limit: int) -> list[str]:
    """Ids of delivered orders whose after-sales windows have all closed."""
    return [
        row.orderId
        for row in OrderModel.by_completion.query(shard, OrderModel.completesAt <= now_iso, limit=limit)
    ]


def list_by_status(
    status: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[OrderModel], dict[str, Any] | None]:
    results = OrderModel.by_status.query(
        status, scan_index_forward=False, limit=limit, last_evaluated_key=start_key
    )
    return list(results), results.last_evaluated_key


# ---------------------------------------------------------------- refund bookkeeping
# These writes name map keys (skus, refund ids) that pynamodb's typed expressions cannot,
# so they are plain UpdateItem calls; each is one conditional write.


def _update(**request: Any) -> bool:
    """Run an UpdateItem; False if its condition did not hold."""
    from botocore.exceptions import ClientError

    from aftercare.aws import client

    try:
        client("dynamodb").update_item(TableName=OrderModel.Meta.table_name, **request)
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True


def reserve_refund(
    order_id: str,
    refund_id: str,
    *,
    amount: int,
    units: dict[str, int],
    already: dict[str, int],
    shipping: int,
) -> bool:
    """Reserve `amount` for a refund if the order still has it to give and no other refund
    has taken the same units meanwhile. False if either changed (re-quote and retry)."""
    names = {"#refunds": "refunds", "#rid": refund_id}
    if units:  # DynamoDB refuses a name the expressions do not use (a money-only refund)
        names["#units"] = "refundedUnits"
    values: dict[str, Any] = {
        ":amount": {"N": str(amount)},
        ":entry": {"M": {
            "amount": {"N": str(amount)},
            "units": {"M": {sku: {"N": str(n)} for sku, n in units.items()}},
            "shipping": {"N": str(shipping)},
            "state": {"S": "RESERVED"},
        }},
    }  # fmt: skip
    sets = [
        "refundable = refundable - :amount",
        "reservedAmount = reservedAmount + :amount",
        "#refunds.#rid = :entry",
    ]
    conditions = ["refundable >= :amount", "attribute_not_exists(#refunds.#rid)"]
    for index, (sku, count) in enumerate(sorted(units.items())):
        names[f"#s{index}"] = sku
        values[f":n{index}"] = {"N": str(already.get(sku, 0) + count)}
        sets.append(f"#units.#s{index} = :n{index}")
        if already.get(sku, 0):
            values[f":was{index}"] = {"N": str(already[sku])}
            conditions.append(f"#units.#s{index} = :was{index}")
        else:  # never reserved, or reserved and released again (the count is back at 0)
            values[":zero"] = {"N": "0"}
            conditions.append(f"(attribute_not_exists(#units.#s{index}) OR #units.#s{index} = :zero)")
    if shipping:
        sets.append("shippingRefunded = :true")
        values[":true"] = {"BOOL": True}
        values[":false"] = {"BOOL": False}
        conditions.append("(attribute_not_exists(shippingRefunded) OR shippingRefunded = :false)")
    return _update(
        Key={"orderId": {"S": order_id}},
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression=" AND ".join(conditions),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def refund_entry(order: OrderModel, refund_id: str) -> dict[str, Any] | None:
    refunds = order.refunds
    data = refunds.as_dict() if hasattr(refunds, "as_dict") else dict(refunds or {})
    entry = data.get(refund_id)
    return dict(entry) if entry else None


def refunded_units(order: OrderModel) -> dict[str, int]:
    units = order.refundedUnits
    data = units.as_dict() if hasattr(units, "as_dict") else dict(units or {})
    return {sku: int(count) for sku, count in data.items()}


def release_refund(order: OrderModel, refund_id: str) -> bool:
    """Give a reservation back (compensation). Idempotent: False if nothing was reserved."""
    entry = refund_entry(order, refund_id)
    if not entry or entry.get("state") != "RESERVED":
        return False
    names = {"#refunds": "refunds", "#rid": refund_id, "#state": "state"}
    if entry.get("units"):  # as in reserve_refund: no unused names
        names["#units"] = "refundedUnits"
    values: dict[str, Any] = {":amount": {"N": str(int(entry["amount"]))}, ":reserved": {"S": "RESERVED"},
                              ":released": {"S": "RELEASED"}}  # fmt: skip
    sets = ["refundable = refundable + :amount", "reservedAmount = reservedAmount - :amount",
            "#refunds.#rid.#state = :released"]  # fmt: skip
    for index, (sku, count) in enumerate(sorted((entry.get("units") or {}).items())):
        names[f"#s{index}"] = sku
        values[f":n{index}"] = {"N": str(int(count))}
        sets.append(f"#units.#s{index} = #units.#s{index} - :n{index}")
    if int(entry.get("shipping", 0)):
        sets.append("shippingRefunded = :false")
        values[":false"] = {"BOOL": False}
    return _update(
        Key={"orderId": {"S": order.orderId}},
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression="#refunds.#rid.#state = :reserved",
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def reserve_again(order: OrderModel, refund_id: str) -> bool:
    """Hold a released reservation again (a refund in manual review paid after all, or
    retried): the same amount and units, if the order still has them to give. Idempotent:
    True if the reservation is held (now or already), False if the order cannot give it."""
    entry = refund_entry(order, refund_id)
    if entry and entry.get("state") == "RESERVED":
        return True
    if not entry or entry.get("state") != "RELEASED":
        return False
    quantities = {item.sku: int(item.quantity) for item in order.items}
    already = refunded_units(order)
    names = {"#refunds": "refunds", "#rid": refund_id, "#state": "state"}
    values: dict[str, Any] = {":amount": {"N": str(int(entry["amount"]))}, ":reserved": {"S": "RESERVED"},
                              ":released": {"S": "RELEASED"}}  # fmt: skip
    sets = ["refundable = refundable - :amount", "reservedAmount = reservedAmount + :amount",
            "#refunds.#rid.#state = :reserved"]  # fmt: skip
    conditions = ["#refunds.#rid.#state = :released", "refundable >= :amount"]
    units = {sku: int(count) for sku, count in (entry.get("units") or {}).items() if int(count)}
    if units:
        names["#units"] = "refundedUnits"
    for index, (sku, count) in enumerate(sorted(units.items())):
        if already.get(sku, 0) + count > quantities.get(sku, 0):
            return False
        names[f"#s{index}"] = sku
        values[f":n{index}"] = {"N": str(count)}
        values[f":was{index}"] = {"N": str(already.get(sku, 0))}
        sets.append(f"#units.#s{index} = #units.#s{index} + :n{index}")
        conditions.append(f"#units.#s{index} = :was{index}")
    if int(entry.get("shipping", 0)):
        sets.append("shippingRefunded = :true")
        values[":true"] = {"BOOL": True}
        values[":false"] = {"BOOL": False}
        conditions.append("(attribute_not_exists(shippingRefunded) OR shippingRefunded = :false)")
    return _update(
        Key={"orderId": {"S": order.orderId}},
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression=" AND ".join(conditions),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def settle_refund(order_id: str, refund_id: str, amount: int) -> bool:
    """The money went back: reserved becomes refunded. Idempotent."""
    return _update(
        Key={"orderId": {"S": order_id}},
        UpdateExpression="SET reservedAmount = reservedAmount - :amount, "
        "refundedAmount = refundedAmount + :amount, #refunds.#rid.#state = :settled",
        ConditionExpression="#refunds.#rid.#state = :reserved",
        ExpressionAttributeNames={"#refunds": "refunds", "#rid": refund_id, "#state": "state"},
        ExpressionAttributeValues={
            ":amount": {"N": str(amount)},
            ":reserved": {"S": "RESERVED"},
            ":settled": {"S": "SETTLED"},
        },
    )

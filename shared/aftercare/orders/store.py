"""The Orders table: the only module that reads or writes it.

Every state change is one conditional UpdateItem: the expected status and version are
part of the condition, the timeline entry is appended in the same write.

Orders' copy of each coupon (customers' CouponIssued) lives here too, keyed
`coupon#<couponCode>` (no customerId or status: the customer and status indexes never see
it): an order claims it in the same transaction as the order is written, and a
cancellation before payment releases it in the same transaction as the cancellation.
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import (
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

from aftercare.db import TimelineAttribute, conflicts_as_409, transaction
from aftercare.orders.models import OrderOut
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
    # What refunds reports of the order's refunds (its RefundBalanceChanged events), written
    # only by show_refunds below; the ledger itself lives with refunds.
    reservedAmount = NumberAttribute(default=0)
    refundedAmount = NumberAttribute(default=0)
    refundsRevision = NumberAttribute(null=True)
    shippingAddress = MapAttribute[str, Any]()
    paymentMethod = UnicodeAttribute()
    payment = MapAttribute[str, Any](null=True)
    source = MapAttribute[str, Any](null=True)  # where it was sold: {kind, sessionId?, host?}
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
    couponCode = UnicodeAttribute(null=True)  # the coupon the order took (its discount is in `discount`)
    couponDiscount = NumberAttribute(null=True)

    by_customer = ByCustomerIndex()
    by_status = ByStatusIndex()
    by_completion = ByCompletionIndex()


def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


def _attribute(value: Any) -> dict[str, Any]:
    """A plain value as a DynamoDB attribute value, shaped as pynamodb writes it: a map
    leaves out what is None (a null attribute is absent), numbers are N, lists L."""
    if isinstance(value, dict):
        return {"M": {key: _attribute(inner) for key, inner in value.items() if inner is not None}}
    if isinstance(value, list):
        return {"L": [_attribute(inner) for inner in value]}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, int):
        return {"N": str(value)}
    return {"S": str(value)}


def new_item(order: OrderOut) -> dict[str, Any]:
    """The item of a new order, as `OrderModel` reads it (a test holds the two to the same
    item). Placing an order is the hottest write: building and serialising a pynamodb model
    and reading it back took about a quarter of its own time (benchmarks/latency)."""
    plain: dict[str, Any] = {
        "orderId": order.order_id,
        "customerId": order.customer_id,
        "status": order.status.value,
        "items": [
            {
                "sku": i.sku,
                "name": i.name,
                "category": i.category,
                "quantity": i.quantity,
                "unitPrice": i.unit_price,
            }
            for i in order.items
        ],
        "currency": order.currency,
        "subtotal": order.subtotal,
        "shippingFee": order.shipping_fee,
        "discount": order.discount,
        "total": order.total,
        "paidAmount": order.paid_amount,
        "refundOwed": order.refund_owed,
        "reservedAmount": order.reserved_for_refunds,
        "refundedAmount": order.refunded_amount,
        "shippingAddress": order.shipping_address.model_dump(exclude_none=True),
        "paymentMethod": order.payment_method,
        "source": order.source.model_dump() if order.source else None,
        "shipmentIds": order.shipment_ids,
        "timeline": [entry.model_dump() for entry in order.timeline],
        "createdAt": order.created_at,
        "updatedAt": order.updated_at,
        "version": order.version,
        "couponCode": order.coupon_code,
        "couponDiscount": order.coupon_discount if order.coupon_code else None,
    }
    return {name: _attribute(value) for name, value in plain.items() if value is not None}


def create(order: OrderOut) -> None:
    """Write a new order (version 1); 409 if its id is taken."""
    from aftercare.aws import client

    with conflicts_as_409("an order with this id already exists"):
        client("dynamodb").put_item(
            TableName=OrderModel.Meta.table_name,
            Item=new_item(order),
            ConditionExpression="attribute_not_exists(orderId)",
        )


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


# ---------------------------------------------------------------- orders' copy of coupons
COUPON = "coupon#"


class CouponCopyModel(Model):
    """A coupon as customers issued it, and which order (if any) holds it now."""

    class Meta:
        table_name = get_settings().orders_table

    orderId = UnicodeAttribute(hash_key=True)  # coupon#<couponCode>
    couponCode = UnicodeAttribute()
    couponOwner = UnicodeAttribute()
    discount = NumberAttribute()
    minSpend = NumberAttribute()
    currency = UnicodeAttribute()
    expiresAt = UnicodeAttribute()
    claimedBy = UnicodeAttribute(null=True)  # the order that holds it
    revision = NumberAttribute(default=0)  # claims and releases so far
    updatedAt = UnicodeAttribute()


def coupon_key(code: str) -> str:
    return f"{COUPON}{code}"


def is_coupon_key(key: str) -> bool:
    return key.startswith(COUPON)


def keep_coupon(copy: CouponCopyModel) -> bool:
    """Keep customers' coupon; False if it is kept already (the event came again)."""
    from pynamodb.exceptions import PutError

    from aftercare.db import is_condition_failure

    try:
        copy.save(condition=CouponCopyModel.orderId.does_not_exist())
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def get_coupon(code: str) -> CouponCopyModel | None:
    try:
        return CouponCopyModel.get(coupon_key(code), consistent_read=True)
    except CouponCopyModel.DoesNotExist:
        return None


def create_with_coupon(placed: OrderOut, code: str) -> None:
    """Write the new order and claim its coupon in one transaction, on the condition that no
    order holds the coupon and it is the order's customer's: of two orders racing for one
    coupon, one is written with it and the other fails whole (409)."""
    unversioned = {name: value for name, value in new_item(placed).items() if name != "version"}
    order = OrderModel.from_raw_data(unversioned)  # the save gives it version 1
    with transaction("the coupon was just used by another order") as tx:
        tx.save(order, condition=OrderModel.orderId.does_not_exist())
        tx.update(
            CouponCopyModel(orderId=coupon_key(code)),
            actions=[
                CouponCopyModel.claimedBy.set(order.orderId),
                CouponCopyModel.revision.add(1),
                CouponCopyModel.updatedAt.set(order.createdAt),
            ],
            condition=CouponCopyModel.orderId.exists()
            & CouponCopyModel.claimedBy.does_not_exist()
            & (CouponCopyModel.couponOwner == order.customerId),
        )


def add_release(tx: TransactWrite, code: str, *, order_id: str, at: str) -> None:
    """Give the coupon back, as one part of the order's cancellation (only the order that
    holds it can)."""
    tx.update(
        CouponCopyModel(orderId=coupon_key(code)),
        actions=[
            CouponCopyModel.claimedBy.remove(),
            CouponCopyModel.revision.add(1),
            CouponCopyModel.updatedAt.set(at),
        ],
        condition=CouponCopyModel.claimedBy == order_id,
    )


# ---------------------------------------------------------------- what refunds reports
def show_refunds(order_id: str, *, reserved: int, refunded: int, revision: int) -> bool:
    """Show refunds' latest totals on the order. One conditional write that applies only a
    newer revision than the order shows (events may arrive late or twice), and leaves the
    order's version alone: refunds moving money must not turn a customer's or staff's next
    change of the order into a conflict. False if it was not newer (or no such order)."""
    from botocore.exceptions import ClientError

    from aftercare.aws import client

    try:
        client("dynamodb").update_item(
            TableName=OrderModel.Meta.table_name,
            Key={"orderId": {"S": order_id}},
            UpdateExpression="SET reservedAmount = :reserved, refundedAmount = :refunded, "
            "refundsRevision = :revision",
            ConditionExpression="attribute_exists(orderId) AND "
            "(attribute_not_exists(refundsRevision) OR refundsRevision < :revision)",
            ExpressionAttributeValues={
                ":reserved": {"N": str(reserved)},
                ":refunded": {"N": str(refunded)},
                ":revision": {"N": str(revision)},
            },
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True

"""The refund ledger of an order: one balance item in the Refunds table (`balance#<orderId>`),
the only module that reads or writes it.

What was paid, reserved and refunded, per SKU the units reserved or refunded, and each
refund's reservation. `refundable = paid - reserved - refunded` is kept in the item, so
"never more than was paid" is one condition of one conditional UpdateItem: every write here
is exactly one, whatever runs concurrently. The item is opened by refunds' reaction to
`OrderPaid` (everything it needs of the order comes from that event); `revision` grows with
every write, so the order's view of the totals (`RefundBalanceChanged`) is applied in order.

The writes name map keys (skus, refund ids) that pynamodb's typed expressions cannot, so
they are plain UpdateItem calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import ClientError

from aftercare import clock
from aftercare.aws import client
from aftercare.refunds.rules import Line
from aftercare.settings import get_settings

PREFIX = "balance#"
RESERVED, RELEASED, SETTLED = "RESERVED", "RELEASED", "SETTLED"


@dataclass(frozen=True)
class Reservation:
    """What one refund holds (or held) of the order."""

    amount: int
    units: dict[str, int]
    shipping: int
    state: str  # RESERVED, RELEASED or SETTLED


@dataclass(frozen=True)
class Balance:
    order_id: str
    customer_id: str
    currency: str
    paid: int
    refundable: int
    reserved: int
    refunded: int
    lines: tuple[Line, ...]
    shipping_fee: int
    discount: int
    payment_reference: str  # the provider's id of the payment a refund gives back
    units: dict[str, int] = field(default_factory=dict)  # sku -> units reserved or refunded
    shipping_refunded: bool = False
    reservations: dict[str, Reservation] = field(default_factory=dict)
    revision: int = 0

    def quantities(self) -> dict[str, int]:
        return {line.sku: line.quantity for line in self.lines}


def is_balance(image: Mapping[str, Any]) -> bool:
    return str(image.get("refundId") or "").startswith(PREFIX)


def _key(order_id: str) -> dict[str, Any]:
    return {"refundId": {"S": PREFIX + order_id}}


def _table() -> str:
    return get_settings().refunds_table


def _n(value: int) -> dict[str, str]:
    return {"N": str(int(value))}


def from_image(image: Mapping[str, Any]) -> Balance:
    """A balance from its item as plain Python (a stream image, or a deserialised GetItem)."""
    reservations = {
        refund_id: Reservation(
            amount=int(entry.get("amount") or 0),
            units={sku: int(n) for sku, n in (entry.get("units") or {}).items()},
            shipping=int(entry.get("shipping") or 0),
            state=str(entry.get("state") or ""),
        )
        for refund_id, entry in (image.get("refunds") or {}).items()
    }
    return Balance(
        order_id=str(image["balanceOf"]),
        customer_id=str(image.get("customerId") or ""),
        currency=str(image.get("currency") or ""),
        paid=int(image.get("paidAmount") or 0),
        refundable=int(image.get("refundable") or 0),
        reserved=int(image.get("reservedAmount") or 0),
        refunded=int(image.get("refundedAmount") or 0),
        lines=tuple(
            Line(str(line["sku"]), int(line["quantity"]), int(line["unitPrice"]))
            for line in image.get("lines") or []
        ),
        shipping_fee=int(image.get("shippingFee") or 0),
        discount=int(image.get("discount") or 0),
        payment_reference=str(image.get("paymentReference") or ""),
        units={sku: int(n) for sku, n in (image.get("refundedUnits") or {}).items()},
        shipping_refunded=bool(image.get("shippingRefunded")),
        reservations=reservations,
        revision=int(image.get("revision") or 0),
    )


def get(order_id: str) -> Balance | None:
    """The order's balance, None until refunds has recorded its payment."""
    from boto3.dynamodb.types import TypeDeserializer

    item = (
        client("dynamodb").get_item(TableName=_table(), Key=_key(order_id), ConsistentRead=True).get("Item")
    )
    if not item:
        return None
    plain = {name: TypeDeserializer().deserialize(value) for name, value in item.items()}
    return from_image(plain)


def _update(**request: Any) -> bool:
    """Run one UpdateItem on the balance; False if its condition did not hold."""
    try:
        client("dynamodb").update_item(TableName=_table(), **request)
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True


def open_balance(
    *,
    order_id: str,
    customer_id: str,
    currency: str,
    paid: int,
    lines: Sequence[Line],
    shipping_fee: int,
    discount: int,
    payment_reference: str,
    at: str,
) -> bool:
    """Record a paid order's balance: nothing reserved or refunded yet. Idempotent: False if
    it was recorded already (a redelivered event), which leaves it as it is."""
    item = {
        **_key(order_id),
        "balanceOf": {"S": order_id},
        "customerId": {"S": customer_id},
        "currency": {"S": currency},
        "paidAmount": _n(paid),
        "refundable": _n(paid),
        "reservedAmount": _n(0),
        "refundedAmount": _n(0),
        "refundedUnits": {"M": {}},
        "shippingRefunded": {"BOOL": False},
        "refunds": {"M": {}},
        "lines": {"L": [
            {"M": {"sku": {"S": line.sku}, "quantity": _n(line.quantity), "unitPrice": _n(line.unit_price)}}
            for line in lines
        ]},
        "shippingFee": _n(shipping_fee),
        "discount": _n(discount),
        "paymentReference": {"S": payment_reference},
        "revision": _n(1),
        "createdAt": {"S": at},
        "updatedAt": {"S": at},
    }  # fmt: skip
    try:
        client("dynamodb").put_item(
            TableName=_table(), Item=item, ConditionExpression="attribute_not_exists(refundId)"
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True


def _one_more(sets: list[str], values: dict[str, Any]) -> None:
    sets += ["revision = revision + :one", "updatedAt = :at"]
    values[":one"], values[":at"] = _n(1), {"S": clock.now_iso()}


def reserve(
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
        ":amount": _n(amount),
        ":entry": {"M": {
            "amount": _n(amount),
            "units": {"M": {sku: _n(n) for sku, n in units.items()}},
            "shipping": _n(shipping),
            "state": {"S": RESERVED},
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
        values[f":n{index}"] = _n(already.get(sku, 0) + count)
        sets.append(f"#units.#s{index} = :n{index}")
        if already.get(sku, 0):
            values[f":was{index}"] = _n(already[sku])
            conditions.append(f"#units.#s{index} = :was{index}")
        else:  # never reserved, or reserved and released again (the count is back at 0)
            values[":zero"] = _n(0)
            conditions.append(f"(attribute_not_exists(#units.#s{index}) OR #units.#s{index} = :zero)")
    if shipping:
        sets.append("shippingRefunded = :true")
        values[":true"] = {"BOOL": True}
        values[":false"] = {"BOOL": False}
        conditions.append("(attribute_not_exists(shippingRefunded) OR shippingRefunded = :false)")
    _one_more(sets, values)
    return _update(
        Key=_key(order_id),
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression=" AND ".join(conditions),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def release(balance: Balance, refund_id: str) -> bool:
    """Give a reservation back (compensation). Idempotent: False if nothing was reserved."""
    held = balance.reservations.get(refund_id)
    if held is None or held.state != RESERVED:
        return False
    names = {"#refunds": "refunds", "#rid": refund_id, "#state": "state"}
    if held.units:  # as in reserve: no unused names
        names["#units"] = "refundedUnits"
    values: dict[str, Any] = {":amount": _n(held.amount), ":reserved": {"S": RESERVED},
                              ":released": {"S": RELEASED}}  # fmt: skip
    sets = ["refundable = refundable + :amount", "reservedAmount = reservedAmount - :amount",
            "#refunds.#rid.#state = :released"]  # fmt: skip
    for index, (sku, count) in enumerate(sorted(held.units.items())):
        names[f"#s{index}"] = sku
        values[f":n{index}"] = _n(count)
        sets.append(f"#units.#s{index} = #units.#s{index} - :n{index}")
    if held.shipping:
        sets.append("shippingRefunded = :false")
        values[":false"] = {"BOOL": False}
    _one_more(sets, values)
    return _update(
        Key=_key(balance.order_id),
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression="#refunds.#rid.#state = :reserved",
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def reserve_again(balance: Balance, refund_id: str) -> bool:
    """Hold a released reservation again (a refund in manual review paid after all, or
    retried): the same amount and units, if the order still has them to give. Idempotent:
    True if the reservation is held (now or already), False if the order cannot give it."""
    held = balance.reservations.get(refund_id)
    if held is not None and held.state == RESERVED:
        return True
    if held is None or held.state != RELEASED:
        return False
    quantities, already = balance.quantities(), balance.units
    names = {"#refunds": "refunds", "#rid": refund_id, "#state": "state"}
    values: dict[str, Any] = {":amount": _n(held.amount), ":reserved": {"S": RESERVED},
                              ":released": {"S": RELEASED}}  # fmt: skip
    sets = ["refundable = refundable - :amount", "reservedAmount = reservedAmount + :amount",
            "#refunds.#rid.#state = :reserved"]  # fmt: skip
    conditions = ["#refunds.#rid.#state = :released", "refundable >= :amount"]
    units = {sku: count for sku, count in held.units.items() if count}
    if units:
        names["#units"] = "refundedUnits"
    for index, (sku, count) in enumerate(sorted(units.items())):
        if already.get(sku, 0) + count > quantities.get(sku, 0):
            return False
        names[f"#s{index}"] = sku
        values[f":n{index}"] = _n(count)
        values[f":was{index}"] = _n(already.get(sku, 0))
        sets.append(f"#units.#s{index} = #units.#s{index} + :n{index}")
        conditions.append(f"#units.#s{index} = :was{index}")
    if held.shipping:
        sets.append("shippingRefunded = :true")
        values[":true"] = {"BOOL": True}
        values[":false"] = {"BOOL": False}
        conditions.append("(attribute_not_exists(shippingRefunded) OR shippingRefunded = :false)")
    _one_more(sets, values)
    return _update(
        Key=_key(balance.order_id),
        UpdateExpression="SET " + ", ".join(sets),
        ConditionExpression=" AND ".join(conditions),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


def settle(order_id: str, refund_id: str, amount: int) -> bool:
    """The money went back: reserved becomes refunded. Idempotent."""
    return _update(
        Key=_key(order_id),
        UpdateExpression="SET reservedAmount = reservedAmount - :amount, "
        "refundedAmount = refundedAmount + :amount, #refunds.#rid.#state = :settled, "
        "revision = revision + :one, updatedAt = :at",
        ConditionExpression="#refunds.#rid.#state = :reserved",
        ExpressionAttributeNames={"#refunds": "refunds", "#rid": refund_id, "#state": "state"},
        ExpressionAttributeValues={
            ":amount": _n(amount),
            ":reserved": {"S": RESERVED},
            ":settled": {"S": SETTLED},
            ":one": _n(1),
            ":at": {"S": clock.now_iso()},
        },
    )

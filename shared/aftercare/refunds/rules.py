"""Refund amounts and states: pure, no I/O.

Amounts: each order line's net value (its price less its share of the order discount) is
refunded pro rata per unit, telescoping over the units already refunded, so however a
line is split across refunds the parts add up to exactly its net value. Shipping goes back
on a merchant fault, or with the refund that completes the return of the whole order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from aftercare.errors import BusinessRuleViolation, Conflict


class RefundStatus(StrEnum):
    REQUESTED = "REQUESTED"  # recorded, workflow starting; reserved next
    RESERVED = "RESERVED"
    AWAITING_APPROVAL = "AWAITING_APPROVAL"
    PROCESSING = "PROCESSING"
    SUCCEEDED = "SUCCEEDED"
    REJECTED = "REJECTED"
    MANUAL_REVIEW = "MANUAL_REVIEW"


R = RefundStatus
TRANSITIONS: dict[RefundStatus, frozenset[RefundStatus]] = {
    R.REQUESTED: frozenset({R.RESERVED, R.REJECTED, R.MANUAL_REVIEW}),
    R.RESERVED: frozenset({R.AWAITING_APPROVAL, R.PROCESSING, R.MANUAL_REVIEW}),
    R.AWAITING_APPROVAL: frozenset({R.PROCESSING, R.REJECTED, R.MANUAL_REVIEW}),
    R.PROCESSING: frozenset({R.SUCCEEDED, R.MANUAL_REVIEW}),
    # Staff settle a manual review: paid (here or outside), rejected, or retried.
    R.MANUAL_REVIEW: frozenset({R.SUCCEEDED, R.REJECTED, R.PROCESSING}),
    R.SUCCEEDED: frozenset(),
    R.REJECTED: frozenset(),
}
FINAL = frozenset({R.SUCCEEDED, R.REJECTED})


def check_transition(current: RefundStatus, target: RefundStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise Conflict(f"a refund in {current} cannot become {target}")


@dataclass(frozen=True)
class Line:
    sku: str
    quantity: int
    unit_price: int


@dataclass(frozen=True)
class RefundQuote:
    amount: int
    units: dict[str, int]  # sku -> units this refund covers
    shipping: int


def line_discounts(lines: Sequence[Line], discount: int) -> dict[str, int]:
    """The order discount split over its lines by value (largest remainder, ties by
    position), so the shares add up to exactly the discount."""
    subtotal = sum(line.quantity * line.unit_price for line in lines)
    if subtotal == 0 or discount == 0:
        return {line.sku: 0 for line in lines}
    exact = [(discount * line.quantity * line.unit_price, index) for index, line in enumerate(lines)]
    shares = [value // subtotal for value, _ in exact]
    leftover = discount - sum(shares)
    by_remainder = sorted(range(len(lines)), key=lambda i: (-(exact[i][0] % subtotal), i))
    for index in by_remainder[:leftover]:
        shares[index] += 1
    return {line.sku: share for line, share in zip(lines, shares, strict=True)}


def quote(
    lines: Sequence[Line],
    *,
    discount: int,
    shipping_fee: int,
    already: Mapping[str, int],
    wanted: Mapping[str, int] | None,
    shipping_refunded: bool,
    merchant_fault: bool,
) -> RefundQuote:
    """What refunding `wanted` units (sku -> count; None = everything not yet refunded)
    is worth, given the units `already` refunded or reserved by earlier refunds."""
    by_sku = {line.sku: line for line in lines}
    wanted = dict(wanted) if wanted is not None else {
        line.sku: line.quantity - already.get(line.sku, 0) for line in lines
    }  # fmt: skip
    wanted = {sku: count for sku, count in wanted.items() if count}
    shares = line_discounts(lines, discount)
    amount = 0
    for sku, count in wanted.items():
        line = by_sku.get(sku)
        if line is None:
            raise BusinessRuleViolation(
                f"{sku} is not on the order", errors=[{"field": "items", "message": sku}]
            )
        done = already.get(sku, 0)
        if count < 0 or done + count > line.quantity:
            raise BusinessRuleViolation(
                f"only {line.quantity - done} of {sku} remain to refund",
                errors=[{"field": "items", "message": f"{sku}: at most {line.quantity - done}"}],
            )
        net = line.quantity * line.unit_price - shares[sku]
        amount += net * (done + count) // line.quantity - net * done // line.quantity
    everything_back = all(
        already.get(line.sku, 0) + wanted.get(line.sku, 0) == line.quantity for line in lines
    )
    shipping = shipping_fee if not shipping_refunded and (merchant_fault or everything_back) else 0
    return RefundQuote(amount=amount + shipping, units=wanted, shipping=shipping)


def needs_approval(amount: int, *, threshold: int, flagged: bool) -> bool:
    return flagged or amount > threshold

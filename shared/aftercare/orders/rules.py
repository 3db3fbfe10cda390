"""The order state machine and the order's arithmetic: pure, no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from aftercare.errors import BusinessRuleViolation, Conflict


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "PENDING_PAYMENT"
    PAID = "PAID"
    CONFIRMED = "CONFIRMED"
    PACKED = "PACKED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


class OrderAction(StrEnum):
    PAY = "PAY"
    CONFIRM = "CONFIRM"
    PACK = "PACK"
    SHIP = "SHIP"
    DELIVER = "DELIVER"
    COMPLETE = "COMPLETE"
    CANCEL = "CANCEL"


class ExceptionKind(StrEnum):
    OUT_OF_STOCK = "OUT_OF_STOCK"
    PRICE_ERROR = "PRICE_ERROR"
    ADDRESS_PROBLEM = "ADDRESS_PROBLEM"
    PAYMENT_PROBLEM = "PAYMENT_PROBLEM"


S, A = OrderStatus, OrderAction
_BEFORE_SHIPMENT = (S.PENDING_PAYMENT, S.PAID, S.CONFIRMED, S.PACKED)

TRANSITIONS: dict[tuple[OrderStatus, OrderAction], OrderStatus] = {
    (S.PENDING_PAYMENT, A.PAY): S.PAID,
    (S.PAID, A.CONFIRM): S.CONFIRMED,
    (S.CONFIRMED, A.PACK): S.PACKED,
    (S.PACKED, A.SHIP): S.SHIPPED,
    (S.SHIPPED, A.DELIVER): S.DELIVERED,
    (S.DELIVERED, A.COMPLETE): S.COMPLETED,
    **{(status, A.CANCEL): S.CANCELLED for status in _BEFORE_SHIPMENT},
}

# An open exception holds the order where it is: fulfilment waits, payment and
# cancellation do not (money that arrives is recorded; a customer may always walk away).
HELD_ACTIONS = frozenset({A.CONFIRM, A.PACK, A.SHIP})
ADDRESS_CHANGEABLE = frozenset(_BEFORE_SHIPMENT)
PAID_STATUSES = frozenset({S.PAID, S.CONFIRMED, S.PACKED, S.SHIPPED, S.DELIVERED, S.COMPLETED})


def next_status(current: OrderStatus, action: OrderAction, *, on_hold: bool = False) -> OrderStatus:
    target = TRANSITIONS.get((current, action))
    if target is None:
        raise Conflict(f"an order in {current} cannot {action.lower()}")
    if on_hold and action in HELD_ACTIONS:
        raise Conflict(f"the order is on hold by an open exception; resolve it before {action.lower()}")
    return target


def can_change_address(current: OrderStatus) -> bool:
    return current in ADDRESS_CHANGEABLE


@dataclass(frozen=True)
class Totals:
    subtotal: int
    shipping_fee: int
    discount: int
    total: int


def compute_totals(lines: Iterable[tuple[int, int]], shipping_fee: int, discount: int) -> Totals:
    """`lines` are (quantity, unit price) pairs in minor units."""
    subtotal = sum(quantity * unit_price for quantity, unit_price in lines)
    if discount > subtotal + shipping_fee:
        raise BusinessRuleViolation(
            "the discount exceeds the order's value",
            errors=[{"field": "discount", "message": "exceeds subtotal plus shipping"}],
        )
    return Totals(subtotal, shipping_fee, discount, subtotal + shipping_fee - discount)


# ---------------------------------------------------------------- coupons
@dataclass(frozen=True)
class Coupon:
    """Orders' copy of a coupon customers issued (CouponIssued), and the order holding it."""

    code: str
    owner: str
    discount: int  # minor units of `currency`
    min_spend: int  # the order total (before the coupon) it needs
    currency: str
    expires_at: datetime
    claimed_by: str | None


def coupon_refusal(
    coupon: Coupon | None, *, customer_id: str, currency: str, total: int, now: datetime
) -> str | None:
    """Why `coupon` cannot go on this customer's order of `total` (before the coupon), or None.
    Another customer's coupon reads as no coupon at all."""
    if coupon is None or coupon.owner != customer_id:
        return "no such coupon of yours (a coupon just issued takes a few seconds to be usable)"
    if coupon.claimed_by is not None:
        return "the coupon was used already"
    if now >= coupon.expires_at:
        return "the coupon has expired"
    if currency != coupon.currency:
        return f"the coupon is for orders in {coupon.currency}"
    if total < coupon.min_spend:
        return f"the order total {total} is below the coupon's minimum spend of {coupon.min_spend}"
    return None


def coupon_discount(coupon: int, *, subtotal: int, discount: int) -> int:
    """What the coupon takes off: its discount, but never more than the goods left after the
    order's other discount, so every line keeps a net value >= 0 and refunds of a line stay
    pro rata to what was paid for it (refunds split the order's whole discount by line)."""
    return max(0, min(coupon, subtotal - discount))

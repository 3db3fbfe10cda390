"""The order state machine: every (status, action) pair, allowed or refused."""

from __future__ import annotations

import itertools

import pytest

from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.orders.rules import (
    OrderAction,
    OrderStatus,
    can_change_address,
    compute_totals,
    next_status,
)

S, A = OrderStatus, OrderAction

ALLOWED = {
    (S.PENDING_PAYMENT, A.PAY): S.PAID,
    (S.PAID, A.CONFIRM): S.CONFIRMED,
    (S.CONFIRMED, A.PACK): S.PACKED,
    (S.PACKED, A.SHIP): S.SHIPPED,
    (S.SHIPPED, A.DELIVER): S.DELIVERED,
    (S.DELIVERED, A.COMPLETE): S.COMPLETED,
    (S.PENDING_PAYMENT, A.CANCEL): S.CANCELLED,
    (S.PAID, A.CANCEL): S.CANCELLED,
    (S.CONFIRMED, A.CANCEL): S.CANCELLED,
    (S.PACKED, A.CANCEL): S.CANCELLED,
}
REFUSED = [pair for pair in itertools.product(S, A) if pair not in ALLOWED]


@pytest.mark.parametrize(("current", "action"), list(ALLOWED), ids=lambda v: str(v))
def test_allowed_transition_reaches_its_target(current: OrderStatus, action: OrderAction) -> None:
    assert next_status(current, action) is ALLOWED[(current, action)]


@pytest.mark.parametrize(("current", "action"), REFUSED, ids=lambda v: str(v))
def test_every_other_transition_is_a_conflict(current: OrderStatus, action: OrderAction) -> None:
    with pytest.raises(Conflict):
        next_status(current, action)


def test_the_table_covers_every_pair_exactly_once() -> None:
    assert len(ALLOWED) + len(REFUSED) == len(S) * len(A)


@pytest.mark.parametrize(
    ("current", "action", "held_refuses"),
    [
        (S.PAID, A.CONFIRM, True),
        (S.CONFIRMED, A.PACK, True),
        (S.PACKED, A.SHIP, True),
        (S.PENDING_PAYMENT, A.PAY, False),
        (S.PAID, A.CANCEL, False),
        (S.SHIPPED, A.DELIVER, False),
    ],
)
def test_an_open_exception_holds_fulfilment_but_not_payment_or_cancellation(
    current: OrderStatus, action: OrderAction, held_refuses: bool
) -> None:
    if held_refuses:
        with pytest.raises(Conflict, match="on hold"):
            next_status(current, action, on_hold=True)
    else:
        assert next_status(current, action, on_hold=True) is ALLOWED[(current, action)]


@pytest.mark.parametrize(
    ("status", "changeable"),
    [
        (S.PENDING_PAYMENT, True),
        (S.PAID, True),
        (S.CONFIRMED, True),
        (S.PACKED, True),
        (S.SHIPPED, False),
        (S.DELIVERED, False),
        (S.COMPLETED, False),
        (S.CANCELLED, False),
    ],
)
def test_address_changes_only_before_shipment(status: OrderStatus, changeable: bool) -> None:
    assert can_change_address(status) is changeable


@pytest.mark.parametrize(
    ("lines", "shipping", "discount", "subtotal", "total"),
    [
        ([(1, 1000)], 0, 0, 1000, 1000),
        ([(2, 12900), (1, 500)], 1000, 500, 26300, 26800),
        ([(3, 333)], 0, 999, 999, 0),
        ([(1, 0)], 800, 0, 0, 800),
    ],
)
def test_totals_are_subtotal_plus_shipping_minus_discount(
    lines: list[tuple[int, int]], shipping: int, discount: int, subtotal: int, total: int
) -> None:
    totals = compute_totals(lines, shipping, discount)
    assert (totals.subtotal, totals.total) == (subtotal, total)


def test_a_discount_larger_than_the_order_is_refused() -> None:
    with pytest.raises(BusinessRuleViolation):
        compute_totals([(1, 1000)], 100, 1101)

"""Refund amounts: pro rata of discounts, shipping once, parts adding up exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aftercare.errors import BusinessRuleViolation
from aftercare.refunds.rules import Line, line_discounts, needs_approval, quote

KETTLE, MUG = Line("KTL", 2, 12900), Line("MUG", 1, 3500)
ORDER = [KETTLE, MUG]  # subtotal 29300


def q(wanted: dict[str, int] | None, *, already: dict[str, int] | None = None, fault: bool = False,
      shipped_back: bool = False, discount: int = 500, shipping: int = 1000) -> tuple[int, int]:  # fmt: skip
    result = quote(
        ORDER,
        discount=discount,
        shipping_fee=shipping,
        already=already or {},
        wanted=wanted,
        shipping_refunded=shipped_back,
        merchant_fault=fault,
    )
    return result.amount, result.shipping


@pytest.mark.parametrize(
    ("case", "wanted", "already", "fault", "expected"),
    [
        ("one kettle of two, no fault", {"KTL": 1}, {}, False, (12680, 0)),
        ("the second kettle completes the line", {"KTL": 1}, {"KTL": 1}, False, (12680, 0)),
        ("the mug alone", {"MUG": 1}, {}, False, (3440, 0)),
        ("a merchant fault returns shipping", {"MUG": 1}, {}, True, (3440 + 1000, 1000)),
        ("everything at once returns shipping", {"KTL": 2, "MUG": 1}, {}, False, (28800 + 1000, 1000)),
        ("the last item back returns shipping", {"MUG": 1}, {"KTL": 2}, False, (3440 + 1000, 1000)),
        ("None means all that remains", None, {"KTL": 1}, False, (12680 + 3440 + 1000, 1000)),
    ],
)
def test_amounts(case: str, wanted: dict[str, int] | None, already: dict[str, int], fault: bool,
                 expected: tuple[int, int]) -> None:  # fmt: skip
    assert q(wanted, already=already, fault=fault) == expected


def test_shipping_is_never_returned_twice() -> None:
    assert q({"MUG": 1}, already={"KTL": 2}, shipped_back=True) == (3440, 0)


@pytest.mark.parametrize(
    ("wanted", "already"), [({"KTL": 3}, {}), ({"KTL": 1}, {"KTL": 2}), ({"HAT": 1}, {}), ({"KTL": -1}, {})]
)
def test_more_than_remains_or_unknown_skus_are_refused(
    wanted: dict[str, int], already: dict[str, int]
) -> None:
    with pytest.raises(BusinessRuleViolation):
        q(wanted, already=already)


def test_discount_shares_add_up_to_the_discount_and_follow_value() -> None:
    shares = line_discounts([Line("A", 1, 1), Line("B", 1, 1), Line("C", 1, 1)], 2)
    assert sum(shares.values()) == 2
    assert shares == {"A": 1, "B": 1, "C": 0}
    assert line_discounts(ORDER, 500) == {"KTL": 440, "MUG": 60}


@pytest.mark.parametrize(
    ("amount", "threshold", "flagged", "needed"),
    [(100000, 100000, False, False), (100001, 100000, False, True), (1, 100000, True, True)],
)
def test_approval_is_needed_above_the_threshold_or_when_flagged(
    amount: int, threshold: int, flagged: bool, needed: bool
) -> None:
    assert needs_approval(amount, threshold=threshold, flagged=flagged) is needed


lines_strategy = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 50_000)), min_size=1, max_size=5).map(
    lambda rows: [Line(f"SKU{i}", qty, price) for i, (qty, price) in enumerate(rows)]
)


@settings(max_examples=300, deadline=None)
@given(lines=lines_strategy, data=st.data())
def test_any_split_of_the_order_into_refunds_adds_up_to_what_was_paid(
    lines: list[Line], data: st.DataObject
) -> None:
    subtotal = sum(line.quantity * line.unit_price for line in lines)
    shipping = data.draw(st.integers(0, 2000))
    discount = data.draw(st.integers(0, subtotal + shipping))
    if discount > subtotal:  # keep the discount on the goods, as the checkout does
        discount = subtotal
    units = [line.sku for line in lines for _ in range(line.quantity)]
    order = data.draw(st.permutations(units))
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(order) - 1)), max_size=len(order))))
    batches = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True) if order[a:b]]
    already: dict[str, int] = {}
    shipped_back = False
    total = 0
    for batch in batches:
        wanted: dict[str, int] = {}
        for sku in batch:
            wanted[sku] = wanted.get(sku, 0) + 1
        result = quote(lines, discount=discount, shipping_fee=shipping, already=already, wanted=wanted,
                       shipping_refunded=shipped_back, merchant_fault=False)  # fmt: skip
        assert result.amount >= 0
        total += result.amount
        shipped_back = shipped_back or result.shipping > 0
        for sku, count in wanted.items():
            already[sku] = already.get(sku, 0) + count
    assert total == subtotal - discount + shipping

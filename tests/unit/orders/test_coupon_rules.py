"""Orders' coupon rules: may this coupon go on this order, and what it takes off; and the
events of orders' copy of a coupon (claimed, given back) from its table's stream."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from aftercare.orders.events import CouponReleased, CouponUsed
from aftercare.orders.publisher import events_of
from aftercare.orders.rules import Coupon, coupon_discount, coupon_refusal

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
COUPON = Coupon(
    code="cpn_1", owner="cus_alice", discount=1000, min_spend=10000, currency="CNY",
    expires_at=NOW + timedelta(days=1), claimed_by=None,
)  # fmt: skip


def refusal(coupon: Coupon | None = COUPON, **order: Any) -> str | None:
    asked = {"customer_id": "cus_alice", "currency": "CNY", "total": 10000, "now": NOW, **order}
    return coupon_refusal(coupon, **asked)


@pytest.mark.parametrize(
    ("coupon", "order", "refused"),
    [
        (COUPON, {}, None),
        (COUPON, {"total": 25000}, None),
        (None, {}, "no such coupon"),
        (COUPON, {"customer_id": "cus_bob"}, "no such coupon"),  # another's reads as none
        (Coupon(**{**COUPON.__dict__, "claimed_by": "ord_1"}), {}, "used already"),
        (COUPON, {"now": NOW + timedelta(days=1)}, "expired"),
        (COUPON, {"now": NOW + timedelta(days=1) - timedelta(microseconds=1)}, None),
        (COUPON, {"currency": "USD"}, "for orders in CNY"),
        (COUPON, {"total": 9999}, "minimum spend of 10000"),
        (Coupon(**{**COUPON.__dict__, "min_spend": 0}), {"total": 0}, None),
    ],
)
def test_a_coupon_goes_on_an_order_of_its_owner_unused_unexpired_in_its_currency_over_its_min_spend(
    coupon: Coupon | None, order: dict[str, Any], refused: str | None
) -> None:
    found = refusal(coupon, **order)
    assert (found is None) if refused is None else (found is not None and refused in found)


@pytest.mark.parametrize(
    ("coupon", "subtotal", "discount", "taken"),
    [
        (1000, 29300, 500, 1000),
        (1000, 1000, 0, 1000),
        (1000, 800, 0, 800),  # never more than the goods (shipping is not discounted by it)
        (1000, 800, 300, 500),  # nor than what the order's own discount leaves
        (1000, 800, 900, 0),  # the order's own discount already covers the goods
    ],
)
def test_a_coupon_takes_its_discount_off_the_goods_never_more(
    coupon: int, subtotal: int, discount: int, taken: int
) -> None:
    assert coupon_discount(coupon, subtotal=subtotal, discount=discount) == taken


def copy(**changes: Any) -> dict[str, Any]:
    item = {
        "orderId": "coupon#cpn_1", "couponCode": "cpn_1", "couponOwner": "cus_alice", "discount": 1000,
        "minSpend": 10000, "currency": "CNY", "expiresAt": "2026-12-23T08:00:00.000Z", "revision": 0,
        "updatedAt": "2026-11-23T08:00:00.000Z",
    }  # fmt: skip
    item.update(changes)
    return item


def test_orders_copy_of_a_coupon_kept_is_no_event() -> None:
    assert events_of(None, copy()) == []


def test_a_claim_is_coupon_used_and_a_release_coupon_released_with_the_revision() -> None:
    claimed = copy(claimedBy="ord_1", revision=1, updatedAt="2026-11-23T09:00:00.000Z")
    [used] = events_of(copy(), claimed)
    assert used.payload == CouponUsed(
        coupon_code="cpn_1", customer_id="cus_alice", order_id="ord_1", revision=1,
        used_at="2026-11-23T09:00:00.000Z",
    )  # fmt: skip
    released = copy(revision=2, updatedAt="2026-11-23T10:00:00.000Z")
    [back] = events_of(claimed, released)
    assert back.payload == CouponReleased(
        coupon_code="cpn_1", customer_id="cus_alice", order_id="ord_1", revision=2,
        released_at="2026-11-23T10:00:00.000Z",
    )  # fmt: skip
    assert back.subject == "cpn_1"
    assert events_of(claimed, claimed) == []  # the same claim again (a republished record)

"""Coupon rules of customers: what a coupon shows (EXPIRED derived from the clock), when it
expires, whether the points cover it, how large a goodwill coupon a staff member may give;
and which Customers-table changes are events (customers/publisher.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from aftercare.customers.events import CouponIssued
from aftercare.customers.publisher import events_of
from aftercare.customers.rules import (
    CouponStatus,
    can_afford,
    coupon_expires_at,
    coupon_status,
    goodwill_limit,
)

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
LIMITS = {"agent": 2000, "supervisor": 20000}


@pytest.mark.parametrize(
    ("stored", "expires_in", "shown"),
    [
        ("ACTIVE", timedelta(days=1), CouponStatus.ACTIVE),
        ("ACTIVE", timedelta(seconds=1), CouponStatus.ACTIVE),
        ("ACTIVE", timedelta(0), CouponStatus.EXPIRED),  # at its expiry it is gone
        ("ACTIVE", -timedelta(days=3), CouponStatus.EXPIRED),
        ("USED", timedelta(days=1), CouponStatus.USED),
        ("USED", -timedelta(days=3), CouponStatus.USED),  # used stays used after its expiry
    ],
)
def test_a_coupon_shows_used_active_or_expired_by_the_clock(
    stored: str, expires_in: timedelta, shown: CouponStatus
) -> None:
    assert coupon_status(stored, NOW + expires_in, NOW) is shown


def test_a_coupon_expires_its_valid_days_after_it_was_issued() -> None:
    assert coupon_expires_at(NOW, 30) == datetime(2026, 12, 23, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("points", "cost", "affordable"),
    [(50, 50, True), (51, 50, True), (49, 50, False), (0, 0, True), (0, 1, False), (10, -1, False)],
)
def test_points_afford_a_coupon_when_the_balance_covers_its_cost(
    points: int, cost: int, affordable: bool
) -> None:
    assert can_afford(points, cost) is affordable


@pytest.mark.parametrize(
    ("roles", "limit"),
    [
        ({"agent"}, 2000),
        ({"supervisor"}, 20000),
        ({"supervisor", "agent"}, 20000),  # the highest of one's roles
        ({"warehouse"}, 0),  # a role with no limit gives nothing
        ({"customer"}, 0),
        (set(), 0),
    ],
)
def test_a_staff_member_may_give_up_to_their_highest_roles_goodwill_limit(
    roles: set[str], limit: int
) -> None:
    assert goodwill_limit(roles, LIMITS) == limit


def coupon_item(**changes: Any) -> dict[str, Any]:
    item = {
        "customerId": "cus_alice", "sk": "COUPON#cpn_1", "couponCode": "cpn_1", "source": "points",
        "discount": 1000, "minSpend": 10000, "currency": "CNY", "issuedAt": "2026-11-23T08:00:00.000Z",
        "expiresAt": "2026-12-23T08:00:00.000Z", "status": "ACTIVE", "useRevision": 0,
    }  # fmt: skip
    item.update(changes)
    return item


def test_a_new_coupon_is_coupon_issued_with_what_orders_need_to_check_it() -> None:
    [happened] = events_of(None, coupon_item())
    assert happened.payload == CouponIssued(
        coupon_code="cpn_1", customer_id="cus_alice", discount=1000, min_spend=10000, currency="CNY",
        expires_at="2026-12-23T08:00:00.000Z", source="points", issued_at="2026-11-23T08:00:00.000Z",
    )  # fmt: skip
    assert (happened.subject, happened.time) == ("cpn_1", "2026-11-23T08:00:00.000Z")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (coupon_item(), coupon_item(status="USED", orderId="ord_1", useRevision=1)),  # orders' report
        (coupon_item(), None),
        (None, {"customerId": "cus_alice", "sk": "PROFILE", "points": 50}),
        (None, {"customerId": "cus_alice", "sk": "LEDGER#coupon#cpn_1", "points": -50}),
        (None, {"customerId": "cus_alice", "sk": "DELIVERY#ord_1", "orderId": "ord_1"}),
    ],
)
def test_nothing_else_in_the_customers_table_is_an_event(old: Any, new: Any) -> None:
    assert events_of(old, new) == []

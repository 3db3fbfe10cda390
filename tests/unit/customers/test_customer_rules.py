"""Quiet hours in the customer's own time zone (DST included), opt-outs, tiers, the cap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aftercare.customers.rules import (
    Tier,
    cap_allows,
    earliest_send_at,
    is_marketing,
    is_quiet,
    is_valid_time_zone,
    next_morning,
    opted_out,
    tier_for,
)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "zone", "quiet"),
    [
        ("2026-11-23T08:00:00", "Asia/Shanghai", False),  # 16:00 local
        ("2026-11-23T12:59:59", "Asia/Shanghai", False),  # 20:59:59 local
        ("2026-11-23T13:00:00", "Asia/Shanghai", True),  # 21:00 local: quiet starts
        ("2026-11-23T00:59:59", "Asia/Shanghai", True),  # 08:59:59 local
        ("2026-11-23T01:00:00", "Asia/Shanghai", False),  # 09:00 local: quiet ends
        ("2026-11-23T08:00:00", "America/New_York", True),  # 03:00 local
        ("2026-11-23T14:00:00", "America/New_York", False),  # 09:00 EST
        ("2026-07-01T13:00:00", "America/New_York", False),  # 09:00 EDT
        ("2026-07-01T12:59:00", "America/New_York", True),  # 08:59 EDT
        ("2026-11-23T03:30:00", "Asia/Kolkata", False),  # 09:00 IST (+05:30)
        ("2026-11-23T03:29:00", "Asia/Kolkata", True),
        ("2026-06-15T20:00:00", "Europe/London", True),  # 21:00 BST
        ("2026-12-15T20:00:00", "Europe/London", False),  # 20:00 GMT
    ],
)
def test_quiet_hours_are_21_to_9_in_the_customers_own_time_zone(at: str, zone: str, quiet: bool) -> None:
    assert is_quiet(utc(at), zone) is quiet


@pytest.mark.parametrize(
    ("at", "zone", "morning"),
    [
        # Shanghai (no DST): late evening waits for tomorrow 09:00 (01:00 UTC).
        ("2026-11-23T14:00:00", "Asia/Shanghai", "2026-11-24T01:00:00"),
        # After midnight local: the same local day's 09:00.
        ("2026-11-23T18:30:00", "Asia/Shanghai", "2026-11-24T01:00:00"),
        ("2026-11-23T00:30:00", "Asia/Shanghai", "2026-11-23T01:00:00"),
        # New York, the night DST starts (2026-03-08 02:00 EST -> 03:00 EDT): 09:00 EDT is 13:00 UTC.
        ("2026-03-08T03:00:00", "America/New_York", "2026-03-08T13:00:00"),  # 22:00 EST on the 7th
        ("2026-03-08T06:30:00", "America/New_York", "2026-03-08T13:00:00"),  # 01:30 EST
        ("2026-03-08T07:30:00", "America/New_York", "2026-03-08T13:00:00"),  # 03:30 EDT
        # New York, the night DST ends (2026-11-01 02:00 EDT -> 01:00 EST): 09:00 EST is 14:00 UTC.
        ("2026-11-01T02:00:00", "America/New_York", "2026-11-01T14:00:00"),  # 22:00 EDT on Oct 31
        ("2026-11-01T05:30:00", "America/New_York", "2026-11-01T14:00:00"),  # 01:30 EDT (first)
        ("2026-11-01T06:30:00", "America/New_York", "2026-11-01T14:00:00"),  # 01:30 EST (second)
        # Berlin, spring forward (2026-03-29 02:00 CET -> 03:00 CEST).
        ("2026-03-28T21:00:00", "Europe/Berlin", "2026-03-29T07:00:00"),  # 22:00 CET -> 09:00 CEST
        # Sydney, DST starts 2026-10-04 02:00 AEST -> 03:00 AEDT (+11).
        ("2026-10-03T11:00:00", "Australia/Sydney", "2026-10-03T22:00:00"),  # 21:00 AEST -> 09:00 AEDT
        # Half-hour and 45-minute offsets.
        ("2026-11-23T16:00:00", "Asia/Kolkata", "2026-11-24T03:30:00"),
        ("2026-11-23T09:00:00", "Pacific/Chatham", "2026-11-23T19:15:00"),  # 22:45 +13:45
    ],
)
def test_a_quiet_time_waits_for_the_next_9_oclock_local(at: str, zone: str, morning: str) -> None:
    assert next_morning(utc(at), zone) == utc(morning)
    assert earliest_send_at(utc(at), zone) == utc(morning)
    assert not is_quiet(utc(morning), zone)


def test_a_daytime_send_is_not_moved() -> None:
    at = utc("2026-11-23T08:00:00")
    assert earliest_send_at(at, "Asia/Shanghai") == at


@pytest.mark.parametrize(
    ("kind", "opt_outs", "out"),
    [
        ("survey.invitation", set(), False),
        ("survey.invitation", {"surveys"}, True),
        ("survey.invitation", {"care"}, False),
        ("care.revisit", {"care"}, True),
        ("care.revisit", {"care.revisit"}, True),
        ("care.revisit", {"care.member"}, False),
        ("care.member", {"surveys"}, False),
        ("order.exception", {"surveys", "care"}, False),  # transactional: no opting out
        ("refund.succeeded", {"care", "refund.succeeded"}, False),
    ],
)
def test_only_marketing_kinds_can_be_opted_out_of(kind: str, opt_outs: set[str], out: bool) -> None:
    assert opted_out(kind, opt_outs) is out


@pytest.mark.parametrize(
    ("kind", "marketing"),
    [("survey.invitation", True), ("care.revisit", True), ("order.exception", False),
     ("logistics.problem", False), ("refund.approval-needed", False), ("careless.kind", False)],
)  # fmt: skip
def test_surveys_and_care_campaigns_are_marketing(kind: str, marketing: bool) -> None:
    assert is_marketing(kind) is marketing


@pytest.mark.parametrize(
    ("points", "tier"),
    [(0, Tier.MEMBER), (999, Tier.MEMBER), (1000, Tier.SILVER), (4999, Tier.SILVER), (5000, Tier.GOLD),
     (20000, Tier.PLATINUM), (10**9, Tier.PLATINUM)],
)  # fmt: skip
def test_the_tier_follows_lifetime_points(points: int, tier: Tier) -> None:
    assert tier_for(points) is tier


@pytest.mark.parametrize(
    ("zone", "valid"),
    [("Asia/Shanghai", True), ("Europe/Berlin", True), ("UTC", True), ("Mars/Olympus", False),
     ("../etc/passwd", False), ("", False), ("asia/shanghai", False)],
)  # fmt: skip
def test_time_zones_are_checked_against_the_iana_database(zone: str, valid: bool) -> None:
    assert is_valid_time_zone(zone) is valid


@pytest.mark.parametrize(
    ("last", "allowed"),
    [(None, True), (timedelta(days=7), True), (timedelta(days=6, hours=23), False), (timedelta(0), False)],
)
def test_one_care_message_per_customer_in_7_days(last: timedelta | None, allowed: bool) -> None:
    now = utc("2026-11-23T08:00:00")
    assert cap_allows(None if last is None else now - last, now) is allowed

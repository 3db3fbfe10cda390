"""Customer rules: quiet hours in the customer's time zone, marketing opt-outs, tiers.

Pure functions, no I/O. Quiet hours (PRODUCT.md §7): no marketing message between 21:00
and 09:00 local time; a message that falls due then waits for the next 09:00 local.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(9, 0)
CARE_CAP = timedelta(days=7)  # at most one care message per customer in 7 days


class Tier(StrEnum):
    MEMBER = "MEMBER"
    SILVER = "SILVER"
    GOLD = "GOLD"
    PLATINUM = "PLATINUM"


class Channel(StrEnum):
    PUSH = "push"
    EMAIL = "email"
    SMS = "sms"


DEFAULT_CHANNELS = (Channel.PUSH, Channel.EMAIL, Channel.SMS)

# Lifetime points a customer needs for each tier, highest first.
TIER_THRESHOLDS: tuple[tuple[Tier, int], ...] = (
    (Tier.PLATINUM, 20_000),
    (Tier.GOLD, 5_000),
    (Tier.SILVER, 1_000),
    (Tier.MEMBER, 0),
)

SURVEY_KIND = "survey.invitation"
CARE_PREFIX = "care."
# What a customer can opt out of: every survey, every care campaign, or one campaign's kind.
OPT_OUT_SURVEYS = "surveys"
OPT_OUT_CARE = "care"


def tier_for(lifetime_points: int) -> Tier:
    for tier, threshold in TIER_THRESHOLDS:
        if lifetime_points >= threshold:
            return tier
    return Tier.MEMBER


def is_marketing(kind: str) -> bool:
    """Surveys and care campaigns are marketing-type: opt-outs and quiet hours apply.
    Everything else (order exceptions, refunds, logistics problems) is transactional."""
    return kind == SURVEY_KIND or kind.startswith(CARE_PREFIX)


def opted_out(kind: str, opt_outs: frozenset[str] | set[str]) -> bool:
    if not is_marketing(kind):
        return False
    if kind == SURVEY_KIND:
        return OPT_OUT_SURVEYS in opt_outs or kind in opt_outs
    return OPT_OUT_CARE in opt_outs or kind in opt_outs


def is_valid_time_zone(name: str) -> bool:
    if name not in _zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_ZONES: frozenset[str] | None = None


def _zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def is_quiet(at: datetime, zone: str) -> bool:
    local = at.astimezone(ZoneInfo(zone)).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def next_morning(at: datetime, zone: str) -> datetime:
    """The first 09:00 local strictly after the quiet period `at` falls in (UTC)."""
    tz = ZoneInfo(zone)
    local = at.astimezone(tz)
    day = local.date() if local.time() < QUIET_UNTIL else local.date() + timedelta(days=1)
    # Wall-clock construction: 09:00 on that calendar day whatever the offset is that day.
    return datetime.combine(day, QUIET_UNTIL, tzinfo=tz).astimezone(UTC)


def earliest_send_at(at: datetime, zone: str) -> datetime:
    """`at` if it is outside quiet hours in `zone`, else the next 09:00 local (UTC)."""
    return next_morning(at, zone) if is_quiet(at, zone) else at.astimezone(UTC)


def cap_allows(last_care_at: datetime | None, now: datetime) -> bool:
    return last_care_at is None or now - last_care_at >= CARE_CAP


# ---------------------------------------------------------------- coupons (points buy them)
class CouponStatus(StrEnum):
    ACTIVE = "ACTIVE"
    USED = "USED"
    EXPIRED = "EXPIRED"  # never stored: an ACTIVE coupon past its expiresAt


class CouponSource(StrEnum):
    POINTS = "points"  # bought with points (the ledger is debited in the same transaction)
    GOODWILL = "goodwill"  # given by staff as service recovery (no points)


@dataclass(frozen=True)
class CatalogItem:
    catalog_id: str
    title: str
    points_cost: int
    discount: int  # minor units of `currency`
    min_spend: int  # minor units of `currency`: the order total (before the coupon) it needs
    currency: str
    valid_days: int


def coupon_status(stored: str, expires_at: datetime, now: datetime) -> CouponStatus:
    """What a coupon shows: USED once an order took it; an unused one past its expiry is
    EXPIRED (derived, never written: the clock decides)."""
    if stored == CouponStatus.USED:
        return CouponStatus.USED
    return CouponStatus.EXPIRED if now >= expires_at else CouponStatus.ACTIVE


def coupon_expires_at(issued_at: datetime, valid_days: int) -> datetime:
    return issued_at + timedelta(days=valid_days)


def can_afford(points: int, cost: int) -> bool:
    return cost >= 0 and points >= cost


def goodwill_limit(roles: frozenset[str] | set[str], limits: dict[str, int]) -> int:
    """The largest goodwill discount (minor units) a staff member may give: the highest of
    their roles' limits (a role with no limit gives nothing)."""
    return max((limits.get(role, 0) for role in roles), default=0)

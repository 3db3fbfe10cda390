"""What other domains may read of customers: how to reach a customer and what they allow
(channels, contact, time zone, opt-outs, tier, last care message), the campaigns'
audiences, and the contact rules every sender shares. Frozen views; nothing here writes.

The rules are customers' own (customers/rules.py, pure); they are offered here because
the notification sender, surveys and campaigns apply them to what `reach` returns, and a
domain reads another only through its queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftercare import clock
from aftercare.customers import store
from aftercare.customers.rules import (
    CARE_CAP,
    CARE_PREFIX,
    DEFAULT_CHANNELS,
    SURVEY_KIND,
    Channel,
    Tier,
    cap_allows,
    earliest_send_at,
    is_marketing,
    is_quiet,
    next_morning,
    opted_out,
)
from aftercare.settings import get_settings

__all__ = [
    "CARE_CAP",
    "CARE_PREFIX",
    "SURVEY_KIND",
    "Channel",
    "Delivered",
    "Member",
    "Reach",
    "Tier",
    "cap_allows",
    "delivered_on",
    "earliest_send_at",
    "is_marketing",
    "is_quiet",
    "members_of",
    "next_morning",
    "opted_out",
    "reach",
]

# A customer who never opened their profile is reached with these (the profile's defaults).
DEFAULT_LANGUAGE = "zh"
PAGE = 100


@dataclass(frozen=True)
class Reach:
    """How to reach a customer and what they allow: read by the sender and campaigns."""

    customer_id: str
    time_zone: str
    language: str
    channels: tuple[Channel, ...]
    opt_outs: frozenset[str]
    email: str | None
    phone: str | None
    last_care_at: datetime | None
    tier: str
    points: int


@dataclass(frozen=True)
class Delivered:
    customer_id: str
    order_id: str
    delivered_at: str
    delivered_day: str
    total: int
    currency: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    customer_id: str
    tier: str
    points: int


def reach(customer_id: str) -> Reach:
    """The customer's channels and allowances; defaults if they never opened their profile."""
    profile = store.get_profile(customer_id)
    if profile is None:
        return Reach(
            customer_id=customer_id,
            time_zone=get_settings().default_time_zone,
            language=DEFAULT_LANGUAGE,
            channels=DEFAULT_CHANNELS,
            opt_outs=frozenset(),
            email=None,
            phone=None,
            last_care_at=None,
            tier=Tier.MEMBER,
            points=0,
        )
    return Reach(
        customer_id=customer_id,
        time_zone=profile.timeZone,
        language=profile.language,
        channels=tuple(
            Channel(str(value))
            for value in profile.channels or ()
            if str(value) in Channel._value2member_map_
        )
        or DEFAULT_CHANNELS,
        opt_outs=frozenset(str(value) for value in profile.optOuts or ()),
        email=profile.email,
        phone=profile.phone,
        last_care_at=clock.parse_iso(profile.lastCareAt) if profile.lastCareAt else None,
        tier=profile.tier,
        points=int(profile.points or 0),
    )


def delivered_on(day: str) -> Iterator[Delivered]:
    """Orders delivered on `day` (UTC, YYYY-MM-DD), through the byDeliveredDay index."""
    start: Any = None
    while True:
        rows, start = store.deliveries_on(day, limit=PAGE, start_key=start)
        for row in rows:
            yield Delivered(
                customer_id=row.customerId,
                order_id=row.orderId,
                delivered_at=row.deliveredAt,
                delivered_day=row.deliveredDay,
                total=int(row.total),
                currency=row.currency,
                categories=tuple(str(value) for value in row.categories or ()),
            )
        if not start:
            return


def members_of(tier: str) -> Iterator[Member]:
    """Profiles of one tier (campaign audiences), through the byTier index."""
    start: Any = None
    while True:
        rows, start = store.list_by_tier(tier, limit=PAGE, start_key=start)
        for row in rows:
            yield Member(customer_id=row.customerId, tier=row.tier, points=int(row.points or 0))
        if not start:
            return

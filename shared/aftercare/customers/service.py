"""Customer profile use cases: the profile (made on first access), preferences, points,
what the notification sender and campaigns need to know, and the staff history view."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftercare import clock
from aftercare.auth import CUSTOMER, STAFF_ROLES, Principal, require_role
from aftercare.customers import rules, store
from aftercare.customers.models import (
    Contact,
    CustomerHistory,
    HistoryEntry,
    PointsEntry,
    Preferences,
    PreferencesPatch,
    ProfileOut,
)
from aftercare.customers.rules import DEFAULT_CHANNELS, Channel, Tier
from aftercare.customers.store import DeliveryModel, LedgerModel, ProfileModel
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings

RECENT_POINTS = 10
HISTORY_LIMIT = 20


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


def _new_profile(customer_id: str, now: str) -> ProfileModel:
    return ProfileModel(
        customerId=customer_id,
        sk=store.PROFILE,
        tier=Tier.MEMBER,
        points=0,
        lifetimePoints=0,
        timeZone=get_settings().default_time_zone,
        language="zh",
        channels=[channel.value for channel in DEFAULT_CHANNELS],
        optOuts=[],
        createdAt=now,
        updatedAt=now,
    )


def ensure_profile(customer_id: str) -> ProfileModel:
    """The customer's profile, created with defaults on first access."""
    profile = store.get_profile(customer_id, consistent=True)
    if profile is not None:
        return profile
    created = _new_profile(customer_id, clock.now_iso())
    if store.create_profile(created):
        metrics.add_metric(name="ProfilesCreated", unit="Count", value=1)
        return created
    found = store.get_profile(customer_id, consistent=True)
    assert found is not None
    return found


def reach(customer_id: str) -> Reach:
    """The customer's channels and allowances; defaults if they never opened their profile."""
    profile = store.get_profile(customer_id) or _new_profile(customer_id, clock.now_iso())
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


def to_wire(profile: ProfileModel, ledger: list[LedgerModel]) -> ProfileOut:
    return ProfileOut(
        customer_id=profile.customerId,
        tier=Tier(profile.tier),
        points=int(profile.points or 0),
        lifetime_points=int(profile.lifetimePoints or 0),
        preferences=Preferences(
            opt_outs=[str(value) for value in profile.optOuts or []],
            channels=[Channel(str(value)) for value in profile.channels or []],
            time_zone=profile.timeZone,
            language=profile.language,
        ),
        contact=Contact(email=profile.email, phone=profile.phone),
        recent_points=[
            PointsEntry(points=int(e.points), source=e.source, source_id=e.sourceId, reason=e.reason, at=e.at)
            for e in ledger
        ],
        last_care_at=profile.lastCareAt,
        created_at=profile.createdAt,
        updated_at=profile.updatedAt,
    )


def me(principal: Principal) -> ProfileOut:
    require_role(principal, CUSTOMER)
    profile = ensure_profile(principal.sub)
    return to_wire(profile, store.ledger(principal.sub, limit=RECENT_POINTS))


_FIELDS = {
    "opt_outs": "optOuts",
    "channels": "channels",
    "time_zone": "timeZone",
    "language": "language",
    "email": "email",
    "phone": "phone",
}


def update_preferences(principal: Principal, patch: PreferencesPatch) -> ProfileOut:
    require_role(principal, CUSTOMER)
    ensure_profile(principal.sub)
    changes: dict[str, Any] = {}
    for name in patch.model_fields_set:
        value = getattr(patch, name)
        if name == "opt_outs":
            value = sorted(set(value))
        elif name == "channels":
            value = [channel.value for channel in value]
        changes[_FIELDS[name]] = value
    store.update_preferences(principal.sub, changes, clock.now_iso())
    logger.info("preferences changed", extra={"customer_id": principal.sub, "fields": sorted(changes)})
    profile = store.get_profile(principal.sub, consistent=True)
    assert profile is not None
    return to_wire(profile, store.ledger(principal.sub, limit=RECENT_POINTS))


def credit_points(customer_id: str, *, source: str, source_id: str, points: int, reason: str) -> bool:
    """Credit `points` once per source (a second credit for the same source changes
    nothing and returns False); the tier follows the lifetime points."""
    ensure_profile(customer_id)
    now = clock.now_iso()
    entry = LedgerModel(
        customerId=customer_id,
        sk=store.ledger_key(source, source_id),
        points=points,
        source=source,
        sourceId=source_id,
        reason=reason,
        at=now,
    )
    if not store.credit(entry, at=now):
        return False
    metrics.add_metric(name="PointsCredited", unit="Count", value=points)
    profile = store.get_profile(customer_id, consistent=True)
    if profile is not None:
        tier = rules.tier_for(int(profile.lifetimePoints or 0))
        if tier != profile.tier and list(Tier).index(tier) > list(Tier).index(Tier(profile.tier)):
            store.set_tier(customer_id, tier, lifetime_points=int(profile.lifetimePoints), at=now)
    return True


def record_delivery(
    *, customer_id: str, order_id: str, delivered_at: str, total: int, currency: str, categories: list[str]
) -> None:
    store.record_delivery(
        DeliveryModel(
            customerId=customer_id,
            sk=f"{store.DELIVERY}{order_id}",
            orderId=order_id,
            deliveredAt=delivered_at,
            deliveredDay=delivered_at[:10],
            total=total,
            currency=currency,
            categories=sorted(set(categories)),
        )
    )


# ---------------------------------------------------------------- staff: after-sales history
def history(principal: Principal, customer_id: str) -> CustomerHistory:
    """Orders, cases, tickets and surveys of one customer, newest first, each through its
    domain's customer index (the latest HISTORY_LIMIT of each)."""
    require_role(principal, *STAFF_ROLES)
    profile = store.get_profile(customer_id)
    return CustomerHistory(
        customer_id=customer_id,
        profile=to_wire(profile, store.ledger(customer_id, limit=RECENT_POINTS)) if profile else None,
        orders=_orders(customer_id),
        cases=_cases(customer_id),
        tickets=_tickets(customer_id),
        surveys=_surveys(customer_id),
    )


def _orders(customer_id: str) -> list[HistoryEntry]:
    from aftercare.orders import store as orders

    rows, _ = orders.list_for_customer(customer_id, status=None, limit=HISTORY_LIMIT, start_key=None)
    return [
        HistoryEntry(
            kind="order",
            id=o.orderId,
            status=o.status,
            summary=f"{len(o.items)} item(s), {int(o.total)} {o.currency} (minor units)",
            at=o.updatedAt,
        )
        for o in rows
    ]


def _surveys(customer_id: str) -> list[HistoryEntry]:
    from aftercare.surveys import store as surveys

    rows, _ = surveys.list_for_customer(customer_id, status=None, limit=HISTORY_LIMIT, start_key=None)
    return [
        HistoryEntry(
            kind="survey",
            id=s.surveyId,
            status=s.status,
            summary=f"{s.subjectKind} {s.subjectId}"
            + (f", CSAT {int(s.csat)}" if s.csat is not None else ""),
            at=s.updatedAt,
        )
        for s in rows
    ]


def _tickets(customer_id: str) -> list[HistoryEntry]:
    from aftercare.tickets import store as tickets

    rows, _ = tickets.list_for_customer(customer_id, limit=HISTORY_LIMIT, start_key=None)
    return [
        HistoryEntry(
            kind="ticket",
            id=t.ticketId,
            status=t.status,
            summary=f"{t.category}: {t.subject}",
            at=t.updatedAt,
        )
        for t in rows
    ]


def _cases(customer_id: str) -> list[HistoryEntry]:
    from aftercare.aftersales import store as cases

    rows, _ = cases.list_for_customer(customer_id, status=None, limit=HISTORY_LIMIT, start_key=None)
    return [
        HistoryEntry(
            kind="case", id=c.case_id, status=c.status, summary=f"{c.type} ({c.reason})", at=c.updated_at
        )
        for c in rows
    ]


# ---------------------------------------------------------------- campaign audiences
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


PAGE = 100


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
    """Profiles of one tier, through the byTier index."""
    start: Any = None
    while True:
        rows, start = store.list_by_tier(tier, limit=PAGE, start_key=start)
        for row in rows:
            yield Member(customer_id=row.customerId, tier=row.tier, points=int(row.points or 0))
        if not start:
            return

"""Customer profile use cases: the profile (made on first access), preferences, points,
and the staff history view (asked of the other domains' queries). What other domains read
of a customer is customers/queries.py."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.aftersales import queries as cases
from aftercare.auth import CUSTOMER, STAFF_ROLES, Principal, require_role
from aftercare.customers import queries, rules, store
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
from aftercare.orders import queries as orders
from aftercare.settings import get_settings
from aftercare.surveys import queries as surveys
from aftercare.tickets import queries as tickets

RECENT_POINTS = 10
HISTORY_LIMIT = 20


def _new_profile(customer_id: str, now: str) -> ProfileModel:
    return ProfileModel(
        customerId=customer_id,
        sk=store.PROFILE,
        tier=Tier.MEMBER,
        points=0,
        lifetimePoints=0,
        timeZone=get_settings().default_time_zone,
        language=queries.DEFAULT_LANGUAGE,
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


def note_care_message(customer_id: str, *, sent_at: str) -> None:
    """The profile shows when the last care message went out (the customer's profile is
    made if it was never opened, as the message's recipient has one)."""
    ensure_profile(customer_id)
    store.note_care(customer_id, at=sent_at)


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
    """Orders, cases, tickets and surveys of one customer, newest first, each asked of its
    domain's queries (the latest HISTORY_LIMIT of each, through their customer index), and
    the customer's coupons (a goodwill one with who gave it and why)."""
    require_role(principal, *STAFF_ROLES)
    profile = store.get_profile(customer_id)
    return CustomerHistory(
        customer_id=customer_id,
        profile=to_wire(profile, store.ledger(customer_id, limit=RECENT_POINTS)) if profile else None,
        orders=_orders(customer_id),
        cases=_cases(customer_id),
        tickets=_tickets(customer_id),
        surveys=_surveys(customer_id),
        coupons=_coupons(customer_id),
    )


def _coupons(customer_id: str) -> list[HistoryEntry]:
    """The customer's coupons: a goodwill one says who gave it and why."""
    rows, _ = store.coupons(customer_id, condition=None, limit=HISTORY_LIMIT, start_key=None)
    now = clock.now()
    entries = []
    for row in rows:
        if row.source == rules.CouponSource.GOODWILL:
            summary = f"goodwill {int(row.discount)} {row.currency} by {row.issuedBy}: {row.reason}"
        else:
            summary = f"{row.title} for {int(row.pointsCost or 0)} points"
        status = rules.coupon_status(row.status, clock.parse_iso(row.expiresAt), now)
        entries.append(
            HistoryEntry(kind="coupon", id=row.couponCode, status=status, summary=summary, at=row.issuedAt)
        )
    return entries


def _orders(customer_id: str) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            kind="order",
            id=o.order_id,
            status=o.status,
            summary=f"{len(o.items)} item(s), {o.total} {o.currency} (minor units)",
            at=o.updated_at,
        )
        for o in orders.recent_for_customer(customer_id, limit=HISTORY_LIMIT)
    ]


def _surveys(customer_id: str) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            kind="survey",
            id=s.survey_id,
            status=s.status,
            summary=f"{s.subject_kind} {s.subject_id}" + (f", CSAT {s.csat}" if s.csat is not None else ""),
            at=s.updated_at,
        )
        for s in surveys.recent_for_customer(customer_id, limit=HISTORY_LIMIT)
    ]


def _tickets(customer_id: str) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            kind="ticket",
            id=t.ticket_id,
            status=t.status,
            summary=f"{t.category}: {t.subject}",
            at=t.updated_at,
        )
        for t in tickets.recent_for_customer(customer_id, limit=HISTORY_LIMIT)
    ]


def _cases(customer_id: str) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            kind="case", id=c.case_id, status=c.status, summary=f"{c.type} ({c.reason})", at=c.updated_at
        )
        for c in cases.recent_for_customer(customer_id, limit=HISTORY_LIMIT)
    ]

"""Coupons: the catalog points buy (coupons.json beside this module), redeeming points for
one (the ledger's debit and the coupon are one transaction), my coupons, and the goodwill
coupons staff give as service recovery. Orders keeps its own copy of each coupon (from
CouponIssued) to claim it atomically with an order; what it reports back (CouponUsed,
CouponReleased) is shown here."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pynamodb.expressions.condition import Condition

from aftercare import clock, ids
from aftercare.auth import AGENT, CUSTOMER, STAFF_ROLES, SUPERVISOR, Principal, require_role
from aftercare.customers import rules, store
from aftercare.customers.models import (
    CatalogItemOut,
    CouponCatalog,
    CouponOut,
    GoodwillRequest,
)
from aftercare.customers.rules import CatalogItem, CouponSource, CouponStatus
from aftercare.customers.service import ensure_profile
from aftercare.customers.store import CouponModel, LedgerModel
from aftercare.errors import BusinessRuleViolation, Conflict, Forbidden
from aftercare.observability import logger, metrics
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.settings import get_settings
from aftercare.wire import Page

LEDGER_SOURCE = "coupon"


@cache
def catalog() -> dict[str, CatalogItem]:
    data = json.loads(resources.files("aftercare.customers").joinpath("coupons.json").read_text("utf-8"))
    return {
        item["catalogId"]: CatalogItem(
            catalog_id=item["catalogId"],
            title=item["title"],
            points_cost=int(item["pointsCost"]),
            discount=int(item["discount"]),
            min_spend=int(item["minSpend"]),
            currency=item.get("currency", data["currency"]),
            valid_days=int(item["validDays"]),
        )
        for item in data["items"]
    }


def _item(catalog_id: str) -> CatalogItem:
    item = catalog().get(catalog_id)
    if item is None:
        raise BusinessRuleViolation(
            f"no coupon {catalog_id} in the catalog",
            errors=[{"field": "catalogId", "message": "not in GET /v1/coupon-catalog"}],
        )
    return item


def list_catalog(principal: Principal) -> CouponCatalog:
    require_role(principal, CUSTOMER, *STAFF_ROLES)
    return CouponCatalog(
        items=[
            CatalogItemOut(
                catalog_id=i.catalog_id,
                title=i.title,
                points_cost=i.points_cost,
                discount=i.discount,
                min_spend=i.min_spend,
                currency=i.currency,
                valid_days=i.valid_days,
            )
            for i in catalog().values()
        ]
    )


def to_wire(coupon: CouponModel) -> CouponOut:
    return CouponOut(
        coupon_code=coupon.couponCode,
        source=coupon.source,
        catalog_id=coupon.catalogId,
        title=coupon.title,
        discount=int(coupon.discount),
        min_spend=int(coupon.minSpend),
        currency=coupon.currency,
        points_cost=int(coupon.pointsCost or 0),
        issued_at=coupon.issuedAt,
        expires_at=coupon.expiresAt,
        status=rules.coupon_status(coupon.status, clock.parse_iso(coupon.expiresAt), clock.now()),
        order_id=coupon.orderId,
        used_at=coupon.usedAt,
        issued_by=coupon.issuedBy,
        reason=coupon.reason,
    )


def _new_coupon(
    customer_id: str,
    *,
    source: CouponSource,
    title: str,
    discount: int,
    min_spend: int,
    currency: str,
    valid_days: int,
    catalog_id: str | None,
    points_cost: int = 0,
    issued_by: str | None = None,
    reason: str | None = None,
) -> CouponModel:
    code = ids.new_id("cpn")
    now = clock.now()
    return CouponModel(
        customerId=customer_id,
        sk=store.coupon_key(code),
        couponCode=code,
        source=source,
        catalogId=catalog_id,
        title=title,
        discount=discount,
        minSpend=min_spend,
        currency=currency,
        pointsCost=points_cost,
        issuedAt=clock.iso(now),
        expiresAt=clock.iso(rules.coupon_expires_at(now, valid_days)),
        status=CouponStatus.ACTIVE,
        useRevision=0,
        issuedBy=issued_by,
        reason=reason,
    )


def redeem(principal: Principal, catalog_id: str) -> CouponOut:
    """Buy a catalog coupon with points: 422 with too few, and however many redemptions race
    for the same points at most the balance's worth succeed (store.redeem's condition)."""
    require_role(principal, CUSTOMER)
    item = _item(catalog_id)
    profile = ensure_profile(principal.sub)
    if not rules.can_afford(int(profile.points or 0), item.points_cost):
        raise _too_few(int(profile.points or 0), item)
    coupon = _new_coupon(
        principal.sub,
        source=CouponSource.POINTS,
        title=item.title,
        discount=item.discount,
        min_spend=item.min_spend,
        currency=item.currency,
        valid_days=item.valid_days,
        catalog_id=item.catalog_id,
        points_cost=item.points_cost,
    )
    entry = LedgerModel(
        customerId=principal.sub,
        sk=store.ledger_key(LEDGER_SOURCE, coupon.couponCode),
        points=-item.points_cost,
        source=LEDGER_SOURCE,
        sourceId=coupon.couponCode,
        reason=f"redeemed for a coupon: {item.title}",
        at=coupon.issuedAt,
    )
    if not store.redeem(coupon, entry, cost=item.points_cost, at=coupon.issuedAt):
        now = store.get_profile(principal.sub, consistent=True)
        points = int(now.points or 0) if now else 0
        if rules.can_afford(points, item.points_cost):
            raise Conflict("the points changed meanwhile; try again")
        raise _too_few(points, item)
    metrics.add_metric(name="CouponsRedeemed", unit="Count", value=1)
    logger.info("coupon redeemed", extra={"customer_id": principal.sub, "coupon": coupon.couponCode})
    return to_wire(coupon)


def _too_few(points: int, item: CatalogItem) -> BusinessRuleViolation:
    return BusinessRuleViolation(
        f"too few points: {item.catalog_id} costs {item.points_cost}, the balance is {points}",
        errors=[{"field": "catalogId", "message": f"needs {item.points_cost} points, you have {points}"}],
    )


def _filter(status: CouponStatus | None, now: str) -> Condition | None:
    if status is CouponStatus.USED:
        return CouponModel.status == CouponStatus.USED
    if status is CouponStatus.ACTIVE:
        return (CouponModel.status == CouponStatus.ACTIVE) & (CouponModel.expiresAt > now)
    if status is CouponStatus.EXPIRED:
        return (CouponModel.status == CouponStatus.ACTIVE) & (CouponModel.expiresAt <= now)
    return None


def mine(
    principal: Principal, *, status: CouponStatus | None, limit: int | None, cursor: str | None
) -> Page[CouponOut]:
    """My coupons, newest first; EXPIRED is an unused one past its expiry (the clock's now)."""
    require_role(principal, CUSTOMER)
    scope = f"coupons:{status or '*'}"
    rows, last = store.coupons(
        principal.sub,
        condition=_filter(status, clock.now_iso()),
        limit=clamp_limit(limit),
        start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
    )
    return Page[CouponOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def goodwill_limits() -> dict[str, int]:
    settings = get_settings()
    return {AGENT: settings.goodwill_limit_agent, SUPERVISOR: settings.goodwill_limit_supervisor}


def give_goodwill(principal: Principal, customer_id: str, request: GoodwillRequest) -> CouponOut:
    """A coupon staff give as service recovery, no points debited, within their role's limit
    (a larger one is a 403: a supervisor may give it). On the customer's history."""
    require_role(principal, *STAFF_ROLES)
    if request.catalog_id is not None:
        item = _item(request.catalog_id)
        title, discount, min_spend = item.title, item.discount, item.min_spend
        currency, valid_days = item.currency, item.valid_days
    else:
        assert request.discount is not None
        discount, min_spend, currency, valid_days = (
            request.discount, request.min_spend, request.currency, request.valid_days
        )  # fmt: skip
        title = f"goodwill: {discount} {currency} off (minor units)"
    limit = rules.goodwill_limit(principal.roles, goodwill_limits())
    if discount > limit:
        raise Forbidden(
            f"a goodwill coupon of {discount} is over your roles' limit of {limit} (minor units); "
            "ask a supervisor"
        )
    ensure_profile(customer_id)
    coupon = _new_coupon(
        customer_id,
        source=CouponSource.GOODWILL,
        title=title,
        discount=discount,
        min_spend=min_spend,
        currency=currency,
        valid_days=valid_days,
        catalog_id=request.catalog_id,
        issued_by=principal.sub,
        reason=request.reason,
    )
    store.give(coupon)
    metrics.add_metric(name="GoodwillCoupons", unit="Count", value=1)
    logger.info("goodwill coupon given", extra={"coupon": coupon.couponCode, "by": principal.sub})
    return to_wire(coupon)


def show_use(customer_id: str, code: str, *, order_id: str | None, revision: int, at: str) -> None:
    """Orders claimed (order_id) or released (None) the coupon; an older report is ignored."""
    if not store.show_coupon_use(customer_id, code, order_id=order_id, revision=revision, at=at):
        logger.info("the coupon shows this use or a newer one already",
                    extra={"coupon": code, "revision": revision})  # fmt: skip

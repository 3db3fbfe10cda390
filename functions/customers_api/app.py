"""Customer profile HTTP API: my profile (made on first access), my preferences, my coupons
(bought with points), the after-sales history of a customer and goodwill coupons for staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.auth import CUSTOMER, STAFF_ROLES
from aftercare.customers import coupons, service
from aftercare.customers.models import (
    CouponCatalog,
    CouponOut,
    CustomerHistory,
    GoodwillRequest,
    PreferencesPatch,
    ProfileOut,
    RedeemRequest,
)
from aftercare.customers.rules import CouponStatus
from aftercare.http import allow, create_app, current_principal, http_handler, once
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.wire import Page


@dataclass(frozen=True)
class CustomersApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    cursor_secret_id: str
    customers_table: str
    idempotency_table: str
    orders_table: str
    surveys_table: str
    tickets_table: str


SETTINGS = load(CustomersApiSettings)

app = create_app()


@app.get("/v1/me", tags=["profile"], summary="My profile: tier, points, preferences")
def get_me() -> ProfileOut:
    return service.me(current_principal(app))


@app.patch(
    "/v1/me/preferences",
    tags=["profile"],
    summary="Change my opt-outs, channels, time zone, language or contact",
)
def patch_preferences(body: PreferencesPatch) -> ProfileOut:
    principal = current_principal(app)
    return once(app, principal, "preferences", lambda: service.update_preferences(principal, body))


@app.get("/v1/coupon-catalog", tags=["coupons"], summary="The coupons points can buy")
@allow(CUSTOMER, *STAFF_ROLES)
def coupon_catalog() -> CouponCatalog:
    return coupons.list_catalog(current_principal(app))


@app.post(
    "/v1/me/coupons",
    status_code=201,
    tags=["coupons"],
    summary="Buy a catalog coupon with my points (422 with too few)",
)
@allow(CUSTOMER)
def redeem_coupon(body: RedeemRequest) -> CouponOut:
    principal = current_principal(app)
    return once(app, principal, "redeem-coupon", lambda: coupons.redeem(principal, body.catalog_id))


@app.get("/v1/me/coupons", tags=["coupons"], summary="My coupons, newest first, by status")
@allow(CUSTOMER)
def my_coupons(
    status: Annotated[CouponStatus | None, Query()] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[CouponOut]:
    return coupons.mine(current_principal(app), status=status, limit=limit, cursor=cursor)


@app.get(
    "/v1/admin/customers/<customerId>/history",
    tags=["staff: customers"],
    summary="A customer's profile and after-sales history (orders, cases, tickets, surveys, coupons)",
)
def customer_history(customerId: str) -> CustomerHistory:
    return service.history(current_principal(app), customerId)


@app.post(
    "/v1/admin/customers/<customerId>/coupons",
    status_code=201,
    tags=["staff: customers"],
    summary="Give a goodwill coupon (service recovery) within my role's limit; no points",
)
@allow(*STAFF_ROLES)
def goodwill_coupon(customerId: str, body: GoodwillRequest) -> CouponOut:
    principal = current_principal(app)
    return once(app, principal, "goodwill-coupon", lambda: coupons.give_goodwill(principal, customerId, body))


lambda_handler = http_handler(app)

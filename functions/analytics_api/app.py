"""Analytics HTTP API: the KPIs of PRODUCT.md §8 for a range of days, for supervisors,
answered from the daily aggregates (one Query per month of the range, never a scan); and the
recurring issues the weekly topics job stored (one Query: this function computes nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.analytics import recurring, service
from aftercare.analytics.models import Kpis
from aftercare.analytics.product_models import LiveSessions, ProductQuality
from aftercare.analytics.topics.models import TopicsOut
from aftercare.auth import SUPERVISOR
from aftercare.http import allow, create_app, http_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AnalyticsApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_table: str


SETTINGS = load(AnalyticsApiSettings)

app = create_app()
# A day as YYYY-MM-DD, strictly (a date type would also take "0" as 1970-01-01).
DAY = r"^\d{4}-\d{2}-\d{2}$"
AS_DATE: dict[str, Any] = {"format": "date"}


@app.get(
    "/v1/admin/analytics/kpis",
    tags=["staff: analytics"],
    summary="Service KPIs for a range of days (supervisors)",
    description="`from` and `to` are inclusive UTC days (YYYY-MM-DD), at most 366 days apart; "
    "`to` defaults to today and `from` to 30 days before it. Every figure carries its sample size `n`.",
)
@allow(SUPERVISOR)
def kpis(
    from_: Annotated[str | None, Query(alias="from", pattern=DAY, json_schema_extra=AS_DATE)] = None,
    to: Annotated[str | None, Query(pattern=DAY, json_schema_extra=AS_DATE)] = None,
) -> Kpis:
    first, last = service.parse_range(from_, to)
    return service.kpis(first, last)


@app.get(
    "/v1/admin/analytics/products",
    tags=["staff: analytics"],
    summary="Product quality per SKU and category, and the SKUs whose rates jumped (supervisors)",
    description="Units sold; return, exchange, repair and complaint rates per order line with the reasons "
    "behind them; and the SKUs whose rate is at least twice their own over the equal-length period just "
    "before `from` (at least 3 cases). `from`/`to` as for the KPIs.",
)
@allow(SUPERVISOR)
def products(
    from_: Annotated[str | None, Query(alias="from", pattern=DAY, json_schema_extra=AS_DATE)] = None,
    to: Annotated[str | None, Query(pattern=DAY, json_schema_extra=AS_DATE)] = None,
) -> ProductQuality:
    first, last = service.parse_range(from_, to)
    return service.product_quality(first, last)


@app.get(
    "/v1/admin/analytics/live-sessions",
    tags=["staff: analytics"],
    summary="KPIs per live-stream session and per host (supervisors)",
    description="Orders, GMV, after-sales requests, return rate, complaints and CSAT of the orders placed "
    "with a live-stream source. `from`/`to` as for the KPIs.",
)
@allow(SUPERVISOR)
def live_sessions(
    from_: Annotated[str | None, Query(alias="from", pattern=DAY, json_schema_extra=AS_DATE)] = None,
    to: Annotated[str | None, Query(pattern=DAY, json_schema_extra=AS_DATE)] = None,
) -> LiveSessions:
    first, last = service.parse_range(from_, to)
    return service.live_sessions(first, last)


@app.get(
    "/v1/admin/analytics/topics",
    tags=["staff: analytics"],
    summary="Recurring issues: the latest weekly topics of customer tickets (supervisors)",
    description="The topics the weekly job found for the latest period ending between `from` and `to` "
    "(inclusive UTC days, YYYY-MM-DD, at most 366 days apart; `to` defaults to today and `from` to 30 days "
    "before it): each with its top terms, its count, its trend against the period before and example "
    "ticket ids, most tickets first. No run in the range: `period` is null and `items` empty.",
)
@allow(SUPERVISOR)
def topics(
    from_: Annotated[str | None, Query(alias="from", pattern=DAY, json_schema_extra=AS_DATE)] = None,
    to: Annotated[str | None, Query(pattern=DAY, json_schema_extra=AS_DATE)] = None,
) -> TopicsOut:
    first, last = service.parse_range(from_, to)
    return recurring.latest(first, last)


lambda_handler = http_handler(app)

"""The product quality and live-stream documents on the wire (camelCase): every rate carries
its numerator and sample size."""

from __future__ import annotations

from pydantic import Field

from aftercare.analytics.models import CsatKpi, Rate
from aftercare.wire import WireModel


class QualityFigures(WireModel):
    order_lines: int = Field(description="order lines placed in the range (one per order naming the SKU)")
    units_sold: int = Field(description="quantities placed in the range")
    return_rate: Rate = Field(description="RETURN_REFUND cases opened, per order line placed")
    exchange_rate: Rate = Field(description="EXCHANGE cases opened, per order line placed")
    repair_rate: Rate = Field(description="REPAIR cases opened, per order line placed")
    complaint_rate: Rate = Field(description="COMPLAINT tickets about its orders, per order line placed")
    cases: dict[str, int] = Field(description="after-sales cases opened, by type")
    reasons: dict[str, int] = Field(description="the after-sales cases' reasons")
    tickets: dict[str, int] = Field(description="tickets about its orders, by category")


class SkuQuality(QualityFigures):
    sku: str
    category: str


class CategoryQuality(QualityFigures):
    category: str


class Jump(WireModel):
    sku: str
    category: str
    kind: str = Field(description="returns, exchanges, repairs or complaints")
    current: Rate
    baseline: Rate
    ratio: float | None = Field(description="current / baseline rate; None when the baseline rate is 0")


class ProductQuality(WireModel):
    from_: str = Field(alias="from")
    to: str
    baseline_from: str
    baseline_to: str
    generated_at: str
    skus: list[SkuQuality] = Field(description="by return rate, highest first")
    categories: list[CategoryQuality]
    jumps: list[Jump] = Field(description="SKUs whose rates jumped against their own past")
    methods: dict[str, str]


class LiveFigures(WireModel):
    orders: int
    gmv: dict[str, int] = Field(description="placed order value per currency, minor units")
    after_sales_requests: int
    returns: int
    return_rate: Rate = Field(description="RETURN_REFUND and EXCHANGE cases, of the orders placed")
    complaints: int
    complaint_rate: Rate = Field(description="COMPLAINT tickets, of the orders placed")
    csat: CsatKpi


class LiveSessionKpi(LiveFigures):
    session_id: str
    host: str


class HostKpi(LiveFigures):
    host: str
    sessions: int


class LiveSessions(WireModel):
    from_: str = Field(alias="from")
    to: str
    generated_at: str
    alert_threshold: int = Field(
        description="after-sales requests of one session in a day that notify supervisors"
    )
    sessions: list[LiveSessionKpi]
    hosts: list[HostKpi]
    methods: dict[str, str]

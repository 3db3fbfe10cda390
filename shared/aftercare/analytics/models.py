"""The KPI document on the wire (camelCase): every figure carries the sample size it came from."""

from __future__ import annotations

from pydantic import Field

from aftercare.wire import WireModel


class Rate(WireModel):
    """`value = numerator / n` (None when n is 0)."""

    value: float | None
    numerator: int
    n: int


class Bucket(WireModel):
    low_seconds: float
    high_seconds: float | None
    count: int


class DurationStats(WireModel):
    n: int
    mean_seconds: float | None
    median_seconds: float | None
    p90_seconds: float | None
    histogram: list[Bucket] = Field(default_factory=list)


class OrdersKpi(WireModel):
    placed: int
    cancelled: int
    delivered: int
    exceptions: int
    value: dict[str, int] = Field(description="placed order value per currency, minor units")


class LogisticsKpi(WireModel):
    shipments: int
    delivered: int
    on_time_delivery: Rate = Field(
        description="delivered by the estimated delivery, of deliveries with an estimate"
    )
    exception_rate: Rate = Field(description="shipments with a problem, of shipments created")
    problems: dict[str, int]
    delivery_time: DurationStats


class Breaches(WireModel):
    total: int
    by_kind: dict[str, int]


class TicketsKpi(WireModel):
    opened: int
    solved: int
    reopened: int
    by_category: dict[str, int]
    first_response: DurationStats
    resolution: DurationStats
    sla_breaches: Breaches
    triage_accepted: Rate = Field(
        description="customer tickets whose triage staff did not correct, of customer tickets opened"
    )


class CasesKpi(WireModel):
    opened: int
    by_type: dict[str, int]
    return_rate: Rate = Field(description="RETURN_REFUND and EXCHANGE cases opened, of orders delivered")
    resolved: int
    disputed: int
    first_response: DurationStats = Field(description="creation to the review (approve or reject)")
    resolution: DurationStats
    sla_breaches: Breaches


class CsatKpi(WireModel):
    n: int
    mean: float | None
    distribution: dict[str, int] = Field(description="answers per score 1-5")


class NpsKpi(WireModel):
    n: int
    score: float | None = Field(description="% promoters (9-10) - % detractors (0-6)")
    promoters: int
    passives: int
    detractors: int


class SurveysKpi(WireModel):
    sent: int
    answered: int
    csat: CsatKpi
    nps: NpsKpi


class RefundsKpi(WireModel):
    requested: int
    succeeded: int
    manual_review: int
    amount: dict[str, int]


class AuditWeekKpi(WireModel):
    week: str = Field(description="the ISO week the audited work was done in")
    n: int
    mean_score: float | None


class AuditsKpi(WireModel):
    """Quality audits scored in the range: count and mean score (1-5, over every criterion)."""

    n: int
    mean_score: float | None
    by_week: list[AuditWeekKpi] = Field(default_factory=list)


class AgentKpi(WireModel):
    agent_id: str
    assigned: int
    replies: int
    solved: int
    sla_breaches: int
    first_response: DurationStats
    resolution: DurationStats
    cases_reviewed: int
    csat: CsatKpi
    audits: AuditsKpi | None = None


class JointCell(WireModel):
    csat: int
    low_seconds: float
    high_seconds: float | None
    count: int


class Correlation(WireModel):
    n: int
    pearson: float | None
    spearman: float | None
    handling_time: str
    method: str
    cells: list[JointCell]


class DayKpi(WireModel):
    date: str
    orders_placed: int
    orders_delivered: int
    on_time_delivery: Rate
    exception_rate: Rate
    tickets_opened: int
    complaints: int
    sla_breaches: int
    csat: CsatKpi
    ticket_first_response_median_seconds: float | None


class Kpis(WireModel):
    from_: str = Field(alias="from")
    to: str
    days: int
    time_zone: str
    generated_at: str
    orders: OrdersKpi
    logistics: LogisticsKpi
    tickets: TicketsKpi
    cases: CasesKpi
    surveys: SurveysKpi
    complaint_rate: Rate = Field(description="complaint tickets opened, of orders placed")
    refunds: RefundsKpi
    agents: list[AgentKpi]
    audits: AuditsKpi | None = None
    satisfaction_vs_handling_time: Correlation
    daily: list[DayKpi]
    methods: dict[str, str]

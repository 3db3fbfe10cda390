"""The KPIs of PRODUCT.md §8 for a range of days, from the daily aggregates: pure.

Rates are numerator / n with n beside them; duration statistics give n, the exact mean and
the median and p90 estimated from the histograms (histogram.METHOD); the correlation between
satisfaction and handling time is Pearson's r from the paired sums and Spearman's rho from
the joint histogram of CSAT and handling-time buckets.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from aftercare.analytics import histogram
from aftercare.analytics.models import (
    AgentKpi,
    AuditsKpi,
    AuditWeekKpi,
    Breaches,
    Bucket,
    CasesKpi,
    Correlation,
    CsatKpi,
    DayKpi,
    DurationStats,
    JointCell,
    Kpis,
    LogisticsKpi,
    NpsKpi,
    OrdersKpi,
    Rate,
    RefundsKpi,
    SurveysKpi,
    TicketsKpi,
)

HANDLING_TIME = "a ticket's creation to its first solve, a case's creation to its resolution (wall clock)"
METHODS = {
    "quantiles": histogram.METHOD,
    "pearson": "Pearson's r from the paired sums n, Σx, Σy, Σx², Σy², Σxy of (CSAT, handling seconds), "
    "kept per day: exact",
    "spearman": "Spearman's rho as Pearson's r of midranks, from the joint histogram CSAT (1-5) × "
    "handling-time bucket: tied values share the average of their ranks; handling times in the same "
    "histogram bucket count as tied",
    "handlingTime": HANDLING_TIME,
    "days": "UTC calendar days; a fact is dated by when it happened (a delivery by its delivery time, "
    "a first response by its time), not by when it was aggregated",
    "rates": "on-time delivery: delivered by the estimated delivery, of deliveries that had an estimate; "
    "exception rate: shipments with a problem (exception, lost, repeated failed attempt, delayed), of "
    "shipments to customers created; return rate: RETURN_REFUND and EXCHANGE cases opened, of orders "
    "delivered; complaint rate: complaint tickets opened, of orders placed",
    "nps": "NPS = % promoters (9-10) - % detractors (0-6) of the answers that gave an NPS score",
    "triageAccepted": "customer tickets whose intake triage staff never corrected, of customer tickets "
    "opened (both dated by the ticket's creation)",
    "audits": "quality audits scored in the range (by when they were scored), per agent and per ISO "
    "week of the audited work; the mean score is over every criterion (greeting, accuracy, tone, "
    "resolution: 1-5)",
    "slaBreaches": "tickets: each first-response and resolution breach recorded by the SLA check; cases: "
    "the 48-hour resolution target missed, and reviews approved automatically after their deadline",
}


def days_in(first: date, last: date) -> list[str]:
    return [(first + timedelta(days=offset)).isoformat() for offset in range((last - first).days + 1)]


def merged(counters: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def prefixed(counter: Mapping[str, int], prefix: str) -> dict[str, int]:
    """`{suffix: n}` of the attributes `<prefix>.<suffix>`."""
    start = prefix + "."
    return {name[len(start) :]: n for name, n in sorted(counter.items()) if name.startswith(start) and n}


def rate(numerator: int, n: int) -> Rate:
    return Rate(value=round(numerator / n, 4) if n else None, numerator=numerator, n=n)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def buckets_of(counter: Mapping[str, int], metric: str) -> dict[int, int]:
    prefix = f"{metric}.h"
    return {int(name[len(prefix) :]): n for name, n in counter.items() if name.startswith(prefix) and n}


def duration(counter: Mapping[str, int], metric: str) -> DurationStats:
    n = int(counter.get(f"{metric}.n", 0))
    total = int(counter.get(f"{metric}.sum", 0))
    hist = buckets_of(counter, metric)
    return DurationStats(
        n=n,
        mean_seconds=_round(total / n) if n else None,
        median_seconds=_round(histogram.quantile(hist, 50)),
        p90_seconds=_round(histogram.quantile(hist, 90)),
        histogram=[
            Bucket(
                low_seconds=round(low, 3), high_seconds=None if high is None else round(high, 3), count=count
            )
            for bucket, count in sorted(hist.items())
            for low, high in [histogram.bounds(bucket)]
        ],
    )


def csat(counter: Mapping[str, int]) -> CsatKpi:
    n = int(counter.get("csat.n", 0))
    return CsatKpi(
        n=n,
        mean=round(counter.get("csat.sum", 0) / n, 3) if n else None,
        distribution={str(score): int(counter.get(f"csat.c{score}", 0)) for score in range(1, 6)},
    )


def nps(counter: Mapping[str, int]) -> NpsKpi:
    n = int(counter.get("nps.n", 0))
    promoters, passives, detractors = (
        int(counter.get(f"nps.{k}", 0)) for k in ("promoters", "passives", "detractors")
    )
    return NpsKpi(
        n=n,
        score=round(100 * (promoters - detractors) / n, 1) if n else None,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
    )


# ---------------------------------------------------------------- correlation
def pearson(n: int, sx: int, sy: int, sxx: int, syy: int, sxy: int) -> float | None:
    """Pearson's r from exact integer sums; None with fewer than 2 pairs or no variance."""
    if n < 2:
        return None
    covariance = n * sxy - sx * sy
    var_x = n * sxx - sx * sx
    var_y = n * syy - sy * sy
    if var_x <= 0 or var_y <= 0:
        return None
    return max(-1.0, min(1.0, covariance / (math.sqrt(var_x) * math.sqrt(var_y))))


def midranks(counts: Mapping[int, int]) -> dict[int, float]:
    """The average rank (1-based) of each value's tied group, values ascending."""
    ranks: dict[int, float] = {}
    before = 0
    for value in sorted(counts):
        ranks[value] = before + (counts[value] + 1) / 2
        before += counts[value]
    return ranks


def joint_cells(counter: Mapping[str, int]) -> dict[tuple[int, int], int]:
    cells: dict[tuple[int, int], int] = {}
    for name, count in counter.items():
        if name.startswith("pair.j") and count:
            score, bucket = name[len("pair.j") :].split(".")
            cells[(int(score), int(bucket))] = int(count)
    return cells


def spearman(cells: Mapping[tuple[int, int], int]) -> float | None:
    """Spearman's rho of the joint histogram: Pearson's r of the midranks, weighted by counts."""
    n = sum(cells.values())
    if n < 2:
        return None
    by_x: Counter[int] = Counter()
    by_y: Counter[int] = Counter()
    for (x, y), count in cells.items():
        by_x[x] += count
        by_y[y] += count
    rank_x, rank_y = midranks(by_x), midranks(by_y)
    mean = (n + 1) / 2  # the mean of midranks is always (n + 1) / 2
    covariance = sum(count * (rank_x[x] - mean) * (rank_y[y] - mean) for (x, y), count in cells.items())
    var_x = sum(count * (rank_x[x] - mean) ** 2 for x, count in by_x.items())
    var_y = sum(count * (rank_y[y] - mean) ** 2 for y, count in by_y.items())
    if var_x <= 0 or var_y <= 0:
        return None
    return max(-1.0, min(1.0, covariance / math.sqrt(var_x * var_y)))


def correlation(counter: Mapping[str, int]) -> Correlation:
    sums = [int(counter.get(f"pair.{k}", 0)) for k in ("n", "sx", "sy", "sxx", "syy", "sxy")]
    cells = joint_cells(counter)
    r, rho = pearson(*sums), spearman(cells)
    return Correlation(
        n=sums[0],
        pearson=None if r is None else round(r, 4),
        spearman=None if rho is None else round(rho, 4),
        handling_time=HANDLING_TIME,
        method=METHODS["pearson"] + "; " + METHODS["spearman"],
        cells=[
            JointCell(
                csat=score,
                low_seconds=round(low, 3),
                high_seconds=None if high is None else round(high, 3),
                count=count,
            )
            for (score, bucket), count in sorted(cells.items())
            for low, high in [histogram.bounds(bucket)]
        ],
    )


# ---------------------------------------------------------------- quality audits
def _mean_score(counter: Mapping[str, int], prefix: str) -> float | None:
    criteria = int(counter.get(f"{prefix}.criteria", 0))
    return round(counter.get(f"{prefix}.points", 0) / criteria, 2) if criteria else None


def audits(counter: Mapping[str, int]) -> AuditsKpi:
    weeks = sorted(
        {name.split(".")[2] for name in counter if name.startswith("audits.week.") and counter[name]}
    )
    return AuditsKpi(
        n=int(counter.get("audits.n", 0)),
        mean_score=_mean_score(counter, "audits"),
        by_week=[
            AuditWeekKpi(
                week=week,
                n=int(counter.get(f"audits.week.{week}.n", 0)),
                mean_score=_mean_score(counter, f"audits.week.{week}"),
            )
            for week in weeks
        ],
    )


# ---------------------------------------------------------------- the document
def _breaches(counter: Mapping[str, int], domain: str) -> Breaches:
    return Breaches(
        total=int(counter.get(f"{domain}.sla_breaches", 0)), by_kind=prefixed(counter, f"{domain}.sla_breach")
    )


def _agent(agent_id: str, counter: Mapping[str, int]) -> AgentKpi:
    return AgentKpi(
        agent_id=agent_id,
        assigned=int(counter.get("tickets.assigned", 0)),
        replies=int(counter.get("tickets.replies", 0)),
        solved=int(counter.get("tickets.solved", 0)),
        sla_breaches=int(counter.get("tickets.sla_breaches", 0)),
        first_response=duration(counter, "tickets.first_response"),
        resolution=duration(counter, "tickets.resolution"),
        cases_reviewed=int(counter.get("cases.first_response.n", 0)),
        csat=csat(counter),
        audits=audits(counter),
    )


def _day(day: str, c: Mapping[str, int]) -> DayKpi:
    return DayKpi(
        date=day,
        orders_placed=int(c.get("orders.placed", 0)),
        orders_delivered=int(c.get("orders.delivered", 0)),
        on_time_delivery=rate(
            int(c.get("shipments.on_time", 0)), int(c.get("shipments.delivered_with_estimate", 0))
        ),
        exception_rate=rate(int(c.get("shipments.with_exception", 0)), int(c.get("shipments.created", 0))),
        tickets_opened=int(c.get("tickets.opened", 0)),
        complaints=int(c.get("tickets.complaints", 0)),
        sla_breaches=int(c.get("tickets.sla_breaches", 0)) + int(c.get("cases.sla_breaches", 0)),
        csat=csat(c),
        ticket_first_response_median_seconds=_round(
            histogram.quantile(buckets_of(c, "tickets.first_response"), 50)
        ),
    )


def compute(
    first: date,
    last: date,
    totals: Mapping[str, Counter[str]],
    agents: Mapping[str, Mapping[str, Counter[str]]],
    *,
    generated_at: str,
) -> Kpis:
    """The KPI document for the days `first`..`last` from each day's totals and agent items."""
    days = days_in(first, last)
    empty: Counter[str] = Counter()
    c = merged(totals.get(day, empty) for day in days)
    by_agent: dict[str, Counter[str]] = {}
    for day in days:
        for agent_id, counter in (agents.get(day) or {}).items():
            by_agent.setdefault(agent_id, Counter()).update(counter)
    get = lambda name: int(c.get(name, 0))  # noqa: E731 - a local shorthand
    return Kpis(
        from_=first.isoformat(),
        to=last.isoformat(),
        days=len(days),
        time_zone="UTC",
        generated_at=generated_at,
        orders=OrdersKpi(
            placed=get("orders.placed"),
            cancelled=get("orders.cancelled"),
            delivered=get("orders.delivered"),
            exceptions=get("orders.exceptions"),
            value=prefixed(c, "orders.value"),
        ),
        logistics=LogisticsKpi(
            shipments=get("shipments.created"),
            delivered=get("shipments.delivered"),
            on_time_delivery=rate(get("shipments.on_time"), get("shipments.delivered_with_estimate")),
            exception_rate=rate(get("shipments.with_exception"), get("shipments.created")),
            problems=prefixed(c, "shipments.problem"),
            delivery_time=duration(c, "shipments.delivery_time"),
        ),
        tickets=TicketsKpi(
            opened=get("tickets.opened"),
            solved=get("tickets.solved"),
            reopened=get("tickets.reopened"),
            by_category=prefixed(c, "tickets.category"),
            first_response=duration(c, "tickets.first_response"),
            resolution=duration(c, "tickets.resolution"),
            sla_breaches=_breaches(c, "tickets"),
            triage_accepted=rate(
                max(0, get("tickets.triaged") - get("tickets.triage_corrected")), get("tickets.triaged")
            ),
        ),
        cases=CasesKpi(
            opened=get("cases.opened"),
            by_type=prefixed(c, "cases.type"),
            return_rate=rate(get("cases.returns"), get("orders.delivered")),
            resolved=get("cases.resolved"),
            disputed=get("cases.disputed"),
            first_response=duration(c, "cases.first_response"),
            resolution=duration(c, "cases.resolution"),
            sla_breaches=_breaches(c, "cases"),
        ),
        surveys=SurveysKpi(
            sent=get("surveys.sent"), answered=get("surveys.answered"), csat=csat(c), nps=nps(c)
        ),
        complaint_rate=rate(get("tickets.complaints"), get("orders.placed")),
        refunds=RefundsKpi(
            requested=get("refunds.requested"),
            succeeded=get("refunds.succeeded"),
            manual_review=get("refunds.manual_review"),
            amount=prefixed(c, "refunds.amount"),
        ),
        agents=sorted(
            (_agent(agent_id, counter) for agent_id, counter in by_agent.items()),
            key=lambda a: (-(a.assigned + a.solved + a.replies), a.agent_id),
        ),
        audits=audits(c),
        satisfaction_vs_handling_time=correlation(c),
        daily=[_day(day, totals.get(day, empty)) for day in days],
        methods=METHODS,
    )

"""Generated service histories for the analytics tests: orders with their shipments, tickets
with their survey answers, as plans (what happened, when) and as the domain events the
domains would publish for them, plus a direct recomputation of what the KPIs should say,
from the plans alone."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from aftercare import clock
from aftercare.analytics.facts import Subject
from aftercare.events import DomainEvent, Happened, envelope
from aftercare.logistics.events import ParcelDelivered, ShipmentProblemsFound, ShipmentRegistered
from aftercare.logistics.rules import estimate_deadline
from aftercare.orders.events import OrderCancelled, OrderDelivered, OrderPlaced
from aftercare.surveys.events import SurveyAnswered, SurveySent
from aftercare.tickets.events import (
    TicketAssigned,
    TicketOpened,
    TicketReopened,
    TicketReplied,
    TicketSlaBreached,
    TicketSolved,
)

BASE = datetime(2026, 11, 20, tzinfo=UTC)
AGENTS = ["agent_a", "agent_b", "agent_c"]
CATEGORIES = ["ORDER", "LOGISTICS", "COMPLAINT", "REFUND"]
PROBLEMS = ["EXCEPTION", "DELAYED", "LOST"]
FIRST_DAY, LAST_DAY = date(2026, 11, 20), date(2026, 12, 31)


def at(seconds: int) -> str:
    return clock.iso(BASE + timedelta(seconds=seconds))


@dataclass
class OrderPlan:
    order_id: str
    created: int
    total: int
    outcome: str  # PLACED, CANCELLED or DELIVERED
    ship_after: int = 3600
    deliver_after: int = 86400
    estimate_days: int | None = None  # the estimate: the created day + this many days
    problems: list[str] = field(default_factory=list)

    @property
    def delivered_at(self) -> int:
        return self.created + self.ship_after + self.deliver_after

    @property
    def estimate(self) -> str | None:
        if self.estimate_days is None:
            return None
        return (
            (BASE + timedelta(seconds=self.created) + timedelta(days=self.estimate_days)).date().isoformat()
        )


@dataclass
class TicketPlan:
    ticket_id: str
    created: int
    category: str
    agent: str | None
    first_response: int | None  # seconds after creation
    solve: int | None  # seconds after creation (after the first response)
    resolve_again: int | None  # reopened, then solved again this long after the first solve
    breaches: list[str]
    csat: int | None
    nps: int | None

    @property
    def handling(self) -> int | None:
        return self.solve


@st.composite
def order_plans(draw: st.DrawFn, index: int) -> OrderPlan:
    return OrderPlan(
        order_id=f"ord_{index:04d}",
        created=draw(st.integers(0, 6 * 86400)),
        total=draw(st.integers(100, 500_000)),
        outcome=draw(st.sampled_from(["PLACED", "CANCELLED", "DELIVERED"])),
        ship_after=draw(st.integers(60, 2 * 86400)),
        deliver_after=draw(st.integers(600, 6 * 86400)),
        estimate_days=draw(st.none() | st.integers(0, 5)),
        problems=draw(st.lists(st.sampled_from(PROBLEMS), unique=True, max_size=2)),
    )


@st.composite
def ticket_plans(draw: st.DrawFn, index: int) -> TicketPlan:
    agent = draw(st.none() | st.sampled_from(AGENTS))
    first = draw(st.none() | st.integers(0, 3 * 86400)) if agent else None
    solve = draw(st.none() | st.integers(0, 5 * 86400)) if first is not None else None
    solve = None if solve is None or first is None else first + solve
    answered = solve is not None and draw(st.booleans())
    return TicketPlan(
        ticket_id=f"tk_{index:04d}",
        created=draw(st.integers(0, 6 * 86400)),
        category=draw(st.sampled_from(CATEGORIES)),
        agent=agent,
        first_response=first,
        solve=solve,
        resolve_again=draw(st.none() | st.integers(60, 86400)) if solve is not None else None,
        breaches=draw(st.lists(st.sampled_from(["FIRST_RESPONSE", "RESOLUTION"]), unique=True, max_size=2)),
        csat=draw(st.integers(1, 5)) if answered else None,
        nps=draw(st.none() | st.integers(0, 10)) if answered else None,
    )


@st.composite
def worlds(
    draw: st.DrawFn, max_orders: int = 8, max_tickets: int = 10
) -> tuple[list[OrderPlan], list[TicketPlan]]:
    n_orders = draw(st.integers(0, max_orders))
    n_tickets = draw(st.integers(0, max_tickets))
    return (
        [draw(order_plans(i)) for i in range(n_orders)],
        [draw(ticket_plans(i)) for i in range(n_tickets)],
    )


# ---------------------------------------------------------------- the domain events
Change = tuple[DomainEvent, Subject | None]  # an event, and what its survey is about (if one)
_origins = itertools.count(1)


def event(payload: Any, time: str, subject: str) -> DomainEvent:
    """The event a domain's publisher would put on the bus (its domain: the payload's module)."""
    domain = type(payload).__module__.split(".")[1]
    return envelope(
        Happened(payload, subject=subject, time=time), source=domain, origin=f"w-{next(_origins)}"
    )


def order_changes(plan: OrderPlan) -> list[Change]:
    created, order_id = at(plan.created), plan.order_id
    changes: list[Change] = [
        (event(OrderPlaced(order_id, "cus_x", "CNY", plan.total, created), created, order_id), None)
    ]
    if plan.outcome == "CANCELLED":
        cancelled = at(plan.created + 60)
        changes.append((event(OrderCancelled(order_id, "cus_x", "CNY", 0), cancelled, order_id), None))
        return changes
    if plan.outcome == "PLACED":
        return changes
    shipped = at(plan.created + plan.ship_after)
    shipment_id = f"shp_{order_id}"
    registered = ShipmentRegistered(shipment_id, "OUTBOUND", order_id, "cus_x", shipped)
    changes.append((event(registered, shipped, shipment_id), None))
    for offset, kind in enumerate(plan.problems, start=1):
        detected = at(plan.created + plan.ship_after + 100 * offset)
        problem = {
            "problem_id": f"{shipment_id}:{kind}",
            "kind": kind,
            "reason": "x",
            "detected_at": detected,
        }
        found = ShipmentProblemsFound(
            shipment_id, "OUTBOUND", order_id, "cus_x", "sf", "SF1", "EXCEPTION",
            problems=[problem], earlier_problems=offset - 1,
        )  # fmt: skip
        changes.append((event(found, detected, shipment_id), None))
    delivered = at(plan.delivered_at)
    on_time = None if plan.estimate is None else clock.parse_iso(delivered) < estimate_deadline(plan.estimate)
    parcel = ParcelDelivered(
        shipment_id, order_id, "cus_x", "sf", "SF1", delivered, True,
        registered_at=shipped, estimated_delivery=plan.estimate, on_time=on_time,
    )  # fmt: skip
    changes.append((event(parcel, delivered, shipment_id), None))
    changes.append(
        (event(OrderDelivered(order_id, "cus_x", delivered, plan.total, "CNY"), delivered, order_id), None)
    )
    return changes


def ticket_changes(plan: TicketPlan) -> list[Change]:
    created, ticket_id = at(plan.created), plan.ticket_id
    opened = TicketOpened(ticket_id, "cus_x", plan.category, "customer", created)
    changes: list[Change] = [(event(opened, created, ticket_id), None)]

    def tell(payload: Any, when: str) -> None:
        changes.append((event(payload, when, ticket_id), None))

    agent = plan.agent or ""
    if plan.agent:
        tell(TicketAssigned(ticket_id, plan.agent, created), created)
    if plan.first_response is not None:
        responded = at(plan.created + plan.first_response)
        tell(TicketReplied(ticket_id, "m1", agent, responded, True, created, agent), responded)
    for index, kind in enumerate(plan.breaches):
        breached = at(plan.created + 3600 * (index + 1))
        tell(TicketSlaBreached(ticket_id, [{"kind": kind, "breached_at": breached}], agent), breached)
    if plan.solve is not None:
        solved = at(plan.created + plan.solve)
        tell(
            TicketSolved(ticket_id, "cus_x", solved, plan.category, assignee=agent, opened_at=created), solved
        )
        if plan.resolve_again is not None:
            reopened = at(plan.created + plan.solve + 1)
            tell(TicketReopened(ticket_id, reopened), reopened)
            again = at(plan.created + plan.solve + plan.resolve_again)
            solved_again = TicketSolved(
                ticket_id, "cus_x", again, plan.category, assignee=agent, opened_at=created, first_solve=False
            )
            tell(solved_again, again)
    if plan.csat is not None and plan.solve is not None:
        sent, answered = at(plan.created + plan.solve + 86400), at(plan.created + plan.solve + 90000)
        survey_id = f"sv_{ticket_id}"
        changes.append(
            (event(SurveySent(survey_id, "cus_x", "ticket", ticket_id, sent), sent, survey_id), None)
        )
        answer = SurveyAnswered(
            survey_id, "cus_x", "ticket", ticket_id, plan.csat, plan.csat <= 2, answered, nps=plan.nps
        )
        subject = Subject(agent=plan.agent, handling_seconds=plan.handling)
        changes.append((event(answer, answered, survey_id), subject))
    return changes


def changes_of(orders: list[OrderPlan], tickets: list[TicketPlan]) -> list[Change]:
    found: list[Change] = []
    for plan in orders:
        found += order_changes(plan)
    for ticket in tickets:
        found += ticket_changes(ticket)
    return found


# ---------------------------------------------------------------- the direct recomputation
def day(seconds: int) -> str:
    return (BASE + timedelta(seconds=seconds)).date().isoformat()


@dataclass
class Expected:
    placed: int
    cancelled: int
    delivered: int
    value: int
    shipments: int
    with_estimate: int
    on_time: int
    with_exception: int
    delivery_times: list[int]
    opened: int
    complaints: int
    first_responses: list[int]
    resolutions: list[int]
    solved: int
    breaches: int
    csat: list[int]
    nps: list[int]
    pairs: list[tuple[int, int]]
    placed_by_day: Counter[str]
    agents: dict[str, dict[str, Any]]


def expected(orders: list[OrderPlan], tickets: list[TicketPlan]) -> Expected:
    delivered = [o for o in orders if o.outcome == "DELIVERED"]
    with_estimate = [o for o in delivered if o.estimate]
    on_time = [
        o for o in with_estimate
        if BASE + timedelta(seconds=o.delivered_at) < datetime.fromisoformat(o.estimate or "").replace(tzinfo=UTC) + timedelta(days=1)
    ]  # fmt: skip
    agents: dict[str, dict[str, Any]] = {}
    for t in tickets:
        if not t.agent:
            continue
        a = agents.setdefault(t.agent, {"assigned": 0, "replies": 0, "solved": 0, "first": [], "csat": []})
        a["assigned"] += 1
        if t.first_response is not None:
            a["replies"] += 1
            a["first"].append(t.first_response)
        if t.solve is not None:
            a["solved"] += 2 if t.resolve_again is not None else 1
        if t.csat is not None:
            a["csat"].append(t.csat)
    answered = [t for t in tickets if t.csat is not None]
    return Expected(
        placed=len(orders),
        cancelled=sum(o.outcome == "CANCELLED" for o in orders),
        delivered=len(delivered),
        value=sum(o.total for o in orders),
        shipments=len(delivered),
        with_estimate=len(with_estimate),
        on_time=len(on_time),
        with_exception=sum(bool(o.problems) for o in delivered),
        delivery_times=[o.deliver_after for o in delivered],
        opened=len(tickets),
        complaints=sum(t.category == "COMPLAINT" for t in tickets),
        first_responses=[t.first_response for t in tickets if t.first_response is not None],
        resolutions=[t.solve for t in tickets if t.solve is not None],
        solved=sum((2 if t.resolve_again is not None else 1) for t in tickets if t.solve is not None),
        breaches=sum(len(t.breaches) for t in tickets),
        csat=[t.csat for t in answered if t.csat is not None],
        nps=[t.nps for t in answered if t.nps is not None],
        pairs=[(t.csat, t.handling) for t in answered if t.csat is not None and t.handling is not None],
        placed_by_day=Counter(day(o.created) for o in orders),
        agents=agents,
    )


# ---------------------------------------------------------------- comparing
def split(
    items: dict[tuple[str, str | None], Counter[str]],
) -> tuple[dict[str, Counter[str]], dict[str, dict[str, Counter[str]]]]:
    totals: dict[str, Counter[str]] = {}
    agents: dict[str, dict[str, Counter[str]]] = {}
    for (when, agent), adds in items.items():
        if agent is None:
            totals.setdefault(when, Counter()).update(adds)
        else:
            agents.setdefault(when, {}).setdefault(agent, Counter()).update(adds)
    return totals, agents


def _close(a: float | None, b: float | None, tolerance: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= tolerance


def check_duration(stats: Any, values: list[int]) -> None:
    from aftercare.analytics.histogram import bounds, bucket_of, exact_quantile

    assert stats.n == len(values)
    if not values:
        assert stats.mean_seconds is None and stats.median_seconds is None and stats.p90_seconds is None
        return
    assert _close(stats.mean_seconds, round(sum(values) / len(values), 1), 1e-6)
    assert {(b.low_seconds, b.count) for b in stats.histogram} == {
        (round(bounds(bucket)[0], 3), count)
        for bucket, count in Counter(bucket_of(v) for v in values).items()
    }
    for percent, estimate in ((50, stats.median_seconds), (90, stats.p90_seconds)):
        exact = exact_quantile([float(v) for v in values], percent)
        assert exact is not None and estimate is not None
        low, high = bounds(bucket_of(exact))
        assert low - 0.05 <= estimate <= (high if high is not None else low) + 0.05, (
            percent,
            exact,
            estimate,
        )


def check(k: Any, e: Expected) -> None:
    """The KPI document against the direct recomputation from the plans."""
    import statistics

    from aftercare.analytics.histogram import bucket_of

    assert (k.orders.placed, k.orders.cancelled, k.orders.delivered) == (e.placed, e.cancelled, e.delivered)
    assert k.orders.value == ({"CNY": e.value} if e.value else {})
    assert k.logistics.shipments == e.shipments
    assert (k.logistics.on_time_delivery.numerator, k.logistics.on_time_delivery.n) == (
        e.on_time,
        e.with_estimate,
    )
    assert (k.logistics.exception_rate.numerator, k.logistics.exception_rate.n) == (
        e.with_exception,
        e.shipments,
    )
    check_duration(k.logistics.delivery_time, e.delivery_times)
    assert k.tickets.opened == e.opened and k.tickets.solved == e.solved
    assert (k.complaint_rate.numerator, k.complaint_rate.n) == (e.complaints, e.placed)
    check_duration(k.tickets.first_response, e.first_responses)
    check_duration(k.tickets.resolution, e.resolutions)
    assert k.tickets.sla_breaches.total == e.breaches
    assert k.surveys.csat.n == len(e.csat)
    assert k.surveys.csat.distribution == {str(s): e.csat.count(s) for s in range(1, 6)}
    assert _close(k.surveys.csat.mean, round(sum(e.csat) / len(e.csat), 3) if e.csat else None)
    promoters, detractors = sum(n >= 9 for n in e.nps), sum(n <= 6 for n in e.nps)
    assert k.surveys.nps.n == len(e.nps)
    assert _close(
        k.surveys.nps.score, round(100 * (promoters - detractors) / len(e.nps), 1) if e.nps else None
    )
    cor = k.satisfaction_vs_handling_time
    assert cor.n == len(e.pairs)
    xs, ys = [x for x, _ in e.pairs], [y for _, y in e.pairs]
    try:
        pearson: float | None = statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        pearson = None
    try:
        spearman: float | None = statistics.correlation(xs, [bucket_of(y) for y in ys], method="ranked")
    except statistics.StatisticsError:
        spearman = None
    assert _close(cor.pearson, None if pearson is None else round(pearson, 4), 1e-4)
    assert _close(cor.spearman, None if spearman is None else round(spearman, 4), 1e-4)
    agents = {a.agent_id: a for a in k.agents}
    assert set(agents) == set(e.agents)
    for agent_id, wanted in e.agents.items():
        got = agents[agent_id]
        assert (got.assigned, got.replies, got.solved) == (
            wanted["assigned"],
            wanted["replies"],
            wanted["solved"],
        )
        check_duration(got.first_response, wanted["first"])
        assert got.csat.n == len(wanted["csat"])
    assert {d.date: d.orders_placed for d in k.daily if d.orders_placed} == dict(e.placed_by_day)

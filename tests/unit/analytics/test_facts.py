"""What each domain event means for the KPIs: one case per line (event → facts). Which table
changes are which events is each domain's publisher's business (tests/unit/*/test_publisher.py):
an order paid, a customer's message, a uniqueness key or a coverage counter are no event
analytics counts."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.aftersales.events import (
    CaseCompleted,
    CaseDisputed,
    CaseOpened,
    CaseResolutionBreached,
    CaseResolved,
    CaseReviewed,
)
from aftercare.analytics.facts import (
    COUNTED,
    Count,
    Duration,
    Rating,
    Subject,
    SubjectNote,
    facts_of,
    note_of,
    survey_subject,
)
from aftercare.audits.events import AuditScored
from aftercare.events import DomainEvent, Happened, envelope
from aftercare.logistics.events import ParcelDelivered, ShipmentProblemsFound, ShipmentRegistered
from aftercare.orders.events import (
    OrderCancelled,
    OrderDelivered,
    OrderExceptionRaised,
    OrderPaid,
    OrderPlaced,
)
from aftercare.refunds.events import RefundRequested, RefundSettled
from aftercare.surveys.events import SurveyAnswered, SurveySent
from aftercare.tickets.events import (
    TicketAssigned,
    TicketOpened,
    TicketReopened,
    TicketReplied,
    TicketSlaBreached,
    TicketSolved,
    TicketTriageCorrected,
)

T0 = "2026-11-23T08:00:00.000Z"
T1 = "2026-11-23T09:30:00.000Z"  # 5400 s later
T2 = "2026-11-25T08:00:00.000Z"  # 2 days later
DAY, DAY2 = "2026-11-23", "2026-11-25"


def ev(payload: Any, time: str = T0) -> DomainEvent:
    domain = type(payload).__module__.split(".")[1]
    return envelope(Happened(payload, subject="x", time=time), source=domain, origin=f"{payload!r}{time}")


def delivered(
    kind: str = "OUTBOUND", at: str = T2, estimate: str | None = None, on_time: bool | None = None
) -> Any:
    return ParcelDelivered(
        "shp_1", "ord_1", "cus_1", "sf", "SF1", at, True,
        kind=kind, registered_at=T0, estimated_delivery=estimate, on_time=on_time,
    )  # fmt: skip


def problems(*kinds: tuple[str, str], earlier: int = 0, kind: str = "OUTBOUND") -> Any:
    found = [{"problem_id": f"shp_1:{k}", "kind": k, "reason": "x", "detected_at": a} for k, a in kinds]
    return ShipmentProblemsFound(
        "shp_1", kind, "ord_1", "cus_1", "sf", "SF1", "EXCEPTION", problems=found, earlier_problems=earlier
    )


def reviewed(automatic: bool, at: str = T1, reviewer: str = "agent_wu") -> Any:
    return CaseReviewed(
        "as_1", "ord_1", "cus_1", "APPROVED", "" if automatic else reviewer, automatic, T0, at
    )


def settled(status: str) -> Any:
    return RefundSettled("rf_1", "ord_1", "cus_1", status, 5000, "CNY", "case", "as_1")


def solved(first: bool = True, assignee: str = "agent_li") -> Any:
    return TicketSolved("tk_1", "cus_1", T2, "LOGISTICS", assignee=assignee, opened_at=T0, first_solve=first)


def answered(csat: int = 4, nps: int | None = 9, kind: str = "ticket") -> Any:
    return SurveyAnswered("sv_1", "cus_1", kind, "tk_1", csat, csat <= 2, T2, nps=nps)


CASES: list[tuple[str, DomainEvent, list[Any]]] = [
    (
        "an order placed",
        ev(OrderPlaced("ord_1", "cus_1", "CNY", 29800, T0)),
        [Count("orders.placed", DAY), Count("orders.value.CNY", DAY, 29800)],
    ),
    ("an order paid is not counted", ev(OrderPaid("ord_1", "cus_1", "CNY", 29800)), []),
    (
        "an order cancelled",
        ev(OrderCancelled("ord_1", "cus_1", "CNY", 0), T2),
        [Count("orders.cancelled", DAY2)],
    ),
    (
        "an order delivered, by its delivery day",
        ev(OrderDelivered("ord_1", "cus_1", T2, 29800, "CNY"), T1),
        [Count("orders.delivered", DAY2)],
    ),
    (
        "an order exception raised",
        ev(OrderExceptionRaised("ord_1", "cus_1", "OUT_OF_STOCK", T1), T2),
        [Count("orders.exceptions", DAY)],
    ),
    (
        "a shipment registered",
        ev(ShipmentRegistered("shp_1", "OUTBOUND", "ord_1", "cus_1", T0)),
        [Count("shipments.created", DAY)],
    ),
    (
        "a return parcel is not a delivery to a customer",
        ev(ShipmentRegistered("shp_1", "RETURN", "ord_1", "cus_1", T0)),
        [],
    ),
    (
        "delivered on time",
        ev(delivered(estimate="2026-11-25", on_time=True)),
        [
            Count("shipments.delivered", DAY2),
            Duration("shipments.delivery_time", DAY2, 172800),
            Count("shipments.delivered_with_estimate", DAY2),
            Count("shipments.on_time", DAY2),
        ],
    ),
    (
        "delivered late",
        ev(delivered(estimate="2026-11-24", on_time=False)),
        [
            Count("shipments.delivered", DAY2),
            Duration("shipments.delivery_time", DAY2, 172800),
            Count("shipments.delivered_with_estimate", DAY2),
        ],
    ),
    (
        "delivered without an estimate",
        ev(delivered(at=T1)),
        [Count("shipments.delivered", DAY), Duration("shipments.delivery_time", DAY, 5400)],
    ),
    (
        "a replacement delivered is a delivery to a customer",
        ev(delivered(kind="REPLACEMENT", at=T1)),
        [Count("shipments.delivered", DAY), Duration("shipments.delivery_time", DAY, 5400)],
    ),
    (
        "a first problem makes an exception",
        ev(problems(("LOST", T2))),
        [Count("shipments.problem.LOST", DAY2), Count("shipments.with_exception", DAY2)],
    ),
    (
        "two first problems are one exception, on the first's day",
        ev(problems(("LOST", T2), ("EXCEPTION", T0))),
        [
            Count("shipments.problem.LOST", DAY2),
            Count("shipments.problem.EXCEPTION", DAY),
            Count("shipments.with_exception", DAY),
        ],
    ),
    (
        "a second problem is not a second exception",
        ev(problems(("DELAYED", T2), earlier=1)),
        [Count("shipments.problem.DELAYED", DAY2)],
    ),
    ("a return parcel's problem is not counted", ev(problems(("LOST", T2), kind="RETURN")), []),
    (
        "a ticket opened",
        ev(TicketOpened("tk_1", "cus_1", "LOGISTICS", "logistics", T0)),
        [Count("tickets.opened", DAY), Count("tickets.category.LOGISTICS", DAY)],
    ),
    (
        "a customer's complaint opened: triaged by the model",
        ev(TicketOpened("tk_1", "cus_1", "COMPLAINT", "customer", T0)),
        [
            Count("tickets.opened", DAY),
            Count("tickets.category.COMPLAINT", DAY),
            Count("tickets.complaints", DAY),
            Count("tickets.triaged", DAY),
        ],
    ),
    (
        "a customer ticket's triage corrected: dated by its creation",
        ev(TicketTriageCorrected("tk_1", "customer", "REFUND", T0, T2), T2),
        [Count("tickets.triage_corrected", DAY)],
    ),
    (
        "another domain's ticket corrected: it was not triaged",
        ev(TicketTriageCorrected("tk_1", "logistics", "REFUND", T0, T2), T2),
        [],
    ),
    (
        "a ticket assigned",
        ev(TicketAssigned("tk_1", "agent_li", T0)),
        [Count("tickets.assigned", DAY, agent="agent_li")],
    ),
    (
        "the first response, by the assignee",
        ev(TicketReplied("tk_1", "m1", "agent_li", T1, True, T0, "agent_li"), T1),
        [
            Count("tickets.replies", DAY, agent="agent_li"),
            Duration("tickets.first_response", DAY, 5400, agent="agent_li"),
        ],
    ),
    (
        "the first response on an unassigned ticket: the replier's",
        ev(TicketReplied("tk_1", "m1", "sup_zhao", T1, True, T0, ""), T1),
        [
            Count("tickets.replies", DAY, agent="sup_zhao"),
            Duration("tickets.first_response", DAY, 5400, agent="sup_zhao"),
        ],
    ),
    (
        "a later reply is no first response",
        ev(TicketReplied("tk_1", "m2", "agent_li", T2, False, T0, "agent_li"), T2),
        [Count("tickets.replies", DAY2, agent="agent_li")],
    ),
    (
        "the first solve: resolution time",
        ev(solved(), T2),
        [
            Count("tickets.solved", DAY2, agent="agent_li"),
            Duration("tickets.resolution", DAY2, 172800, agent="agent_li"),
        ],
    ),
    (
        "a second solve after a reopen: no second resolution time",
        ev(solved(first=False), T2),
        [Count("tickets.solved", DAY2, agent="agent_li")],
    ),
    ("a reopen", ev(TicketReopened("tk_1", T2), T2), [Count("tickets.reopened", DAY2)]),
    (
        "an SLA breach",
        ev(TicketSlaBreached("tk_1", [{"kind": "FIRST_RESPONSE", "breached_at": T1}], "agent_li"), T1),
        [
            Count("tickets.sla_breaches", DAY, agent="agent_li"),
            Count("tickets.sla_breach.FIRST_RESPONSE", DAY),
        ],
    ),
    (
        "two breaches at once",
        ev(
            TicketSlaBreached(
                "tk_1",
                [{"kind": "FIRST_RESPONSE", "breached_at": T1}, {"kind": "RESOLUTION", "breached_at": T2}],
            ),
            T1,
        ),
        [
            Count("tickets.sla_breaches", DAY),
            Count("tickets.sla_breach.FIRST_RESPONSE", DAY),
            Count("tickets.sla_breaches", DAY2),
            Count("tickets.sla_breach.RESOLUTION", DAY2),
        ],
    ),
    (
        "a case opened",
        ev(CaseOpened("as_1", "ord_1", "cus_1", "RETURN_REFUND", T0)),
        [Count("cases.opened", DAY), Count("cases.type.RETURN_REFUND", DAY), Count("cases.returns", DAY)],
    ),
    (
        "a repair is no return",
        ev(CaseOpened("as_1", "ord_1", "cus_1", "REPAIR", T0)),
        [Count("cases.opened", DAY), Count("cases.type.REPAIR", DAY)],
    ),
    (
        "a case reviewed by an agent",
        ev(reviewed(automatic=False), T1),
        [Duration("cases.first_response", DAY, 5400, agent="agent_wu")],
    ),
    (
        "a case approved automatically: a review breach",
        ev(reviewed(automatic=True, at=T2), T2),
        [
            Duration("cases.first_response", DAY2, 172800),
            Count("cases.sla_breaches", DAY2),
            Count("cases.sla_breach.REVIEW", DAY2),
        ],
    ),
    (
        "a case resolved",
        ev(CaseResolved("as_1", "ord_1", "cus_1", "REFUNDED", T0, T2), T2),
        [Count("cases.resolved", DAY2), Duration("cases.resolution", DAY2, 172800)],
    ),
    (
        "a case missing its resolution target",
        ev(CaseResolutionBreached("as_1", "ord_1", "cus_1", T2), T2),
        [Count("cases.sla_breaches", DAY2), Count("cases.sla_breach.RESOLUTION", DAY2)],
    ),
    (
        "a case disputed",
        ev(CaseDisputed("as_1", "ord_1", "cus_1", "REJECTED", "unused", T1), T1),
        [Count("cases.disputed", DAY)],
    ),
    ("a case completed is not counted", ev(CaseCompleted("as_1", "ord_1", "cus_1", "REPAIR", T2), T2), []),
    (
        "a survey sent",
        ev(SurveySent("sv_1", "cus_1", "ticket", "tk_1", T1), T1),
        [Count("surveys.sent", DAY)],
    ),
    ("a survey answered", ev(answered(), T2), [Count("surveys.answered", DAY2), Rating(DAY2, 4, 9)]),
    (
        "a refund requested",
        ev(RefundRequested("rf_1", "ord_1", "cus_1", "case", "as_1")),
        [Count("refunds.requested", DAY)],
    ),
    (
        "a refund paid out",
        ev(settled("SUCCEEDED"), T2),
        [Count("refunds.succeeded", DAY2), Count("refunds.amount.CNY", DAY2, 5000)],
    ),
    ("a refund sent to manual review", ev(settled("MANUAL_REVIEW")), [Count("refunds.manual_review", DAY)]),
    ("a refund rejected is not counted", ev(settled("REJECTED")), []),
    (
        "a scored audit, for its agent and its audited week",
        ev(
            AuditScored(
                "aud_1", "agent_li", "2026-W47", "CASE", "as_1", {"greeting": 4, "tone": 2}, "sup", T0
            )
        ),
        [
            Count("audits.n", DAY, agent="agent_li"),
            Count("audits.points", DAY, 6, agent="agent_li"),
            Count("audits.criteria", DAY, 2, agent="agent_li"),
            Count("audits.week.2026-W47.n", DAY, agent="agent_li"),
            Count("audits.week.2026-W47.points", DAY, 6, agent="agent_li"),
            Count("audits.week.2026-W47.criteria", DAY, 2, agent="agent_li"),
        ],
    ),
]


@pytest.mark.parametrize(("event", "wanted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_event_adds_exactly_its_facts(event: DomainEvent, wanted: list[Any]) -> None:
    assert sorted(map(repr, facts_of(event))) == sorted(map(repr, wanted))


def test_every_counted_type_has_a_case() -> None:
    assert {event.type for _, event, _ in CASES} >= COUNTED


def test_an_answer_carries_the_agent_and_handling_time_of_its_subject() -> None:
    answer = ev(answered(csat=2, nps=None), T2)
    assert survey_subject(answer) == ("ticket", "tk_1")
    assert survey_subject(ev(answered(kind="order"))) is None
    assert survey_subject(ev(solved())) is None
    found = facts_of(answer, Subject(agent="agent_li", handling_seconds=3600))
    assert Rating(DAY2, 2, None, agent="agent_li", handling_seconds=3600) in found


def test_a_tickets_agent_is_its_latest_assignee_and_its_handling_time_runs_to_its_first_solve() -> None:
    assert note_of(ev(TicketAssigned("tk_1", "agent_li", T0))) == SubjectNote(
        "ticket", "tk_1", "agent_li", T0
    )
    assert note_of(ev(solved(), T2)) == SubjectNote("ticket", "tk_1", "agent_li", T2, 172800)
    assert note_of(ev(solved(first=False), T2)) == SubjectNote("ticket", "tk_1", "agent_li", T2, None)
    assert note_of(ev(solved(assignee=""), T2)) == SubjectNote("ticket", "tk_1", None, None, 172800)


def test_a_cases_agent_is_its_reviewer_unless_approved_automatically() -> None:
    assert note_of(ev(reviewed(automatic=False))) == SubjectNote("case", "as_1", "agent_wu", T1)
    assert note_of(ev(reviewed(automatic=True))) is None
    resolved = ev(CaseResolved("as_1", "ord_1", "cus_1", "REFUNDED", T0, T2), T2)
    assert note_of(resolved) == SubjectNote("case", "as_1", handling_seconds=172800)
    assert note_of(ev(OrderPlaced("ord_1", "cus_1", "CNY", 1, T0))) is None

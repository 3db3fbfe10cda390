"""What each table change means for the KPIs: one case per line (old image → new image → facts)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.analytics.facts import (
    Count,
    Duration,
    Rating,
    Subject,
    Table,
    case_subject,
    facts_of,
    survey_subject,
    ticket_subject,
)

T0 = "2026-11-23T08:00:00.000Z"
T1 = "2026-11-23T09:30:00.000Z"  # 5400 s later
T2 = "2026-11-25T08:00:00.000Z"  # 2 days later
DAY, DAY2 = "2026-11-23", "2026-11-25"

ORDER = {
    "orderId": "ord_1",
    "status": "PENDING_PAYMENT",
    "total": 29800,
    "currency": "CNY",
    "createdAt": T0,
    "updatedAt": T0,
}
SHIP = {
    "shipmentId": "shp_1",
    "kind": "OUTBOUND",
    "status": "IN_TRANSIT",
    "createdAt": T0,
    "updatedAt": T0,
    "problems": {},
}
TICKET = {
    "ticketId": "tk_1",
    "status": "NEW",
    "category": "LOGISTICS",
    "createdAt": T0,
    "updatedAt": T0,
    "messages": [],
    "timeline": [],
    "breaches": [],
}
CASE = {
    "pk": "as_1",
    "caseId": "as_1",
    "type": "RETURN_REFUND",
    "status": "REQUESTED",
    "createdAt": T0,
    "updatedAt": T0,
    "timeline": [],
}
SURVEY = {
    "surveyId": "sv_1",
    "subjectKind": "ticket",
    "subjectId": "tk_1",
    "status": "SENT",
    "createdAt": T0,
    "updatedAt": T0,
}
REFUND = {
    "refundId": "rf_1",
    "status": "PROCESSING",
    "amount": 5000,
    "currency": "CNY",
    "createdAt": T0,
    "updatedAt": T0,
}


def changed(image: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**image, **fields}


AGENT_MSG = {"messageId": "m1", "at": T1, "authorId": "agent_li", "authorRole": "agent"}
ASSIGNED = changed(TICKET, status="OPEN", assignee="agent_li")

CASES: list[tuple[str, Table, dict[str, Any] | None, dict[str, Any] | None, list[Any]]] = [
    (
        "an order placed",
        Table.ORDERS,
        None,
        ORDER,
        [Count("orders.placed", DAY), Count("orders.value.CNY", DAY, 29800)],
    ),
    ("an order paid adds nothing", Table.ORDERS, ORDER, changed(ORDER, status="PAID"), []),
    (
        "an order cancelled",
        Table.ORDERS,
        ORDER,
        changed(ORDER, status="CANCELLED", updatedAt=T2),
        [Count("orders.cancelled", DAY2)],
    ),
    (
        "an order delivered, by its delivery day",
        Table.ORDERS,
        changed(ORDER, status="SHIPPED"),
        changed(ORDER, status="DELIVERED", deliveredAt=T2, updatedAt=T2),
        [Count("orders.delivered", DAY2)],
    ),
    (
        "a delivered order written again adds nothing",
        Table.ORDERS,
        changed(ORDER, status="DELIVERED"),
        changed(ORDER, status="DELIVERED", refundOwed=1),
        [],
    ),
    (
        "an order exception raised",
        Table.ORDERS,
        ORDER,
        changed(ORDER, exception={"kind": "OUT_OF_STOCK", "raisedAt": T1}),
        [Count("orders.exceptions", DAY)],
    ),
    ("an order removed adds nothing", Table.ORDERS, ORDER, None, []),
    ("a shipment created", Table.SHIPMENTS, None, SHIP, [Count("shipments.created", DAY)]),
    (
        "a return parcel is not a delivery to a customer",
        Table.SHIPMENTS,
        None,
        changed(SHIP, kind="RETURN"),
        [],
    ),
    (
        "delivered before the estimated day: on time",
        Table.SHIPMENTS,
        SHIP,
        changed(SHIP, status="DELIVERED", statusAt=T2, estimatedDelivery="2026-11-25"),
        [
            Count("shipments.delivered", DAY2),
            Duration("shipments.delivery_time", DAY2, 172800),
            Count("shipments.delivered_with_estimate", DAY2),
            Count("shipments.on_time", DAY2),
        ],
    ),
    (
        "delivered after the estimated day: late",
        Table.SHIPMENTS,
        SHIP,
        changed(SHIP, status="DELIVERED", statusAt=T2, estimatedDelivery="2026-11-24"),
        [
            Count("shipments.delivered", DAY2),
            Duration("shipments.delivery_time", DAY2, 172800),
            Count("shipments.delivered_with_estimate", DAY2),
        ],
    ),
    (
        "delivered after an estimated time: late",
        Table.SHIPMENTS,
        SHIP,
        changed(SHIP, status="DELIVERED", statusAt=T1, estimatedDelivery=T0),
        [
            Count("shipments.delivered", DAY),
            Duration("shipments.delivery_time", DAY, 5400),
            Count("shipments.delivered_with_estimate", DAY),
        ],
    ),
    (
        "delivered without an estimate",
        Table.SHIPMENTS,
        SHIP,
        changed(SHIP, status="DELIVERED", statusAt=T1),
        [Count("shipments.delivered", DAY), Duration("shipments.delivery_time", DAY, 5400)],
    ),
    (
        "a first problem makes an exception",
        Table.SHIPMENTS,
        SHIP,
        changed(SHIP, problems={"LOST": {"detectedAt": T2}}),
        [Count("shipments.problem.LOST", DAY2), Count("shipments.with_exception", DAY2)],
    ),
    (
        "a second problem is not a second exception",
        Table.SHIPMENTS,
        changed(SHIP, problems={"LOST": {"detectedAt": T0}}),
        changed(SHIP, problems={"LOST": {"detectedAt": T0}, "DELAYED": {"detectedAt": T2}}),
        [Count("shipments.problem.DELAYED", DAY2)],
    ),
    (
        "a ticket opened",
        Table.TICKETS,
        None,
        TICKET,
        [Count("tickets.opened", DAY), Count("tickets.category.LOGISTICS", DAY)],
    ),
    (
        "a complaint opened",
        Table.TICKETS,
        None,
        changed(TICKET, category="COMPLAINT"),
        [
            Count("tickets.opened", DAY),
            Count("tickets.category.COMPLAINT", DAY),
            Count("tickets.complaints", DAY),
        ],
    ),
    (
        "a ticket's uniqueness key is no ticket",
        Table.TICKETS,
        None,
        {"ticketId": "key#logistics#shp_1", "createdAt": T0},
        [],
    ),
    (
        "a ticket assigned",
        Table.TICKETS,
        TICKET,
        ASSIGNED,
        [Count("tickets.assigned", DAY, agent="agent_li")],
    ),
    (
        "the first response, by the assignee",
        Table.TICKETS,
        ASSIGNED,
        changed(ASSIGNED, messages=[AGENT_MSG], firstRespondedAt=T1, updatedAt=T1),
        [
            Count("tickets.replies", DAY, agent="agent_li"),
            Duration("tickets.first_response", DAY, 5400, agent="agent_li"),
        ],
    ),
    (
        "a later reply is no first response",
        Table.TICKETS,
        changed(ASSIGNED, firstRespondedAt=T0),
        changed(ASSIGNED, firstRespondedAt=T0, messages=[AGENT_MSG]),
        [Count("tickets.replies", DAY, agent="agent_li")],
    ),
    (
        "a customer's message is no reply",
        Table.TICKETS,
        ASSIGNED,
        changed(ASSIGNED, messages=[{**AGENT_MSG, "authorRole": "customer"}]),
        [],
    ),
    (
        "the first solve: resolution time",
        Table.TICKETS,
        ASSIGNED,
        changed(ASSIGNED, status="SOLVED", solvedAt=T2, timeline=[{"to": "SOLVED", "at": T2}]),
        [
            Count("tickets.solved", DAY2, agent="agent_li"),
            Duration("tickets.resolution", DAY2, 172800, agent="agent_li"),
        ],
    ),
    (
        "a second solve after a reopen: no second resolution time",
        Table.TICKETS,
        ASSIGNED,
        changed(
            ASSIGNED,
            status="SOLVED",
            solvedAt=T2,
            timeline=[{"to": "SOLVED", "at": T1}, {"to": "OPEN", "at": T1}, {"to": "SOLVED", "at": T2}],
        ),
        [Count("tickets.solved", DAY2, agent="agent_li")],
    ),
    (
        "a reopen",
        Table.TICKETS,
        changed(ASSIGNED, status="SOLVED"),
        changed(ASSIGNED, status="OPEN", updatedAt=T2),
        [Count("tickets.reopened", DAY2)],
    ),
    (
        "closing a solved ticket adds nothing",
        Table.TICKETS,
        changed(ASSIGNED, status="SOLVED"),
        changed(ASSIGNED, status="CLOSED"),
        [],
    ),
    (
        "an SLA breach",
        Table.TICKETS,
        ASSIGNED,
        changed(ASSIGNED, breaches=[{"kind": "FIRST_RESPONSE", "at": T1}], breachCount=1),
        [
            Count("tickets.sla_breaches", DAY, agent="agent_li"),
            Count("tickets.sla_breach.FIRST_RESPONSE", DAY),
        ],
    ),
    (
        "a case opened",
        Table.CASES,
        None,
        CASE,
        [Count("cases.opened", DAY), Count("cases.type.RETURN_REFUND", DAY), Count("cases.returns", DAY)],
    ),
    (
        "a repair is no return",
        Table.CASES,
        None,
        changed(CASE, type="REPAIR"),
        [Count("cases.opened", DAY), Count("cases.type.REPAIR", DAY)],
    ),
    ("a coverage counter is no case", Table.CASES, None, {"pk": "coverage#ord_1#KTL-1", "covered": 1}, []),
    (
        "a case reviewed by an agent",
        Table.CASES,
        CASE,
        changed(
            CASE,
            status="AWAITING_RETURN",
            timeline=[{"from": "REQUESTED", "to": "APPROVED", "at": T1, "actor": "agent_wu"}],
        ),
        [Duration("cases.first_response", DAY, 5400, agent="agent_wu")],
    ),
    (
        "a case approved automatically: a review breach",
        Table.CASES,
        CASE,
        changed(
            CASE,
            status="AWAITING_RETURN",
            autoApproved=True,
            timeline=[{"from": "REQUESTED", "to": "APPROVED", "at": T2, "actor": "system:deadlines"}],
        ),
        [
            Duration("cases.first_response", DAY2, 172800),
            Count("cases.sla_breaches", DAY2),
            Count("cases.sla_breach.REVIEW", DAY2),
        ],
    ),
    ("a case cancelled before review", Table.CASES, CASE, changed(CASE, status="CANCELLED"), []),
    (
        "a case resolved",
        Table.CASES,
        changed(CASE, status="REFUNDING"),
        changed(CASE, status="REFUNDED", resolvedAt=T2),
        [Count("cases.resolved", DAY2), Duration("cases.resolution", DAY2, 172800)],
    ),
    (
        "a case missing its resolution target",
        Table.CASES,
        changed(CASE, status="RECEIVED"),
        changed(CASE, status="RECEIVED", resolveBreachedAt=T2),
        [Count("cases.sla_breaches", DAY2), Count("cases.sla_breach.RESOLUTION", DAY2)],
    ),
    (
        "a case disputed",
        Table.CASES,
        changed(CASE, status="REJECTED"),
        changed(CASE, status="DISPUTED", updatedAt=T1),
        [Count("cases.disputed", DAY)],
    ),
    (
        "a survey sent",
        Table.SURVEYS,
        changed(SURVEY, status="SCHEDULED"),
        changed(SURVEY, sentAt=T1),
        [Count("surveys.sent", DAY)],
    ),
    (
        "a survey answered",
        Table.SURVEYS,
        SURVEY,
        changed(SURVEY, status="ANSWERED", csat=4, nps=9, answeredAt=T2),
        [Count("surveys.answered", DAY2), Rating(DAY2, 4, 9)],
    ),
    (
        "a survey's subject claim is no survey",
        Table.SURVEYS,
        None,
        {"surveyId": "subject#order#ord_1", "claimedBy": "sv_1"},
        [],
    ),
    ("a refund requested", Table.REFUNDS, None, REFUND, [Count("refunds.requested", DAY)]),
    (
        "a refund paid out",
        Table.REFUNDS,
        REFUND,
        changed(REFUND, status="SUCCEEDED", updatedAt=T2),
        [Count("refunds.succeeded", DAY2), Count("refunds.amount.CNY", DAY2, 5000)],
    ),
    (
        "a refund sent to manual review",
        Table.REFUNDS,
        REFUND,
        changed(REFUND, status="MANUAL_REVIEW"),
        [Count("refunds.manual_review", DAY)],
    ),
]


@pytest.mark.parametrize(("table", "old", "new", "wanted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_change_adds_exactly_its_facts(table: Table, old: Any, new: Any, wanted: list[Any]) -> None:
    assert sorted(map(repr, facts_of(table, old, new))) == sorted(map(repr, wanted))


def test_an_answer_carries_the_agent_and_handling_time_of_its_subject() -> None:
    answered = changed(SURVEY, status="ANSWERED", csat=2, answeredAt=T2)
    assert survey_subject(SURVEY, answered) == ("ticket", "tk_1")
    assert survey_subject(answered, answered) is None
    found = facts_of(Table.SURVEYS, SURVEY, answered, Subject(agent="agent_li", handling_seconds=3600))
    assert Rating(DAY2, 2, None, agent="agent_li", handling_seconds=3600) in found


def test_a_tickets_handling_time_runs_to_its_first_solve() -> None:
    ticket = changed(
        ASSIGNED, timeline=[{"to": "SOLVED", "at": T1}, {"to": "OPEN", "at": T1}, {"to": "SOLVED", "at": T2}]
    )
    assert ticket_subject(ticket) == Subject(agent="agent_li", handling_seconds=5400)
    assert ticket_subject(TICKET) == Subject(agent=None, handling_seconds=None)


def test_a_cases_agent_is_its_reviewer_unless_approved_automatically() -> None:
    reviewed = changed(
        CASE, resolvedAt=T2, timeline=[{"from": "REQUESTED", "to": "APPROVED", "at": T1, "actor": "agent_wu"}]
    )
    assert case_subject(reviewed) == Subject(agent="agent_wu", handling_seconds=172800)
    assert case_subject(changed(reviewed, autoApproved=True)).agent is None

"""GET /v1/admin/analytics/kpis: supervisors only, a valid range, answered from the aggregates
with one Query per month of the range and never a scan."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from aftercare.analytics.facts import COUNTED
from aftercare.aws import client
from aftercare.events import DomainEvent
from aftercare.surveys import store as surveys
from infra.template import Stack
from tests.integration.analytics.conftest import Tickets, kpis
from tests.integration.analytics.support import deliver, message
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow
from tests.support.orders import Orders


def test_without_a_token_it_is_401(api: Api) -> None:
    reply = kpis(api, claims=None, **{"from": "2026-11-01", "to": "2026-11-30"})
    assert reply.status == 401
    assert reply.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "claims", [customer(), staff("agent"), staff("warehouse")], ids=["customer", "agent", "warehouse"]
)
def test_anyone_but_a_supervisor_is_refused_with_403(api: Api, claims: dict[str, Any]) -> None:
    assert kpis(api, claims=claims, **{"from": "2026-11-01", "to": "2026-11-30"}).status == 403


def test_a_supervisor_reads_the_kpis_of_an_empty_range(api: Api) -> None:
    reply = kpis(api, **{"from": "2026-11-01", "to": "2026-11-30"})
    assert reply.status == 200, reply.body
    body = reply.json
    assert (body["from"], body["to"], body["days"], body["timeZone"]) == (
        "2026-11-01",
        "2026-11-30",
        30,
        "UTC",
    )
    assert body["orders"]["placed"] == 0
    assert body["logistics"]["onTimeDelivery"] == {"value": None, "numerator": 0, "n": 0}
    assert (
        body["tickets"]["firstResponse"]["n"] == 0
        and body["tickets"]["firstResponse"]["medianSeconds"] is None
    )
    assert len(body["daily"]) == 30 and "quantiles" in body["methods"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-11-30", "to": "2026-11-01"}, "from"),
        ({"from": "2025-01-01", "to": "2026-11-30"}, "to"),
        ({"from": "2026-02-30", "to": "2026-03-01"}, "from"),
        ({"from": "1 Nov", "to": "2026-11-30"}, "from"),
    ],
    ids=["reversed", "over 366 days", "no such day", "not a date"],
)
def test_an_invalid_range_is_a_400_problem(api: Api, query: dict[str, str], field: str) -> None:
    reply = kpis(api, **query)
    assert reply.status == 400
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.json["errors"][0]["field"] == field


def test_a_year_is_read_with_one_query_per_month_and_no_scan(api: Api) -> None:
    calls: list[str] = []
    dynamodb = client("dynamodb")
    dynamodb.meta.events.register("before-call.dynamodb.*", lambda model, **_: calls.append(model.name))
    reply = kpis(api, **{"from": "2025-11-24", "to": "2026-11-23"})  # 366 days
    assert reply.status == 200
    assert "Scan" not in calls
    assert calls.count("Query") == 13  # Nov 2025 .. Nov 2026


def test_kpis_follow_orders_tickets_and_survey_answers_through_their_events(
    api: Api,
    aws: Stack,
    orders: Orders,
    tickets: Tickets,
    flow: EventFlow,
    fixed_clock: clock.FixedClock,
) -> None:
    orders.to("DELIVERED")
    orders.place()
    ticket = tickets.open()
    tickets.step(ticket["ticketId"], "assign", {"assignee": "agent_li"}, role="supervisor", sub="sup_zhao")
    fixed_clock.advance(1800)
    tickets.step(ticket["ticketId"], "reply", {"message": "您好，包裹明天送达。"})
    fixed_clock.advance(5400)
    tickets.step(ticket["ticketId"], "solve", {"resolution": "delivered"})
    flow.run()  # the ticket's survey: surveys' reaction to TicketSolved
    survey_id = surveys.claimed_survey("ticket", ticket["ticketId"])
    assert survey_id is not None
    answered = api.call(
        "POST", f"/v1/me/surveys/{survey_id}/responses", claims=customer(), json_body={"csat": 4, "nps": 9}
    )
    assert answered.status == 201, answered.body

    counted = [e for e in flow.run() if e["type"] in COUNTED]  # analytics' queue: what it counts
    assert {"OrderPlaced", "ShipmentRegistered", "TicketReplied", "TicketSolved", "SurveyAnswered"} <= {
        e["type"] for e in counted
    }
    assert flow.failures == []
    body = kpis(api, **{"from": "2026-11-01", "to": "2026-11-30"}).json
    assert body["orders"]["placed"] == 2 and body["orders"]["delivered"] == 1
    assert body["orders"]["value"]["CNY"] > 0
    assert body["logistics"]["shipments"] == 1
    assert body["cases"]["returnRate"] == {"value": 0.0, "numerator": 0, "n": 1}
    first = body["tickets"]["firstResponse"]
    assert (first["n"], first["meanSeconds"]) == (1, 1800.0)
    assert body["tickets"]["resolution"]["meanSeconds"] == 7200.0
    assert body["surveys"]["csat"] == {
        "n": 1,
        "mean": 4.0,
        "distribution": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0},
    }
    assert body["surveys"]["nps"]["promoters"] == 1 and body["surveys"]["nps"]["score"] == 100.0
    agent = next(a for a in body["agents"] if a["agentId"] == "agent_li")
    assert (agent["assigned"], agent["replies"], agent["solved"]) == (1, 1, 1)
    assert agent["csat"]["n"] == 1 and agent["csat"]["mean"] == 4.0
    pair = body["satisfactionVsHandlingTime"]
    assert pair["n"] == 1 and pair["pearson"] is None  # one pair has no correlation
    assert (
        pair["cells"][0]["csat"] == 4
        and pair["cells"][0]["lowSeconds"] <= 7200 < pair["cells"][0]["highSeconds"]
    )

    # every event delivered again (a redelivered message, a republished record) changes nothing
    assert deliver(api, [message(DomainEvent.from_detail(e)) for e in counted]) == []
    flow.replay()
    assert kpis(api, **{"from": "2026-11-01", "to": "2026-11-30"}).json == body

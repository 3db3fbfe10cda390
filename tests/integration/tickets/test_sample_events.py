"""The samples in events/tickets_*/ are real requests: replayed in order they run a ticket
from intake to solved, and the scheduled sample runs the SLA check."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from aftercare import clock
from aftercare.tickets import team
from infra.local.http_events import parse_http_response
from tests.support.api import Api

EVENTS = Path(__file__).resolve().parents[3] / "events"
SAMPLE_TICKET = "tk_01JD6Z3Q00SAMPLE0000000000"
SAMPLE_CUSTOMER = "cus_01JD6Z3Q0000000000000000AA"


def sample(function: str, name: str) -> dict[str, Any]:
    return dict(json.loads((EVENTS / function / f"{name}.json").read_text(encoding="utf-8")))


def with_ticket(event: dict[str, Any], ticket_id: str) -> dict[str, Any]:
    event = copy.deepcopy(event)
    event["rawPath"] = event["rawPath"].replace(SAMPLE_TICKET, ticket_id)
    event["requestContext"]["http"]["path"] = event["rawPath"]
    if "pathParameters" in event:
        event["pathParameters"]["ticketId"] = ticket_id
    return event


def invoke(api: Api, event: dict[str, Any]) -> tuple[int, Any]:
    status, _, _, body = parse_http_response(api.host.invoke("TicketsApiFunction", event))
    return status, json.loads(body)


def test_the_ticket_samples_replay_a_ticket_from_intake_to_solved(
    api: Api, fixed_clock: clock.FixedClock
) -> None:
    team.seed_agents()
    status, ticket = invoke(api, sample("tickets_api", "OpenTicket"))
    assert status == 201, ticket
    assert (ticket["customerId"], ticket["category"], ticket["priority"]) == (
        SAMPLE_CUSTOMER,
        "LOGISTICS",
        "HIGH",
    )
    tid = ticket["ticketId"]
    status, queue = invoke(api, sample("tickets_api", "TicketQueue"))
    assert (status, [t["ticketId"] for t in queue["items"]]) == (200, [tid])
    steps = [
        ("GetTicket", 200, "OPEN"),
        ("AssignTicket", 200, "OPEN"),
        ("ReplyTicket", 200, "OPEN"),
        ("EscalateTicket", 200, "OPEN"),
        ("PendingTicket", 200, "PENDING"),
        ("PostTicketMessage", 201, "OPEN"),
        ("SolveTicket", 200, "SOLVED"),
    ]
    for name, expected, ticket_status in steps:
        status, body = invoke(api, with_ticket(sample("tickets_api", name), tid))
        assert (name, status) == (name, expected), body
        assert body["status"] == ticket_status, name
    status, conversation = invoke(api, with_ticket(sample("tickets_api", "ListTicketMessages"), tid))
    assert status == 200, conversation
    assert [m["authorRole"] for m in conversation["items"]] == [
        "customer",
        "agent",
        "agent",
        "customer",
        "agent",
    ]
    assert conversation["nextCursor"] is None
    for name in ("ListTickets", "SearchFaq", "ReplyTemplates", "ListAgents"):
        status, body = invoke(api, sample("tickets_api", name))
        assert (name, status) == (name, 200), body
        assert body["items"], name


def test_the_scheduled_sample_runs_the_sla_check(api: Api, fixed_clock: clock.FixedClock) -> None:
    assert api.host.invoke("TicketsSlaCheckFunction", sample("tickets_sla_check", "EveryFiveMinutes")) == {}

"""Solving is one write: the ticket's change and its agent's slot released in one
transaction, committed together or not at all; a slot already at zero does not stop the
solve. The satisfaction survey follows from the TicketSolved event (surveys' reaction):
once per ticket, however often it is solved, and never for a solve that was refused."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.settings import get_settings
from aftercare.surveys import store as surveys
from aftercare.tickets import views
from aftercare.tickets.agent_store import AgentModel
from tests.integration.tickets.conftest import Tickets
from tests.integration.tickets.test_assignment import loads, only_agents
from tests.support.bus import EventFlow
from tests.support.dynamodb import recording


def solve(tickets: Tickets, ticket_id: str) -> Any:
    return tickets.staff(ticket_id, "solve", {"resolution": "已送达"}, sub="a1")


def surveys_of(ticket_id: str) -> list[str]:
    """The surveys stored about this ticket (the customer's, by index)."""
    rows, _ = surveys.list_for_customer("cus_alice", status=None, limit=100, start_key=None)
    return [row.surveyId for row in rows if (row.subjectKind, row.subjectId) == ("ticket", ticket_id)]


@pytest.fixture
def assigned(tickets: Tickets) -> dict[str, Any]:
    only_agents(("a1", ["LOGISTICS"], 5))
    ticket = tickets.open(message="快递什么时候到？")
    assert (ticket["assignee"], loads()) == ("a1", {"a1": 1})
    return ticket


def test_solving_writes_the_ticket_and_the_slot_in_one_request_and_the_survey_follows(
    tickets: Tickets, assigned: dict[str, Any], flow: EventFlow
) -> None:
    ticket_id = assigned["ticketId"]
    with recording() as requests:
        reply = solve(tickets, ticket_id)
    assert reply.status == 200, reply.body
    settings = get_settings()
    tables = [settings.tickets_table, settings.agents_table]
    assert [(w.operation, sorted(w.tables), w.failed) for w in requests.writes] == [
        ("TransactWriteItems", sorted(tables), False)
    ]
    solved = reply.json
    assert solved["status"] == "SOLVED"
    assert solved["timeline"][-1]["note"] == "solved: 已送达"
    assert loads() == {"a1": 0}
    assert surveys.claimed_survey("ticket", ticket_id) is None  # eventual: the survey's reaction
    flow.run()
    assert flow.types().count("TicketSolved") == 1
    survey_id = surveys.claimed_survey("ticket", ticket_id)
    assert survey_id is not None
    survey = surveys.get(survey_id)
    assert survey is not None and (survey.status, survey.customerId) == ("SCHEDULED", "cus_alice")
    assert tickets.get(ticket_id) == solved


def test_solving_a_reopened_ticket_again_schedules_no_second_survey(
    tickets: Tickets, assigned: dict[str, Any], flow: EventFlow
) -> None:
    ticket_id = assigned["ticketId"]
    assert solve(tickets, ticket_id).status == 200
    flow.run()
    survey_id = surveys.claimed_survey("ticket", ticket_id)
    assert survey_id is not None
    assert tickets.write(ticket_id, "又有问题了").status == 201  # reopened: the slot is taken again
    assert loads() == {"a1": 1}
    with recording() as requests:
        again = solve(tickets, ticket_id)
    assert again.status == 200, again.body
    settings = get_settings()
    assert [(w.operation, sorted(w.tables)) for w in requests.writes] == [
        ("TransactWriteItems", sorted([settings.tickets_table, settings.agents_table]))
    ]
    assert loads() == {"a1": 0}
    flow.run()
    assert flow.types().count("TicketSolved") == 2  # solved twice: surveys keeps the first survey
    assert surveys.claimed_survey("ticket", ticket_id) == survey_id
    assert surveys_of(ticket_id) == [survey_id]


def test_a_solve_from_a_stale_read_writes_neither_the_ticket_nor_the_slot_nor_a_survey(
    tickets: Tickets, assigned: dict[str, Any], monkeypatch: pytest.MonkeyPatch, flow: EventFlow
) -> None:
    """The customer writes while the agent solves from what they read before: the ticket's
    condition fails, and the slot and the survey stay as they were."""
    from aftercare.tickets import store

    ticket_id = assigned["ticketId"]
    stale = store.get(ticket_id, consistent=True)
    assert tickets.write(ticket_id, "还有一个问题").status == 201
    before = tickets.get(ticket_id)
    load = views.load
    monkeypatch.setattr(views, "load", lambda _: stale)
    with recording() as requests:
        reply = solve(tickets, ticket_id)
    monkeypatch.setattr(views, "load", load)

    assert reply.status == 409, reply.body
    assert [(w.operation, w.failed) for w in requests.writes] == [("TransactWriteItems", True)]
    assert tickets.get(ticket_id) == before
    assert loads() == {"a1": 1}
    flow.run()
    assert "TicketSolved" not in flow.types()
    assert surveys.claimed_survey("ticket", ticket_id) is None
    assert surveys_of(ticket_id) == []


def test_an_agent_load_already_at_zero_stays_at_zero_and_the_ticket_is_solved(
    tickets: Tickets, assigned: dict[str, Any], flow: EventFlow
) -> None:
    AgentModel(agentId="a1").update(actions=[AgentModel.load.set(0)])
    reply = solve(tickets, assigned["ticketId"])
    assert reply.status == 200, reply.body
    assert reply.json["status"] == "SOLVED"
    assert loads() == {"a1": 0}
    flow.run()
    assert surveys.claimed_survey("ticket", assigned["ticketId"]) is not None


def test_a_survey_claimed_meanwhile_is_the_tickets_survey_and_no_second_is_written(
    tickets: Tickets, assigned: dict[str, Any], monkeypatch: pytest.MonkeyPatch, flow: EventFlow
) -> None:
    """The reaction reads no claim, then finds one when it writes (a race with another
    scheduling): the claim's survey stands, none of the reaction's own is written."""
    ticket_id = assigned["ticketId"]
    surveys.SubjectClaim(surveyId=surveys.claim_key("ticket", ticket_id), claimedBy="sv_elsewhere").save()
    claimed = surveys.claimed_survey
    reads: list[str] = []

    def first_read_misses_it(kind: str, subject_id: str) -> str | None:
        reads.append(subject_id)
        return None if len(reads) == 1 else claimed(kind, subject_id)

    reply = solve(tickets, ticket_id)
    assert reply.status == 200, reply.body
    assert [entry["to"] for entry in reply.json["timeline"]].count("SOLVED") == 1
    assert loads() == {"a1": 0}  # released once
    monkeypatch.setattr(surveys, "claimed_survey", first_read_misses_it)
    flow.run()
    monkeypatch.setattr(surveys, "claimed_survey", claimed)

    assert "TicketSolved" in flow.types() and flow.failures == []
    assert reads == [ticket_id, ticket_id]
    assert surveys.claimed_survey("ticket", ticket_id) == "sv_elsewhere"
    assert surveys_of(ticket_id) == []  # no survey of its own was written

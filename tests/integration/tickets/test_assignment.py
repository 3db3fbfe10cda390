"""Assignment: the least-loaded active agent with the category's skill, atomically."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from aftercare import clock
from aftercare.tickets import agent_store, assignment, intake, store
from aftercare.tickets.agent_store import Agent, AgentModel
from aftercare.tickets.triage import classify
from tests.integration.tickets.conftest import Tickets


def loads() -> dict[str, int]:
    return {agent.agent_id: agent.load for agent in agent_store.agents()}


def only_agents(*specs: tuple[str, list[str], int]) -> None:
    """Replace the seed team with the given (id, skills, maxLoad) agents."""
    for agent in agent_store.agents():
        AgentModel(agentId=agent.agent_id).delete()
    for agent_id, skills, max_load in specs:
        agent_store.seed_agent(
            Agent(
                agent_id=agent_id,
                name=agent_id,
                role="agent",
                skills=tuple(skills),
                max_load=max_load,
                load=0,
                supervisor_id="sup",
            )
        )


def test_the_least_loaded_agent_with_the_skill_gets_the_ticket(tickets: Tickets) -> None:
    only_agents(("a1", ["LOGISTICS"], 5), ("a2", ["LOGISTICS"], 5), ("a3", ["REFUND"], 5))
    first = tickets.open(message="快递什么时候到？")
    second = tickets.open(message="我的包裹还没到")
    third = tickets.open(message="快递三天没更新了")
    assert [first["assignee"], second["assignee"]] == ["a1", "a2"]
    assert third["assignee"] == "a1"
    assert loads() == {"a1": 2, "a2": 1, "a3": 0}


def test_without_an_available_agent_the_ticket_waits_new(tickets: Tickets) -> None:
    only_agents(("a1", ["LOGISTICS"], 1))
    tickets.open(message="快递什么时候到？")
    waiting = tickets.open(message="我的包裹还没到")
    assert (waiting["status"], waiting["assignee"]) == ("NEW", None)
    refused = tickets.staff(waiting["ticketId"], "assign", {})
    assert refused.status == 422
    manual = tickets.ok(waiting["ticketId"], "assign", {"assignee": "a1"}, role="supervisor", sub="sup")
    assert (manual["status"], manual["assignee"]) == ("OPEN", "a1")
    assert loads() == {"a1": 2}


def test_reassignment_moves_the_load_and_solving_releases_it(tickets: Tickets) -> None:
    only_agents(("a1", ["LOGISTICS"], 5), ("a2", ["LOGISTICS"], 5))
    ticket = tickets.open(message="快递什么时候到？")
    assert ticket["assignee"] == "a1"
    moved = tickets.ok(ticket["ticketId"], "assign", {"assignee": "a2"}, role="supervisor", sub="sup")
    assert moved["assignee"] == "a2"
    assert moved["timeline"][-1]["note"] == "assigned to a2 (was a1)"
    assert loads() == {"a1": 0, "a2": 1}
    tickets.ok(ticket["ticketId"], "solve", {"resolution": "done"}, sub="a2")
    assert loads() == {"a1": 0, "a2": 0}
    tickets.write(ticket["ticketId"], "又有问题了")
    assert loads() == {"a1": 0, "a2": 1}


def test_an_unknown_assignee_is_refused(tickets: Tickets) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    reply = tickets.staff(ticket["ticketId"], "assign", {"assignee": "nobody"})
    assert reply.status == 422


def test_a_ticket_already_assigned_is_not_reassigned_automatically(tickets: Tickets) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    assert tickets.staff(ticket["ticketId"], "assign", {}).status == 409


@pytest.mark.parametrize("pairs", [2, 4])
def test_tickets_assigned_at_once_do_not_take_the_same_slot(
    tickets: Tickets, fixed_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch, pairs: int
) -> None:
    """Every thread reads the team (all loads 0) before any writes, so each sees the same
    least-loaded agent; the conditional load update makes all but one retry."""
    agents = [(f"a{i}", ["LOGISTICS"], 5) for i in range(pairs)]
    only_agents(*agents)
    opened = [
        intake.new_ticket(  # tickets created without assignment, to assign concurrently
            customer_id="cus_alice",
            channel="app",
            source="customer",
            source_id=None,
            subject="s",
            body="快递什么时候到",
            author_id="cus_alice",
            author_role="customer",
            triage=classify("", "快递什么时候到"),
        )
        for _ in range(pairs)
    ]
    for ticket in opened:
        store.create(ticket)
    barrier = threading.Barrier(pairs)
    original = agent_store.agents

    def agents_then_wait() -> list[Any]:
        found = original()
        barrier.wait(timeout=10)
        return found

    monkeypatch.setattr(agent_store, "agents", agents_then_wait)
    chosen: list[str | None] = []
    errors: list[BaseException] = []

    def assign(ticket_id: str) -> None:
        try:
            chosen.append(assignment.auto_assign(ticket_id, actor="system"))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=assign, args=(t.ticket_id,)) for t in opened]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    monkeypatch.setattr(agent_store, "agents", original)
    assert not errors, errors
    assert sorted(c or "" for c in chosen) == sorted(f"a{i}" for i in range(pairs))  # one each
    assert loads() == {f"a{i}": 1 for i in range(pairs)}

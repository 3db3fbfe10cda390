"""The service team: the seed agents, who is on it, and whom a ticket's alerts go to."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from aftercare.tickets import agent_store
from aftercare.tickets.agent_store import Agent
from aftercare.tickets.models import AgentOut
from aftercare.tickets.rules import Category


@cache
def _seed() -> tuple[dict[str, Any], ...]:
    raw = resources.files("aftercare.tickets").joinpath("agents_seed.json").read_text(encoding="utf-8")
    return tuple(json.loads(raw)["agents"])


def seed_agents() -> int:
    """Write the seed team (agents_seed.json) where missing; returns how many were written."""
    written = 0
    for agent in _seed():
        written += agent_store.seed_agent(
            Agent(
                agent_id=agent["agentId"],
                name=agent["name"],
                role=agent["role"],
                skills=tuple(agent["skills"]),
                supervisor_id=agent.get("supervisorId"),
                active=agent.get("active", True),
                max_load=int(agent.get("maxLoad", 20)),
                load=0,
            )
        )
    return written


def team() -> list[Agent]:
    found = agent_store.agents()
    if not found:
        seed_agents()
        found = agent_store.agents()
    return found


def agent_to_wire(agent: Agent) -> AgentOut:
    return AgentOut(
        agent_id=agent.agent_id,
        name=agent.name,
        role=agent.role,
        skills=[Category(skill) for skill in agent.skills],
        supervisor_id=agent.supervisor_id,
        active=agent.active,
        load=agent.load,
        max_load=agent.max_load,
    )


def supervisors_for(assignee: str | None) -> list[str]:
    """The assignee's supervisor; with none, every active supervisor."""
    if assignee:
        agent = agent_store.get_agent(assignee)
        if agent is not None and agent.supervisor_id:
            return [agent.supervisor_id]
    return [agent.agent_id for agent in agent_store.agents() if agent.role == "supervisor" and agent.active]

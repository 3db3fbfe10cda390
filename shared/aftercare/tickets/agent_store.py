"""The Agents table: the only module that reads or writes it.

One item per agent with its skills and a `load` counter (its active tickets). An automatic
assignment increments the load only if it is still the load the assigner read, so two
tickets assigned at once cannot both take the same "least loaded" slot. Solving releases
the slot in the solve's own transaction (`add_release_slot`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pynamodb.attributes import BooleanAttribute, ListAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import is_condition_failure
from aftercare.settings import get_settings

AGENT_POOL = "agents"


@dataclass(frozen=True)
class Agent:
    agent_id: str
    name: str
    role: str  # agent or supervisor
    skills: tuple[str, ...]
    supervisor_id: str | None = None
    active: bool = True
    max_load: int = 20
    load: int = 0


class ByPoolIndex(GlobalSecondaryIndex["AgentModel"]):
    class Meta:
        index_name = "byPool"
        projection = AllProjection()

    pool = UnicodeAttribute(hash_key=True)
    agentId = UnicodeAttribute(range_key=True)


class AgentModel(Model):
    class Meta:
        table_name = get_settings().agents_table

    agentId = UnicodeAttribute(hash_key=True)
    pool = UnicodeAttribute(default=AGENT_POOL)
    name = UnicodeAttribute()
    role = UnicodeAttribute()
    skills = ListAttribute(of=UnicodeAttribute, default=list)
    supervisorId = UnicodeAttribute(null=True)
    active = BooleanAttribute(default=True)
    maxLoad = NumberAttribute(default=20)
    load = NumberAttribute(default=0)

    by_pool = ByPoolIndex()


def _agent(row: AgentModel) -> Agent:
    return Agent(
        agent_id=row.agentId,
        name=row.name,
        role=row.role,
        skills=tuple(str(skill) for skill in row.skills or []),
        supervisor_id=row.supervisorId,
        active=bool(row.active),
        max_load=int(row.maxLoad),
        load=int(row.load or 0),
    )


def agents() -> list[Agent]:
    return [_agent(row) for row in AgentModel.by_pool.query(AGENT_POOL)]


def get_agent(agent_id: str) -> Agent | None:
    try:
        return _agent(AgentModel.get(agent_id, consistent_read=True))
    except AgentModel.DoesNotExist:
        return None


def seed_agent(agent: Agent) -> bool:
    """Write a seed agent unless one with its id exists; True when written."""
    row = AgentModel(
        agentId=agent.agent_id,
        name=agent.name,
        role=agent.role,
        skills=list(agent.skills),
        supervisorId=agent.supervisor_id,
        active=agent.active,
        maxLoad=agent.max_load,
        load=agent.load,
    )
    try:
        row.save(condition=AgentModel.agentId.does_not_exist())
    except Exception as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def take_slot(tx: TransactWrite, agent: Agent) -> None:
    """One more active ticket for `agent`, only if its load is still the one read, it is
    active and it has room: the assignment's half of the race."""
    tx.update(
        AgentModel(agentId=agent.agent_id),
        actions=[AgentModel.load.set(AgentModel.load + 1)],
        condition=(AgentModel.load == agent.load)
        & (AgentModel.active == True)  # noqa: E712 - a pynamodb condition, not a comparison
        & (AgentModel.maxLoad > agent.load),
    )


def take_manual_slot(tx: TransactWrite, agent_id: str) -> None:
    """One more active ticket for an agent a person chose (no capacity check)."""
    tx.update(
        AgentModel(agentId=agent_id),
        actions=[AgentModel.load.set(AgentModel.load + 1)],
        condition=AgentModel.agentId.exists(),
    )


def add_release_slot(tx: TransactWrite, agent_id: str) -> None:
    """`adjust_load(agent_id, -1)` as one part of a transaction, on the same condition (the
    agent exists with a load above zero). Unlike `adjust_load`, a refused condition fails the
    whole transaction: the caller retries without this part (see `can_release_slot`)."""
    tx.update(
        AgentModel(agentId=agent_id),
        actions=[AgentModel.load.set(AgentModel.load - 1)],
        condition=AgentModel.load >= 1,
    )


def can_release_slot(agent_id: str) -> bool:
    """Whether `add_release_slot`'s condition holds now (the agent exists, its load above zero)."""
    agent = get_agent(agent_id)
    return agent is not None and agent.load >= 1


def adjust_load(agent_id: str, delta: int) -> bool:
    """Release a slot (a ticket solved or handed over) or take one back (a ticket
    reopened), on its own: the load is a work-balancing hint and never goes below zero.
    False when the agent is gone or already at zero."""
    agent = AgentModel(agentId=agent_id)
    condition = AgentModel.agentId.exists() if delta >= 0 else AgentModel.load >= -delta
    try:
        agent.update(actions=[AgentModel.load.set(AgentModel.load + delta)], condition=condition)
    except Exception as error:
        if is_condition_failure(error):
            return False
        raise
    return True

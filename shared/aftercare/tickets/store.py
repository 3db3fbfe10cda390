"""The Tickets and Agents tables: the only module that reads or writes them.

Tickets: every state change is one conditional write on the expected status and the
version read, with its timeline entry appended in the same write. Four indexes serve the
access patterns without scans: a customer's tickets (byCustomer, newest first), a staff
queue by status or by assignee ordered by SLA due time (byStatus, byAssignee, range
`queueDue`), and the scheduled SLA check (bySla: sparse, only tickets with a deadline
still to watch, range `nextCheckAt`), and staff corrections of the triage (byTriageCorrection:
sparse, only corrected tickets, range `correctedAt`), which `make export-triage-corrections`
reads as labelled examples for retraining.

Automatic tickets are unique per (source, source id): a small key item in the same table
(`ticketId = "key#<source>#<sourceId>"`, none of the indexed attributes, so no index sees
it) is written in the same transaction as the ticket, on the condition that it does not
exist yet.

Agents: one item per agent with its skills and a `load` counter (its active tickets). An
automatic assignment increments the load only if it is still the load the assigner read,
so two tickets assigned at once cannot both take the same "least loaded" slot. Solving
releases the slot in the solve's own transaction (`add_release_slot`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import TimelineAttribute, conflicts_as_409, connection, is_condition_failure
from aftercare.settings import get_settings

SLA_WATCH = "SLA"
CORRECTION_LOG = "TRIAGE"
AGENT_POOL = "agents"
CONFLICT = "the ticket changed meanwhile or does not allow this; reload it and retry"


class MessageAttribute(MapAttribute[str, Any]):
    messageId = UnicodeAttribute()
    at = UnicodeAttribute()
    authorId = UnicodeAttribute()
    authorRole = UnicodeAttribute()  # customer, agent, supervisor or system
    body = UnicodeAttribute()
    templateId = UnicodeAttribute(null=True)


class BreachAttribute(MapAttribute[str, Any]):
    kind = UnicodeAttribute()
    due = UnicodeAttribute()
    at = UnicodeAttribute()
    priorityFrom = UnicodeAttribute()
    priorityTo = UnicodeAttribute()


class ResolutionAttribute(MapAttribute[str, Any]):
    note = UnicodeAttribute()
    outcome = UnicodeAttribute(null=True)
    by = UnicodeAttribute()
    at = UnicodeAttribute()


class TriageCorrectionAttribute(MapAttribute[str, Any]):
    """A staff member's correction of the triage: what the model said (`from*`, kept from the
    first correction) and the labels staff set, which make the ticket a labelled example."""

    fromCategory = UnicodeAttribute()
    fromPriority = UnicodeAttribute()
    fromSentiment = UnicodeAttribute()
    category = UnicodeAttribute()
    priority = UnicodeAttribute()
    sentiment = UnicodeAttribute()
    by = UnicodeAttribute()
    at = UnicodeAttribute()
    note = UnicodeAttribute(null=True)


class ByTriageCorrectionIndex(GlobalSecondaryIndex["TicketModel"]):
    class Meta:
        index_name = "byTriageCorrection"
        projection = AllProjection()

    correctionLog = UnicodeAttribute(hash_key=True)
    correctedAt = UnicodeAttribute(range_key=True)


class ByCustomerIndex(GlobalSecondaryIndex["TicketModel"]):
    class Meta:
        index_name = "byCustomer"
        projection = AllProjection()

    customerId = UnicodeAttribute(hash_key=True)
    createdAt = UnicodeAttribute(range_key=True)


class ByStatusIndex(GlobalSecondaryIndex["TicketModel"]):
    class Meta:
        index_name = "byStatus"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    queueDue = UnicodeAttribute(range_key=True)


class ByAssigneeIndex(GlobalSecondaryIndex["TicketModel"]):
    class Meta:
        index_name = "byAssignee"
        projection = AllProjection()

    assignee = UnicodeAttribute(hash_key=True)
    queueDue = UnicodeAttribute(range_key=True)


class BySlaIndex(GlobalSecondaryIndex["TicketModel"]):
    class Meta:
        index_name = "bySla"
        projection = KeysOnlyProjection()

    slaWatch = UnicodeAttribute(hash_key=True)
    nextCheckAt = UnicodeAttribute(range_key=True)


class TicketModel(Model):
    class Meta:
        table_name = get_settings().tickets_table

    ticketId = UnicodeAttribute(hash_key=True)
    customerId = UnicodeAttribute()
    channel = UnicodeAttribute(null=True)  # none for tickets other domains open
    source = UnicodeAttribute()  # "customer", or the domain that opened it
    sourceId = UnicodeAttribute(null=True)
    subject = UnicodeAttribute()
    status = UnicodeAttribute()
    category = UnicodeAttribute()
    priority = UnicodeAttribute()
    sentiment = UnicodeAttribute()
    triageReasons = ListAttribute(of=UnicodeAttribute, default=list)
    triageCorrection = TriageCorrectionAttribute(null=True)
    correctionLog = UnicodeAttribute(null=True)  # CORRECTION_LOG once corrected (the sparse index)
    correctedAt = UnicodeAttribute(null=True)
    assignee = UnicodeAttribute(null=True)
    orderId = UnicodeAttribute(null=True)
    caseId = UnicodeAttribute(null=True)
    followUpOf = UnicodeAttribute(null=True)
    followUpId = UnicodeAttribute(null=True)
    messages = ListAttribute(of=MessageAttribute, default=list)
    firstResponseDue = UnicodeAttribute()
    resolutionDue = UnicodeAttribute()
    firstRespondedAt = UnicodeAttribute(null=True)
    pausedAt = UnicodeAttribute(null=True)
    pausedSeconds = NumberAttribute(default=0)
    solvedAt = UnicodeAttribute(null=True)
    closedAt = UnicodeAttribute(null=True)
    resolution = ResolutionAttribute(null=True)
    breaches = ListAttribute(of=BreachAttribute, default=list)
    breachCount = NumberAttribute(default=0)
    escalations = NumberAttribute(default=0)
    queueDue = UnicodeAttribute()
    slaWatch = UnicodeAttribute(null=True)
    nextCheckAt = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_customer = ByCustomerIndex()
    by_status = ByStatusIndex()
    by_assignee = ByAssigneeIndex()
    by_sla = BySlaIndex()
    by_triage_correction = ByTriageCorrectionIndex()


class TicketKeyModel(Model):
    """The uniqueness item of an automatic ticket, in the Tickets table."""

    class Meta:
        table_name = get_settings().tickets_table

    ticketId = UnicodeAttribute(hash_key=True)  # key#<source>#<sourceId>
    refTicketId = UnicodeAttribute()
    createdAt = UnicodeAttribute()


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
    role = UnicodeAttribute()  # agent or supervisor
    skills = ListAttribute(of=UnicodeAttribute, default=list)
    supervisorId = UnicodeAttribute(null=True)
    active = BooleanAttribute(default=True)
    maxLoad = NumberAttribute(default=20)
    load = NumberAttribute(default=0)

    by_pool = ByPoolIndex()


# ------------------------------------------------------------------ tickets
def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


def source_key(source: str, source_id: str) -> str:
    return f"key#{source}#{source_id}"


def create(ticket: TicketModel) -> None:
    with conflicts_as_409("a ticket with this id already exists"):
        ticket.save(condition=TicketModel.ticketId.does_not_exist())


def add_new(tx: TransactWrite, ticket: TicketModel) -> None:
    tx.save(ticket, condition=TicketModel.ticketId.does_not_exist())


def create_unique(ticket: TicketModel, *, source: str, source_id: str) -> bool:
    """Create the ticket and its (source, source id) key together; False when another
    ticket already holds the key (nothing is written then)."""
    key = TicketKeyModel(
        ticketId=source_key(source, source_id), refTicketId=ticket.ticketId, createdAt=ticket.createdAt
    )
    try:
        with TransactWrite(connection=connection()) as tx:  # one client per environment (db.connection)
            tx.save(ticket, condition=TicketModel.ticketId.does_not_exist())
            tx.save(key, condition=TicketKeyModel.ticketId.does_not_exist())
    except TransactWriteError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def ticket_for_source(source: str, source_id: str) -> str | None:
    try:
        return TicketKeyModel.get(source_key(source, source_id), consistent_read=True).refTicketId
    except TicketKeyModel.DoesNotExist:
        return None


def get(ticket_id: str, *, consistent: bool = False) -> TicketModel | None:
    if ticket_id.startswith("key#"):
        return None
    try:
        ticket = TicketModel.get(ticket_id, consistent_read=consistent)
    except TicketModel.DoesNotExist:
        return None
    return ticket


def _change(
    entry: TimelineAttribute, actions: list[Action], expected_status: str
) -> tuple[list[Action], Condition]:
    all_actions = [
        *actions,
        TicketModel.updatedAt.set(entry.at),
        TicketModel.timeline.set(TicketModel.timeline.append([entry])),
    ]
    return all_actions, TicketModel.status == expected_status


def change(
    ticket: TicketModel,
    *,
    expected_status: str,
    entry: TimelineAttribute,
    actions: list[Action],
    condition: Condition | None = None,
) -> None:
    """Apply `actions` if the ticket is still in `expected_status` at the version we read."""
    all_actions, expected = _change(entry, actions, expected_status)
    with conflicts_as_409(CONFLICT):
        ticket.update(actions=all_actions, condition=expected if condition is None else expected & condition)


def add_change(
    tx: TransactWrite,
    ticket: TicketModel,
    *,
    expected_status: str,
    entry: TimelineAttribute,
    actions: list[Action],
    condition: Condition | None = None,
) -> None:
    """The same change as `change`, as one part of a transaction."""
    all_actions, expected = _change(entry, actions, expected_status)
    tx.update(ticket, actions=all_actions, condition=expected if condition is None else expected & condition)


def retarget(ticket: TicketModel, *, expected_status: str, actions: list[Action]) -> None:
    """Bookkeeping that is not a state change (the SLA watch), at the version read."""
    with conflicts_as_409("the ticket changed meanwhile"):
        ticket.update(actions=actions, condition=TicketModel.status == expected_status)


def list_for_customer(
    customer_id: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[TicketModel], dict[str, Any] | None]:
    results = TicketModel.by_customer.query(
        customer_id, scan_index_forward=False, limit=limit, last_evaluated_key=start_key
    )
    return list(results), results.last_evaluated_key


RECENT_LIMIT = 20


def recent_since(customer_id: str, since: str) -> list[tuple[str, str]]:
    """(category, status) of the customer's latest tickets created at or after `since`: one
    query of at most `RECENT_LIMIT` items (enough to tell a repeat contact)."""
    results = TicketModel.by_customer.query(
        customer_id,
        range_key_condition=TicketModel.createdAt >= since,
        scan_index_forward=False,
        limit=RECENT_LIMIT,
        attributes_to_get=["category", "status"],
    )
    return [(str(row.category), str(row.status)) for row in results]


def corrections(*, since: str | None = None) -> Iterator[TicketModel]:
    """Corrected tickets, oldest correction first (the sparse byTriageCorrection index,
    read page by page)."""
    return iter(
        TicketModel.by_triage_correction.query(
            CORRECTION_LOG,
            range_key_condition=TicketModel.correctedAt >= since if since else None,
        )
    )


def list_by_status(
    status: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[TicketModel], dict[str, Any] | None]:
    results = TicketModel.by_status.query(status, limit=limit, last_evaluated_key=start_key)
    return list(results), results.last_evaluated_key


def resume_after_in_status(row: TicketModel) -> dict[str, Any]:
    """The byStatus start key that continues right after `row` (its LastEvaluatedKey)."""
    return {"ticketId": {"S": row.ticketId}, "status": {"S": row.status}, "queueDue": {"S": row.queueDue}}


def list_by_assignee(
    assignee: str, *, status: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[TicketModel], dict[str, Any] | None]:
    results = TicketModel.by_assignee.query(
        assignee,
        filter_condition=(TicketModel.status == status) if status else None,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return list(results), results.last_evaluated_key


def due_for_check(now: str, *, page_size: int = 100) -> list[TicketModel]:
    """Tickets whose next SLA deadline or automatic closing is at or before `now`,
    earliest first: keys only (the index is eventually consistent; each ticket is
    reloaded before a write)."""
    return list(
        TicketModel.by_sla.query(
            SLA_WATCH, range_key_condition=TicketModel.nextCheckAt <= now, page_size=page_size
        )
    )


# ------------------------------------------------------------------ agents
def agents() -> list[AgentModel]:
    return list(AgentModel.by_pool.query(AGENT_POOL))


def get_agent(agent_id: str) -> AgentModel | None:
    try:
        return AgentModel.get(agent_id, consistent_read=True)
    except AgentModel.DoesNotExist:
        return None


def seed_agent(agent: AgentModel) -> bool:
    """Write a seed agent unless one with its id exists; True when written."""
    try:
        agent.save(condition=AgentModel.agentId.does_not_exist())
    except Exception as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def take_slot(tx: TransactWrite, agent: AgentModel) -> None:
    """One more active ticket for `agent`, only if its load is still the one read, it is
    active and it has room: the assignment's half of the race."""
    read_load = int(agent.load)
    tx.update(
        agent,
        actions=[AgentModel.load.set(AgentModel.load + 1)],
        condition=(AgentModel.load == read_load)
        & (AgentModel.active == True)  # noqa: E712 - a pynamodb condition, not a comparison
        & (AgentModel.maxLoad > read_load),
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
    return agent is not None and int(agent.load or 0) >= 1


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

"""The Tickets table: the only module that reads or writes its tickets.

Every change is one conditional write on the expected status and the version read, with its
timeline entry appended in the same write; a change that adds a message writes the message
item (message_store) in the same transaction. Five indexes serve the access patterns
without scans: a customer's tickets (byCustomer, newest first), a staff queue by status or
by assignee ordered by SLA due time (byStatus, byAssignee, range `queueDue`), the scheduled
SLA check (bySla: sparse, only tickets with a deadline still to watch, range
`nextCheckAt`), and staff corrections of the triage (byTriageCorrection: sparse, only
corrected tickets, range `correctedAt`), which `make export-triage-corrections` reads as
labelled examples for retraining.

Automatic tickets are unique per (source, source id): a small key item in the same table
(`ticketId = "key#<source>#<sourceId>"`, none of the indexed attributes, so no index sees
it) is written in the same transaction as the ticket, on the condition that it does not
exist yet.

Reads return the `TicketModel` as read (other domains read its attributes); writes take
the intents of `changes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from aftercare.db import TimelineAttribute, conflicts_as_409, connection, is_condition_failure, transaction
from aftercare.tickets import message_store
from aftercare.tickets.changes import Change, Entry, Fields, Message, NewTicket
from aftercare.tickets.ticket_items import MessageAttribute, TicketKeyModel, TicketModel

SLA_WATCH = "SLA"
CORRECTION_LOG = "TRIAGE"
CONFLICT = "the ticket changed meanwhile or does not allow this; reload it and retry"
NOT_TICKETS = ("key#", message_store.MESSAGE_PREFIX)  # other items sharing the table


# ------------------------------------------------------------------ writes
def source_key(source: str, source_id: str) -> str:
    return f"key#{source}#{source_id}"


def _timeline(entry: Entry) -> TimelineAttribute:
    return TimelineAttribute(
        at=entry.at, from_status=entry.from_status, to=entry.to, actor=entry.actor, note=entry.note
    )


def _latest(message: Message) -> MessageAttribute:
    return MessageAttribute(
        messageId=message.message_id,
        at=message.at,
        authorId=message.author_id,
        authorRole=message.author_role,
        body=message.body,
        templateId=message.template_id,
    )


def _model(new: NewTicket) -> TicketModel:
    watched = new.next_check_at is not None
    return TicketModel(
        ticketId=new.ticket_id,
        customerId=new.customer_id,
        channel=new.channel,
        source=new.source,
        sourceId=new.source_id,
        subject=new.subject,
        status=new.entry.to,
        category=new.category,
        priority=new.priority,
        sentiment=new.sentiment,
        triageReasons=list(new.triage_reasons),
        orderId=new.order_id,
        caseId=new.case_id,
        followUpOf=new.follow_up_of,
        latest=[_latest(new.message)],
        messageCount=1,
        lastMessageAt=new.message.at,
        firstResponseDue=new.first_response_due,
        resolutionDue=new.resolution_due,
        pausedSeconds=0,
        breaches=[],
        breachCount=0,
        escalations=0,
        queueDue=new.queue_due,
        slaWatch=SLA_WATCH if watched else None,
        nextCheckAt=new.next_check_at,
        timeline=[_timeline(new.entry)],
        createdAt=new.entry.at,
        updatedAt=new.entry.at,
    )


def add_new(tx: TransactWrite, new: NewTicket) -> None:
    """The new ticket and its first message, as parts of a transaction."""
    tx.save(_model(new), condition=TicketModel.ticketId.does_not_exist())
    message_store.add_message(tx, new.ticket_id, 0, new.message)
    if new.report is not None:
        message_store.add_report(tx, new.ticket_id, new.report, new.entry.at)


def create(new: NewTicket) -> None:
    with transaction("a ticket with this id already exists") as tx:
        add_new(tx, new)


def create_unique(new: NewTicket, *, source: str, source_id: str) -> bool:
    """Create the ticket and its (source, source id) key together; False when another
    ticket already holds the key (nothing is written then)."""
    key = TicketKeyModel(
        ticketId=source_key(source, source_id), refTicketId=new.ticket_id, createdAt=new.entry.at
    )
    try:
        with TransactWrite(connection=connection()) as tx:  # one client per environment (db.connection)
            add_new(tx, new)
            tx.save(key, condition=TicketKeyModel.ticketId.does_not_exist())
    except TransactWriteError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def _field_actions(fields: Fields) -> list[Action]:
    return [getattr(TicketModel, name).set(value) for name, value in fields.set.items()] + [
        getattr(TicketModel, name).remove() for name in fields.remove
    ]


def _change(ticket: TicketModel, change: Change) -> tuple[list[Action], Condition]:
    actions = _field_actions(change.fields)
    for name, delta in change.add.items():
        counter = getattr(TicketModel, name)
        actions.append(counter.set(counter + delta))
    if change.breaches:
        records = [
            {
                "kind": b.kind,
                "due": b.due,
                "at": b.at,
                "priorityFrom": b.priority_from,
                "priorityTo": b.priority_to,
            }
            for b in change.breaches
        ]
        actions.append(TicketModel.breaches.set(TicketModel.breaches.append(records)))
    if change.message is not None:
        actions += [
            TicketModel.latest.set([_latest(change.message)]),
            TicketModel.messageCount.set(int(ticket.messageCount or 0) + 1),
            TicketModel.lastMessageAt.set(change.message.at),
        ]
    actions.append(TicketModel.updatedAt.set(change.entry.at))
    if change.on_timeline:
        actions.append(TicketModel.timeline.set(TicketModel.timeline.append([_timeline(change.entry)])))
    condition = TicketModel.status == change.expected
    if change.without_follow_up:
        condition &= TicketModel.followUpId.does_not_exist()
    return actions, condition


def add_apply(tx: TransactWrite, ticket: TicketModel, change: Change) -> None:
    """`change` as parts of a transaction (with its message and report items, if any)."""
    actions, condition = _change(ticket, change)
    tx.update(ticket, actions=actions, condition=condition)
    if change.message is not None:
        message_store.add_message(tx, ticket.ticketId, int(ticket.messageCount or 0), change.message)
    if change.report is not None:
        message_store.add_report(tx, ticket.ticketId, change.report, change.entry.at)


def apply(ticket: TicketModel, change: Change) -> None:
    """Write `change` if the ticket is still in its expected status at the version read;
    `ticket` then holds what was written."""
    if change.message is None and change.report is None:
        actions, condition = _change(ticket, change)
        with conflicts_as_409(CONFLICT):
            ticket.update(actions=actions, condition=condition)
        return
    with transaction(CONFLICT) as tx:
        add_apply(tx, ticket, change)
    reload(ticket)


def reload(ticket: TicketModel) -> None:
    """`ticket` as written (after a transaction, which returns nothing)."""
    ticket.refresh(consistent_read=True)


def retarget(ticket: TicketModel, *, expected_status: str, fields: Fields) -> None:
    """Bookkeeping that is not a state change (the SLA watch), at the version read."""
    with conflicts_as_409("the ticket changed meanwhile"):
        ticket.update(actions=_field_actions(fields), condition=TicketModel.status == expected_status)


# ------------------------------------------------------------------ reads
def ticket_for_source(source: str, source_id: str) -> str | None:
    try:
        return TicketKeyModel.get(source_key(source, source_id), consistent_read=True).refTicketId
    except TicketKeyModel.DoesNotExist:
        return None


def get(ticket_id: str, *, consistent: bool = False) -> TicketModel | None:
    if ticket_id.startswith(NOT_TICKETS):
        return None
    try:
        return TicketModel.get(ticket_id, consistent_read=consistent)
    except TicketModel.DoesNotExist:
        return None


def latest_message(ticket: TicketModel) -> list[Message]:
    """The ticket's latest message, as the ticket item keeps it (no read)."""
    return [
        Message(
            message_id=m.messageId,
            at=m.at,
            author_id=m.authorId,
            author_role=m.authorRole,
            body=m.body,
            template_id=m.templateId,
        )
        for m in ticket.latest or []
    ]


def messages(ticket: TicketModel, *, start: int, stop: int) -> list[Message]:
    """The ticket's messages `start` up to `stop` (positions), oldest first."""
    return message_store.page(ticket.ticketId, start=start, stop=min(stop, int(ticket.messageCount or 0)))


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


def due_for_check(now: str, *, page_size: int = 100) -> list[str]:
    """The ids of tickets whose next SLA deadline or automatic closing is at or before
    `now`, earliest first: keys only (the index is eventually consistent; each ticket is
    reloaded before a write)."""
    rows = TicketModel.by_sla.query(
        SLA_WATCH, range_key_condition=TicketModel.nextCheckAt <= now, page_size=page_size
    )
    return [row.ticketId for row in rows]

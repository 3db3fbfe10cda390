"""A ticket's conversation in the Tickets table: one item per message.

A conversation never fits one item for long (DynamoDB's 400 KB item limit), so each message
is its own item, keyed `msg#<ticketId>#<position>`: the ticket counts its messages
(`messageCount`), so message n of a ticket has a key known in advance, written once
(the put's condition) in the same transaction as the ticket's change, and a page of the
conversation is one strongly consistent batch read of the keys it spans. Like the
uniqueness keys, these items carry none of the indexed attributes (no index sees them) and
no `tk_` key (the analytics stream filter skips them).

A system report (another domain's message) is kept once per ticket: a `key#report#...`
item per (ticket, report digest) is written with the message, on the condition that it
does not exist yet.
"""

from __future__ import annotations

import hashlib
import json

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.settings import get_settings
from aftercare.tickets.changes import Message

MESSAGE_PREFIX = "msg#"
REPORT_PREFIX = "key#report#"
BATCH = 100  # BatchGetItem's most keys per request


class MessageModel(Model):
    class Meta:
        table_name = get_settings().tickets_table

    ticketId = UnicodeAttribute(hash_key=True)  # msg#<ticket id>#<position>
    conversation = UnicodeAttribute()  # the ticket's id
    position = NumberAttribute()
    messageId = UnicodeAttribute()
    at = UnicodeAttribute()
    authorId = UnicodeAttribute()
    authorRole = UnicodeAttribute()
    body = UnicodeAttribute()
    templateId = UnicodeAttribute(null=True)


class ReportKeyModel(Model):
    """That a ticket holds a system report already (its digest), in the Tickets table."""

    class Meta:
        table_name = get_settings().tickets_table

    ticketId = UnicodeAttribute(hash_key=True)  # key#report#<ticket id>#<digest>
    refTicketId = UnicodeAttribute()
    createdAt = UnicodeAttribute()


def message_key(ticket_id: str, position: int) -> str:
    return f"{MESSAGE_PREFIX}{ticket_id}#{position:08d}"


def report_digest(author_id: str, body: str) -> str:
    pair = json.dumps([author_id, body], ensure_ascii=False)  # unambiguous where the two meet
    return hashlib.sha256(pair.encode()).hexdigest()[:32]


def _report_key(ticket_id: str, digest: str) -> str:
    return f"{REPORT_PREFIX}{ticket_id}#{digest}"


def add_message(tx: TransactWrite, ticket_id: str, position: int, message: Message) -> None:
    """Message `position` of the ticket, as one part of the ticket's transaction."""
    item = MessageModel(
        ticketId=message_key(ticket_id, position),
        conversation=ticket_id,
        position=position,
        messageId=message.message_id,
        at=message.at,
        authorId=message.author_id,
        authorRole=message.author_role,
        body=message.body,
        templateId=message.template_id,
    )
    tx.save(item, condition=MessageModel.ticketId.does_not_exist())


def add_report(tx: TransactWrite, ticket_id: str, digest: str, at: str) -> None:
    item = ReportKeyModel(ticketId=_report_key(ticket_id, digest), refTicketId=ticket_id, createdAt=at)
    tx.save(item, condition=ReportKeyModel.ticketId.does_not_exist())


def has_report(ticket_id: str, digest: str) -> bool:
    try:
        ReportKeyModel.get(_report_key(ticket_id, digest), consistent_read=True)
    except ReportKeyModel.DoesNotExist:
        return False
    return True


def _message(row: MessageModel) -> Message:
    return Message(
        message_id=row.messageId,
        at=row.at,
        author_id=row.authorId,
        author_role=row.authorRole,
        body=row.body,
        template_id=row.templateId,
    )


def page(ticket_id: str, *, start: int, stop: int) -> list[Message]:
    """Messages `start` up to (not including) `stop`, oldest first."""
    keys = [message_key(ticket_id, position) for position in range(max(start, 0), stop)]
    rows: list[MessageModel] = []
    for offset in range(0, len(keys), BATCH):
        rows += MessageModel.batch_get(keys[offset : offset + BATCH], consistent_read=True)
    return [_message(row) for row in sorted(rows, key=lambda row: int(row.position))]

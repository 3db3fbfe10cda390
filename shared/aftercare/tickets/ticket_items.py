"""The items of the Tickets table, as pynamodb models: the ticket, its attributes and indexes,
and the uniqueness key of an automatic ticket. Read and written only by the stores."""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from aftercare.db import TimelineAttribute
from aftercare.settings import get_settings


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
    # The latest message only (the stored name is what the stream's readers know); the
    # conversation is in the message items (message_store), `messageCount` of them.
    latest = ListAttribute(of=MessageAttribute, attr_name="messages", default=list)
    messageCount = NumberAttribute(default=0)
    lastMessageAt = UnicodeAttribute(null=True)
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

"""The NotificationLog table: the only module that reads or writes it.

One item per notification id: the sender claims it (a lease, so a crashed delivery is
retried once the lease ends) before delivering and records the outcome after, so an id
queued twice, or a message SQS delivers twice, reaches the customer once. Items expire
(TTL) after 90 days.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError
from pynamodb.expressions.update import Action
from pynamodb.models import Model

from aftercare import clock
from aftercare.db import is_condition_failure
from aftercare.settings import get_settings

SENDING = "SENDING"
RETRY = "RETRY"
KEEP_FOR = timedelta(days=90)


class DeliveryModel(Model):
    class Meta:
        table_name = get_settings().notification_log_table

    notificationId = UnicodeAttribute(hash_key=True)
    recipientId = UnicodeAttribute()
    kind = UnicodeAttribute()
    status = UnicodeAttribute()  # SENDING, RETRY, or the outcome: SENT, SKIPPED, UNDELIVERABLE
    channel = UnicodeAttribute(null=True)
    providerMessageId = UnicodeAttribute(null=True)
    detail = UnicodeAttribute(null=True)
    leaseUntil = UnicodeAttribute(null=True)
    updatedAt = UnicodeAttribute()
    expiresAt = NumberAttribute()  # TTL, epoch seconds


def claim(notification_id: str, *, recipient_id: str, kind: str, now: datetime, lease: timedelta) -> bool:
    """Take the notification for delivery; False if it was delivered (or is being delivered
    under a live lease) already."""
    item = DeliveryModel(
        notificationId=notification_id,
        recipientId=recipient_id,
        kind=kind,
        status=SENDING,
        leaseUntil=clock.iso(now + lease),
        updatedAt=clock.iso(now),
        expiresAt=int((now + KEEP_FOR).timestamp()),
    )
    condition = (
        DeliveryModel.notificationId.does_not_exist()
        | (DeliveryModel.status == RETRY)
        | ((DeliveryModel.status == SENDING) & (DeliveryModel.leaseUntil < clock.iso(now)))
    )
    try:
        item.save(condition=condition)
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def finish(
    notification_id: str,
    *,
    status: str,
    now: datetime,
    channel: str | None = None,
    provider_message_id: str | None = None,
    detail: str | None = None,
) -> None:
    actions: list[Action] = [
        DeliveryModel.status.set(status),
        DeliveryModel.updatedAt.set(clock.iso(now)),
        DeliveryModel.leaseUntil.remove(),
    ]
    if channel:
        actions.append(DeliveryModel.channel.set(channel))
    if provider_message_id:
        actions.append(DeliveryModel.providerMessageId.set(provider_message_id))
    if detail:
        actions.append(DeliveryModel.detail.set(detail[:500]))
    DeliveryModel(notificationId=notification_id).update(actions=actions)


def release(notification_id: str, *, now: datetime, detail: str) -> None:
    """Give the claim back so the queue's retry can deliver it."""
    finish(notification_id, status=RETRY, now=now, detail=detail)


def get(notification_id: str) -> DeliveryModel | None:
    try:
        return DeliveryModel.get(notification_id, consistent_read=True)
    except DeliveryModel.DoesNotExist:
        return None

"""Delivers one queued notification by the recipient's channel.

- `role:<role>` recipients are staff: the staff alerts topic (or the log).
- Anyone else is looked up in the customer profiles (defaults when there is none): the
  first usable channel of the notification's preferred channel and the customer's ordered
  channels; e-mail needs an address, SMS a phone number, push goes to the user id.
- Marketing-type kinds (surveys, care campaigns) respect opt-outs (recorded as SKIPPED)
  and quiet hours (`Deferred` until 09:00 local); transactional kinds ignore both.
- Each notification id is delivered once (notifications/store.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from aftercare import clock
from aftercare.customers import queries as customers
from aftercare.customers.queries import Channel, is_marketing, is_quiet, next_morning, opted_out
from aftercare.notifications import channels, store, templates
from aftercare.observability import logger, metrics

ROLE_PREFIX = "role:"
# Provider refusals no retry can fix (unverified sender, invalid address or number): the
# next channel is tried instead.
PERMANENT_REFUSALS = frozenset(
    {"MessageRejected", "InvalidParameter", "InvalidParameterValue", "MailFromDomainNotVerifiedException"}
)
LEASE = timedelta(seconds=60)  # the queue's visibility timeout: a crashed attempt is retried after it


class Deferred(Exception):
    """A marketing message reached the sender in the customer's quiet hours."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"quiet hours: deferred until {clock.iso(until)}")
        self.until = until


@dataclass(frozen=True)
class Notification:
    notification_id: str
    recipient_id: str
    kind: str
    data: dict[str, Any]

    @classmethod
    def parse(cls, body: str) -> Notification:
        """The queue message, or ValueError for one no retry can fix (a poison message)."""
        message = json.loads(body)
        if not isinstance(message, dict):
            raise ValueError("a notification is a JSON object")
        data = message.get("data") or {}
        fields = (message.get("notificationId"), message.get("recipientId"), message.get("kind"))
        if not all(isinstance(value, str) and value for value in fields) or not isinstance(data, dict):
            raise ValueError("a notification needs notificationId, recipientId, kind and an object data")
        return cls(str(fields[0]), str(fields[1]), str(fields[2]), data)


def deliver(notification: Notification) -> str:
    """Deliver once; returns the outcome recorded (or "duplicate")."""
    now = clock.now()
    if not store.claim(
        notification.notification_id,
        recipient_id=notification.recipient_id,
        kind=notification.kind,
        now=now,
        lease=LEASE,
    ):
        metrics.add_metric(name="NotificationDuplicates", unit="Count", value=1)
        logger.info("notification already delivered", extra={"notification_id": notification.notification_id})
        return "duplicate"
    try:
        status, channel, message_id, detail = _deliver(notification, now)
    except Exception as error:
        store.release(notification.notification_id, now=now, detail=repr(error))
        raise
    store.finish(
        notification.notification_id,
        status=status,
        now=now,
        channel=channel,
        provider_message_id=message_id,
        detail=detail,
    )
    metrics.add_metric(name=f"Notifications{status.title()}", unit="Count", value=1)
    logger.info(
        "notification " + status.lower(),
        extra={
            "notification_id": notification.notification_id,
            "kind": notification.kind,
            "channel": channel,
        },
    )
    return status


def _deliver(notification: Notification, now: datetime) -> tuple[str, str | None, str | None, str | None]:
    kind, data = notification.kind, notification.data
    if notification.recipient_id.startswith(ROLE_PREFIX):
        role = notification.recipient_id.removeprefix(ROLE_PREFIX)
        subject, text = templates.render(kind, data, language="en", staff=True)
        return "SENT", "staff", channels.staff.deliver_to_role(role, kind, subject, text), None
    reach = customers.reach(notification.recipient_id)
    marketing = is_marketing(kind)
    if marketing and opted_out(kind, reach.opt_outs):
        return "SKIPPED", None, None, "the customer opted out"
    if marketing and is_quiet(now, reach.time_zone):
        raise Deferred(next_morning(now, reach.time_zone))
    subject, text = templates.render(kind, data, language=reach.language)
    addresses: dict[Channel, str | None] = {
        Channel.EMAIL: reach.email,
        Channel.SMS: reach.phone,
        Channel.PUSH: reach.customer_id,
    }
    preferred = data.get("channel")
    # The sender's preferred channel goes first if the customer allows it at all.
    order = [channel for channel in reach.channels if channel.value == preferred]
    order += [channel for channel in reach.channels if channel not in order]
    refused: list[str] = []
    for channel in order:
        address = addresses.get(channel)
        if not address:
            continue
        try:
            message_id = _adapter(channel).deliver(address, subject, text, marketing=marketing)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code not in PERMANENT_REFUSALS:
                raise  # throttled or unavailable: the queue retries the message
            refused.append(f"{channel.value}: {code}")
            logger.warning("channel refused the message; trying the next", extra={"channel": channel.value,
                                                                                 "code": code})  # fmt: skip
            continue
        return "SENT", channel.value, message_id, "; ".join(refused) or None
    reason = "; ".join(refused) or "no channel the customer allows has an address"
    return "UNDELIVERABLE", None, None, reason


def _adapter(channel: Channel) -> channels.Adapter:
    if channel is Channel.EMAIL:
        return channels.email
    if channel is Channel.SMS:
        return channels.sms
    return channels.push

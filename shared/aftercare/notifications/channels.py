"""Delivery adapters, one per channel: e-mail through SES, SMS through SNS, push through
a stub, staff alerts through an SNS topic. Each returns the provider's message id."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Protocol

from aftercare import ids
from aftercare.aws import client
from aftercare.observability import logger
from aftercare.settings import get_settings

SMS_MAX_CHARS = 600  # long SMS are split by the carrier and billed per part


class Adapter(Protocol):
    def deliver(self, address: str, subject: str, text: str, *, marketing: bool) -> str: ...


class SesEmailAdapter:
    def deliver(self, address: str, subject: str, text: str, *, marketing: bool) -> str:
        reply = client("ses").send_email(
            Source=get_settings().notification_from_email,
            Destination={"ToAddresses": [address]},
            Message={
                "Subject": {"Data": subject, "Charset": "UTF-8"},
                "Body": {"Text": {"Data": text, "Charset": "UTF-8"}},
            },
        )
        return str(reply["MessageId"])


class SnsSmsAdapter:
    def deliver(self, address: str, subject: str, text: str, *, marketing: bool) -> str:
        reply = client("sns").publish(
            PhoneNumber=address,
            Message=text[:SMS_MAX_CHARS],
            MessageAttributes={
                "AWS.SNS.SMS.SMSType": {
                    "DataType": "String",
                    "StringValue": "Promotional" if marketing else "Transactional",
                }
            },
        )
        return str(reply["MessageId"])


@dataclass
class StubPushAdapter:
    """A STUB: no push provider is wired yet (FCM/APNs through SNS platform endpoints
    would replace it). It records what it would have pushed, to the user id as address,
    and logs it; tests and the local stack read `sent`."""

    sent: list[dict[str, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def deliver(self, address: str, subject: str, text: str, *, marketing: bool) -> str:
        message_id = f"stub-push-{ids.ulid()}"
        with self._lock:
            self.sent.append({"to": address, "subject": subject, "text": text, "messageId": message_id})
        logger.info("push (stub) delivered", extra={"to": address, "message_id": message_id})
        return message_id


class StaffTopicAdapter:
    """Staff notifications (`role:agent`, `role:supervisor`) go to the staff alerts topic,
    with the role and kind as message attributes for subscription filters; without a
    topic configured they are logged."""

    def deliver_to_role(self, role: str, kind: str, subject: str, text: str) -> str:
        topic = get_settings().staff_alerts_topic_arn
        if not topic:
            logger.warning("staff notification logged (no staff topic)", extra={"role": role, "kind": kind,
                                                                               "text": text})  # fmt: skip
            return "logged"
        reply = client("sns").publish(
            TopicArn=topic,
            Subject=subject[:100],
            Message=text,
            MessageAttributes={
                "role": {"DataType": "String", "StringValue": role},
                "kind": {"DataType": "String", "StringValue": kind},
            },
        )
        return str(reply["MessageId"])


email = SesEmailAdapter()
sms = SnsSmsAdapter()
push = StubPushAdapter()
staff = StaffTopicAdapter()

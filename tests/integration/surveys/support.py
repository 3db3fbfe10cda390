"""Helpers for the survey, campaign and notification tests: the notifications queue as
the sender sees it, stream records of the tables, and what SES/SNS (moto) received."""

from __future__ import annotations

import json
from typing import Any

import boto3
from boto3.dynamodb.types import TypeDeserializer
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends
from moto.sns.models import sns_backends

from aftercare.settings import get_settings
from tests.support.api import Api

REGION = "us-east-1"


def take_messages() -> list[dict[str, Any]]:
    """Every message waiting on the notifications queue (received and deleted)."""
    sqs = boto3.client("sqs", region_name=REGION)
    url = get_settings().notifications_queue_url
    taken: list[dict[str, Any]] = []
    while True:
        batch = sqs.receive_message(
            QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"], AttributeNames=["All"]
        ).get("Messages", [])
        if not batch:
            return taken
        for message in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        taken.extend(batch)


def bodies(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [json.loads(message["Body"]) for message in messages]


def sqs_record(body: str | dict[str, Any], message_id: str = "m-1", receipt: str = "rh-1") -> dict[str, Any]:
    return {
        "messageId": message_id,
        "receiptHandle": receipt,
        "body": body if isinstance(body, str) else json.dumps(body),
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:aftercare-local-NotificationsQueue",
        "awsRegion": REGION,
    }


def sqs_event(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "Records": [
            sqs_record(message["Body"], message["MessageId"], message["ReceiptHandle"])
            for message in messages
        ]
    }


def send_all(api: Api) -> dict[str, Any]:
    """Hand everything on the notifications queue to the sender function, as Lambda would."""
    messages = take_messages()
    if not messages:
        return {"batchItemFailures": []}
    result: dict[str, Any] = api.host.invoke("NotificationSenderFunction", sqs_event(messages))
    return result


def stream_event(table: str, key: dict[str, str], *, old: dict[str, Any] | None = None) -> dict[str, Any]:
    """A MODIFY stream record of the item as it is now (NewImage), with `old` changes
    applied to it for the OldImage."""
    client = boto3.client("dynamodb", region_name=REGION)
    item = client.get_item(TableName=table, Key={k: {"S": v} for k, v in key.items()}, ConsistentRead=True)[
        "Item"
    ]
    old_image = dict(item)
    for name, value in (old or {}).items():
        old_image[name] = {"S": value}
    return {
        "Records": [
            {
                "eventID": "evt-" + "-".join(key.values()),
                "eventName": "MODIFY",
                "eventVersion": "1.1",
                "eventSource": "aws:dynamodb",
                "awsRegion": REGION,
                "dynamodb": {
                    "ApproximateCreationDateTime": 1795420800,
                    "Keys": {k: {"S": v} for k, v in key.items()},
                    "NewImage": item,
                    "OldImage": old_image,
                    "SequenceNumber": "1",
                    "SizeBytes": 100,
                    "StreamViewType": "NEW_AND_OLD_IMAGES",
                },
                "eventSourceARN": f"arn:aws:dynamodb:us-east-1:123456789012:table/{table}/stream/x",
            }
        ]
    }


def item(table: str, key: dict[str, str]) -> dict[str, Any] | None:
    client = boto3.client("dynamodb", region_name=REGION)
    raw = client.get_item(
        TableName=table, Key={k: {"S": v} for k, v in key.items()}, ConsistentRead=True
    ).get("Item")
    if raw is None:
        return None
    deserializer = TypeDeserializer()
    return {name: deserializer.deserialize(value) for name, value in raw.items()}


def emails() -> list[Any]:
    return list(ses_backends[DEFAULT_ACCOUNT_ID][REGION].sent_messages)


def texts() -> list[tuple[str, str]]:
    return list(sns_backends[DEFAULT_ACCOUNT_ID][REGION].sms_messages.values())


def staff_alerts() -> list[tuple[Any, ...]]:
    backend = sns_backends[DEFAULT_ACCOUNT_ID][REGION]
    return list(backend.topics[get_settings().staff_alerts_topic_arn].sent_notifications)


def verify_sender() -> None:
    boto3.client("ses", region_name=REGION).verify_email_identity(
        EmailAddress=get_settings().notification_from_email
    )

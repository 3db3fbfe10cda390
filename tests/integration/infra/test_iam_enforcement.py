"""The local stack runs each function under its own role from template.yaml: a request
outside the function's policy — an action it does not hold, or another domain's table,
index, queue or secret — is refused with AccessDeniedException, as IAM refuses it on AWS.
moto's own IAM checks actions only; infra/local/iam.py checks the resource too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from aftercare import secrets
from infra.local import iam
from infra.template import Stack


@pytest.fixture
def enforcer(aws: Stack) -> Iterator[iam.Enforcer]:
    secrets.forget()
    yield iam.install(aws)
    secrets.forget()


def client(service: str) -> Any:
    return boto3.client(service, region_name="us-east-1")  # made after install: checked


def denied(call: Any) -> str:
    with pytest.raises(ClientError) as raised:
        call()
    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"
    return str(raised.value)


def test_a_function_reads_what_its_policy_names(aws: Stack, enforcer: iam.Enforcer) -> None:
    dynamodb = client("dynamodb")
    with iam.acting_as("TrackingApiFunction"):
        dynamodb.get_item(TableName=aws.ref("OrdersTable"), Key={"orderId": {"S": "ord_1"}})
        dynamodb.query(
            TableName=aws.ref("ShipmentsTable"),
            IndexName="byOrder",
            KeyConditionExpression="orderId = :o",
            ExpressionAttributeValues={":o": {"S": "ord_1"}},
        )


def test_an_action_the_function_does_not_hold_is_denied(aws: Stack, enforcer: iam.Enforcer) -> None:
    dynamodb = client("dynamodb")
    with iam.acting_as("TrackingApiFunction"):
        message = denied(
            lambda: dynamodb.put_item(TableName=aws.ref("OrdersTable"), Item={"orderId": {"S": "ord_1"}})
        )
    assert "dynamodb:PutItem" in message
    assert enforcer.denied[-1] == (
        "TrackingApiFunction",
        "dynamodb:PutItem",
        aws.get_att("OrdersTable", "Arn"),
    )


def test_another_domains_table_is_denied_even_for_an_action_the_function_holds(
    aws: Stack, enforcer: iam.Enforcer
) -> None:
    dynamodb = client("dynamodb")
    with iam.acting_as("TrackingApiFunction"):
        denied(lambda: dynamodb.get_item(TableName=aws.ref("TicketsTable"), Key={"ticketId": {"S": "tk_1"}}))
        # an index of its own table that its policy does not name
        denied(
            lambda: dynamodb.query(
                TableName=aws.ref("ShipmentsTable"),
                IndexName="byTracking",
                KeyConditionExpression="trackingKey = :k",
                ExpressionAttributeValues={":k": {"S": "x"}},
            )
        )


def test_the_domain_stores_through_pynamodb_are_checked_too(
    aws: Stack, enforcer: iam.Enforcer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pynamodb.exceptions import GetError

    from aftercare.tickets.store import TicketModel

    # A connection an earlier test made predates the check; the local stack installs it first.
    monkeypatch.setattr(TicketModel, "_connection", None)
    with iam.acting_as("TrackingApiFunction"), pytest.raises(GetError) as raised:
        TicketModel.get("tk_1")
    assert "AccessDeniedException" in str(raised.value.cause)


def test_each_function_reads_only_its_own_secrets(aws: Stack, enforcer: iam.Enforcer) -> None:
    from aws_lambda_powertools.utilities.parameters.exceptions import GetParameterError

    with iam.acting_as("OrdersApiFunction"):
        assert secrets.value(aws.ref("CursorSigningSecret"))
        with pytest.raises(GetParameterError, match=r"AccessDeniedException.*WebhookSigningSecret"):
            secrets.value(aws.ref("WebhookSigningSecret"))
    secrets.forget()
    with iam.acting_as("PaymentsWebhookFunction"):
        assert secrets.value(aws.ref("WebhookSigningSecret"))
        with pytest.raises(GetParameterError, match=r"AccessDeniedException.*CursorSigningSecret"):
            secrets.value(aws.ref("CursorSigningSecret"))


def test_queues_and_transactions_are_checked_per_resource(aws: Stack, enforcer: iam.Enforcer) -> None:
    sqs, dynamodb = client("sqs"), client("dynamodb")
    url = sqs.get_queue_url(QueueName=aws.ref("NotificationsQueue").rsplit("/", 1)[-1])["QueueUrl"]
    with iam.acting_as("OrdersApiFunction"):
        sqs.send_message(QueueUrl=url, MessageBody="{}")
    with iam.acting_as("TrackingApiFunction"):
        denied(lambda: sqs.send_message(QueueUrl=url, MessageBody="{}"))
    item = {"Put": {"TableName": aws.ref("TicketsTable"), "Item": {"ticketId": {"S": "tk_1"}}}}
    with iam.acting_as("OrdersApiFunction"):
        denied(lambda: dynamodb.transact_write_items(TransactItems=[item]))


def test_what_sam_adds_to_a_role_is_allowed(aws: Stack, enforcer: iam.Enforcer) -> None:
    queue = aws.get_att("NotificationsQueue", "Arn")
    assert enforcer.allowed("NotificationSenderFunction", "sqs:ReceiveMessage", queue)
    assert not enforcer.allowed("OrdersApiFunction", "sqs:ReceiveMessage", queue)
    dead_letters = aws.get_att("ScheduledJobsDLQ", "Arn")
    assert enforcer.allowed("CampaignRunnerFunction", "sqs:SendMessage", dead_letters)


def test_requests_outside_any_function_are_the_local_stacks_own(aws: Stack, enforcer: iam.Enforcer) -> None:
    client("dynamodb").put_item(TableName=aws.ref("TicketsTable"), Item={"ticketId": {"S": "tk_1"}})


def test_every_functions_role_is_understood(aws: Stack, enforcer: iam.Enforcer) -> None:
    for spec in aws.functions():
        assert enforcer.role(spec.logical_id), spec.logical_id

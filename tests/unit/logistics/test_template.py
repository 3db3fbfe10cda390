"""The logistics resources of template.yaml hold together."""

from __future__ import annotations

from typing import Any

from tests.support.environment import new_stack

STACK = new_stack()
RESOURCES: dict[str, Any] = STACK.resources


def props(logical_id: str) -> dict[str, Any]:
    return dict(RESOURCES[logical_id]["Properties"])


def test_the_consumer_dead_letters_on_the_same_receive_as_the_queues_redrive() -> None:
    redrive = props("TrackingEventsQueue")["RedrivePolicy"]
    assert redrive["deadLetterTargetArn"] == {"Fn::GetAtt": ["TrackingEventsDLQ", "Arn"]}
    consumer = props("TrackingEventsFunction")
    assert int(consumer["Environment"]["Variables"]["TRACKING_MAX_RECEIVE_COUNT"]) == int(
        redrive["maxReceiveCount"]
    )


def test_the_consumer_reads_batches_and_reports_partial_failures() -> None:
    source = props("TrackingEventsFunction")["Events"]["CourierEvents"]
    assert source["Type"] == "SQS"
    assert source["Properties"]["BatchSize"] == 10
    assert source["Properties"]["MaximumBatchingWindowInSeconds"] >= 1
    assert source["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    # Lambda's advice: a visibility timeout of at least six times the function's timeout
    assert props("TrackingEventsQueue")["VisibilityTimeout"] >= 6 * props("TrackingEventsFunction")["Timeout"]


def test_the_dead_letter_queue_has_an_alarm() -> None:
    alarm = props("TrackingEventsDLQAlarm")
    assert alarm["Dimensions"] == [
        {"Name": "QueueName", "Value": {"Fn::GetAtt": ["TrackingEventsDLQ", "QueueName"]}}
    ]
    assert alarm["Threshold"] == 0


def test_the_webhook_is_public_and_signed_the_rest_need_a_token() -> None:
    webhook = props("LogisticsWebhookFunction")["Events"]["CourierEvent"]["Properties"]
    assert webhook["Auth"] == {"Authorizer": "NONE"}
    assert "Auth" not in props("TrackingApiFunction")["Events"]["OrderTracking"]["Properties"]


def test_the_delay_check_runs_hourly_against_a_sparse_index() -> None:
    schedule = props("TrackingDelayCheckFunction")["Events"]["HourlyCheck"]
    assert (schedule["Type"], schedule["Properties"]["Schedule"]) == ("Schedule", "rate(1 hour)")
    indexes = {index["IndexName"]: index for index in props("ShipmentsTable")["GlobalSecondaryIndexes"]}
    assert indexes["byWatch"]["Projection"] == {"ProjectionType": "KEYS_ONLY"}


def test_raw_payloads_expire() -> None:
    assert props("TrackingEventsTable")["TimeToLiveSpecification"] == {
        "AttributeName": "expiresAt",
        "Enabled": True,
    }


def test_logistics_functions_grant_only_named_actions_on_named_resources() -> None:
    for logical_id in (
        "LogisticsWebhookFunction",
        "TrackingEventsFunction",
        "TrackingDelayCheckFunction",
        "TrackingApiFunction",
    ):
        for policy in props(logical_id)["Policies"]:
            for statement in policy["Statement"]:
                actions = (
                    statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
                )
                assert all("*" not in action for action in actions), logical_id
                assert statement["Resource"] != "*", logical_id

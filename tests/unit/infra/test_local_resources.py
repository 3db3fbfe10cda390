"""Every resource type of template.yaml is either created on the local endpoint or stood in
for by the local stack, so a new kind of resource cannot silently be missing locally."""

from __future__ import annotations

import pytest

from infra.local.provision import EMULATED
from infra.local.stepfunctions import is_parked
from tests.support.environment import new_stack

CREATED = {
    "AWS::DynamoDB::Table",
    "AWS::SQS::Queue",
    "AWS::Events::EventBus",
    "AWS::Events::Rule",
    "AWS::S3::Bucket",
    "AWS::S3::BucketPolicy",
    "AWS::SNS::Topic",
    "AWS::Logs::LogGroup",
    "AWS::CloudWatch::Alarm",
    "AWS::Serverless::Function",
    "AWS::Serverless::StateMachine",
    "AWS::SecretsManager::Secret",
    "AWS::KMS::Key",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::TopicPolicy",
    "AWS::SNS::Subscription",
    "AWS::CloudWatch::Dashboard",
}
RUN = {"HttpApi", "SQS", "Schedule", "ScheduleV2", "DynamoDB"}


def test_every_resource_type_of_the_template_is_created_or_emulated_locally() -> None:
    kinds = {resource["Type"] for resource in new_stack().resources.values()}
    assert kinds - CREATED - set(EMULATED) == set()


def test_every_event_source_type_of_the_template_is_run_locally() -> None:
    stack = new_stack()
    kinds = {
        event.get("Type")
        for _, props in stack.of_type("AWS::Serverless::Function", "AWS::Serverless::StateMachine")
        for event in (props.get("Events") or {}).values()
    }
    assert kinds - RUN == set()


def submitted(resource: str) -> list[dict[str, object]]:
    return [
        {"type": "TaskStateEntered"},
        {"type": "TaskScheduled", "taskScheduledEventDetails": {"resource": resource}},
        {"type": "TaskStarted"},
        {"type": "TaskSubmitted"},
    ]


@pytest.mark.parametrize(
    ("history", "parked"),
    [
        ([], False),
        ([{"type": "ExecutionStarted"}], False),
        (submitted("sendMessage.waitForTaskToken"), True),
        (submitted("invoke.waitForTaskToken"), True),
        (submitted("sendMessage"), False),
        (submitted("invoke.waitForTaskToken")[:-1], True),
        ([{"type": "WaitStateEntered"}], True),
        ([{"type": "ActivityScheduled"}], True),
        ([{"type": "TaskSucceeded"}], False),
    ],
)
def test_an_execution_is_parked_when_it_waits_on_a_person_a_token_or_a_wait(
    history: list[dict[str, object]], parked: bool
) -> None:
    assert is_parked(history) is parked


def test_local_parameters_come_from_defaults_then_the_environment_then_the_command_line() -> None:
    from infra.local.stack import DEFAULT_CURSOR_SECRET, DEFAULT_WEBHOOK_SECRET, local_parameters

    assert local_parameters({}) == {
        "Stage": "dev",
        "WebhookSecret": DEFAULT_WEBHOOK_SECRET,
        "CursorSecret": DEFAULT_CURSOR_SECRET,
    }
    environ = {"AFTERCARE_WEBHOOK_SECRET": "w" * 20, "AFTERCARE_PARAMETER_OVERRIDES": "Stage=staging Limit=5"}
    assert local_parameters(environ, {"Limit": "7"}) == {
        "Stage": "staging",
        "WebhookSecret": "w" * 20,
        "CursorSecret": DEFAULT_CURSOR_SECRET,
        "Limit": "7",
    }
    with pytest.raises(ValueError, match="Name=Value"):
        local_parameters({"AFTERCARE_PARAMETER_OVERRIDES": "oops"})

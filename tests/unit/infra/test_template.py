"""The template reader: parameters, intrinsics, functions, state machines and event sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from infra.template import Stack, load

FRAGMENT = """
Parameters:
  Stage: {Type: String, Default: prod}
  Secret: {Type: String}
  Limit: {Type: Number, Default: 10}
Globals:
  Function:
    Timeout: 7
    Environment:
      Variables:
        QUEUE: !Ref Work
        SHARED: from-globals
Resources:
  Work: {Type: AWS::SQS::Queue}
  Table: {Type: AWS::DynamoDB::Table}
  Topic: {Type: AWS::SNS::Topic}
  Bucket: {Type: AWS::S3::Bucket}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/worker/
      Handler: app.handler
      Environment:
        Variables:
          SHARED: overridden
          TABLE_ARN: !GetAtt Table.Arn
      Events:
        Queue: {Type: SQS, Properties: {Queue: !GetAtt Work.Arn, BatchSize: 3}}
        Nightly: {Type: Schedule, Properties: {Schedule: "cron(0 2 * * ? *)"}}
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Call
        States:
          Call: {Type: Task, Resource: "${WorkerArn}", End: true}
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
      Events:
        Hourly: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}
"""


@pytest.fixture
def stack() -> Stack:
    return Stack(yaml.load(FRAGMENT, Loader=_loader()), name="t", parameters={"Secret": "s3cret"})


def _loader() -> Any:
    from infra.template import _TemplateLoader

    return _TemplateLoader


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ({"Ref": "Stage"}, "prod"),
        ({"Ref": "Secret"}, "s3cret"),
        ({"Ref": "Limit"}, "10"),
        ({"Ref": "AWS::Region"}, "us-east-1"),
        ({"Ref": "AWS::AccountId"}, "123456789012"),
        ({"Ref": "AWS::StackName"}, "t"),
        ({"Ref": "Table"}, "t-Table"),
        ({"Ref": "Work"}, "https://sqs.us-east-1.amazonaws.com/123456789012/t-Work"),
        ({"Ref": "Topic"}, "arn:aws:sns:us-east-1:123456789012:t-Topic"),
        ({"Ref": "Bucket"}, "t-bucket"),
        ({"Fn::GetAtt": ["Table", "Arn"]}, "arn:aws:dynamodb:us-east-1:123456789012:table/t-Table"),
        ({"Fn::GetAtt": "Work.QueueName"}, "t-Work"),
        ({"Fn::GetAtt": ["Worker", "Arn"]}, "arn:aws:lambda:us-east-1:123456789012:function:t-Worker"),
        ({"Fn::Sub": "aftercare-${Stage}-${AWS::Region}"}, "aftercare-prod-us-east-1"),
        (
            {"Fn::Sub": "${Table.Arn}/index/*"},
            "arn:aws:dynamodb:us-east-1:123456789012:table/t-Table/index/*",
        ),
        ({"Fn::Sub": ["${Name}-x", {"Name": {"Ref": "Stage"}}]}, "prod-x"),
        ({"Fn::Sub": "literal ${!NotAVariable}"}, "literal ${NotAVariable}"),
        ({"Fn::Join": ["-", ["a", {"Ref": "Stage"}]]}, "a-prod"),
        ({"Fn::Select": [1, ["a", "b"]]}, "b"),
        ({"Fn::Split": [",", "a,b"]}, ["a", "b"]),
        ([{"Ref": "Stage"}, {"nested": {"Ref": "Secret"}}], ["prod", {"nested": "s3cret"}]),
    ],
)
def test_intrinsics_resolve_as_cloudformation_would(stack: Stack, expression: Any, expected: Any) -> None:
    assert stack.resolve(expression) == expected


def test_short_form_tags_read_as_their_long_forms() -> None:
    loaded = yaml.load(
        "a: !Ref X\nb: !GetAtt T.Arn\nc: !Sub '${X}'\nd: !Join ['-', [a, b]]", Loader=_loader()
    )
    assert loaded == {
        "a": {"Ref": "X"},
        "b": {"Fn::GetAtt": ["T", "Arn"]},
        "c": {"Fn::Sub": "${X}"},
        "d": {"Fn::Join": ["-", ["a", "b"]]},
    }


def test_a_parameter_without_a_default_or_a_value_is_refused() -> None:
    with pytest.raises(ValueError, match="Secret"):
        Stack(yaml.load(FRAGMENT, Loader=_loader()))


def test_an_unknown_reference_is_an_error(stack: Stack) -> None:
    with pytest.raises(KeyError):
        stack.resolve({"Ref": "Nope"})
    with pytest.raises(KeyError):
        stack.resolve({"Fn::GetAtt": ["Table", "Nope"]})


def test_a_recorded_attribute_replaces_the_predicted_one(stack: Stack) -> None:
    stack.record("Work", ref="http://127.0.0.1:4566/123456789012/t-Work", Arn="arn:x")
    assert stack.resolve({"Ref": "Work"}) == "http://127.0.0.1:4566/123456789012/t-Work"
    assert stack.functions()[0].environment["QUEUE"] == "http://127.0.0.1:4566/123456789012/t-Work"


def test_a_function_merges_globals_with_its_own_environment(stack: Stack) -> None:
    (worker,) = stack.functions()
    assert worker.timeout == 7
    assert worker.environment["SHARED"] == "overridden"
    assert worker.environment["TABLE_ARN"].endswith(":table/t-Table")
    assert worker.module_path == Path(worker.module_path).parent / "app.py"


def test_state_machine_definitions_get_their_substitutions(stack: Stack) -> None:
    (flow,) = stack.state_machines()
    assert flow.name == "t-Flow"
    assert flow.type == "STANDARD"
    assert flow.definition["States"]["Call"]["Resource"] == stack.get_att("Worker", "Arn")


def test_event_sources_of_functions_and_state_machines_are_listed_resolved(stack: Stack) -> None:
    sources = {(event.target, event.name, event.type) for event in stack.events("SQS", "Schedule")}
    assert sources == {
        ("Worker", "Queue", "SQS"),
        ("Worker", "Nightly", "Schedule"),
        ("Flow", "Hourly", "Schedule"),
    }
    (queue,) = stack.events("SQS")
    assert queue.properties == {"Queue": stack.get_att("Work", "Arn"), "BatchSize": 3}


def test_the_real_template_loads_with_every_function_and_route() -> None:
    stack = Stack(load(), parameters={"WebhookSecret": "x" * 16, "CursorSecret": "y" * 16})
    assert stack.functions()
    assert list(stack.http_routes())
    for spec in stack.functions():
        assert spec.module_path.exists(), spec.module_path

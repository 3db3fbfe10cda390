"""template.yaml as an operator reads it: every asynchronous path ends in an alarm that
reaches a person, secrets stay out of the environment, stateful resources survive the
stack, logs expire, and production cannot pay through the sandbox.

Each test iterates the template (all functions, queues, schedules, state machines), so a
resource added later is held to the same rules without editing this file.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra import checkov
from infra.template import ROOT, Stack, load
from tests.support.environment import new_stack
from tests.support.template_refs import refs

TEMPLATE = load()
RESOURCES: dict[str, dict[str, Any]] = TEMPLATE["Resources"]


def of_type(kind: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in RESOURCES.items() if r["Type"] == kind}


FUNCTIONS = of_type("AWS::Serverless::Function")
ALARMS = {name: r["Properties"] for name, r in of_type("AWS::CloudWatch::Alarm").items()}


def events(function: str, kind: str) -> list[dict[str, Any]]:
    found = (FUNCTIONS[function]["Properties"].get("Events") or {}).values()
    return [event.get("Properties", {}) for event in found if event["Type"] == kind]


def alarms_on(namespace: str, metric: str, dimension_ref: str) -> list[str]:
    return [
        name
        for name, alarm in ALARMS.items()
        if alarm["Namespace"] == namespace
        and alarm["MetricName"] == metric
        and dimension_ref in refs(alarm.get("Dimensions"))
    ]


# ---------------------------------------------------------------- alarms reach a person
def test_the_alarm_topic_is_encrypted_with_a_key_cloudwatch_may_use() -> None:
    topic = RESOURCES["AlarmTopic"]["Properties"]
    (key,) = refs(topic["KmsMasterKeyId"])
    assert RESOURCES[key]["Type"] == "AWS::KMS::Key"
    statements = RESOURCES[key]["Properties"]["KeyPolicy"]["Statement"]
    cloudwatch = [
        s for s in statements if s.get("Principal", {}).get("Service") == "cloudwatch.amazonaws.com"
    ]
    assert cloudwatch, "CloudWatch cannot publish to a topic whose key it may not use"
    actions = {action for s in cloudwatch for action in s["Action"]}
    assert {"kms:Decrypt", "kms:GenerateDataKey*"} <= actions


def test_alarm_email_is_subscribed_to_the_topic_and_the_topic_is_an_output() -> None:
    subscriptions = of_type("AWS::SNS::Subscription").values()
    assert any(
        refs(s["Properties"]["TopicArn"]) == {"AlarmTopic"}
        and s["Properties"]["Protocol"] == "email"
        and refs(s["Properties"]["Endpoint"]) == {"AlarmEmail"}
        for s in subscriptions
    )
    assert refs(TEMPLATE["Outputs"]["AlarmTopicArn"]["Value"]) == {"AlarmTopic"}


@pytest.mark.parametrize("alarm", sorted(ALARMS))
def test_every_alarm_notifies_the_alarm_topic(alarm: str) -> None:
    assert refs(ALARMS[alarm]["AlarmActions"]) == {"AlarmTopic"}


# ---------------------------------------------------------------- nothing fails silently
SCHEDULED = sorted(name for name in FUNCTIONS if events(name, "Schedule"))
STREAMED = sorted(name for name in FUNCTIONS if events(name, "DynamoDB"))


def test_there_are_schedules_and_stream_consumers_to_check() -> None:
    assert len(SCHEDULED) >= 7
    assert len(STREAMED) >= 3


@pytest.mark.parametrize("function", SCHEDULED)
def test_every_schedule_retries_then_dead_letters_and_its_errors_alarm(function: str) -> None:
    for schedule in events(function, "Schedule"):
        assert schedule["RetryPolicy"]["MaximumRetryAttempts"] >= 1
        (queue,) = refs(schedule["DeadLetterConfig"])
        assert RESOURCES[queue]["Type"] == "AWS::SQS::Queue"
    assert alarms_on("AWS/Lambda", "Errors", function), f"no Errors alarm on {function}"


def test_asynchronous_invocations_that_keep_failing_land_in_a_queue() -> None:
    target = TEMPLATE["Globals"]["Function"]["DeadLetterQueue"]
    assert target["Type"] == "SQS"
    (queue,) = refs(target["TargetArn"])
    assert RESOURCES[queue]["Type"] == "AWS::SQS::Queue"


def test_eventbridge_may_send_to_the_schedules_dead_letter_queue() -> None:
    queues = {
        queue
        for function in SCHEDULED
        for schedule in events(function, "Schedule")
        for queue in refs(schedule["DeadLetterConfig"])
    }
    for queue in queues:
        policies = [
            p["Properties"]
            for p in of_type("AWS::SQS::QueuePolicy").values()
            if queue in refs(p["Properties"]["Queues"])
        ]
        assert any(
            s["Principal"] == {"Service": "events.amazonaws.com"} and s["Action"] == "sqs:SendMessage"
            for p in policies
            for s in p["PolicyDocument"]["Statement"]
        ), f"EventBridge may not dead-letter into {queue}"


def dead_letter_queues() -> set[str]:
    found: set[str] = set()
    for queue in of_type("AWS::SQS::Queue").values():
        found |= refs((queue["Properties"].get("RedrivePolicy") or {}).get("deadLetterTargetArn"))
    for name in FUNCTIONS:
        for kind in ("DynamoDB", "SQS", "Kinesis"):
            for event in events(name, kind):
                found |= refs(
                    ((event.get("DestinationConfig") or {}).get("OnFailure") or {}).get("Destination")
                )
        for schedule in events(name, "Schedule"):
            found |= refs(schedule.get("DeadLetterConfig"))
    found |= refs(TEMPLATE["Globals"]["Function"].get("DeadLetterQueue"))
    return found


@pytest.mark.parametrize("queue", sorted(dead_letter_queues()))
def test_every_dead_letter_queue_has_an_alarm(queue: str) -> None:
    assert alarms_on("AWS/SQS", "ApproximateNumberOfMessagesVisible", queue), f"{queue} fills up unseen"


@pytest.mark.parametrize("function", STREAMED)
def test_every_stream_consumer_has_an_iterator_age_alarm(function: str) -> None:
    assert alarms_on("AWS/Lambda", "IteratorAge", function)


@pytest.mark.parametrize("machine", sorted(of_type("AWS::Serverless::StateMachine")))
@pytest.mark.parametrize("metric", ["ExecutionsFailed", "ExecutionsTimedOut"])
def test_every_state_machine_alarms_on_failed_and_timed_out_executions(machine: str, metric: str) -> None:
    assert alarms_on("AWS/States", metric, machine)


@pytest.mark.parametrize("api", sorted(of_type("AWS::Serverless::HttpApi")))
def test_every_http_api_alarms_on_server_errors(api: str) -> None:
    assert alarms_on("AWS/ApiGateway", "5xx", api)


def task_states() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for spec in new_stack().state_machines():
        for name, state in spec.definition["States"].items():
            if state["Type"] == "Task":
                found.append((spec.logical_id, name, state))
    return found


@pytest.mark.parametrize(
    ("machine", "name", "state"), task_states(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_task_state_retries_and_catches_everything(
    machine: str, name: str, state: dict[str, Any]
) -> None:
    assert state.get("Retry"), f"{machine}.{name} has no Retry"
    assert any("States.ALL" in c["ErrorEquals"] for c in state.get("Catch", [])), (
        f"{machine}.{name} has no Catch"
    )


def test_one_dashboard_shows_every_alarm_and_its_body_is_json() -> None:
    (dashboard,) = of_type("AWS::CloudWatch::Dashboard").values()
    assert set(ALARMS) <= refs(dashboard["Properties"]["DashboardBody"])
    body = json.loads(new_stack().resolve(dashboard["Properties"]["DashboardBody"]))
    assert {widget["type"] for widget in body["widgets"]} >= {"alarm", "metric"}


# ---------------------------------------------------------------- secrets from a secret store
NO_ECHO = {name for name, p in TEMPLATE["Parameters"].items() if p.get("NoEcho")}
SECRETS = set(of_type("AWS::SecretsManager::Secret"))


def environment(function: str) -> dict[str, Any]:
    merged = dict(TEMPLATE["Globals"]["Function"]["Environment"]["Variables"])
    merged.update((FUNCTIONS[function]["Properties"].get("Environment") or {}).get("Variables", {}))
    return merged


def secrets_granted(function: str) -> set[str]:
    granted: set[str] = set()
    for policy in FUNCTIONS[function]["Properties"].get("Policies", []):
        for statement in policy.get("Statement", []) if isinstance(policy, dict) else []:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            if "secretsmanager:GetSecretValue" in actions:
                granted |= refs(statement["Resource"])
    return granted


@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_no_secret_value_is_in_a_function_environment(function: str) -> None:
    assert not refs(environment(function)) & NO_ECHO


@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_a_function_may_read_exactly_the_secrets_its_environment_names(function: str) -> None:
    named = refs(environment(function)) & SECRETS
    assert secrets_granted(function) == named


def test_every_secret_parameter_is_stored_in_the_secret_store() -> None:
    stored = set().union(*(refs(RESOURCES[name]["Properties"]) for name in SECRETS))
    assert stored >= NO_ECHO


# ---------------------------------------------------------------- stateful resources survive
STATEFUL = sorted(
    name for name, r in RESOURCES.items() if r["Type"] in {"AWS::DynamoDB::Table", "AWS::Cognito::UserPool"}
)


@pytest.mark.parametrize("name", STATEFUL)
def test_stateful_resources_are_retained_and_protected(name: str) -> None:
    resource = RESOURCES[name]
    assert resource.get("DeletionPolicy") == "Retain"
    assert resource.get("UpdateReplacePolicy") == "Retain"
    properties = resource["Properties"]
    if resource["Type"] == "AWS::DynamoDB::Table":
        assert properties["DeletionProtectionEnabled"] is True
    else:
        assert properties["DeletionProtection"] == "ACTIVE"


@pytest.mark.parametrize("mfa", ["OPTIONAL", "ON"])
def test_the_user_pool_offers_totp_mfa(mfa: str) -> None:
    stack = Stack(parameters={"WebhookSecret": "w" * 16, "CursorSecret": "c" * 16, "UserPoolMfa": mfa})
    pool = stack.resolve({k: v for k, v in RESOURCES["UserPool"]["Properties"].items() if "Mfa" in k})
    assert pool == {"MfaConfiguration": mfa, "EnabledMfas": ["SOFTWARE_TOKEN_MFA"]}
    assert TEMPLATE["Parameters"]["UserPoolMfa"]["Default"] == "OPTIONAL"


@pytest.mark.parametrize("bucket", sorted(of_type("AWS::S3::Bucket")))
def test_buckets_are_versioned_and_old_versions_expire(bucket: str) -> None:
    properties = RESOURCES[bucket]["Properties"]
    assert properties["VersioningConfiguration"] == {"Status": "Enabled"}
    rules = properties["LifecycleConfiguration"]["Rules"]
    assert any("NoncurrentVersionExpiration" in rule for rule in rules)


# ---------------------------------------------------------------- logs expire
@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_every_function_has_a_log_group_with_the_retention_parameter(function: str) -> None:
    groups = [
        g["Properties"]
        for g in of_type("AWS::Logs::LogGroup").values()
        if g["Properties"].get("LogGroupName") == {"Fn::Sub": f"/aws/lambda/${{{function}}}"}
    ]
    assert len(groups) == 1, f"{function} has no declared log group"
    assert groups[0]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert TEMPLATE["Parameters"]["LogRetentionDays"]["Default"] == 30


# ---------------------------------------------------------------- no sandbox money in production
def parameters(**given: str) -> dict[str, str]:
    return {"WebhookSecret": "w" * 16, "CursorSecret": "c" * 16, **given}


def test_payment_provider_names_only_known_adapters() -> None:
    assert TEMPLATE["Parameters"]["PaymentProvider"]["AllowedValues"] == ["sandbox", "stripe", "alipay"]


@pytest.mark.parametrize(
    ("given", "refused"),
    [
        ({"Stage": "prod", "PaymentProvider": "sandbox", "AlarmEmail": "ops@example.com"}, True),
        ({"Stage": "prod", "PaymentProvider": "stripe", "AlarmEmail": "ops@example.com"}, False),
        ({"Stage": "prod", "PaymentProvider": "alipay", "AlarmEmail": ""}, True),
        ({"Stage": "dev", "PaymentProvider": "sandbox"}, False),
        ({"Stage": "staging", "PaymentProvider": "sandbox"}, False),
    ],
)
def test_the_rules_refuse_sandbox_payments_and_silent_alarms_in_production(
    given: dict[str, str], refused: bool
) -> None:
    assert bool(Stack(parameters=parameters(**given)).rule_failures()) is refused


def test_the_local_stack_refuses_what_the_rules_refuse() -> None:
    from infra.local.stack import LocalStack

    local = LocalStack(Stack(parameters=parameters(Stage="prod", PaymentProvider="sandbox")))
    with pytest.raises(ValueError, match="PaymentProvider=sandbox"):
        local.start()


# ---------------------------------------------------------------- deploys in any account
@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_no_function_reserves_concurrency(function: str) -> None:
    assert "ReservedConcurrentExecutions" not in FUNCTIONS[function]["Properties"]


def test_the_campaign_lease_outlasts_the_runners_timeout() -> None:
    from aftercare.campaigns.service import LEASE

    timeout = FUNCTIONS["CampaignRunnerFunction"]["Properties"]["Timeout"]
    assert LEASE.total_seconds() > timeout


# ---------------------------------------------------------------- checked, not trusted
def test_every_checkov_skip_gives_its_reason() -> None:
    assert checkov.skips(TEMPLATE), "the template declares its skips"
    assert checkov.unreasoned(TEMPLATE) == []


def test_a_skip_without_a_reason_is_refused() -> None:
    template = {"Metadata": {"checkov": {"skip": [{"id": "CKV_AWS_1"}]}}, "Resources": {}}
    assert checkov.unreasoned(template) == ["template: CKV_AWS_1"]


def test_samconfig_deploys_dev_and_prod() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "samconfig.toml").read_text())
    assert {"dev", "prod"} <= set(config)
    assert "Stage=prod" in config["prod"]["deploy"]["parameters"]["parameter_overrides"]


# ---------------------------------------------------------------- cold start on AWS: SnapStart
HTTP_FUNCTIONS = sorted(name for name in FUNCTIONS if events(name, "HttpApi"))
SNAPSTARTED = sorted(name for name in FUNCTIONS if "SnapStart" in FUNCTIONS[name]["Properties"])


def test_every_http_function_starts_from_a_snapshot() -> None:
    assert HTTP_FUNCTIONS
    assert SNAPSTARTED == HTTP_FUNCTIONS  # latency-bound; jobs and consumers do not pay for it


@pytest.mark.parametrize("function", SNAPSTARTED)
def test_snapstart_has_what_it_requires(function: str) -> None:
    properties = {**TEMPLATE["Globals"]["Function"], **FUNCTIONS[function]["Properties"]}
    assert properties["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert properties["AutoPublishAlias"], "SnapStart restores published versions only"
    major, minor = properties["Runtime"].removeprefix("python").split(".")
    assert (int(major), int(minor)) >= (3, 12)
    # what SnapStart does not support
    assert "ProvisionedConcurrencyConfig" not in properties
    assert "FileSystemConfigs" not in properties
    assert int((properties.get("EphemeralStorage") or {}).get("Size", 512)) <= 512


# ---------------------------------------------------------------- the operations page
OPERATIONS = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("alarm", sorted(ALARMS))
def test_the_operations_page_says_what_each_alarm_means_and_what_to_do(alarm: str) -> None:
    family = next((suffix for suffix in ("ErrorsAlarm", "IteratorAgeAlarm") if alarm.endswith(suffix)), None)
    if family is None:
        assert f"`{alarm}`" in OPERATIONS
    else:
        assert f"<{'Job' if family == 'ErrorsAlarm' else 'Consumer'}>{family}" in OPERATIONS
        assert f"`{alarm.removesuffix(family)}`" in OPERATIONS


@pytest.mark.parametrize("queue", sorted(dead_letter_queues()))
def test_the_operations_page_says_how_to_replay_each_dead_letter_queue(queue: str) -> None:
    assert queue in OPERATIONS

"""Creates every data resource of the template on an AWS endpoint (moto, in-process or server).

Tables with their indexes, TTL and streams; queues with their redrive policies; buckets
with their lifecycle rules; topics. Resources that only matter on AWS (IAM, alarms,
Cognito, log groups, the HTTP API itself) are emulated elsewhere or not needed locally.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from infra.template import Stack

ClientFactory = Callable[[str], Any]

_QUEUE_ATTRIBUTES = (
    "VisibilityTimeout",
    "MessageRetentionPeriod",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "MaximumMessageSize",
    "FifoQueue",
    "ContentBasedDeduplication",
)


def _table(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    props = stack.resolve(props)
    name = stack.physical_name(logical_id)
    request: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PROVISIONED"),
    }
    if request["BillingMode"] == "PROVISIONED":
        request["ProvisionedThroughput"] = props.get(
            "ProvisionedThroughput", {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
        )
    for key in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        if props.get(key):
            request[key] = props[key]
    if props.get("StreamSpecification"):
        request["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    description = client("dynamodb").create_table(**request)["TableDescription"]
    stack.record(logical_id, ref=name, Arn=description["TableArn"])
    if description.get("LatestStreamArn"):
        stack.record(logical_id, StreamArn=description["LatestStreamArn"])
    ttl = props.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        client("dynamodb").update_time_to_live(
            TableName=name, TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True}
        )


def _queue(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    name = stack.physical_name(logical_id) + (".fifo" if props.get("FifoQueue") else "")
    attributes = {key: str(props[key]).lower() if isinstance(props[key], bool) else str(props[key])
                  for key in _QUEUE_ATTRIBUTES if key in props}  # fmt: skip
    url = client("sqs").create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    arn = client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    stack.record(logical_id, ref=url, Arn=arn, QueueName=name, QueueUrl=url)


def _redrive(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    policy = props.get("RedrivePolicy")
    if policy:
        client("sqs").set_queue_attributes(
            QueueUrl=stack.ref(logical_id), Attributes={"RedrivePolicy": json.dumps(stack.resolve(policy))}
        )


def _bucket(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    props = stack.resolve(props)
    name = stack.ref(logical_id)
    if stack.region == "us-east-1":
        client("s3").create_bucket(Bucket=name)
    else:
        client("s3").create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": stack.region}
        )
    lifecycle = props.get("LifecycleConfiguration")
    if lifecycle:
        rules = [
            {
                "ID": rule.get("Id", f"rule-{index}"),
                "Status": rule.get("Status", "Enabled"),
                "Filter": {"Prefix": rule.get("Prefix", "")},
                **({"Expiration": {"Days": rule["ExpirationInDays"]}} if "ExpirationInDays" in rule else {}),
            }
            for index, rule in enumerate(lifecycle.get("Rules", []))
        ]
        client("s3").put_bucket_lifecycle_configuration(Bucket=name, LifecycleConfiguration={"Rules": rules})
    if props.get("CorsConfiguration"):
        client("s3").put_bucket_cors(
            Bucket=name, CORSConfiguration={"CORSRules": props["CorsConfiguration"]["CorsRules"]}
        )


def _topic(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    arn = client("sns").create_topic(Name=stack.physical_name(logical_id))["TopicArn"]
    stack.record(logical_id, ref=arn, TopicArn=arn)


def provision(stack: Stack, client: ClientFactory) -> list[str]:
    """Create the template's data resources; returns the logical ids created."""
    created: list[str] = []
    steps: list[tuple[tuple[str, ...], Callable[..., None]]] = [
        (("AWS::DynamoDB::Table",), _table),
        (("AWS::SQS::Queue",), _queue),
        (("AWS::SQS::Queue",), _redrive),
        (("AWS::S3::Bucket",), _bucket),
        (("AWS::SNS::Topic",), _topic),
    ]
    for kinds, step in steps:
        for logical_id, props in stack.of_type(*kinds):
            step(stack, client, logical_id, props)
            if logical_id not in created:
                created.append(logical_id)
    return created


def function_environment(stack: Stack) -> dict[str, str]:
    """The union of every function's environment. Local functions share one process, so
    two functions may not give one variable different values."""
    merged: dict[str, str] = {}
    for function in stack.functions():
        for key, value in function.environment.items():
            if key in merged and merged[key] != value:
                raise ValueError(
                    f"{function.logical_id} sets {key}={value!r} but another function sets {merged[key]!r}; "
                    "the local stack runs all functions in one process"
                )
            merged[key] = value
    return merged

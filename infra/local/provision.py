"""Creates every data resource of the template on an AWS endpoint (moto, in-process or server).

Tables with their indexes, TTL and streams; queues with their redrive policies; buckets
with their lifecycle rules; topics. Resources that only matter on AWS (IAM, alarms,
Cognito, log groups, the HTTP API itself) are emulated elsewhere or not needed locally.
"""

from __future__ import annotations

import functools
import io
import json
import secrets
import zipfile
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
    if (props.get("VersioningConfiguration") or {}).get("Status"):
        client("s3").put_bucket_versioning(
            Bucket=name, VersioningConfiguration={"Status": props["VersioningConfiguration"]["Status"]}
        )
    lifecycle = props.get("LifecycleConfiguration")
    if lifecycle:
        rules = [
            {
                "ID": rule.get("Id", f"rule-{index}"),
                "Status": rule.get("Status", "Enabled"),
                "Filter": {"Prefix": rule.get("Prefix", "")},
                **({"Expiration": {"Days": rule["ExpirationInDays"]}} if "ExpirationInDays" in rule else {}),
                **(
                    {"Expiration": {"ExpiredObjectDeleteMarker": True}}
                    if rule.get("ExpiredObjectDeleteMarker")
                    else {}
                ),
                **(
                    {"NoncurrentVersionExpiration": {"NoncurrentDays": nve["NoncurrentDays"]}}
                    if (nve := rule.get("NoncurrentVersionExpiration"))
                    else {}
                ),
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


def _secret(stack: Stack, client: ClientFactory, logical_id: str, props: dict[str, Any]) -> None:
    """The secret with the value the template gives it (a parameter, so the documented
    local defaults apply); one the template has generated gets a random value here too."""
    props = stack.resolve(props)
    value = props.get("SecretString")
    if value is None:
        length = int((props.get("GenerateSecretString") or {}).get("PasswordLength", 32))
        value = secrets.token_urlsafe(length)
    arn = client("secretsmanager").create_secret(
        Name=stack.physical_name(logical_id),
        SecretString=str(value),
        Description=props.get("Description", ""),
    )["ARN"]
    stack.record(logical_id, ref=arn, Id=arn)


def provision(stack: Stack, client: ClientFactory) -> list[str]:
    """Create the template's data resources; returns the logical ids created."""
    client = functools.cache(client)  # one client per service: creating one costs more than a call
    created: list[str] = []
    steps: list[tuple[tuple[str, ...], Callable[..., None]]] = [
        (("AWS::DynamoDB::Table",), _table),
        (("AWS::SQS::Queue",), _queue),
        (("AWS::SQS::Queue",), _redrive),
        (("AWS::S3::Bucket",), _bucket),
        (("AWS::SNS::Topic",), _topic),
        (("AWS::SecretsManager::Secret",), _secret),
    ]
    for kinds, step in steps:
        for logical_id, props in stack.of_type(*kinds):
            step(stack, client, logical_id, props)
            if logical_id not in created:
                created.append(logical_id)
    from infra.local.events import provision_events  # the rules target the queues made above

    return created + provision_events(stack, client)


# ------------------------------------------------------------------ runtime resources
# What the local stack adds on top of the data resources, so that every resource of the
# template exists on the local endpoint: functions (their code runs in the local stack's
# process; moto's Lambda hands invocations to it), state machines, log groups and alarms.

LOCAL_ROLE = "aftercare-local-execution"

# Resource types the local stack stands in for instead of creating them on the endpoint.
EMULATED = {
    "AWS::Serverless::HttpApi": "the local gateway on 127.0.0.1:$PORT (infra/local/gateway.py)",
    "AWS::Serverless::LayerVersion": "shared/ is importable in the local stack's process",
    "AWS::Cognito::UserPool": "HS256 JWTs from GET /_local/token",
    "AWS::Cognito::UserPoolClient": "HS256 JWTs from GET /_local/token",
    "AWS::Cognito::UserPoolGroup": "the roles claim of GET /_local/token",
    "AWS::Cognito::UserPoolDomain": "the console's sign-in lists the seeded staff (GET /_local/token)",
    "AWS::CloudFront::Distribution": "the local gateway serves console/ at /console/ (local/console.py)",
    "AWS::CloudFront::OriginAccessControl": "the local gateway reads console/ itself",
    "AWS::CloudFront::Function": "the local gateway maps /console/ to its index.html",
}


def _stub_code() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.txt", "runs in the local stack's process (infra/local/functions.py)")
    return buffer.getvalue()


def _execution_role(client: ClientFactory) -> str:
    iam = client("iam")
    try:
        return str(iam.get_role(RoleName=LOCAL_ROLE)["Role"]["Arn"])
    except iam.exceptions.NoSuchEntityException:
        document = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": ["lambda.amazonaws.com", "states.amazonaws.com"]},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
        return str(
            iam.create_role(RoleName=LOCAL_ROLE, AssumeRolePolicyDocument=json.dumps(document))["Role"]["Arn"]
        )


def _functions(stack: Stack, client: ClientFactory, role: str) -> list[str]:
    code = _stub_code()
    created = []
    for spec in stack.functions():
        runtime = spec.properties.get("Runtime") or stack.globals_for_functions().get("Runtime", "python3.13")
        arn = client("lambda").create_function(
            FunctionName=spec.name,
            Runtime=runtime,
            Role=role,
            Handler=spec.handler,
            Code={"ZipFile": code},
            Timeout=spec.timeout,
            MemorySize=spec.memory,
            Environment={"Variables": spec.environment},
        )["FunctionArn"]
        stack.record(spec.logical_id, Arn=arn)
        created.append(spec.logical_id)
    return created


def _state_machines(stack: Stack, client: ClientFactory, role: str) -> list[str]:
    created = []
    for spec in stack.state_machines():
        arn = client("stepfunctions").create_state_machine(
            name=spec.name, definition=json.dumps(spec.definition), roleArn=role, type=spec.type
        )["stateMachineArn"]
        stack.record(spec.logical_id, ref=arn, Arn=arn, Name=spec.name)
        created.append(spec.logical_id)
    return created


def _log_groups(stack: Stack, client: ClientFactory) -> list[str]:
    created = []
    for logical_id, props in stack.of_type("AWS::Logs::LogGroup"):
        props = stack.resolve(props)
        name = props.get("LogGroupName") or stack.physical_name(logical_id)
        client("logs").create_log_group(logGroupName=name)
        if props.get("RetentionInDays"):
            client("logs").put_retention_policy(
                logGroupName=name, retentionInDays=int(props["RetentionInDays"])
            )
        stack.record(logical_id, ref=name)
        created.append(logical_id)
    return created


_ALARM_FIELDS = (
    "AlarmDescription",
    "Namespace",
    "MetricName",
    "Dimensions",
    "Statistic",
    "Period",
    "EvaluationPeriods",
    "Threshold",
    "ComparisonOperator",
    "TreatMissingData",
    "AlarmActions",
    "OKActions",
    "DatapointsToAlarm",
)


def _alarms(stack: Stack, client: ClientFactory) -> list[str]:
    created = []
    for logical_id, props in stack.of_type("AWS::CloudWatch::Alarm"):
        props = stack.resolve(props)
        request = {key: props[key] for key in _ALARM_FIELDS if key in props}
        client("cloudwatch").put_metric_alarm(AlarmName=stack.physical_name(logical_id), **request)
        created.append(logical_id)
    return created


def _requires_tls(statement: dict[str, Any]) -> bool:
    conditions = statement.get("Condition") or {}
    return any("aws:SecureTransport" in (values or {}) for values in conditions.values())


def local_bucket_policy(document: dict[str, Any]) -> dict[str, Any] | None:
    """The policy as the local endpoint should hold it. moto enforces bucket policies, and
    the local endpoint speaks plain HTTP, so a TLS-only statement would refuse every local
    request; that one statement is left out (TLS is emulated, like Cognito), the rest kept."""
    statements = [s for s in document.get("Statement", []) if not _requires_tls(s)]
    return {**document, "Statement": statements} if statements else None


def _bucket_policies(stack: Stack, client: ClientFactory) -> list[str]:
    created = []
    for logical_id, props in stack.of_type("AWS::S3::BucketPolicy"):
        props = stack.resolve(props)
        document = local_bucket_policy(props["PolicyDocument"])
        if document is not None:
            client("s3").put_bucket_policy(Bucket=props["Bucket"], Policy=json.dumps(document))
        created.append(logical_id)
    return created


def _keys(stack: Stack, client: ClientFactory) -> list[str]:
    created = []
    for logical_id, props in stack.of_type("AWS::KMS::Key"):
        props = stack.resolve(props)
        metadata = client("kms").create_key(
            Description=props.get("Description", ""), Policy=json.dumps(props["KeyPolicy"])
        )["KeyMetadata"]
        stack.record(logical_id, ref=metadata["KeyId"], Arn=metadata["Arn"], KeyId=metadata["KeyId"])
        created.append(logical_id)
    return created


def _resource_policies(stack: Stack, client: ClientFactory) -> list[str]:
    """Queue and topic policies (who may send to a dead-letter queue, publish to a topic)."""
    created = []
    for logical_id, props in stack.of_type("AWS::SQS::QueuePolicy"):
        props = stack.resolve(props)
        for url in props["Queues"]:
            client("sqs").set_queue_attributes(
                QueueUrl=url, Attributes={"Policy": json.dumps(props["PolicyDocument"])}
            )
        created.append(logical_id)
    for logical_id, props in stack.of_type("AWS::SNS::TopicPolicy"):
        props = stack.resolve(props)
        for arn in props["Topics"]:
            client("sns").set_topic_attributes(
                TopicArn=arn, AttributeName="Policy", AttributeValue=json.dumps(props["PolicyDocument"])
            )
        created.append(logical_id)
    for logical_id, props in stack.of_type("AWS::SNS::Subscription"):
        props = stack.resolve(props)
        client("sns").subscribe(
            TopicArn=props["TopicArn"], Protocol=props["Protocol"], Endpoint=props["Endpoint"]
        )
        created.append(logical_id)
    return created


def _dashboards(stack: Stack, client: ClientFactory) -> list[str]:
    created = []
    for logical_id, props in stack.of_type("AWS::CloudWatch::Dashboard"):
        props = stack.resolve(props)
        body = json.loads(props["DashboardBody"])  # the template's JSON must parse, as CloudWatch's would
        name = props.get("DashboardName") or stack.physical_name(logical_id)
        client("cloudwatch").put_dashboard(DashboardName=name, DashboardBody=json.dumps(body))
        stack.record(logical_id, ref=name)
        created.append(logical_id)
    return created


def provision_runtime(stack: Stack, client: ClientFactory) -> list[str]:
    """Create functions, state machines, log groups, bucket policies and alarms (after `provision`, whose
    queue URLs and table ARNs the functions' environments and definitions refer to)."""
    role = _execution_role(client)
    return [
        *_log_groups(stack, client),
        *_bucket_policies(stack, client),
        *_functions(stack, client, role),
        *_state_machines(stack, client, role),
        *_alarms(stack, client),
        *_keys(stack, client),
        *_resource_policies(stack, client),
        *_dashboards(stack, client),
    ]


# Variables that differ per function by design. Powertools reads them once per process
# (aftercare.observability's logger), and local functions share one, so locally they take
# one value for the whole system.
PER_FUNCTION = {"POWERTOOLS_SERVICE_NAME": "aftercare"}


def function_environment(stack: Stack) -> dict[str, str]:
    """The union of every function's environment. Local functions share one process, so
    two functions may not give one variable different values (but for PER_FUNCTION)."""
    merged: dict[str, str] = dict(PER_FUNCTION)
    for function in stack.functions():
        for key, value in function.environment.items():
            if key in PER_FUNCTION:
                continue
            if key in merged and merged[key] != value:
                raise ValueError(
                    f"{function.logical_id} sets {key}={value!r} but another function sets {merged[key]!r}; "
                    "the local stack runs all functions in one process"
                )
            merged[key] = value
    return merged

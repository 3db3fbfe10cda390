"""Least privilege, enforced locally: each function's AWS requests are checked against its
own role's policy from template.yaml — action AND resource — as IAM would on AWS.

Every local function runs in this one process with the same credentials, so moto cannot tell
them apart (and moto's own IAM checks actions only). Instead, while a function runs
(`acting_as`), a botocore `before-parameter-build` hook on every client derives the IAM
action and resource ARN of each request from its parameters (a table and its index, a
queue, a bucket key, a topic, a secret, a state machine) and refuses it with
AccessDeniedException unless one of the function's Allow statements matches and no Deny
does. The role is the function's `Policies` statements plus what SAM adds to it (the event
sources' poller policies, the dead-letter queue, X-Ray and CloudWatch Logs).

Not modelled: policy Conditions (a statement with one is taken as matching), and requests
whose resource cannot be derived from their parameters (e.g. states:SendTaskSuccess names
only a task token) are checked by action alone. Requests made outside a function — the
local stack's own pollers, provisioning, `/_local/` — are not checked, as they stand for AWS
itself.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from infra.template import FunctionSpec, Stack

_acting: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "aftercare_local_iam_function", default=None
)

# botocore's signing names where IAM's action prefix differs.
_PREFIX = {"monitoring": "cloudwatch"}
# Operations whose IAM action has another name.
_ACTION = {("s3", "HeadObject"): "GetObject", ("sqs", "SendMessageBatch"): "SendMessage",
           ("sqs", "DeleteMessageBatch"): "DeleteMessage"}  # fmt: skip
_TRANSACT_ITEM = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem",
                  "ConditionCheck": "ConditionCheckItem", "Get": "GetItem"}  # fmt: skip


class AccessDenied(Exception):
    """Raised as botocore's ClientError (AccessDeniedException), what AWS answers."""


@dataclass(frozen=True)
class Statement:
    effect: str
    actions: tuple[str, ...]
    resources: tuple[str, ...] | None  # None: the statement uses NotResource
    not_resources: tuple[str, ...] = ()

    def matches(self, action: str, resource: str | None) -> bool:
        if not any(_glob(pattern, action, case=False) for pattern in self.actions):
            return False
        if resource is None:  # not derivable from the request: the action decides
            return True
        if self.resources is None:
            return not any(_glob(pattern, resource) for pattern in self.not_resources)
        return any(_glob(pattern, resource) for pattern in self.resources)


@cache
def _pattern(pattern: str, case: bool) -> re.Pattern[str]:
    body = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(f"^{body}$", 0 if case else re.IGNORECASE)


def _glob(pattern: str, value: str, *, case: bool = True) -> bool:
    return bool(_pattern(pattern, case).match(value))


def _listed(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(item) for item in (value if isinstance(value, list) else [value]))


def _statement(raw: dict[str, Any]) -> Statement:
    if "NotResource" in raw:
        return Statement(raw["Effect"], _listed(raw["Action"]), None, _listed(raw["NotResource"]))
    return Statement(raw["Effect"], _listed(raw["Action"]), _listed(raw.get("Resource")))


def implicit_statements(stack: Stack, spec: FunctionSpec) -> list[dict[str, Any]]:
    """What SAM adds to a function's role besides its Policies."""
    added: list[dict[str, Any]] = [
        {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": "*"},  # AWSLambdaBasicExecutionRole
        {"Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"},
    ]  # fmt: skip
    for event in (spec.events or {}).values():
        props = stack.resolve(event.get("Properties", {}))
        if event.get("Type") == "SQS":  # SQSPollerPolicy
            added.append({"Effect": "Allow", "Resource": props["Queue"],
                          "Action": ["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
                                     "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes",
                                     "sqs:ReceiveMessage"]})  # fmt: skip
        elif event.get("Type") == "DynamoDB":  # DynamoDBStreamReadPolicy
            added.append({"Effect": "Allow", "Resource": props["Stream"],
                          "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords",
                                     "dynamodb:GetShardIterator", "dynamodb:ListStreams"]})  # fmt: skip
    dead_letter = spec.properties.get("DeadLetterQueue") or stack.globals_for_functions().get(
        "DeadLetterQueue"
    )
    if dead_letter:
        added.append(
            {
                "Effect": "Allow",
                "Action": ["sqs:SendMessage"],
                "Resource": stack.resolve(dead_letter)["TargetArn"],
            }
        )
    return added


def role(stack: Stack, spec: FunctionSpec) -> list[Statement]:
    """The function's role as IAM would hold it, with the stack's real ARNs."""
    statements = []
    for policy in spec.properties.get("Policies", []) or []:
        if not isinstance(policy, dict) or "Statement" not in policy:
            raise ValueError(
                f"{spec.logical_id}: only inline Statement policies are checked locally, not {policy}"
            )
        statements += [_statement(raw) for raw in stack.resolve(policy["Statement"])]
    statements += [_statement(raw) for raw in implicit_statements(stack, spec)]
    return statements


class Enforcer:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self._roles: dict[str, list[Statement]] = {}
        self._specs = {spec.logical_id: spec for spec in stack.functions()}
        self.denied: list[tuple[str, str, str | None]] = []  # (function, action, resource), newest last

    def role(self, function: str) -> list[Statement]:
        if function not in self._roles:
            self._roles[function] = role(self.stack, self._specs[function])
        return self._roles[function]

    def allowed(self, function: str, action: str, resource: str | None) -> bool:
        statements = self.role(function)
        if any(s.effect == "Deny" and s.matches(action, resource) for s in statements):
            return False
        return any(s.effect == "Allow" and s.matches(action, resource) for s in statements)

    def check(self, function: str, service: str, operation: str, params: dict[str, Any]) -> None:
        for action, resource in self.requests(service, operation, params):
            if not self.allowed(function, action, resource):
                self.denied.append((function, action, resource))
                raise AccessDenied(
                    f"User: {self.stack.get_att(function, 'Arn')} is not authorized to perform: {action} "
                    f"on resource: {resource or '*'} because no identity-based policy allows it"
                )

    # ------------------------------------------------------------ request → (action, resource)
    def requests(
        self, service: str, operation: str, params: dict[str, Any]
    ) -> Iterator[tuple[str, str | None]]:
        prefix = _PREFIX.get(service, service)
        if prefix == "dynamodb":
            yield from self._dynamodb(operation, params)
            return
        action = f"{prefix}:{_ACTION.get((prefix, operation), operation)}"
        yield action, self._resource(prefix, params)

    def _arn(self, service: str, resource: str) -> str:
        return f"arn:aws:{service}:{self.stack.region}:{self.stack.account}:{resource}"

    def _table(self, name: str, index: str | None = None) -> str:
        return self._arn("dynamodb", f"table/{name}" + (f"/index/{index}" if index else ""))

    def _dynamodb(self, operation: str, params: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
        if operation in {"TransactWriteItems", "TransactGetItems"}:
            for item in params.get("TransactItems", []):
                ((kind, body),) = item.items()
                yield f"dynamodb:{_TRANSACT_ITEM[kind]}", self._table(body["TableName"])
        elif operation in {"BatchWriteItem", "BatchGetItem"}:
            for table in params.get("RequestItems", {}):
                yield f"dynamodb:{operation}", self._table(table)
        elif "TableName" in params:
            yield f"dynamodb:{operation}", self._table(params["TableName"], params.get("IndexName"))
        elif "StreamArn" in params:
            yield f"dynamodb:{operation}", params["StreamArn"]
        else:
            yield f"dynamodb:{operation}", None

    def _resource(self, prefix: str, params: dict[str, Any]) -> str | None:
        if prefix == "sqs" and "QueueUrl" in params:
            return self._arn("sqs", str(params["QueueUrl"]).rstrip("/").rsplit("/", 1)[-1])
        if prefix == "s3" and "Bucket" in params:
            return f"arn:aws:s3:::{params['Bucket']}" + (f"/{params['Key']}" if "Key" in params else "")
        if prefix == "sns":
            return params.get("TopicArn") or params.get("TargetArn") or "*"  # an SMS names no topic
        if prefix == "secretsmanager" and "SecretId" in params:
            secret = str(params["SecretId"])
            return secret if secret.startswith("arn:") else self._arn("secretsmanager", f"secret:{secret}")
        if prefix == "states":
            return params.get("stateMachineArn") or params.get("executionArn")
        if prefix == "ses":
            source = params.get("Source") or params.get("FromEmailAddress")
            return (
                self._arn("ses", f"identity/{str(source).rsplit('<', 1)[-1].rstrip('>')}") if source else None
            )
        return None


# ---------------------------------------------------------------- wiring
_enforcer: Enforcer | None = None


@contextmanager
def acting_as(function: str | None) -> Iterator[None]:
    """AWS requests made inside are the function's (None: the local stack's own)."""
    token = _acting.set(function)
    try:
        yield
    finally:
        _acting.reset(token)


def _before_parameter_build(params: dict[str, Any], model: Any, **_: Any) -> None:
    function = _acting.get()
    if function is None or _enforcer is None:
        return
    service = model.service_model.signing_name
    try:
        _enforcer.check(function, service, model.name, params)
    except AccessDenied as denied:
        from botocore.exceptions import ClientError

        reply: Any = {"Error": {"Code": "AccessDeniedException", "Message": str(denied)},
                      "ResponseMetadata": {"HTTPStatusCode": 400}}  # fmt: skip
        raise ClientError(reply, model.name) from None


def install(stack: Stack) -> Enforcer:
    """Check every botocore client created from now on (boto3's, pynamodb's, Powertools')."""
    global _enforcer
    import botocore.session

    _enforcer = Enforcer(stack)
    session_class: Any = botocore.session.Session
    if not getattr(session_class.create_client, "_aftercare_iam", False):
        original: Callable[..., Any] = session_class.create_client

        def create_client(self: Any, *args: Any, **kwargs: Any) -> Any:
            client = original(self, *args, **kwargs)
            client.meta.events.register("before-parameter-build", _before_parameter_build)
            return client

        create_client._aftercare_iam = True  # type: ignore[attr-defined]
        session_class.create_client = create_client
    return _enforcer


def enforce(stack: Stack, host: Any) -> Enforcer:
    """Install the check and make every invocation of `host` act as its function."""
    enforcer = install(stack)
    run = host.run

    def run_as_function(function: str, event: dict[str, Any], **kwargs: Any) -> Any:
        with acting_as(host.spec(function).logical_id):
            return run(function, event, **kwargs)

    host.run = run_as_function
    return enforcer

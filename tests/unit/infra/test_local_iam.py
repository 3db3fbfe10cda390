"""How infra/local/iam.py reads a request and matches a statement, as IAM does: wildcards in
actions (case-insensitive) and resources, NotResource, Deny over Allow, and each item of a
transaction or batch checked on its own table."""

from __future__ import annotations

import pytest

from infra.local.iam import Enforcer, Statement
from tests.support.environment import new_stack

TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/T"


@pytest.mark.parametrize(
    ("statement", "action", "resource", "matches"),
    [
        (Statement("Allow", ("dynamodb:GetItem",), (TABLE,)), "dynamodb:GetItem", TABLE, True),
        (Statement("Allow", ("dynamodb:getitem",), (TABLE,)), "dynamodb:GetItem", TABLE, True),
        (Statement("Allow", ("dynamodb:Get*",), (TABLE,)), "dynamodb:GetItem", TABLE, True),
        (Statement("Allow", ("dynamodb:GetItem",), (TABLE,)), "dynamodb:PutItem", TABLE, False),
        (
            Statement("Allow", ("dynamodb:Query",), (f"{TABLE}/index/*",)),
            "dynamodb:Query",
            f"{TABLE}/index/byX",
            True,
        ),
        (Statement("Allow", ("dynamodb:Query",), (f"{TABLE}/index/*",)), "dynamodb:Query", TABLE, False),
        (Statement("Allow", ("dynamodb:Query",), (TABLE,)), "dynamodb:Query", f"{TABLE}/index/byX", False),
        (Statement("Allow", ("dynamodb:GetItem",), (TABLE,)), "dynamodb:GetItem", TABLE + "2", False),
        (Statement("Allow", ("sns:Publish",), None, ("arn:aws:sns:*:*:*",)), "sns:Publish", "*", True),
        (
            Statement("Allow", ("sns:Publish",), None, ("arn:aws:sns:*:*:*",)),
            "sns:Publish",
            "arn:aws:sns:us-east-1:1:t",
            False,
        ),
        (Statement("Allow", ("states:SendTaskSuccess",), ("arn:x",)), "states:SendTaskSuccess", None, True),
    ],
)
def test_a_statement_matches_as_iam_matches(
    statement: Statement, action: str, resource: str | None, matches: bool
) -> None:
    assert statement.matches(action, resource) is matches


def test_a_deny_wins_over_an_allow() -> None:
    enforcer = Enforcer(new_stack())
    enforcer._roles["F"] = [
        Statement("Allow", ("dynamodb:*",), ("*",)),
        Statement("Deny", ("dynamodb:DeleteItem",), (TABLE,)),
    ]
    assert enforcer.allowed("F", "dynamodb:GetItem", TABLE)
    assert not enforcer.allowed("F", "dynamodb:DeleteItem", TABLE)


@pytest.mark.parametrize(
    ("service", "operation", "params", "expected"),
    [
        ("dynamodb", "GetItem", {"TableName": "T"}, [("dynamodb:GetItem", TABLE)]),
        (
            "dynamodb",
            "Query",
            {"TableName": "T", "IndexName": "byX"},
            [("dynamodb:Query", f"{TABLE}/index/byX")],
        ),
        (
            "dynamodb",
            "TransactWriteItems",
            {"TransactItems": [{"Put": {"TableName": "T"}}, {"ConditionCheck": {"TableName": "U"}}]},
            [("dynamodb:PutItem", TABLE), ("dynamodb:ConditionCheckItem", TABLE[:-1] + "U")],
        ),
        ("dynamodb", "BatchWriteItem", {"RequestItems": {"T": []}}, [("dynamodb:BatchWriteItem", TABLE)]),
        (
            "sqs",
            "SendMessage",
            {"QueueUrl": "http://127.0.0.1:4566/123456789012/Q"},
            [("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:Q")],
        ),
        (
            "sqs",
            "SendMessageBatch",
            {"QueueUrl": "https://q/1/Q"},
            [("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:Q")],
        ),
        (
            "s3",
            "HeadObject",
            {"Bucket": "b", "Key": "evidence/k"},
            [("s3:GetObject", "arn:aws:s3:::b/evidence/k")],
        ),
        ("sns", "Publish", {"PhoneNumber": "+8613800138000"}, [("sns:Publish", "*")]),
        ("states", "SendTaskSuccess", {"taskToken": "t"}, [("states:SendTaskSuccess", None)]),
    ],
)
def test_a_request_names_its_action_and_resource(
    service: str, operation: str, params: dict[str, object], expected: list[tuple[str, str | None]]
) -> None:
    assert list(Enforcer(new_stack()).requests(service, operation, params)) == expected

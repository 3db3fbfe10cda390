"""A failed refund step: the customer's plain reason, the staff's technical cause."""

from __future__ import annotations

import json

import pytest

from aftercare.refunds.failures import FailureKind, explain, language_of


def lambda_error(error_type: str, message: str) -> str:
    """The error a Catch receives from a Lambda task, as `States.JsonToString($.error)` passes it."""
    cause = {
        "errorType": error_type,
        "errorMessage": message,
        "stackTrace": ['  File "/var/task/aftercare/refunds/service.py", line 371, in pay_out\n'],
    }
    return json.dumps({"Error": error_type, "Cause": json.dumps(cause)})


@pytest.mark.parametrize(
    ("raw", "kind", "technical"),
    [
        (lambda_error("PermanentPaymentError", "card account closed"), FailureKind.DECLINED,
         "PermanentPaymentError: card account closed"),
        (lambda_error("TransientPaymentError", "provider 503"), FailureKind.UNAVAILABLE,
         "TransientPaymentError: provider 503"),
        (json.dumps({"Error": "States.Timeout", "Cause": "Task timed out after 30 seconds"}),
         FailureKind.UNAVAILABLE, "States.Timeout: Task timed out after 30 seconds"),
        (lambda_error("KeyError", "'amount'"), FailureKind.INTERNAL, "KeyError: 'amount'"),
        ("not json at all", FailureKind.INTERNAL, "UnknownError"),
        (None, FailureKind.INTERNAL, "UnknownError"),
    ],
)  # fmt: skip
def test_a_failure_is_sorted_and_its_technical_cause_kept(
    raw: str | None, kind: FailureKind, technical: str
) -> None:
    failure = explain(raw)
    assert (failure.kind, failure.technical) == (kind, technical)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_customer_reason_carries_no_internals(language: str) -> None:
    reason = explain(lambda_error("PermanentPaymentError", "declined by issuer")).reason(language)
    for leak in ("Error", "stackTrace", ".py", "line ", "declined by issuer"):
        assert leak not in reason


@pytest.mark.parametrize(
    ("header", "language"),
    [(None, "en"), ("", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("en-GB", "en"), ("fr-FR, zh;q=0.5", "zh"),
     ("de", "en"), ("ZH-Hant", "zh")],
)  # fmt: skip
def test_the_reason_is_in_the_first_language_we_write(header: str | None, language: str) -> None:
    assert language_of(header) == language

"""Lambda's SQS batch rules: which messages stay on the queue, and the event's shape."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.sqs_poller import SqsSource, check_visibility, failed_message_ids, lambda_sqs_event

IDS = ["m1", "m2", "m3"]


@pytest.mark.parametrize(
    ("ok", "result", "report", "stays"),
    [
        (True, None, True, set()),
        (True, {}, True, set()),
        (True, {"batchItemFailures": []}, True, set()),
        (True, {"batchItemFailures": [{"itemIdentifier": "m2"}]}, True, {"m2"}),
        (
            True,
            {"batchItemFailures": [{"itemIdentifier": "m1"}, {"itemIdentifier": "m3"}]},
            True,
            {"m1", "m3"},
        ),
        (True, {"batchItemFailures": [{"itemIdentifier": "unknown"}]}, True, set(IDS)),
        (True, {"batchItemFailures": [{"itemIdentifier": ""}]}, True, set(IDS)),
        (True, {"batchItemFailures": [{}]}, True, set(IDS)),
        (True, {"batchItemFailures": "m1"}, True, set(IDS)),
        (True, "not an object", True, set(IDS)),
        (True, {"batchItemFailures": [{"itemIdentifier": "m2"}]}, False, set()),  # not enabled: ignored
        (False, None, True, set(IDS)),
        (False, None, False, set(IDS)),
    ],
)
def test_which_messages_stay_on_the_queue(ok: bool, result: Any, report: bool, stays: set[str]) -> None:
    assert failed_message_ids(IDS, ok=ok, result=result, report_failures=report) == stays


def test_received_messages_become_the_lambda_sqs_event() -> None:
    message = {
        "MessageId": "m1",
        "ReceiptHandle": "rh",
        "Body": '{"a":1}',
        "MD5OfBody": "md5",
        "Attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1"},
        "MessageAttributes": {
            "kind": {"DataType": "String", "StringValue": "order.paid"},
            "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01"},
        },
    }

    (record,) = lambda_sqs_event([message], "arn:aws:sqs:us-east-1:123456789012:q", "us-east-1")["Records"]

    assert record == {
        "messageId": "m1",
        "receiptHandle": "rh",
        "body": '{"a":1}',
        "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1"},
        "messageAttributes": {
            "kind": {
                "stringValue": "order.paid",
                "stringListValues": [],
                "binaryListValues": [],
                "dataType": "String",
            },
            "blob": {
                "binaryValue": "AAE=",
                "stringListValues": [],
                "binaryListValues": [],
                "dataType": "Binary",
            },
        },
        "md5OfBody": "md5",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:q",
        "awsRegion": "us-east-1",
    }


@pytest.mark.parametrize(
    ("visibility", "timeout", "allowed"), [(30, 30, True), (60, 10, True), (5, 10, False)]
)
def test_a_queue_must_hide_a_message_at_least_as_long_as_its_consumer_may_run(
    visibility: int, timeout: int, allowed: bool
) -> None:
    source = SqsSource("Consumer", "Work", "arn", "url", 10, 0, True, True)
    if allowed:
        check_visibility(source, visibility, timeout)
    else:
        with pytest.raises(ValueError, match="visibility timeout"):
            check_visibility(source, visibility, timeout)

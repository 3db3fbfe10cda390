"""SQS polling, schedules on the local clock and DynamoDB streams, run by the local stack
from a template's Events exactly as declared (batch size, window, partial failures, redrive)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest

from infra.local.stack import LocalStack
from tests.integration.infra.functions import consumer, stream, sweep


def eventually(check: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.1)


def send(local: LocalStack, *bodies: dict[str, Any]) -> list[str]:
    sqs = local.client("sqs")
    return [
        sqs.send_message(QueueUrl=local.stack.ref("WorkQueue"), MessageBody=json.dumps(body))["MessageId"]
        for body in bodies
    ]


def delivered(message_id: str) -> list[dict[str, Any]]:
    return [record for batch in consumer.BATCHES for record in batch if record["messageId"] == message_id]


def dead_letters(local: LocalStack) -> list[str]:
    reply = local.client("sqs").receive_message(
        QueueUrl=local.stack.ref("WorkDLQ"), MaxNumberOfMessages=10, VisibilityTimeout=0
    )
    return [message["MessageId"] for message in reply.get("Messages", [])]


@pytest.fixture(autouse=True)
def quiet(local: LocalStack) -> None:
    local.settle()
    consumer.BATCHES.clear()
    sweep.EVENTS.clear()
    sweep.CLOCK_AT.clear()
    stream.RECORDS.clear()


def test_messages_arrive_batched_within_the_window_as_the_lambda_sqs_event(local: LocalStack) -> None:
    ids = send(local, {"n": 1}, {"n": 2}, {"n": 3})

    assert local.settle()["settled"]

    batches = [batch for batch in consumer.BATCHES if batch]
    assert sorted(record["messageId"] for batch in batches for record in batch) == sorted(ids)
    assert len(batches) <= 2  # the 1-second window gathers what was sent together
    record = batches[0][0]
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"].endswith(":fragment-WorkQueue")
    assert record["attributes"]["ApproximateReceiveCount"] == "1"
    assert set(record) >= {
        "messageId",
        "receiptHandle",
        "body",
        "attributes",
        "messageAttributes",
        "md5OfBody",
        "awsRegion",
    }
    assert [queue["visible"] for queue in local.queues() if queue["queue"] == "WorkQueue"] == [0]


def test_a_reported_item_failure_is_redelivered_alone_then_dead_lettered(local: LocalStack) -> None:
    good, bad = send(local, {"n": 1}, {"fail": True})

    assert eventually(lambda: bad in dead_letters(local), timeout=20)

    assert len(delivered(good)) == 1
    assert len(delivered(bad)) == 2, consumer.BATCHES  # maxReceiveCount 2, then the dead-letter queue
    assert good not in dead_letters(local)
    listing = {queue["queue"]: queue for queue in local.queues()}
    assert bad in [message["messageId"] for message in listing["WorkDLQ"]["messages"]]


def test_a_function_error_returns_the_whole_batch_to_the_queue(local: LocalStack) -> None:
    (crash,) = send(local, {"crash": True})

    assert eventually(lambda: len(delivered(crash)) >= 2, timeout=20)


def test_moving_the_clock_runs_a_due_schedule_and_waits_for_the_queue_it_fed(local: LocalStack) -> None:
    moved = local.advance(3600)

    # (other schedules of the fragment may fall due too, depending on the time of day)
    hourly = [run for run in moved["ran"] if (run["target"], run["event"]) == ("SweepFunction", "Hourly")]
    assert len(hourly) == 1
    assert moved["settled"] is True
    # The hourly schedule's event is EventBridge's; the nightly one (02:00 Asia/Shanghai,
    # in this hour when the test runs at 17:xx UTC) carries its own Input instead.
    scheduled = [event for event in sweep.EVENTS if "detail-type" in event]
    assert [(e["detail-type"], e["source"]) for e in scheduled] == [("Scheduled Event", "aws.events")]
    assert [event for event in sweep.EVENTS if "detail-type" not in event] in ([], [{"job": "nightly"}])
    fed = [json.loads(record["body"]) for batch in consumer.BATCHES for record in batch]
    assert {"from": "sweep", "n": 1} in fed
    assert len(fed) == len(sweep.EVENTS)  # every message the schedule fed was consumed before the answer


def test_a_jump_over_several_occurrences_runs_each_in_order_at_its_due_time(local: LocalStack) -> None:
    before = len(sweep.EVENTS)
    moved = local.advance(5 * 3600)

    hourly = [run for run in moved["ran"] if run["event"] == "Hourly"]
    assert len(hourly) == 5
    assert all(run["coalesced"] == 0 for run in hourly)
    dues = [datetime.fromisoformat(run["due"]) for run in hourly]
    assert [later - earlier for earlier, later in pairwise(dues)] == [timedelta(hours=1)] * 4
    # Each run saw the clock at its own due time, not at the end of the jump.
    ran_at = [at for event, at in zip(sweep.EVENTS[before:], sweep.CLOCK_AT[before:], strict=True)
              if event.get("detail-type") == "Scheduled Event"]  # fmt: skip
    assert len(ran_at) == 5
    for due, at in zip(dues, ran_at, strict=True):
        assert timedelta(0) <= at - due < timedelta(minutes=1)


def test_a_schedule_v2_delivers_its_input_in_its_time_zone(local: LocalStack) -> None:
    nightly = next(job for job in local.scheduler.jobs if job.name == "Nightly")
    assert nightly.next_due is not None
    assert (nightly.next_due.hour, nightly.next_due.minute) == (18, 0)  # 02:00 in Shanghai

    local.advance(max(0.0, (nightly.next_due - local.clock.now()).total_seconds()) + 1)

    assert {"job": "nightly"} in sweep.EVENTS


def test_a_scheduled_function_runs_now_on_request(local: LocalStack) -> None:
    ran = local.run_schedule("SweepFunction")

    assert {run["event"] for run in ran["ran"]} == {"Hourly", "Nightly"}
    assert ran["settled"] is True
    with pytest.raises(KeyError):
        local.run_schedule("ConsumerFunction")


def test_table_changes_reach_the_stream_function_in_order(local: LocalStack) -> None:
    table = local.stack.ref("EventsTable")
    dynamodb = local.client("dynamodb")
    dynamodb.put_item(TableName=table, Item={"id": {"S": "a"}, "v": {"N": "1"}})
    dynamodb.put_item(TableName=table, Item={"id": {"S": "a"}, "v": {"N": "2"}})

    assert eventually(
        lambda: len([r for r in stream.RECORDS if r["dynamodb"]["Keys"]["id"] == {"S": "a"}]) >= 2
    )

    first, second = (r for r in stream.RECORDS if r["dynamodb"]["Keys"]["id"] == {"S": "a"})
    assert (first["eventName"], second["eventName"]) == ("INSERT", "MODIFY")
    assert second["dynamodb"]["OldImage"]["v"] == {"N": "1"}
    assert second["dynamodb"]["NewImage"]["v"] == {"N": "2"}
    assert second["eventSourceARN"] == local.stack.get_att("EventsTable", "StreamArn")
    assert isinstance(second["dynamodb"]["ApproximateCreationDateTime"], int)


def test_settling_waits_for_the_stream_to_be_delivered(local: LocalStack) -> None:
    local.client("dynamodb").put_item(TableName=local.stack.ref("EventsTable"), Item={"id": {"S": "b"}})

    assert local.settle()["settled"]

    assert [r["dynamodb"]["Keys"]["id"] for r in stream.RECORDS] == [{"S": "b"}]


def test_a_refused_transaction_records_nothing_and_the_stream_keeps_flowing(local: LocalStack) -> None:
    """DynamoDB records nothing of a refused transaction; moto rolls one back by swapping in
    copies of its tables, which the local stack makes keep the stream its poller reads."""
    table = local.stack.ref("EventsTable")
    dynamodb = local.client("dynamodb")
    with pytest.raises(dynamodb.exceptions.TransactionCanceledException):
        dynamodb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": table, "Item": {"id": {"S": "refused"}}}},
                {"Put": {"TableName": table, "Item": {"id": {"S": "c"}}, "ConditionExpression": "attribute_not_exists(id) AND id = :never",
                         "ExpressionAttributeValues": {":never": {"S": "x"}}}},
            ]
        )  # fmt: skip
    dynamodb.put_item(TableName=table, Item={"id": {"S": "after"}})

    assert local.settle()["settled"]

    assert [r["dynamodb"]["Keys"]["id"] for r in stream.RECORDS] == [{"S": "after"}]

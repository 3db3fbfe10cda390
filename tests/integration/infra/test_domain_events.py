"""The event machinery every domain uses: publishers put what happened on the bus, rules
deliver it to the reacting domains' queues, and a reaction that keeps failing is retried
and finally lands in its domain's DLQ with the reason: nothing is lost."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from aftercare import publishing
from aftercare.events import DomainEvent
from infra.local.sqs_poller import lambda_sqs_event, sqs_sources
from infra.template import Stack
from tests.support.api import Api

ROOT = Path(__file__).resolve().parents[3]


def reaction_sources(stack: Stack) -> list[Any]:
    return [s for s in sqs_sources(stack) if s.function.endswith("ReactionsFunction")]


def rule_types(stack: Stack, queue_arn: str) -> list[str]:
    for _, props in stack.of_type("AWS::Events::Rule"):
        props = stack.resolve(props)
        if any(t["Arn"] == queue_arn for t in props["Targets"]):
            return list(props["EventPattern"]["detail-type"])
    raise AssertionError(f"no rule delivers to {queue_arn}")


def domain_of(function: str) -> str:
    return function.removesuffix("ReactionsFunction").lower()


def every_reaction() -> list[tuple[str, str]]:
    from tests.support.environment import new_stack

    stack = new_stack()
    return [(s.function, t) for s in reaction_sources(stack) for t in rule_types(stack, s.queue_arn)]


def message_of(event_type: str, function: str) -> str:
    """The function's sample event, as the given type (the payload does not matter here)."""
    sample = json.loads(
        (ROOT / "events" / f"{domain_of(function)}_reactions" / "DomainEvents.json").read_text()
    )
    body = json.loads(sample["Records"][0]["body"])
    body["detail-type"] = event_type
    body["detail"]["type"] = event_type
    return json.dumps(body)


def receive(url: str) -> list[dict[str, Any]]:
    reply = boto3.client("sqs", region_name="us-east-1").receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=10,
        AttributeNames=["All"],
        MessageAttributeNames=["All"],
        VisibilityTimeout=0,
    )
    return list(reply.get("Messages") or [])


def dead_letter_url(stack: Stack, function: str) -> str:
    return stack.ref(function.replace("Function", "DLQ"))


@pytest.mark.parametrize(("function", "event_type"), every_reaction())
def test_a_failing_reaction_is_retried_then_dead_lettered_with_its_reason(
    api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch, function: str, event_type: str
) -> None:
    reactions = importlib.import_module(f"aftercare.{domain_of(function)}.reactions").REACTIONS
    assert event_type in reactions, f"{function}'s rule delivers {event_type} but nothing reacts to it"
    calls: list[DomainEvent] = []

    def broken(event: DomainEvent) -> None:
        calls.append(event)
        raise ConnectionError("the table is unreachable")

    monkeypatch.setitem(reactions, event_type, broken)
    (source,) = [s for s in reaction_sources(aws) if s.function == function]
    sqs = boto3.client("sqs", region_name="us-east-1")
    sqs.send_message(QueueUrl=source.queue_url, MessageBody=message_of(event_type, function))
    answers = []
    for _ in range(5):  # the queue's maxReceiveCount
        messages = receive(source.queue_url)
        assert len(messages) == 1
        answers.append(api.host.invoke(function, lambda_sqs_event(messages, source.queue_arn, "us-east-1")))
        if answers[-1]["batchItemFailures"]:
            continue
        sqs.delete_message(QueueUrl=source.queue_url, ReceiptHandle=messages[0]["ReceiptHandle"])
    assert len(calls) == 5  # retried each time, the same event
    assert [bool(a["batchItemFailures"]) for a in answers] == [True, True, True, True, False]
    assert receive(source.queue_url) == []
    (dead,) = receive(dead_letter_url(aws, function))
    assert json.loads(dead["Body"])["detail"]["id"] == calls[0].id  # the event itself, unchanged
    attributes = {k: v.get("StringValue") for k, v in dead["MessageAttributes"].items()}
    assert attributes["reason"] == "ConnectionError: the table is unreachable"
    assert attributes["receives"] == "5"
    assert attributes["domain"] == domain_of(function)


def test_a_message_that_is_not_an_event_goes_straight_to_the_dlq(api: Api, aws: Stack) -> None:
    source = reaction_sources(aws)[0]
    sqs = boto3.client("sqs", region_name="us-east-1")
    sqs.send_message(QueueUrl=source.queue_url, MessageBody='{"hello": "world"}')
    messages = receive(source.queue_url)
    assert api.host.invoke(source.function, lambda_sqs_event(messages, source.queue_arn, "us-east-1")) == {
        "batchItemFailures": []
    }
    (dead,) = receive(dead_letter_url(aws, source.function))
    assert dead["Body"] == '{"hello": "world"}'
    assert dead["MessageAttributes"]["reason"]["StringValue"] == "ValueError: not an EventBridge event"


def test_a_reaction_runs_once_per_event_id(api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    source = reaction_sources(aws)[0]
    event_type = rule_types(aws, source.queue_arn)[0]
    reactions = importlib.import_module(f"aftercare.{domain_of(source.function)}.reactions").REACTIONS
    calls: list[str] = []
    monkeypatch.setitem(reactions, event_type, lambda event: calls.append(event.id))
    body = message_of(event_type, source.function)
    sqs = boto3.client("sqs", region_name="us-east-1")
    for _ in range(2):  # EventBridge and SQS deliver at least once
        sqs.send_message(QueueUrl=source.queue_url, MessageBody=body)
    for message in receive(source.queue_url):
        api.host.invoke(source.function, lambda_sqs_event([message], source.queue_arn, "us-east-1"))
    assert len(calls) == 1


def test_a_publisher_reports_the_records_the_bus_refused(
    api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = json.loads((ROOT / "events" / "orders_publisher" / "Changes.json").read_text())

    class RefusingBus:
        def put_events(self, Entries: list[dict[str, Any]]) -> dict[str, Any]:
            return {
                "FailedEntryCount": 1,
                "Entries": [{"ErrorCode": "ThrottlingException", "ErrorMessage": "slow down"}],
            }

    monkeypatch.setattr(publishing, "client", lambda service: RefusingBus())
    record = sample["Records"][0]
    assert api.host.invoke("OrdersPublisherFunction", sample) == {
        "batchItemFailures": [{"itemIdentifier": record["dynamodb"]["SequenceNumber"]}]
    }


def test_a_published_event_reaches_exactly_the_queues_whose_rules_name_it(api: Api, aws: Stack) -> None:
    sample = json.loads((ROOT / "events" / "orders_publisher" / "Changes.json").read_text())
    assert api.host.invoke("OrdersPublisherFunction", sample) == {"batchItemFailures": []}
    by_queue = {
        s.function: [json.loads(m["Body"])["detail-type"] for m in receive(s.queue_url)]
        for s in reaction_sources(aws)
    }
    assert by_queue == {
        "RefundsReactionsFunction": ["OrderCancelled"],
        "CustomersReactionsFunction": [],
        "SurveysReactionsFunction": [],
        "OrdersReactionsFunction": [],
        "TicketsReactionsFunction": [],
        "AftersalesReactionsFunction": [],
        "LogisticsReactionsFunction": [],
        "AnalyticsReactionsFunction": ["OrderCancelled"],  # counted in the KPIs
        "AuditsReactionsFunction": [],
    }


def test_a_delivered_parcel_reaches_only_the_orders_and_analytics_queues(api: Api, aws: Stack) -> None:
    sample = json.loads((ROOT / "events" / "logistics_publisher" / "Changes.json").read_text())
    assert api.host.invoke("LogisticsPublisherFunction", sample) == {"batchItemFailures": []}
    by_queue = {
        s.function: [json.loads(m["Body"])["detail-type"] for m in receive(s.queue_url)]
        for s in reaction_sources(aws)
    }
    assert by_queue["OrdersReactionsFunction"] == ["ParcelDelivered"]
    assert by_queue["AnalyticsReactionsFunction"] == ["ParcelDelivered"]
    assert sorted(f for f, types in by_queue.items() if types) == [
        "AnalyticsReactionsFunction",
        "OrdersReactionsFunction",
    ]

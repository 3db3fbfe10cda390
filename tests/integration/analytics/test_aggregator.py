"""The aggregator on generated stream records: the aggregates in DynamoDB equal the direct
recomputation, whatever the batching, however often batches are delivered again; a record
that fails is reported alone and counted once when it comes back."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aftercare.analytics import service, store
from aftercare.analytics.facts import Subject, Table
from aftercare.aws import client
from aftercare.settings import get_settings
from infra.template import Stack
from tests.integration.analytics.conftest import kpis
from tests.integration.analytics.support import batches, deliver, record, stream_arn
from tests.support.api import Api
from tests.unit.analytics.world import (
    FIRST_DAY,
    LAST_DAY,
    OrderPlan,
    TicketPlan,
    changes_of,
    check,
    expected,
    worlds,
)

TABLES = {
    Table.ORDERS: ("OrdersTable", "orderId"),
    Table.SHIPMENTS: ("ShipmentsTable", "shipmentId"),
    Table.TICKETS: ("TicketsTable", "ticketId"),
    Table.SURVEYS: ("SurveysTable", "surveyId"),
}


def stream_records(
    stack: Stack, world: tuple[list[OrderPlan], list[TicketPlan]]
) -> tuple[list[dict[str, Any]], dict[str, Subject]]:
    """The generated histories as Lambda stream records, and the survey subjects they need."""
    records, subjects = [], {}
    for table, old, new, subject in changes_of(*world):
        logical_id, key = TABLES[table]
        records.append(record(stream_arn(stack, logical_id), {key: new[key]}, old, new))
        if subject is not None:
            subjects[str(new["subjectId"])] = subject
    return records, subjects


def clear_analytics() -> None:
    table = get_settings().analytics_table
    for page in client("dynamodb").get_paginator("scan").paginate(TableName=table):  # test clean-up only
        for item in page["Items"]:
            client("dynamodb").delete_item(TableName=table, Key={"pk": item["pk"], "sk": item["sk"]})


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    world=worlds(max_orders=5, max_tickets=6),
    sizes=st.lists(st.integers(1, 12), max_size=20),
    seed=st.integers(0, 2**16),
)
def test_aggregates_in_dynamodb_equal_the_recomputation_under_replayed_batches(
    api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch, world: Any, sizes: list[int], seed: int
) -> None:
    clear_analytics()
    records, subjects = stream_records(aws, world)
    monkeypatch.setattr(service, "survey_subject", lambda kind, subject_id: subjects.get(subject_id))
    generator = random.Random(seed)
    delivered: list[list[dict[str, Any]]] = []
    for batch in batches(records, sizes):
        assert deliver(api, batch) == []
        delivered.append(batch)
        if generator.random() < 0.4:  # Lambda retries a batch, or bisects it and retries halves
            again = generator.choice(delivered)
            assert deliver(api, again[: generator.randint(1, len(again))]) == []
    reply = kpis(api, **{"from": FIRST_DAY.isoformat(), "to": LAST_DAY.isoformat()})
    assert reply.status == 200
    found = service.kpis(FIRST_DAY, LAST_DAY)
    assert found.model_dump(by_alias=True, mode="json") == {**reply.json, "generatedAt": found.generated_at}
    check(found, expected(*world))


def test_the_same_batch_twice_gives_the_same_aggregates(api: Api, aws: Stack) -> None:
    world = ([OrderPlan("ord_1", 0, 29800, "DELIVERED", estimate_days=1, problems=["LOST"])],
             [TicketPlan("tk_1", 0, "COMPLAINT", "agent_li", 600, 3600, None, ["RESOLUTION"], None, None)])  # fmt: skip
    records, _ = stream_records(aws, world)
    assert deliver(api, records) == []
    once = store.read_range(FIRST_DAY, LAST_DAY)
    assert deliver(api, records) == []
    twice = store.read_range(FIRST_DAY, LAST_DAY)
    assert twice.totals == once.totals and twice.agents == once.agents
    assert sum(day["orders.placed"] for day in twice.totals.values()) == 1


def test_a_failing_record_is_reported_alone_and_counted_once_when_retried(
    api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = ([OrderPlan(f"ord_{i}", 60 * i, 1000, "PLACED") for i in range(5)], [])
    records, _ = stream_records(aws, world)
    broken = records[2]["eventID"]
    original = store.apply

    def flaky(marker: str, *args: Any, **kwargs: Any) -> bool:
        if marker.endswith(broken):
            raise RuntimeError("throttled")
        return original(marker, *args, **kwargs)

    monkeypatch.setattr(store, "apply", flaky)
    assert deliver(api, records) == [records[2]["dynamodb"]["SequenceNumber"]]
    monkeypatch.setattr(store, "apply", original)
    assert deliver(api, records[2:]) == []  # Lambda resumes from the failed record
    assert (
        kpis(api, **{"from": FIRST_DAY.isoformat(), "to": LAST_DAY.isoformat()}).json["orders"]["placed"] == 5
    )


def test_records_of_other_items_and_removals_add_nothing(api: Api, aws: Stack) -> None:
    arn = stream_arn(aws, "TicketsTable")
    key_item = {
        "ticketId": "key#logistics#shp_1",
        "refTicketId": "tk_1",
        "createdAt": "2026-11-23T08:00:00.000Z",
    }
    removal = record(
        stream_arn(aws, "OrdersTable"),
        {"orderId": "ord_1"},
        {"orderId": "ord_1", "status": "CANCELLED"},
        None,
    )
    assert deliver(api, [record(arn, {"ticketId": key_item["ticketId"]}, None, key_item), removal]) == []
    assert store.read_range(FIRST_DAY, LAST_DAY).totals == {}


def test_the_daily_report_is_written_to_the_reports_bucket(api: Api, aws: Stack, fixed_clock: Any) -> None:
    records, _ = stream_records(aws, ([OrderPlan("ord_1", 0, 29800, "DELIVERED", estimate_days=3)], []))
    assert deliver(api, records) == []
    import json
    from pathlib import Path

    from infra.template import ROOT

    event = json.loads((Path(ROOT) / "events" / "analytics_report" / "DailyReport.json").read_text())
    result = api.host.invoke("AnalyticsReportFunction", event)
    assert result["key"] == "reports/2026-11-22.html" and result["from"] == "2026-10-24"
    html = store.get_report(result["key"])
    assert html is not None and "Service KPIs · 2026-10-24 to 2026-11-22" in html and "<svg" in html
    assert store.latest_report_key() == "reports/2026-11-22.html"
    head = client("s3").head_object(Bucket=get_settings().reports_bucket, Key=result["key"])
    assert head["ContentType"].startswith("text/html")

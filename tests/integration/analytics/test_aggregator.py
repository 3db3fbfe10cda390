"""Analytics' reactions on generated domain events: the aggregates in DynamoDB equal the
direct recomputation, whatever the batching, however often batches are delivered again; an
event that fails is reported alone and counted once when it comes back. The survey subjects
(agent, handling time) come from what analytics remembered of the tickets' own events."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aftercare.analytics import service, store
from aftercare.analytics.facts import Subject
from aftercare.aws import client
from aftercare.logistics.events import ShipmentRegistered
from aftercare.refunds.events import RefundSettled
from aftercare.settings import get_settings
from aftercare.tickets.events import TicketAssigned
from infra.template import Stack
from tests.integration.analytics.conftest import kpis
from tests.integration.analytics.support import batches, deliver, message
from tests.support.api import Api
from tests.unit.analytics.world import (
    FIRST_DAY,
    LAST_DAY,
    OrderPlan,
    TicketPlan,
    changes_of,
    check,
    event,
    expected,
    worlds,
)


def messages(world: tuple[list[OrderPlan], list[TicketPlan]]) -> list[dict[str, Any]]:
    """The generated histories as the SQS messages analytics' queue would hold."""
    return [message(event) for event, _ in changes_of(*world)]


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
    api: Api, aws: Stack, world: Any, sizes: list[int], seed: int
) -> None:
    clear_analytics()
    records = messages(world)
    generator = random.Random(seed)
    delivered: list[list[dict[str, Any]]] = []
    for batch in batches(records, sizes):
        assert deliver(api, batch) == []
        delivered.append(batch)
        if generator.random() < 0.4:  # SQS delivers messages again, or a publisher republishes
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
    records = messages(world)
    assert deliver(api, records) == []
    once = store.read_range(FIRST_DAY, LAST_DAY)
    assert deliver(api, records) == []
    twice = store.read_range(FIRST_DAY, LAST_DAY)
    assert twice.totals == once.totals and twice.agents == once.agents
    assert sum(day["orders.placed"] for day in twice.totals.values()) == 1


def test_a_failing_event_is_reported_alone_and_counted_once_when_retried(
    api: Api, aws: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = [
        event
        for event, _ in changes_of([OrderPlan(f"ord_{i}", 60 * i, 1000, "PLACED") for i in range(5)], [])
    ]
    records = [message(event) for event in events]
    broken = events[2].id
    original = store.apply

    def flaky(marker: str, *args: Any, **kwargs: Any) -> bool:
        if marker.endswith(broken):
            raise RuntimeError("throttled")
        return original(marker, *args, **kwargs)

    monkeypatch.setattr(store, "apply", flaky)
    assert deliver(api, records) == [records[2]["messageId"]]
    monkeypatch.setattr(store, "apply", original)
    assert deliver(api, [message(events[2], receives=2)]) == []  # SQS delivers the failed one again
    assert deliver(api, records) == []  # and everything again: nothing twice
    assert (
        kpis(api, **{"from": FIRST_DAY.isoformat(), "to": LAST_DAY.isoformat()}).json["orders"]["placed"] == 5
    )


def test_events_analytics_does_not_count_add_nothing(api: Api, aws: Stack) -> None:
    rejected = RefundSettled("rf_1", "ord_1", "cus_1", "REJECTED", 5000, "CNY", "order", "ord_1")
    returned = ShipmentRegistered("shp_1", "RETURN", "ord_1", "cus_1", "2026-11-23T08:00:00.000Z")
    assert deliver(api, [message(event(rejected, "2026-11-23T08:00:00.000Z", "rf_1")),
                         message(event(returned, "2026-11-23T08:00:00.000Z", "shp_1"))]) == []  # fmt: skip
    assert store.read_range(FIRST_DAY, LAST_DAY).totals == {}


def test_an_answer_is_rated_with_the_agent_and_handling_time_its_ticket_told(api: Api, aws: Stack) -> None:
    """Late or redelivered ticket events never move what is remembered backwards: the latest
    assignee wins, the first solve's handling time is kept."""
    clear_analytics()
    ticket = TicketPlan("tk_1", 0, "ORDER", "agent_li", 600, 3600, 600, [], 2, None)
    events = [e for e, _ in changes_of([], [ticket])]
    assert deliver(api, [message(e) for e in events]) == []
    assert store.subject("ticket", "tk_1") == Subject(agent="agent_li", handling_seconds=3600)
    late = event(
        TicketAssigned("tk_1", "agent_old", "2026-11-19T08:00:00.000Z"), "2026-11-19T08:00:00.000Z", "tk_1"
    )
    assert deliver(api, [message(late)]) == []
    assert store.subject("ticket", "tk_1") == Subject(agent="agent_li", handling_seconds=3600)
    found = service.kpis(FIRST_DAY, LAST_DAY)
    assert found.satisfaction_vs_handling_time.n == 1
    assert {a.agent_id: a.csat.n for a in found.agents} == {"agent_li": 1}


def test_the_daily_report_is_written_to_the_reports_bucket(api: Api, aws: Stack, fixed_clock: Any) -> None:
    assert deliver(api, messages(([OrderPlan("ord_1", 0, 29800, "DELIVERED", estimate_days=3)], []))) == []
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

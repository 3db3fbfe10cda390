"""Recurring issues through the template's functions on moto: customers' new tickets leave
their text in the Analytics table (from TicketOpened, through the bus), the weekly topics job
groups a period's texts and stores its topics, GET /v1/admin/analytics/topics reads them and
the daily report shows them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from aftercare import clock
from aftercare.analytics import recurring, store
from aftercare.events import DomainEvent, Happened, envelope
from aftercare.tickets.events import TicketOpened
from infra.template import ROOT
from tests.integration.analytics.conftest import SUPERVISOR, Tickets
from tests.integration.analytics.support import deliver, message
from tests.support.api import Api, Reply, customer, staff
from tests.support.bus import EventFlow

KETTLE_BEFORE = ["水壶盖子漏水", "The kettle lid leaks", "水壺蓋子漏水"]
KETTLE_NOW = [
    "水壶盖子漏水，倒水的时候",
    "The kettle lid leaks",
    "水壺蓋子漏水",
    "my kettle is leaking from the lid",
    "电水壶的盖子漏水",
    "Kettle lid leaked all over the table",
    "壶盖漏水",
    "kettle lid leaking again",
]
OTHERS = ["鞋子尺码偏小", "I need an invoice for my order", "账号登录不了"]


def topics(
    api: Api, query: dict[str, str] | None = None, *, claims: dict[str, Any] | None = SUPERVISOR
) -> Reply:
    return api.call("GET", "/v1/admin/analytics/topics", claims=claims, query=query or {})


def open_tickets(api: Api, at: datetime, texts: list[str], owner: str = "cus_topics") -> list[str]:
    clock.use(clock.FixedClock(at))
    ids = []
    for text in texts:
        reply = api.call(
            "POST",
            "/v1/tickets",
            claims=customer(owner),
            json_body={"channel": "app", "subject": text[:40], "message": text},
        )
        assert reply.status == 201, reply.body
        ids.append(reply.json["ticketId"])
    return ids


def weekly_job(api: Api) -> dict[str, Any]:
    event = json.loads((Path(ROOT) / "events" / "topics_job" / "WeeklyTopics.json").read_text())
    return dict(api.host.invoke("TopicsJobFunction", event))


def test_a_customers_new_ticket_leaves_its_text_for_the_topics_job(
    api: Api, tickets: Tickets, flow: EventFlow
) -> None:
    (ticket_id,) = open_tickets(api, datetime(2026, 11, 18, 9, tzinfo=UTC), ["水壶盖子漏水"])
    flow.run()
    assert "TicketOpened" in flow.types()
    (kept,) = store.texts(date(2026, 11, 18), date(2026, 11, 18))
    assert kept == (ticket_id, "水壶盖子漏水\n水壶盖子漏水", "2026-11-18T09:00:00.000Z")
    assert store.texts(date(2026, 11, 17), date(2026, 11, 17)) == []


def test_a_redelivered_or_late_TicketOpened_keeps_one_text_and_others_tickets_none(
    api: Api, fixed_clock: clock.FixedClock
) -> None:
    def opened(ticket_id: str, source: str, origin: str) -> DomainEvent:
        payload = TicketOpened(
            ticket_id=ticket_id, customer_id="cus_a", category="PRODUCT", source=source,
            opened_at="2026-11-20T10:00:00.000000Z", text="kettle lid leaks",
        )  # fmt: skip
        happened = Happened(payload, subject=ticket_id, time=payload.opened_at)
        return envelope(happened, source="tickets", origin=origin)

    first = opened("tk_1", "customer", "record-1")
    again = opened("tk_1", "customer", "record-2")  # the same ticket told twice
    system = opened("tk_2", "logistics", "record-3")  # a ticket another domain opened
    assert deliver(api, [message(first), message(again), message(system), message(first, receives=2)]) == []
    assert store.texts(date(2026, 11, 20), date(2026, 11, 20)) == [
        ("tk_1", "kettle lid leaks", "2026-11-20T10:00:00.000000Z")
    ]


def test_the_weekly_job_stores_topics_the_route_and_the_report_read(
    api: Api, tickets: Tickets, flow: EventFlow
) -> None:
    before = open_tickets(api, datetime(2026, 11, 10, 9, tzinfo=UTC), [*KETTLE_BEFORE, "包裹还没到"])
    now = open_tickets(api, datetime(2026, 11, 18, 9, tzinfo=UTC), [*KETTLE_NOW, *OTHERS])
    flow.run()
    clock.use(clock.FixedClock(datetime(2026, 11, 23, 1, tzinfo=UTC)))  # Monday 01:00, as scheduled

    assert weekly_job(api) == {"from": "2026-11-16", "to": "2026-11-22", "tickets": 11, "topics": 1}

    reply = topics(api, {"from": "2026-11-01", "to": "2026-11-30"})
    assert reply.status == 200, reply.body
    body = reply.json
    assert body["period"] == {"from": "2026-11-16", "to": "2026-11-22"}
    assert body["previous"] == {"from": "2026-11-09", "to": "2026-11-15"}
    assert (body["tickets"], body["previousTickets"]) == (11, 4)
    (kettle,) = body["items"]
    assert (kettle["count"], kettle["previousCount"], kettle["trend"]) == (8, 3, "up from 3")
    assert {"kettle", "lid", "leak"} <= set(kettle["terms"]) and "kettle" in kettle["topic"]
    assert len(kettle["examples"]) == 5 and set(kettle["examples"]) <= set(now[:8])
    assert not set(kettle["examples"]) & set(before)

    # the route only reads: a range that ends before the period's last day has no run
    assert topics(api, {"from": "2026-11-01", "to": "2026-11-21"}).json["period"] is None

    # the daily report shows them in their own section
    event = json.loads((Path(ROOT) / "events" / "analytics_report" / "DailyReport.json").read_text())
    result = api.host.invoke("AnalyticsReportFunction", event)
    html = store.get_report(result["key"])
    assert html is not None and "Recurring issues · 2026-11-16 – 2026-11-22" in html
    assert f"<th>{kettle['topic']}</th><td>8</td><td>up from 3</td>" in html


def test_a_run_for_the_same_period_replaces_the_stored_topics(
    api: Api, tickets: Tickets, flow: EventFlow
) -> None:
    open_tickets(api, datetime(2026, 11, 18, 9, tzinfo=UTC), KETTLE_NOW[:2])
    flow.run()
    clock.use(clock.FixedClock(datetime(2026, 11, 23, 1, tzinfo=UTC)))
    assert weekly_job(api)["topics"] == 1
    open_tickets(api, datetime(2026, 11, 19, 9, tzinfo=UTC), KETTLE_NOW[2:5])
    flow.run()
    clock.use(clock.FixedClock(datetime(2026, 11, 23, 2, tzinfo=UTC)))
    assert weekly_job(api)["tickets"] == 5
    (kettle,) = topics(api, {"to": "2026-11-23"}).json["items"]
    assert (kettle["count"], kettle["trend"]) == (5, "new")


def test_a_job_for_a_given_period_and_a_period_too_long(api: Api, fixed_clock: clock.FixedClock) -> None:
    result = api.host.invoke("TopicsJobFunction", {"detail": {"from": "2026-11-01", "to": "2026-11-03"}})
    assert result == {"from": "2026-11-01", "to": "2026-11-03", "tickets": 0, "topics": 0}
    answer = topics(api, {"from": "2026-11-03", "to": "2026-11-03"}).json
    assert answer["previous"] == {"from": "2026-10-29", "to": "2026-10-31"} and answer["items"] == []
    with pytest.raises(Exception, match="1 to 14 days"):
        recurring.run(date(2026, 11, 1), date(2026, 11, 30))


def test_no_run_yet_is_an_empty_answer(api: Api, fixed_clock: clock.FixedClock) -> None:
    body = topics(api).json
    assert body == {
        "period": None, "previous": None, "tickets": 0, "previousTickets": 0, "generatedAt": None, "items": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    "claims", [customer(), staff("agent"), staff("warehouse")], ids=["customer", "agent", "warehouse"]
)
def test_anyone_but_a_supervisor_is_refused_with_403(api: Api, claims: dict[str, Any]) -> None:
    assert topics(api, claims=claims).status == 403


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-11-30", "to": "2026-11-01"}, "from"),
        ({"from": "2026-02-30", "to": "2026-03-01"}, "from"),
        ({"to": "2026-11-3"}, "to"),
        ({"from": "2025-01-01", "to": "2026-11-30"}, "to"),
    ],
)
def test_a_bad_range_is_400_naming_the_field(api: Api, query: dict[str, str], field: str) -> None:
    reply = topics(api, query)
    assert reply.status == 400, reply.body
    assert field in json.dumps(reply.json)

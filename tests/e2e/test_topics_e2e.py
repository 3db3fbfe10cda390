"""Recurring issues on the local stack over HTTP: customers open tickets in two weeks (the
kettle's leaking lid, in Chinese and English, rising from 3 to 8, and unrelated ones), the
tickets' texts reach analytics through the bus,
the weekly topics job runs on its schedule's target, and the supervisors' route answers the
kettle-lid topic with its count, its trend "up from 3" and real example tickets.

The tickets are opened one after the other: opened from 11 threads at once, the local
stack delivered only some of the Tickets table's stream records to its publisher (3 of the
11 TicketOpened never reached any consumer), a local-stack issue outside this feature."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from aftercare.clock import parse_iso
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

JOB = "TopicsJobFunction"
SUPERVISOR = ("sup_e2e_topics", "supervisor")
LAST_WEEK = ["水壶盖子漏水，怎么办", "The kettle lid leaks when I pour", "水壺蓋子漏水"]
THIS_WEEK = [
    "水壶盖子漏水",
    "My kettle is leaking from the lid",
    "電水壺的蓋子一直漏水",
    "kettle lid leaks everywhere 😡",
    "电水壶盖子漏水，请处理",
    "The lid of the kettle leaked on the counter",
    "壶盖漏水",
    "Kettle lid leaking again",
]
UNRELATED = ["鞋子尺码偏小", "I need an invoice please", "账号登录不了"]


def ok(reply: Any, status: int = 200) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json())


def open_ticket(stack: LocalStackProcess, number: int, text: str) -> str:
    who = (f"cus_e2e_topics_{number:02d}", "customer")
    body = {"channel": "app", "subject": text[:40], "message": text}
    return str(ok(stack.post("/v1/tickets", as_=who, json_body=body), 201)["ticketId"])


def test_the_kettle_lid_topic_rises_from_3_to_8_with_real_example_tickets(
    local_stack: LocalStackProcess,
) -> None:
    stack = local_stack
    with stack.only_schedules(JOB):  # days of clock: only the topics job's firings
        now = parse_iso(stack.now())
        noon = (now + timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)
        stack.advance((noon - now).total_seconds())  # tickets of one day, whatever the hour was
        before = [open_ticket(stack, i, text) for i, text in enumerate([*LAST_WEEK, UNRELATED[0]])]
        stack.advance(7 * 24 * 3600)
        texts = [*THIS_WEEK, *UNRELATED]
        now_ids = [open_ticket(stack, 20 + i, text) for i, text in enumerate(texts)]
        stack.advance(24 * 3600)  # the next day: the period is the 7 days up to yesterday
    ok(stack.post("/_local/settle"))  # every text has reached analytics

    ran = stack.run_schedule(JOB)
    assert [run["outcome"] for run in ran["ran"]] == ["ok"], ran
    today = parse_iso(stack.now()).date()
    query = {"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()}
    body = ok(stack.get("/v1/admin/analytics/topics", as_=SUPERVISOR, params=query))
    assert body["period"] == {
        "from": (today - timedelta(days=7)).isoformat(),
        "to": (today - timedelta(days=1)).isoformat(),
    }
    assert body["tickets"] >= len(texts) and body["previousTickets"] >= len(before)

    [kettle] = [item for item in body["items"] if {"kettle", "lid", "leak"} <= set(item["terms"])]
    assert (kettle["count"], kettle["previousCount"], kettle["trend"]) == (8, 3, "up from 3")
    assert "kettle" in kettle["topic"]
    assert 1 <= len(kettle["examples"]) <= 5 and set(kettle["examples"]) <= set(now_ids[: len(THIS_WEEK)])
    for ticket_id in kettle["examples"]:  # real tickets, about the kettle
        ticket = ok(stack.get(f"/v1/tickets/{ticket_id}", as_=SUPERVISOR))
        assert ticket["subject"] in {text[:40] for text in THIS_WEEK}

    assert (
        stack.get("/v1/admin/analytics/topics", as_=("agent_e2e", "agent"), params=query).status_code == 403
    )

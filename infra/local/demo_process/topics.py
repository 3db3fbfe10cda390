"""Recurring issues, shown once: customers write about a kettle's leaking lid (in Chinese,
traditional Chinese and English) three times one week and eight times the next, among other
problems; the weekly topics job groups the week's tickets and a supervisor reads
"kettle · leak · lid: 8 tickets, up from 3" without reading them.

The clock moves 8 days (only the topics job's schedule firing meanwhile)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from aftercare.clock import parse_iso
from infra.local.demo import SUPERVISOR, Demo, DemoFailed

JOB = "TopicsJobFunction"
RUN = uuid.uuid4().hex[:6]
LAST_WEEK = ["水壶盖子漏水，怎么办", "The kettle lid leaks when I pour", "水壺蓋子漏水", "包裹还没到"]
THIS_WEEK = [
    "水壶盖子漏水",
    "My kettle is leaking from the lid",
    "電水壺的蓋子一直漏水",
    "kettle lid leaks everywhere",
    "电水壶盖子漏水，请处理",
    "The lid of the kettle leaked on the counter",
    "壶盖漏水",
    "Kettle lid leaking again",
    "鞋子尺码偏小",
    "I need an invoice please",
]


def _open(demo: Demo, number: int, text: str) -> str:
    who = (f"cus_demo_topics_{RUN}_{number:02d}", "customer")
    body = {"channel": "app", "subject": text[:40], "message": text}
    return str(demo.expect(demo.client.post("/v1/tickets", as_=who, json_body=body), 201)["ticketId"])


def last_week(demo: Demo) -> str:
    now = parse_iso(demo.client.now())
    noon = (now + timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)
    with demo.client.only_schedules(JOB):
        demo.client.advance((noon - now).total_seconds())
    ids = [_open(demo, i, text) for i, text in enumerate(LAST_WEEK)]
    return f"{len(ids)} tickets on {noon.date()}: 3 about a kettle's leaking lid (zh, zh-Hant, en), 1 parcel"


def this_week(demo: Demo) -> str:
    with demo.client.only_schedules(JOB):
        demo.client.advance(7 * 24 * 3600)
    demo.state["topics_ids"] = [_open(demo, 20 + i, text) for i, text in enumerate(THIS_WEEK)]
    return f"a week later, {len(THIS_WEEK)} tickets: 8 about the kettle's lid, a size, an invoice"


def weekly_job(demo: Demo) -> str:
    with demo.client.only_schedules(JOB):
        demo.client.advance(24 * 3600)  # the period is the 7 days up to yesterday
    demo.expect(demo.client.post("/_local/settle"), 200)
    ran = demo.client.run_schedule(JOB)
    outcomes = [run["outcome"] for run in ran["ran"]]
    if outcomes != ["ok"]:
        raise DemoFailed(f"the topics job: {ran}")
    return f"the weekly topics job ran at {ran['now'][:16]}: {outcomes[0]}"


def read_topics(demo: Demo) -> str:
    today = parse_iso(demo.client.now()).date()
    query = {"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()}
    body = demo.expect(demo.client.get("/v1/admin/analytics/topics", as_=SUPERVISOR, params=query), 200)
    kettle = next((t for t in body["items"] if {"kettle", "lid", "leak"} <= set(t["terms"])), None)
    if kettle is None or kettle["count"] != 8 or kettle["trend"] != "up from 3":
        raise DemoFailed(f"no kettle-lid topic of 8 tickets, up from 3: {body['items']}")
    if not set(kettle["examples"]) <= set(demo.state["topics_ids"]):
        raise DemoFailed(f"examples that are not this week's kettle tickets: {kettle['examples']}")
    others = "; ".join(f"{t['topic']}: {t['count']}, {t['trend']}" for t in body["items"] if t is not kettle)
    return (
        f"{SUPERVISOR[0]} reads the recurring issues of {body['period']['from']} – {body['period']['to']} "
        f"({body['tickets']} tickets): {kettle['topic']}: {kettle['count']} tickets, {kettle['trend']} "
        f"(e.g. {', '.join(kettle['examples'][:2])})" + (f"; {others}" if others else "")
    )


STEPS: list[Callable[[Demo], str]] = [last_week, this_week, weekly_job, read_topics]

"""Quality audits through the local stack over real HTTP: agents solve tickets in a fresh
week, the Monday schedule samples each agent's work (a second run creates nothing), two
supervisors scoring the same audit at once get exactly one 200 and one 409, nobody scores
their own work, and the scores show in the KPIs per agent and per week."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from aftercare.clock import parse_iso
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

LEAD = ("sup_lead", "supervisor")  # assigns and solves on the agents' behalf
ZHAO, MORGAN = ("sup_zhao", "supervisor"), ("sup_morgan", "supervisor")
SCORES = {"greeting": 5, "accuracy": 4, "tone": 5, "resolution": 4}  # 18 of 20: 4.5


def eventually(probe: Callable[[], Any], what: str, seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds}s: {what}")


def to_next_monday(stack: LocalStackProcess) -> None:
    """Move the local clock to next Monday 03:00 UTC with only the audit sampling schedule on
    (it fires at 02:00 on the way)."""
    now = parse_iso(stack.now())
    monday = (now + timedelta(days=7 - now.weekday())).replace(hour=3, minute=0, second=0, microsecond=0)
    with stack.only_schedules("AuditSamplingFunction"):
        stack.advance((monday - now).total_seconds())


def solved_ticket(stack: LocalStackProcess, agent: str, customer: str) -> str:
    opened = stack.post(
        "/v1/tickets",
        as_=(customer, "customer"),
        json_body={"channel": "app", "subject": "Parcel", "message": "Where is my parcel? It is late."},
    )
    assert opened.status_code == 201, opened.text
    ticket_id = str(opened.json()["ticketId"])
    for step, body in (("assign", {"assignee": agent}), ("solve", {"resolution": "found and delivered"})):
        reply = stack.post(f"/v1/admin/tickets/{ticket_id}/{step}", as_=LEAD, json_body=body)
        assert reply.status_code == 200, reply.text
    return ticket_id


def candidates(stack: LocalStackProcess, week: str) -> int:
    dynamodb = stack.aws("dynamodb")
    (table,) = [name for name in dynamodb.list_tables()["TableNames"] if "Audits" in name or "audits" in name]
    items = dynamodb.scan(TableName=table)["Items"]  # a small local table, looked at by the test
    return sum(1 for item in items if item["pk"]["S"].startswith(f"cand#{week}#"))


def audits_of(stack: LocalStackProcess, agent: str, week: str) -> list[dict[str, Any]]:
    reply = stack.get("/v1/admin/audits", as_=ZHAO, params={"agent": agent, "limit": 100})
    assert reply.status_code == 200, reply.text
    return [a for a in reply.json()["items"] if a["week"] == week]


def test_a_week_is_sampled_once_scored_by_someone_else_and_shown_in_the_kpis(
    local_stack: LocalStackProcess,
) -> None:
    stack = local_stack
    to_next_monday(stack)  # a fresh week: only this test's work is in it
    start = parse_iso(stack.now())
    year, number, _ = start.isocalendar()
    week = f"{year}-W{number:02d}"
    work = {"agent_li": 3, "agent_wang": 1, "sup_zhao": 1}
    solved = {
        agent: [solved_ticket(stack, agent, f"cus_e2e_audit_{agent}_{i}") for i in range(count)]
        for agent, count in work.items()
    }
    eventually(lambda: candidates(stack, week) == 5, "the five solved tickets are audit candidates")

    to_next_monday(stack)  # Monday 02:00: the schedule samples the week
    sampled = {agent: audits_of(stack, agent, week) for agent in work}
    assert {agent: len(found) for agent, found in sampled.items()} == {
        "agent_li": 2,
        "agent_wang": 1,
        "sup_zhao": 1,
    }
    for agent, found in sampled.items():
        assert {a["status"] for a in found} == {"PENDING"} and {a["kind"] for a in found} == {"TICKET"}
        assert {a["subjectId"] for a in found} <= set(solved[agent])
        assert len({a["subjectId"] for a in found}) == len(found)  # never the same work twice
    stack.run_schedule("AuditSamplingFunction")  # the same week again (still Monday): nothing new
    assert sorted(a["auditId"] for a in audits_of(stack, "agent_li", week)) == sorted(
        a["auditId"] for a in sampled["agent_li"]
    )

    li = sampled["agent_li"][0]["auditId"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = list(
            pool.map(
                lambda who: stack.post(f"/v1/admin/audits/{li}/score", as_=who, json_body={"scores": SCORES}),
                [ZHAO, MORGAN],
            )
        )
    assert sorted(r.status_code for r in replies) == [200, 409]
    winner = next(r.json() for r in replies if r.status_code == 200)
    assert (winner["status"], winner["meanScore"]) == ("SCORED", 4.5)

    own = sampled["sup_zhao"][0]["auditId"]
    assert (
        stack.post(f"/v1/admin/audits/{own}/score", as_=ZHAO, json_body={"scores": SCORES}).status_code == 403
    )
    wrong = {**SCORES, "tone": 6}
    assert (
        stack.post(f"/v1/admin/audits/{own}/score", as_=MORGAN, json_body={"scores": wrong}).status_code
        == 422
    )
    low = {"greeting": 3, "accuracy": 2, "tone": 3, "resolution": 2}  # 10 of 20: 2.5
    assert (
        stack.post(f"/v1/admin/audits/{own}/score", as_=MORGAN, json_body={"scores": low}).status_code == 200
    )
    assert stack.get("/v1/admin/audits", as_=("agent_li", "agent")).status_code == 403

    day = parse_iso(stack.now()).date().isoformat()

    def agents_audits() -> dict[str, Any] | None:
        body = stack.get("/v1/admin/analytics/kpis", as_=ZHAO, params={"from": day, "to": day}).json()
        found = {a["agentId"]: a["audits"] for a in body["agents"]}
        return found if {"agent_li", "sup_zhao"} <= set(found) and found["sup_zhao"]["n"] else None

    by_agent = eventually(agents_audits, "the two scored audits are in the KPIs")
    assert by_agent["agent_li"] == {
        "n": 1,
        "meanScore": 4.5,
        "byWeek": [{"week": week, "n": 1, "meanScore": 4.5}],
    }
    assert by_agent["sup_zhao"] == {
        "n": 1,
        "meanScore": 2.5,
        "byWeek": [{"week": week, "n": 1, "meanScore": 2.5}],
    }

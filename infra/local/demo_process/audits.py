"""Quality audits on the running stack: an agent solves a ticket, the Monday sampling
schedule draws it, a supervisor scores it, and the score shows in the KPIs."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aftercare.clock import parse_iso
from infra.local.demo import Demo

AGENT = "agent_li"
LEAD = ("sup_morgan", "supervisor")
SUPERVISOR = ("sup_zhao", "supervisor")


def _to_next_monday(demo: Demo) -> None:
    """The local clock to next Monday 03:00 UTC, only the sampling schedule firing on the way."""
    now = parse_iso(demo.client.now())
    monday = (now + timedelta(days=7 - now.weekday())).replace(hour=3, minute=0, second=0, microsecond=0)
    with demo.client.only_schedules("AuditSamplingFunction"):
        demo.client.advance((monday - now).total_seconds())


def solve_ticket(demo: Demo) -> str:
    _to_next_monday(demo)  # a fresh week
    customer = (f"cus_demo_audit_{uuid.uuid4().hex[:6]}", "customer")
    body = {"channel": "app", "subject": "Parcel", "message": "Where is my parcel? It is late."}
    ticket = demo.expect(demo.client.post("/v1/tickets", as_=customer, json_body=body), 201)
    tid = ticket["ticketId"]
    demo.expect(
        demo.client.post(f"/v1/admin/tickets/{tid}/assign", as_=LEAD, json_body={"assignee": AGENT}), 200
    )
    solved = {"resolution": "the courier found it; delivered today"}
    demo.expect(
        demo.client.post(f"/v1/admin/tickets/{tid}/solve", as_=(AGENT, "agent"), json_body=solved), 200
    )
    now = parse_iso(demo.client.now())
    year, number, _ = now.isocalendar()
    demo.state["audits"] = {"ticketId": tid, "week": f"{year}-W{number:02d}"}
    return f"{AGENT} solved ticket {tid} in week {demo.state['audits']['week']}"


def sample_week(demo: Demo) -> str:
    mine = demo.state["audits"]

    def audits() -> dict[str, Any]:
        page = demo.expect(demo.client.get("/v1/admin/audits", as_=SUPERVISOR, params={"agent": AGENT}), 200)
        return {"items": [a for a in page["items"] if a["subjectId"] == mine["ticketId"]]}

    # the TicketSolved reaction makes it a candidate; then Monday's run samples the week
    time.sleep(3)
    _to_next_monday(demo)
    found = demo.until("the sampled audit", audits, lambda page: bool(page["items"]))
    audit = found["items"][0]
    mine["auditId"] = audit["auditId"]
    demo.client.run_schedule("AuditSamplingFunction")  # the same week again: nothing new
    again = audits()["items"]
    status = audit["status"]
    return f"Monday's sample drew it: audit {audit['auditId']} {status} ({len(again)} audit after a rerun)"


def score_audit(demo: Demo) -> str:
    aid = demo.state["audits"]["auditId"]
    scores = {"greeting": 5, "accuracy": 4, "tone": 5, "resolution": 4}
    own = demo.client.post(
        f"/v1/admin/audits/{aid}/score", as_=(AGENT, "supervisor"), json_body={"scores": scores}
    )
    scored = demo.expect(
        demo.client.post(f"/v1/admin/audits/{aid}/score", as_=SUPERVISOR, json_body={"scores": scores}), 200
    )
    mean = scored["meanScore"]
    return f"{AGENT} may not score their own work ({own.status_code}); {SUPERVISOR[0]} scored it {mean}"


def audit_kpis(demo: Demo) -> str:
    day = parse_iso(demo.client.now()).date().isoformat()

    def read() -> dict[str, Any]:
        body = demo.expect(
            demo.client.get("/v1/admin/analytics/kpis", as_=SUPERVISOR, params={"from": day, "to": day}), 200
        )
        return next((a for a in body["agents"] if a["agentId"] == AGENT), {"audits": None})

    agent = demo.until(
        "the audit score in the KPIs", read, lambda a: bool(a.get("audits") and a["audits"]["n"])
    )
    return (
        f"KPIs {day}: {AGENT} has {agent['audits']['n']} audit(s), mean score {agent['audits']['meanScore']}"
    )


STEPS: list[Callable[[Demo], str]] = [solve_ticket, sample_week, score_audit, audit_kpis]

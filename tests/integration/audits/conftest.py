from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from aftercare import clock
from aftercare.tickets import team
from tests.support.api import Api, Reply, customer, staff

WEEK = "2026-W48"  # the fixed clock's week (Monday 23 November 2026)
NEXT_MONDAY = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # when the weekly schedule samples WEEK
SCHEDULED: dict[str, Any] = {"detail-type": "Scheduled Event", "source": "aws.events", "detail": {}}


class Audits:
    """Solves tickets through the tickets API, runs the sampling job, lists and scores audits."""

    def __init__(self, api: Api, clock_: clock.FixedClock) -> None:
        self.api = api
        self.clock = clock_

    def solved_ticket(self, agent: str, owner: str = "cus_audit") -> str:
        opened = self.api.call(
            "POST",
            "/v1/tickets",
            claims=customer(owner),
            json_body={"channel": "app", "subject": "快递", "message": "我的快递什么时候到？"},
        )
        assert opened.status == 201, opened.body
        ticket_id = str(opened.json["ticketId"])
        for step, body in (("assign", {"assignee": agent}), ("solve", {"resolution": "已送达"})):
            reply = self.api.call(
                "POST",
                f"/v1/admin/tickets/{ticket_id}/{step}",
                claims=staff("supervisor", sub="sup_lead"),
                json_body=body,
            )
            assert reply.status == 200, reply.body
        return ticket_id

    def sample(self) -> dict[str, Any]:
        return dict(self.api.host.invoke("AuditSamplingFunction", dict(SCHEDULED)))

    def listing(self, claims: dict[str, Any] | None = None, **query: Any) -> Reply:
        return self.api.call(
            "GET", "/v1/admin/audits", claims=claims or staff("supervisor", sub="sup_zhao"), query=query
        )

    def items(self, **query: Any) -> list[dict[str, Any]]:
        reply = self.listing(limit=100, **query)
        assert reply.status == 200, reply.body
        return list(reply.json["items"])

    def score(
        self,
        audit_id: str,
        scores: dict[str, Any] | None = None,
        *,
        sub: str = "sup_zhao",
        role: str = "supervisor",
    ) -> Reply:
        body = {"scores": scores or {"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3}, "note": "ok"}
        return self.api.call(
            "POST", f"/v1/admin/audits/{audit_id}/score", claims=staff(role, sub=sub), json_body=body
        )


@pytest.fixture
def audits(api: Api, fixed_clock: clock.FixedClock) -> Audits:
    team.seed_agents()
    return Audits(api, fixed_clock)

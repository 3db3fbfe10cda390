from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from aftercare.tickets import team as tickets_team
from tests.support.api import Api, Reply, customer, staff

SUPERVISOR = staff("supervisor", sub="sup_zhao")


def kpis(api: Api, claims: dict[str, Any] | None = SUPERVISOR, **query: Any) -> Reply:
    return api.call("GET", "/v1/admin/analytics/kpis", claims=claims, query=query)


class Tickets:
    """Tickets through the API: open, assign, reply, solve."""

    def __init__(self, api: Api) -> None:
        self.api = api

    def open(self, owner: str = "cus_alice", message: str = "我的快递什么时候到？") -> dict[str, Any]:
        reply = self.api.call(
            "POST",
            "/v1/tickets",
            claims=customer(owner),
            json_body={"channel": "app", "subject": "快递", "message": message},
        )
        assert reply.status == 201, reply.body
        return reply.json

    def step(
        self, ticket_id: str, step: str, body: Any, *, role: str = "agent", sub: str = "agent_li"
    ) -> dict[str, Any]:
        reply = self.api.call(
            "POST", f"/v1/admin/tickets/{ticket_id}/{step}", claims=staff(role, sub=sub), json_body=body
        )
        assert reply.status == 200, reply.body
        return reply.json


@pytest.fixture
def tickets(api: Api, fixed_clock: clock.FixedClock) -> Tickets:
    tickets_team.seed_agents()
    return Tickets(api)

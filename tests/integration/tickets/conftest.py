from __future__ import annotations

import json
from typing import Any

import pytest

from aftercare import clock
from aftercare.aws import client
from aftercare.settings import get_settings
from aftercare.tickets import team
from tests.support.api import Api, Reply, customer, staff


class Tickets:
    """Drives tickets through the API the way the app and the service console do."""

    def __init__(self, api: Api) -> None:
        self.api = api

    def open(
        self,
        owner: str = "cus_alice",
        *,
        subject: str = "快递",
        message: str = "我的快递什么时候到？",
        channel: str = "app",
        **extra: Any,
    ) -> dict[str, Any]:
        reply = self.api.call(
            "POST",
            "/v1/tickets",
            claims=customer(owner),
            json_body={"channel": channel, "subject": subject, "message": message, **extra},
        )
        assert reply.status == 201, reply.body
        return reply.json

    def get(self, ticket_id: str, owner: str = "cus_alice") -> dict[str, Any]:
        reply = self.api.call("GET", f"/v1/tickets/{ticket_id}", claims=customer(owner))
        assert reply.status == 200, reply.body
        return reply.json

    def write(self, ticket_id: str, message: str, owner: str = "cus_alice") -> Reply:
        return self.api.call(
            "POST",
            f"/v1/tickets/{ticket_id}/messages",
            claims=customer(owner),
            json_body={"message": message},
        )

    def staff(
        self, ticket_id: str, step: str, body: Any = None, *, role: str = "agent", sub: str = "agent_li"
    ) -> Reply:
        return self.api.call(
            "POST", f"/v1/admin/tickets/{ticket_id}/{step}", claims=staff(role, sub=sub), json_body=body
        )

    def ok(self, ticket_id: str, step: str, body: Any = None, **kwargs: Any) -> dict[str, Any]:
        reply = self.staff(ticket_id, step, body, **kwargs)
        assert reply.status == 200, reply.body
        return reply.json

    def queue(self, **query: Any) -> Reply:
        return self.api.call(
            "GET", "/v1/admin/tickets", claims=staff("supervisor", sub="sup_zhao"), query=query
        )


@pytest.fixture
def tickets(api: Api, fixed_clock: clock.FixedClock) -> Tickets:
    team.seed_agents()
    return Tickets(api)


def notifications() -> list[dict[str, Any]]:
    """Every notification queued so far (drains the queue)."""
    sqs = client("sqs")
    url = get_settings().notifications_queue_url
    found: list[dict[str, Any]] = []
    while True:
        batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            return found
        for message in batch:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])

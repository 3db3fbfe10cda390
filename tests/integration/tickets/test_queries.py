"""tickets/queries.py: a customer's recent tickets and a ticket's handling, as frozen views."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.tickets import queries
from tests.integration.tickets.conftest import Tickets


def test_recent_tickets_newest_first(tickets: Tickets, fixed_clock: clock.FixedClock) -> None:
    first = tickets.open(subject="快递")
    fixed_clock.advance(60)
    second = tickets.open(subject="退款", message="我的退款什么时候到？")
    tickets.open("cus_bob")
    recent = queries.recent_for_customer("cus_alice", limit=5)
    assert [(t.ticket_id, t.subject) for t in recent] == [
        (second["ticketId"], "退款"),
        (first["ticketId"], "快递"),
    ]
    assert recent[0].status == second["status"] and recent[0].category == second["category"]
    assert len(queries.recent_for_customer("cus_alice", limit=1)) == 1


def test_a_tickets_handling(tickets: Tickets) -> None:
    opened: dict[str, Any] = tickets.open()
    handling = queries.handling(opened["ticketId"])
    assert handling is not None
    assert handling.created_at == opened["createdAt"]
    assert handling.assignee == opened["assignee"]
    assert handling.solved_at is None
    assert [move.to for move in handling.timeline] == [entry["to"] for entry in opened["timeline"]]
    assert queries.handling("tk_missing") is None

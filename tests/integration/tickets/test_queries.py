"""tickets/queries.py: a customer's recent tickets and a ticket's handling, as frozen views."""

from __future__ import annotations

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

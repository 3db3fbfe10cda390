"""A conversation lives in one item per message: no cap on its length, one write per
message, read back page by page in order; the ticket item stays the size of its state."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.auth import CUSTOMER
from aftercare.tickets import conversation, store, views
from aftercare.tickets.rules import TicketAction
from tests.integration.analytics.conftest import kpis
from tests.integration.tickets.conftest import Tickets
from tests.support.api import customer, staff
from tests.support.bus import EventFlow
from tests.support.dynamodb import recording, transactions_without_table_backups

LONG = 1000


def read_all(tickets: Tickets, ticket_id: str, *, limit: int, claims: dict[str, Any]) -> list[dict[str, Any]]:
    """Every message through the paginated route, following the cursors."""
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    while True:
        query: dict[str, Any] = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        reply = tickets.api.call("GET", f"/v1/tickets/{ticket_id}/messages", claims=claims, query=query)
        assert reply.status == 200, reply.body
        assert len(reply.json["items"]) <= limit
        found += reply.json["items"]
        pages += 1
        cursor = reply.json["nextCursor"]
        if cursor is None:
            return found
        assert pages < 100, "the cursor must move on"


def test_a_thousand_message_conversation_takes_one_write_per_message_and_reads_back_in_order(
    tickets: Tickets, fixed_clock: clock.FixedClock
) -> None:
    ticket_id = tickets.open(message="第一条")["ticketId"]
    with transactions_without_table_backups(), recording() as requests:
        for n in range(LONG):
            fixed_clock.advance(1)
            conversation.add_message(
                views.load(ticket_id),
                author_id="cus_alice",
                role=CUSTOMER,
                body=f"message {n}",
                action=TicketAction.CUSTOMER_MESSAGE,
            )
    assert [(w.operation, w.failed) for w in requests.writes] == [("TransactWriteItems", False)] * LONG

    found = read_all(tickets, ticket_id, limit=100, claims=customer("cus_alice"))
    assert [m["body"] for m in found] == ["第一条", *(f"message {n}" for n in range(LONG))]
    assert [m["at"] for m in found] == sorted(m["at"] for m in found)
    assert len({m["messageId"] for m in found}) == LONG + 1

    ticket = tickets.get(ticket_id)
    assert ticket["messageCount"] == LONG + 1
    assert [m["body"] for m in ticket["messages"]] == [
        f"message {n}" for n in range(LONG - views.LATEST, LONG)
    ]
    # Messages that change no status are the conversation's alone: the ticket item stays small.
    assert len(ticket["timeline"]) == len(tickets.get(ticket_id)["timeline"]) <= 3
    stored = store.get(ticket_id, consistent=True)
    assert stored is not None and len(stored.latest) == 1


def test_every_message_of_a_conversation_is_read_once_whatever_the_page_size(tickets: Tickets) -> None:
    ticket = tickets.open(message="开头")
    ticket_id = ticket["ticketId"]
    for n in range(6):
        assert tickets.write(ticket_id, f"追问 {n}").status == 201
    tickets.ok(ticket_id, "reply", {"message": "已处理"}, sub=ticket["assignee"] or "agent_li")
    expected = ["开头", *(f"追问 {n}" for n in range(6)), "已处理"]
    for limit in (1, 3, 8, 100):
        assert [
            m["body"] for m in read_all(tickets, ticket_id, limit=limit, claims=customer("cus_alice"))
        ] == expected
    assert [m["body"] for m in read_all(tickets, ticket_id, limit=5, claims=staff("agent"))] == expected


def test_another_customer_cannot_read_the_conversation_and_a_cursor_stays_with_its_ticket(
    tickets: Tickets,
) -> None:
    mine = tickets.open(message="我的")["ticketId"]
    for n in range(3):
        tickets.write(mine, f"更多 {n}")
    theirs = tickets.open("cus_bob", message="他的")["ticketId"]
    path = f"/v1/tickets/{mine}/messages"
    assert tickets.api.call("GET", path, claims=customer("cus_bob")).status == 404
    first = tickets.api.call("GET", path, claims=customer("cus_alice"), query={"limit": 2})
    assert first.status == 200 and first.json["nextCursor"]
    elsewhere = tickets.api.call(
        "GET",
        f"/v1/tickets/{theirs}/messages",
        claims=customer("cus_bob"),
        query={"cursor": first.json["nextCursor"]},
    )
    assert elsewhere.status == 400


def test_a_listed_ticket_carries_its_latest_message_and_the_count(tickets: Tickets) -> None:
    ticket_id = tickets.open(message="第一条")["ticketId"]
    tickets.write(ticket_id, "第二条")
    listed = tickets.api.call("GET", "/v1/tickets", claims=customer("cus_alice"))
    assert listed.status == 200
    (row,) = listed.json["items"]
    assert ([m["body"] for m in row["messages"]], row["messageCount"]) == (["第二条"], 2)


def test_analytics_counts_each_reply_once_from_the_tickets_events(
    tickets: Tickets, flow: EventFlow, fixed_clock: clock.FixedClock
) -> None:
    """The message items share the Tickets table and its stream; tickets publishes one
    TicketReplied per staff message (from the ticket item's change that goes with it) and
    analytics counts those."""
    ticket = tickets.open(message="快递什么时候到")
    ticket_id, agent = ticket["ticketId"], ticket["assignee"]
    assert agent
    for n in range(3):
        fixed_clock.advance(60)
        tickets.ok(ticket_id, "reply", {"message": f"回复 {n}"}, sub=agent)
        tickets.write(ticket_id, f"追问 {n}")
    flow.run()
    replies = [e for e in flow.published if e["type"] == "TicketReplied"]
    assert [e["payload"]["first_response"] for e in replies] == [True, False, False]
    assert {e["subject"] for e in replies} == {ticket_id}  # never a message item
    assert flow.types().count("TicketOpened") == 1 and flow.types().count("TicketAssigned") == 1
    assert flow.failures == []
    day = fixed_clock.now().date().isoformat()
    body = kpis(tickets.api, **{"from": day, "to": day}).json
    row = next(a for a in body["agents"] if a["agentId"] == agent)
    assert (row["assigned"], row["replies"]) == (1, 3)
    assert body["tickets"]["firstResponse"]["n"] == 1

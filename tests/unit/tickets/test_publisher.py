"""Which changes of the Tickets table are events for the other domains (tickets/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.tickets.events import TicketSolved
from aftercare.tickets.publisher import events_of


def ticket(status: str, **fields: Any) -> dict[str, Any]:
    return {
        "ticketId": "tk_1",
        "customerId": "cus_alice",
        "status": status,
        "category": "LOGISTICS",
        "orderId": "ord_1",
        "solvedAt": "2026-11-23T08:00:00.000000Z" if status == "SOLVED" else None,
        "updatedAt": "2026-11-23T08:00:00.000000Z",
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, ticket("NEW"), []),
        (ticket("NEW"), ticket("OPEN"), []),
        (ticket("OPEN"), ticket("SOLVED"), ["TicketSolved"]),
        (ticket("PENDING"), ticket("SOLVED"), ["TicketSolved"]),
        (ticket("SOLVED"), ticket("SOLVED", messageCount=3), []),  # once per solve
        (ticket("SOLVED"), ticket("OPEN"), []),  # reopened by the customer (solving it again: OPEN → SOLVED)
        (ticket("SOLVED"), ticket("CLOSED"), []),
        (ticket("SOLVED"), None, []),
        # the conversation's message items and the uniqueness items are no ticket
        (None, {"ticketId": "msg#tk_1#0000001", "status": "SOLVED", "customerId": "cus_alice"}, []),
        (None, {"ticketId": "key#survey#sv_1", "ticketRef": "tk_1"}, []),
        (None, {"ticketId": "key#report#tk_1#abc", "status": "SOLVED", "customerId": "x"}, []),
    ],
)
def test_events_of_a_ticket_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_the_solved_payload_is_what_its_survey_needs() -> None:
    (solved,) = events_of(ticket("OPEN"), ticket("SOLVED", caseId="cs_1"))
    assert (solved.subject, solved.time) == ("tk_1", "2026-11-23T08:00:00.000000Z")
    assert solved.payload == TicketSolved(
        ticket_id="tk_1",
        customer_id="cus_alice",
        solved_at="2026-11-23T08:00:00.000000Z",
        category="LOGISTICS",
        order_id="ord_1",
        case_id="cs_1",
    )
    (no_order,) = events_of(ticket("OPEN", orderId=None), ticket("SOLVED", orderId=None))
    assert (no_order.payload.order_id, no_order.payload.case_id) == ("", "")


def test_the_sample_stream_record_is_one_TicketSolved() -> None:
    import json
    from pathlib import Path

    from aws_lambda_powertools.utilities.data_classes import DynamoDBStreamEvent

    from aftercare.publishing import events_of_record

    root = Path(__file__).resolve().parents[3]
    sample = json.loads((root / "events" / "tickets_publisher" / "Changes.json").read_text())
    (record,) = DynamoDBStreamEvent(sample).records
    assert [event.type for event in events_of_record("tickets", events_of, record)] == ["TicketSolved"]

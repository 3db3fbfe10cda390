"""Which changes of the Tickets table are events for the other domains (tickets/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.tickets.events import TicketOpened, TicketReplied, TicketSolved, TicketTriageCorrected
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


AT0, AT1 = "2026-11-23T06:00:00.000000Z", "2026-11-23T07:30:00.000000Z"
STAFF = {"messageId": "m2", "at": AT1, "authorId": "agent_li", "authorRole": "agent", "body": "on its way"}
CUSTOMER = {**STAFF, "authorId": "cus_alice", "authorRole": "customer"}
CORRECTION = {"category": "REFUND", "by": "sup_zhao", "at": AT1}
BREACH = {"kind": "FIRST_RESPONSE", "due": AT0, "at": AT1}


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, ticket("NEW"), ["TicketOpened"]),
        (None, ticket("OPEN", assignee="agent_li"), ["TicketOpened", "TicketAssigned"]),
        (ticket("OPEN", assignee="agent_li"), ticket("OPEN", assignee="agent_wu"), ["TicketAssigned"]),
        (ticket("OPEN", assignee="agent_li"), ticket("OPEN", assignee="agent_li", note="x"), []),
        (ticket("OPEN", messageCount=1), ticket("OPEN", messageCount=2, messages=[STAFF]), ["TicketReplied"]),
        (ticket("OPEN", messageCount=1), ticket("OPEN", messageCount=2, messages=[CUSTOMER]), []),
        (
            ticket("OPEN", messageCount=2, messages=[STAFF]),
            ticket("OPEN", messageCount=2, messages=[STAFF]),
            [],
        ),
        (ticket("OPEN"), ticket("OPEN", triageCorrection=CORRECTION), ["TicketTriageCorrected"]),
        (ticket("OPEN", triageCorrection=CORRECTION), ticket("OPEN", triageCorrection=CORRECTION), []),
        (ticket("OPEN", breaches=[]), ticket("OPEN", breaches=[BREACH]), ["TicketSlaBreached"]),
        (ticket("OPEN", breaches=[BREACH]), ticket("OPEN", breaches=[BREACH], breachCount=1), []),
        (ticket("NEW"), ticket("OPEN"), []),
        (ticket("OPEN"), ticket("SOLVED"), ["TicketSolved"]),
        (ticket("PENDING"), ticket("SOLVED"), ["TicketSolved"]),
        (ticket("SOLVED"), ticket("SOLVED", messageCount=3), []),  # once per solve
        (ticket("SOLVED"), ticket("OPEN"), ["TicketReopened"]),  # solving it again: OPEN → SOLVED
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


def test_opened_says_what_for_and_when() -> None:
    new = ticket("NEW", createdAt=AT0, source="dispute", sourceId="as_1", caseId="as_1")
    (opened,) = events_of(None, new)
    assert opened.payload == TicketOpened(
        ticket_id="tk_1", customer_id="cus_alice", category="LOGISTICS", source="dispute", opened_at=AT0,
        source_id="as_1", order_id="ord_1", case_id="as_1",
    )  # fmt: skip
    assert opened.time == AT0


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (
            {"subject": "水壶盖子漏水", "messages": [{**CUSTOMER, "body": "倒水的时候漏"}]},
            "水壶盖子漏水\n倒水的时候漏",
        ),
        ({"subject": "Lid", "messages": [{**CUSTOMER, "body": "x" * 600}]}, "Lid\n" + "x" * 496),  # capped
        ({"subject": "Only a subject"}, "Only a subject"),
        ({}, ""),
    ],
)
def test_opened_carries_the_subject_and_the_first_message_capped(fields: dict[str, Any], text: str) -> None:
    """What analytics groups into recurring issues (it reads no ticket table)."""
    (opened,) = events_of(None, ticket("NEW", createdAt=AT0, **fields))
    assert opened.payload.text == text


def test_a_staff_reply_says_whether_it_was_the_first_response() -> None:
    before = ticket("OPEN", createdAt=AT0, assignee="agent_li", messageCount=1)
    first = {**before, "messageCount": 2, "messages": [STAFF], "firstRespondedAt": AT1}
    (replied,) = events_of(before, first)
    assert replied.payload == TicketReplied("tk_1", "m2", "agent_li", AT1, True, AT0, "agent_li")
    (later,) = events_of(first, {**first, "messageCount": 3})
    assert later.payload.first_response is False


def test_a_second_solve_after_a_reopen_is_no_first_solve() -> None:
    timeline = [{"to": "SOLVED", "at": AT0}, {"to": "OPEN", "at": AT0}, {"to": "SOLVED", "at": AT1}]
    (solved,) = events_of(
        ticket("OPEN", assignee="agent_li"), ticket("SOLVED", assignee="agent_li", timeline=timeline)
    )
    assert (solved.payload.first_solve, solved.payload.assignee) == (False, "agent_li")
    (first,) = events_of(ticket("OPEN"), ticket("SOLVED", timeline=timeline[:1]))
    assert first.payload.first_solve is True


def test_breaches_and_corrections_carry_their_times() -> None:
    second = {**BREACH, "kind": "RESOLUTION"}
    (breached,) = events_of(
        ticket("OPEN", breaches=[], assignee="a1"), ticket("OPEN", breaches=[BREACH, second], assignee="a1")
    )
    assert [(b.kind, b.breached_at) for b in breached.payload.found()] == [
        ("FIRST_RESPONSE", AT1),
        ("RESOLUTION", AT1),
    ]
    assert breached.payload.assignee == "a1"
    (corrected,) = events_of(
        ticket("OPEN", createdAt=AT0), ticket("OPEN", createdAt=AT0, triageCorrection=CORRECTION)
    )
    assert corrected.payload == TicketTriageCorrected("tk_1", "customer", "REFUND", AT0, AT1)

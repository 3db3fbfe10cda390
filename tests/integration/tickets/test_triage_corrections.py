"""Staff teach the triage: a correction changes the ticket, lands on its timeline, is kept as
a labelled example that the export for retraining returns, and counts against the
"triage accepted without correction" KPI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from aftercare import clock
from aftercare.analytics import store as analytics_store
from aftercare.tickets import corrections
from ml.triage import export_corrections
from tests.integration.tickets.conftest import Tickets
from tests.support.api import Api, Reply, customer, staff
from tests.support.bus import EventFlow


def correct(api: Api, ticket_id: str, body: Any, *, claims: Any = None) -> Reply:
    return api.call(
        "PATCH",
        f"/v1/admin/tickets/{ticket_id}/triage",
        claims=claims or staff("agent", sub="agent_li"),
        json_body=body,
    )


def test_a_correction_changes_the_triage_and_is_on_the_timeline(api: Api, tickets: Tickets) -> None:
    ticket = tickets.open(subject="订单", message="订单能改成周末送吗？")
    reply = correct(
        api, ticket["ticketId"], {"category": "LOGISTICS", "priority": "HIGH", "note": "配送时间"}
    )
    assert reply.status == 200, reply.body
    fixed = reply.json
    assert (fixed["category"], fixed["priority"]) == ("LOGISTICS", "HIGH")
    assert fixed["triageCorrection"]["fromCategory"] == ticket["category"]
    assert fixed["triageCorrection"]["fromPriority"] == ticket["priority"]
    assert (fixed["triageCorrection"]["by"], fixed["triageCorrection"]["note"]) == ("agent_li", "配送时间")
    last = fixed["timeline"][-1]
    assert last["actor"] == "agent_li"
    assert last["note"].startswith(f"triage corrected: {ticket['category']}/{ticket['priority']}/")
    assert "-> LOGISTICS/HIGH/" in last["note"]
    # a HIGH ticket must be answered within 4 hours of now (the clock is fixed at creation)
    assert fixed["firstResponseDue"] == "2026-11-23T12:00:00.000Z"


def test_corrections_round_trip_into_the_export_for_retraining(
    api: Api, tickets: Tickets, fixed_clock: clock.FixedClock, tmp_path: Path
) -> None:
    first = tickets.open(subject="Question", message="can the courier come after 6pm?")
    second = tickets.open(subject="问一下", message="这个能放洗碗机吗")
    untouched = tickets.open(subject="退款", message="退款什么时候到账")
    assert correct(api, first["ticketId"], {"priority": "URGENT"}).status == 200
    fixed_clock.advance(60)
    assert correct(api, second["ticketId"], {"category": "PRESALE", "priority": "LOW"}).status == 200
    fixed_clock.advance(60)
    again = correct(api, second["ticketId"], {"sentiment": "POSITIVE"})  # a second look
    assert again.json["triageCorrection"]["fromCategory"] == second["category"]  # the model's, kept

    exported = corrections.triage_examples()
    assert [e["id"] for e in exported] == [
        f"correction-{first['ticketId']}",
        f"correction-{second['ticketId']}",
    ]
    latest = exported[1]
    assert (latest["message"], latest["language"], latest["channel"]) == ("这个能放洗碗机吗", "zh", "app")
    assert (latest["category"], latest["priority"], latest["sentiment"]) == ("PRESALE", "LOW", "POSITIVE")
    assert latest["predicted"].startswith(f"{second['category']}/")
    assert untouched["ticketId"] not in json.dumps(exported)

    out = tmp_path / "corrections.jsonl"
    export_corrections.write(export_corrections.merge(export_corrections.read(out), exported), out)
    export_corrections.write(export_corrections.merge(export_corrections.read(out), exported), out)
    assert export_corrections.read(out) == exported  # running the export twice adds nothing twice


def test_a_correction_that_changes_nothing_records_nothing(api: Api, tickets: Tickets) -> None:
    ticket = tickets.open()
    reply = correct(api, ticket["ticketId"], {"category": ticket["category"]})
    assert reply.status == 200
    assert reply.json["triageCorrection"] is None
    assert corrections.triage_examples() == []


def test_only_staff_correct_bad_input_is_400_and_an_unknown_ticket_404(api: Api, tickets: Tickets) -> None:
    ticket = tickets.open()
    assert (
        correct(api, ticket["ticketId"], {"category": "REFUND"}, claims=customer("cus_alice")).status == 403
    )
    assert correct(api, ticket["ticketId"], {}).status == 400
    assert correct(api, ticket["ticketId"], {"category": "SHOES"}).status == 400
    assert correct(api, "tk_01JD6Z3Q00NOSUCHTICKET000", {"category": "REFUND"}).status == 404


def test_triage_accepted_without_correction_counts_customer_tickets_and_their_corrections(
    api: Api, tickets: Tickets, flow: EventFlow
) -> None:
    ticket = tickets.open()
    correct(api, ticket["ticketId"], {"category": "REFUND"})
    correct(api, ticket["ticketId"], {"priority": "HIGH"})  # a second correction: the cohort counts once
    flow.run()
    assert flow.types().count("TicketTriageCorrected") == 1 and flow.failures == []
    day = date.fromisoformat(ticket["createdAt"][:10])
    totals = analytics_store.read_range(day, day).totals[day.isoformat()]
    assert (totals["tickets.triaged"], totals["tickets.triage_corrected"]) == (1, 1)

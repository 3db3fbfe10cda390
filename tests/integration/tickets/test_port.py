"""aftercare.tickets.port: one ticket per (source, source id), however often and however
concurrently other domains call it."""

from __future__ import annotations

import threading

import pytest

from aftercare import clock
from aftercare.tickets import port, sla, store
from aftercare.tickets.store import TicketModel
from tests.integration.tickets.conftest import Tickets


def open_for(source_id: str = "shp_01", message: str = "包裹超过72小时没有物流更新", **changes: str) -> str:
    arguments = {
        "source": "logistics",
        "source_id": source_id,
        "customer_id": "cus_alice",
        "subject": "物流异常",
        "message": message,
        "category": "LOGISTICS",
        **changes,
    }
    return port.open_or_update_for(**arguments)  # type: ignore[arg-type]


def tickets_of(customer_id: str = "cus_alice") -> list[TicketModel]:
    return store.list_for_customer(customer_id, limit=100, start_key=None)[0]


def test_a_logistics_problem_opens_one_ticket_assigned_with_the_given_category(tickets: Tickets) -> None:
    ticket_id = open_for()
    assert ticket_id.startswith("tk_")
    ticket = tickets.get(ticket_id)
    assert (ticket["source"], ticket["category"], ticket["channel"]) == ("logistics", "LOGISTICS", None)
    assert ticket["messages"][0]["authorRole"] == "system"
    assert ticket["assignee"] is not None
    assert ticket["status"] == "OPEN"


def test_calling_again_appends_to_the_same_ticket_and_a_repeat_is_kept_once(tickets: Tickets) -> None:
    first = open_for()
    assert open_for() == first  # the same report again
    assert open_for(message="快递员反馈包裹破损") == first
    assert [m["body"] for m in tickets.get(first)["messages"]] == [
        "包裹超过72小时没有物流更新",
        "快递员反馈包裹破损",
    ]
    assert len(tickets_of()) == 1
    assert open_for(source_id="shp_02") != first


def test_concurrent_calls_open_exactly_one_ticket(tickets: Tickets) -> None:
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def call(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(open_for(message=f"异常报告 {index}"))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(set(results)) == 1
    assert len(tickets_of()) == 1
    assert len(tickets.get(results[0])["messages"]) == 6


def test_a_disputed_after_sales_case_is_an_urgent_complaint(tickets: Tickets) -> None:
    ticket_id = port.open_or_update_for(
        source="after-sales",
        source_id="as_01",
        customer_id="cus_alice",
        subject="Dispute: inspection failed",
        message="The customer appeals the failed inspection of their returned kettle.",
        category="COMPLAINT",
        case_id="as_01",
    )
    ticket = tickets.get(ticket_id)
    assert (ticket["category"], ticket["priority"], ticket["caseId"]) == ("COMPLAINT", "URGENT", "as_01")


def test_a_report_on_a_closed_ticket_opens_a_linked_follow_up(
    tickets: Tickets, fixed_clock: clock.FixedClock
) -> None:
    first = open_for()
    tickets.ok(first, "solve", {"resolution": "包裹已找到"}, sub=tickets.get(first)["assignee"])
    fixed_clock.advance(4 * 24 * 3600)
    sla.run_sla_check()
    follow_up = open_for(message="包裹再次显示异常")
    assert follow_up != first
    assert tickets.get(follow_up)["followUpOf"] == first
    assert open_for(message="包裹再次显示异常") == follow_up


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="NOT_A_CATEGORY"):
        open_for(category="NOT_A_CATEGORY")
    with pytest.raises(ValueError, match="source"):
        port.open_or_update_for(
            source="a#b", source_id="x", customer_id="c", subject="s", message="m", category="OTHER"
        )

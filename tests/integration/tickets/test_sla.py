"""The scheduled SLA check, with the clock: breaches escalate exactly once, waiting on the
customer pauses the resolution clock, solved tickets close after 4 days."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from aftercare.observability import metrics
from aftercare.tickets import sla
from tests.integration.tickets.conftest import Tickets, notifications
from tests.support.api import Api

HOUR = 3600


@pytest.fixture
def recorded_metrics(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    original = metrics.add_metric

    def record(name: str, *args: Any, **kwargs: Any) -> None:
        names.append(name)
        original(name, *args, **kwargs)

    monkeypatch.setattr(metrics, "add_metric", record)
    return names


def check(api: Api) -> dict[str, int]:
    """The scheduled function, invoked the way EventBridge does (the sample event)."""
    import json

    from tests.integration.tickets.test_sample_events import sample

    result = api.host.invoke("TicketsSlaCheckFunction", sample("tickets_sla_check", "EveryFiveMinutes"))
    return dict(json.loads(json.dumps(result)))


def test_a_first_response_breach_escalates_exactly_once(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock, recorded_metrics: list[str]
) -> None:
    ticket = tickets.open(message="快递什么时候到？")  # NORMAL: first response due in 12 h
    tid = ticket["ticketId"]
    fixed_clock.advance(12 * HOUR - 1)
    assert check(api) == {}
    notifications()
    fixed_clock.advance(1)
    assert check(api) == {"breaches": 1}
    assert check(api) == {}  # the second run finds nothing new
    fixed_clock.advance(HOUR)
    assert check(api) == {}
    after = tickets.get(tid)
    assert (after["priority"], after["breachCount"]) == ("HIGH", 1)
    assert after["breaches"] == [
        {
            "kind": "FIRST_RESPONSE",
            "due": "2026-11-23T20:00:00.000Z",
            "at": "2026-11-23T20:00:00.000Z",
            "priorityFrom": "NORMAL",
            "priorityTo": "HIGH",
        }
    ]
    assert after["timeline"][-1]["note"] == "SLA breach: FIRST_RESPONSE; priority NORMAL -> HIGH"
    sent = [(n["recipientId"], n["kind"]) for n in notifications()]
    assert sent == [("sup_zhao", "ticket.sla_breached")]
    assert recorded_metrics.count("TicketSlaBreaches") == 1


def test_the_resolution_breach_is_a_second_distinct_breach(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    tickets.ok(ticket["ticketId"], "reply", {"message": "正在核查"})
    fixed_clock.advance(48 * HOUR)
    assert check(api) == {"breaches": 1}
    assert check(api) == {}
    after = tickets.get(ticket["ticketId"])
    assert [b["kind"] for b in after["breaches"]] == ["RESOLUTION"]
    assert after["priority"] == "HIGH"


def test_both_breaches_at_once_raise_two_levels(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(message="请问这款有现货吗？")  # LOW
    fixed_clock.advance(49 * HOUR)
    assert check(api) == {"breaches": 2}
    after = tickets.get(ticket["ticketId"])
    assert (after["priority"], after["breachCount"]) == ("HIGH", 2)


def test_a_reply_in_time_means_no_breach(tickets: Tickets, api: Api, fixed_clock: clock.FixedClock) -> None:
    ticket = tickets.open(message="我要投诉你们客服")  # URGENT: 1 h
    fixed_clock.advance(59 * 60)
    tickets.ok(ticket["ticketId"], "reply", {"message": "非常抱歉，马上为您处理"}, sub=ticket["assignee"])
    fixed_clock.advance(2 * HOUR)
    assert check(api) == {}
    assert tickets.get(ticket["ticketId"])["breachCount"] == 0


def test_waiting_on_the_customer_pauses_the_resolution_clock(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    tid = ticket["ticketId"]
    fixed_clock.advance(10 * HOUR)
    tickets.ok(tid, "pending", {"message": "请提供运单号"})
    fixed_clock.advance(100 * HOUR)  # far past the original 48 h
    assert check(api) == {}
    assert tickets.get(tid)["breachCount"] == 0
    resumed = tickets.write(tid, "运单号 SF1234").json
    assert resumed["resolutionDue"] == "2026-11-29T12:00:00.000Z"  # 48 h + 100 h paused
    fixed_clock.advance(38 * HOUR - 1)  # 10 h + 38 h = 48 h of running clock, less a second
    assert check(api) == {}
    fixed_clock.advance(1)
    assert check(api) == {"breaches": 1}
    assert tickets.get(tid)["breaches"][0]["due"] == "2026-11-29T12:00:00.000Z"


def test_a_solved_ticket_closes_after_four_days(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    tid = ticket["ticketId"]
    solved = tickets.ok(tid, "solve", {"resolution": "已送达"})
    assert solved["autoCloseAt"] == "2026-11-27T08:00:00.000Z"
    fixed_clock.advance(4 * 24 * HOUR - 1)
    assert check(api) == {}
    fixed_clock.advance(1)
    assert check(api) == {"closed": 1}
    assert check(api) == {}
    closed = tickets.get(tid)
    assert (closed["status"], closed["closedAt"]) == ("CLOSED", "2026-11-27T08:00:00.000Z")
    assert closed["timeline"][-1]["actor"] == "system"


def test_reopening_a_solved_ticket_moves_its_resolution_due_by_the_solved_time(
    tickets: Tickets, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(message="快递什么时候到？")
    fixed_clock.advance(HOUR)
    tickets.ok(ticket["ticketId"], "solve", {"resolution": "已送达"})
    fixed_clock.advance(24 * HOUR)
    reopened = tickets.write(ticket["ticketId"], "还是没收到").json
    assert reopened["resolutionDue"] == "2026-11-26T08:00:00.000Z"  # 48 h + 24 h solved


def test_two_checks_racing_escalate_once(tickets: Tickets, fixed_clock: clock.FixedClock) -> None:
    import threading

    ticket = tickets.open(message="快递什么时候到？")
    fixed_clock.advance(13 * HOUR)
    notifications()
    results: list[dict[str, int]] = []
    threads = [threading.Thread(target=lambda: results.append(sla.run_sla_check())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = tickets.get(ticket["ticketId"])
    assert after["breachCount"] == 1
    assert len([n for n in notifications() if n["kind"] == "ticket.sla_breached"]) == 1
    assert sum(r.get("breaches", 0) for r in results) == 1

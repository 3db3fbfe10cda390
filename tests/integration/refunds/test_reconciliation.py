"""The daily reconciliation job against the provider's books: a planted mismatch is
recorded once and opens one ticket (tickets' reaction to RefundMismatchFound), and running
the day again records, publishes and opens nothing new."""

from __future__ import annotations

from datetime import timedelta

from aftercare import clock
from aftercare.payments import sandbox
from aftercare.refunds import mismatches, reconciliation, service
from aftercare.tickets import store as tickets
from aftercare.tickets.reactions import RECONCILIATION
from tests.integration.refunds.conftest import paid_order
from tests.support.bus import EventFlow
from tests.support.orders import Orders


def paid_refund(orders: Orders, source_id: str) -> str:
    order = paid_order(orders)
    refund_id = service.request(source="order", source_id=source_id, order_id=order["orderId"],
                                    customer_id=order["customerId"], items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    return refund_id


def mismatch_ticket(key: str) -> str | None:
    """The ticket tickets opened for the recorded mismatch `key` (mismatch#<day>#<ref>)."""
    day, ref = key.removeprefix(mismatches.PREFIX).split("#", 1)
    return tickets.ticket_for_source(RECONCILIATION, f"{day}:{ref}")


def test_a_day_that_agrees_records_nothing_and_opens_no_ticket(
    orders: Orders, started: list[str], flow: EventFlow
) -> None:
    paid_refund(orders, "s1")
    paid_refund(orders, "s2")
    report = reconciliation.reconcile(clock.now().date())
    assert (report["ledger"], report["provider"], report["mismatches"], report["recorded"]) == (2, 2, 0, [])
    flow.run()
    assert "RefundMismatchFound" not in flow.types()


def test_a_planted_mismatch_opens_one_ticket_once(
    orders: Orders, started: list[str], flow: EventFlow
) -> None:
    ours = paid_refund(orders, "s1")
    sandbox.plant(ours, 1)  # the provider's books say another amount
    day = clock.now().date()
    first = reconciliation.reconcile(day)
    assert first["mismatches"] == 1
    [key] = first["recorded"]  # type: ignore[misc]
    assert key == f"mismatch#{day}#{ours}"
    recorded = mismatches.get(key)
    assert recorded is not None and (recorded.kind, recorded.ourRefundId) == ("different-amount", ours)
    assert mismatch_ticket(key) is None  # eventual: tickets' reaction opens it
    flow.run()
    assert flow.types().count("RefundMismatchFound") == 1
    ticket_id = mismatch_ticket(key)
    assert ticket_id is not None
    ticket = tickets.get(ticket_id, consistent=True)
    assert ticket is not None
    text = tickets.messages(ticket, start=0, stop=1)[0].body
    assert ticket.category == "REFUND" and "different-amount" in text and ours in text
    assert ticket.orderId == recorded.orderRef and ticket.customerId == recorded.customerRef

    again = reconciliation.reconcile(day)
    assert (again["mismatches"], again["recorded"]) == (1, [])  # found again, recorded once
    flow.run()
    flow.replay()  # the stream delivers the mismatch again: the same event id, nothing new
    assert flow.types().count("RefundMismatchFound") == 1
    assert mismatch_ticket(key) == ticket_id  # the same ticket, not a second one
    assert tickets.messages(tickets.get(ticket_id, consistent=True), start=0, stop=5)[0].body == text  # type: ignore[arg-type]


def test_the_job_reconciles_yesterday_by_default(
    orders: Orders, started: list[str], fixed_clock: clock.FixedClock
) -> None:
    ours = paid_refund(orders, "s1")
    fixed_clock.advance(24 * 3600)
    report = reconciliation.reconcile()
    assert report["day"] == str((clock.now() - timedelta(days=1)).date())
    assert (report["ledger"], report["mismatches"]) == (1, 0), ours

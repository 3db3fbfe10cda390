"""The daily reconciliation job against the provider's books: a planted mismatch opens one
ticket, and running the day again opens nothing new."""

from __future__ import annotations

from datetime import timedelta

from aftercare import clock
from aftercare.payments import sandbox
from aftercare.refunds import port, reconciliation, service
from aftercare.tickets import store as tickets
from tests.integration.refunds.conftest import paid_order
from tests.support.orders import Orders


def paid_refund(orders: Orders, source_id: str) -> str:
    order = paid_order(orders)
    refund_id = port.request_refund(source="order", source_id=source_id, order_id=order["orderId"],
                                    customer_id=order["customerId"], items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    return refund_id


def test_a_day_that_agrees_opens_no_ticket(orders: Orders, started: list[str]) -> None:
    paid_refund(orders, "s1")
    paid_refund(orders, "s2")
    report = reconciliation.reconcile(clock.now().date())
    assert (report["ledger"], report["provider"], report["mismatches"], report["tickets"]) == (2, 2, 0, [])


def test_a_planted_mismatch_opens_one_ticket_once(orders: Orders, started: list[str]) -> None:
    ours = paid_refund(orders, "s1")
    sandbox.plant(ours, 1)  # the provider's books say another amount
    first = reconciliation.reconcile(clock.now().date())
    assert first["mismatches"] == 1
    [ticket_id] = first["tickets"]  # type: ignore[misc]
    ticket = tickets.get(ticket_id, consistent=True)
    assert ticket is not None
    text = tickets.messages(ticket, start=0, stop=1)[0].body
    assert ticket.category == "REFUND" and "different-amount" in text and ours in text
    again = reconciliation.reconcile(clock.now().date())
    assert again["tickets"] == [ticket_id]  # the same ticket, not a second one
    assert tickets.ticket_for_source(reconciliation.SOURCE, f"{clock.now().date()}:{ours}") == ticket_id


def test_the_job_reconciles_yesterday_by_default(
    orders: Orders, started: list[str], fixed_clock: clock.FixedClock
) -> None:
    ours = paid_refund(orders, "s1")
    fixed_clock.advance(24 * 3600)
    report = reconciliation.reconcile()
    assert report["day"] == str((clock.now() - timedelta(days=1)).date())
    assert (report["ledger"], report["mismatches"]) == (1, 0), ours

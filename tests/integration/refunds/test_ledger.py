"""The order's refund ledger lives with refunds: opened from OrderPaid, reserved in one
conditional write, and shown on the order through RefundBalanceChanged, a moment later."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.events import DomainEvent
from aftercare.orders import store as order_store
from aftercare.orders.events import OrderCancelled
from aftercare.refunds import ledger, reactions, service, store
from aftercare.refunds.events import RefundBalanceChanged
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders


def ask(order: dict[str, Any], source_id: str = "src-1") -> str:
    return service.request(source="order", source_id=source_id, order_id=order["orderId"],
                               customer_id=order["customerId"], items=[("KTL-1", 1)], reason="broken")  # fmt: skip


def test_orderpaid_opens_the_ledger_with_everything_refunds_needs_of_the_order(
    api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = Orders(api).to("PAID")  # paid, but its events not delivered yet
    assert ledger.get(order["orderId"]) is None
    flow.run()
    balance = ledger.get(order["orderId"])
    assert balance is not None
    assert (balance.customer_id, balance.currency, balance.paid, balance.refundable) == (
        "cus_alice",
        "CNY",
        ORDER_TOTAL,
        ORDER_TOTAL,
    )
    assert (balance.reserved, balance.refunded, balance.units, balance.reservations) == (0, 0, {}, {})
    assert [(line.sku, line.quantity, line.unit_price) for line in balance.lines] == [
        ("KTL-1", 2, 12900),
        ("MUG-2", 1, 3500),
    ]
    assert (balance.shipping_fee, balance.discount, balance.payment_reference) == (1000, 500, "txn-1")
    flow.replay()  # a redelivered OrderPaid leaves the ledger as it is
    assert ledger.get(order["orderId"]) == balance
    assert flow.failures == []


def test_a_refund_asked_for_before_refunds_recorded_the_payment_is_refused_for_now(
    api: Api, flow: EventFlow, started: list[str]
) -> None:
    order = Orders(api).to("PAID")
    with pytest.raises(service.PaymentNotRecorded) as refused:
        ask(order)
    assert "not recorded" in refused.value.detail
    assert store.list_for_order(order["orderId"]) == [] and started == []
    flow.run()  # refunds hears of the payment: the same request now goes through
    refund_id = ask(order)
    assert started == [refund_id]


def test_a_cancellation_heard_before_the_payment_is_retried_until_the_ledger_is_open(
    api: Api, flow: EventFlow, started: list[str]
) -> None:
    """The refunds queue does not promise order: OrderCancelled may come first. Its reaction
    fails (the queue delivers it again) and succeeds once OrderPaid has been applied."""
    order = Orders(api).to("CONFIRMED")
    cancelled = DomainEvent(
        id="ev_cancel", type=OrderCancelled.TYPE, version=1, time="2026-11-23T08:00:00Z", source="orders",
        subject=order["orderId"],
        payload={"order_id": order["orderId"], "customer_id": "cus_alice", "currency": "CNY",
                 "refund_owed": ORDER_TOTAL},
    )  # fmt: skip
    with pytest.raises(service.PaymentNotRecorded):
        reactions.refund_cancelled_order(cancelled)
    assert started == []
    flow.run()  # OrderPaid arrives
    reactions.refund_cancelled_order(cancelled)  # the redelivery
    assert [r.sourceId for r in store.list_for_order(order["orderId"])] == [order["orderId"]]
    assert len(started) == 1


def test_the_order_shows_what_refunds_hold_and_gave_back_once_their_events_arrive(
    orders: Orders, flow: EventFlow, started: list[str]
) -> None:
    order = orders.to("PAID")
    refund_id = ask(order)
    service.reserve(refund_id)
    shown = orders.get(order["orderId"])
    assert (shown["reservedForRefunds"], shown["refundedAmount"]) == (0, 0)  # not told yet
    flow.run()
    shown = orders.get(order["orderId"])
    assert (shown["reservedForRefunds"], shown["refundedAmount"]) == (12680, 0)
    service.record(refund_id, service.pay_out(refund_id)["reference"])
    flow.run()
    shown = orders.get(order["orderId"])
    assert (shown["reservedForRefunds"], shown["refundedAmount"]) == (0, 12680)
    assert shown["version"] == order["version"]  # refunds' news is no change a person must reload for
    assert "RefundBalanceChanged" in flow.types() and flow.failures == []


def test_a_late_older_balance_leaves_the_order_showing_the_newer_one(orders: Orders) -> None:
    order = orders.to("PAID")
    assert order_store.show_refunds(order["orderId"], reserved=0, refunded=500, revision=4)
    assert not order_store.show_refunds(order["orderId"], reserved=500, refunded=0, revision=3)
    assert not order_store.show_refunds(order["orderId"], reserved=0, refunded=500, revision=4)
    shown = orders.get(order["orderId"])
    assert (shown["reservedForRefunds"], shown["refundedAmount"]) == (0, 500)
    assert not order_store.show_refunds("ord_nowhere", reserved=1, refunded=1, revision=9)


def test_refund_balance_changed_is_published_only_when_a_total_moves(
    orders: Orders, flow: EventFlow, started: list[str]
) -> None:
    order = orders.to("PAID")
    assert "RefundBalanceChanged" not in flow.types()  # opening the ledger holds nothing yet
    service.reserve(ask(order))
    flow.run()
    changed = [e["payload"] for e in flow.published if e["type"] == RefundBalanceChanged.TYPE]
    assert changed == [{"order_id": order["orderId"], "customer_id": "cus_alice", "currency": "CNY",
                        "paid": ORDER_TOTAL, "reserved": 12680, "refunded": 0, "revision": 2}]  # fmt: skip


def test_an_orders_refunds_are_listed_to_its_owner_and_staff_only(
    api: Api, orders: Orders, started: list[str]
) -> None:
    order = orders.to("PAID")
    refund_id = ask(order)
    path = f"/v1/orders/{order['orderId']}/refunds"
    mine = api.call("GET", path, claims=customer("cus_alice"))
    assert [r["refundId"] for r in mine.json["items"]] == [refund_id]
    assert api.call("GET", path, claims=staff("agent")).status == 200
    assert api.call("GET", path, claims=customer("cus_bob")).status == 404
    unpaid = orders.place()  # no payment recorded: no refund can exist, the same answer for all
    for who in ("cus_alice", "cus_bob"):
        reply = api.call("GET", f"/v1/orders/{unpaid['orderId']}/refunds", claims=customer(who))
        assert (reply.status, reply.json["items"]) == (200, [])

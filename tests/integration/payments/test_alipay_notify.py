"""`POST /v1/payments/alipay/notify`: Alipay's asynchronous notifications, RSA2-verified by
the SDK with Alipay's public key from SSM, for our app, within the replay window, applied
once per notify_id; answered with the plain "success" Alipay waits for."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest

from aftercare import clock
from aftercare.refunds import service, store
from infra.local.payment_fakes.alipay_fake import CHINA, FakeAlipay, new_key_pair, rsa2_sign, signing_string
from tests.support.api import Api
from tests.support.bus import EventFlow
from tests.support.orders import ORDER_TOTAL, Orders

PATH = "/v1/payments/alipay/notify"


def post(api: Api, form: dict[str, str]) -> Any:
    return api.call("POST", PATH, body=urlencode(form).encode(),
                    headers={"content-type": "application/x-www-form-urlencoded; charset=utf-8"})  # fmt: skip


def paid(fake: FakeAlipay, order: dict[str, Any], total: str = "298.00") -> dict[str, str]:
    trade = fake.add_trade(order["orderId"], ORDER_TOTAL)
    return fake.notification(trade_no=trade, out_trade_no=order["orderId"], trade_status="TRADE_SUCCESS",
                             total_amount=total, buyer_pay_amount=total)  # fmt: skip


def test_a_verified_trade_success_pays_the_order_and_answers_success(
    on_alipay: FakeAlipay, api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    reply = post(api, paid(on_alipay, order))
    assert (reply.status, reply.body, reply.headers["content-type"]) == (200, b"success", "text/plain")
    flow.run()  # orders hear PaymentCaptured a moment later
    after = orders.get(order["orderId"])
    assert after["status"] == "PAID"


def test_a_redelivered_notification_is_applied_once(
    on_alipay: FakeAlipay, api: Api, orders: Orders, flow: EventFlow
) -> None:
    order = orders.place()
    form = paid(on_alipay, order)
    assert post(api, form).body == post(api, form).body == b"success"
    flow.run()
    # one event for the two deliveries (orders' OrderPaid follows from it)
    assert flow.types().count("PaymentCaptured") == 1
    assert [e["to"] for e in orders.get(order["orderId"])["timeline"]].count("PAID") == 1


def test_a_tampered_notification_is_refused(on_alipay: FakeAlipay, api: Api, orders: Orders) -> None:
    order = orders.place()
    form = {**paid(on_alipay, order), "total_amount": "0.01"}
    assert post(api, form).status == 401
    assert orders.get(order["orderId"])["status"] == "PENDING_PAYMENT"


def test_a_notification_signed_with_another_key_or_unsigned_is_refused(
    on_alipay: FakeAlipay, api: Api, orders: Orders
) -> None:
    order = orders.place()
    form = paid(on_alipay, order)
    stranger, _ = new_key_pair()
    forged = {**form, "sign": rsa2_sign(stranger, signing_string(form, skip=("sign", "sign_type")))}
    assert post(api, forged).status == 401
    assert post(api, {k: v for k, v in form.items() if k != "sign"}).status == 401
    assert post(api, {**form, "sign_type": "RSA"}).status == 401


def test_a_notification_for_another_app_is_refused(on_alipay: FakeAlipay, api: Api, orders: Orders) -> None:
    order = orders.place()
    trade = on_alipay.add_trade(order["orderId"], ORDER_TOTAL)
    form = on_alipay.notification(app_id="2021999999999999", trade_no=trade, out_trade_no=order["orderId"],
                                  trade_status="TRADE_SUCCESS", total_amount="298.00")  # fmt: skip
    assert post(api, form).status == 401


@pytest.mark.parametrize("skew", [timedelta(minutes=-6), timedelta(minutes=6)])
def test_a_notification_outside_the_replay_window_is_refused(
    on_alipay: FakeAlipay, api: Api, orders: Orders, skew: timedelta
) -> None:
    order = orders.place()
    trade = on_alipay.add_trade(order["orderId"], ORDER_TOTAL)
    sent = (clock.now() + skew).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
    form = on_alipay.notification(notify_time=sent, trade_no=trade, out_trade_no=order["orderId"],
                                  trade_status="TRADE_SUCCESS", total_amount="298.00")  # fmt: skip
    reply = post(api, form)
    assert reply.status == 401 and "replay window" in reply.json["detail"]


def test_a_refund_notification_records_a_refund_handed_to_people_after_its_polls(
    on_alipay: FakeAlipay, api: Api, orders: Orders, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A late success after the workflow gave up polling: the refund is recorded once, from
    the reservation it still held, and the order's ledger adds up."""
    monkeypatch.setattr(service, "_start", lambda *a, **k: None)
    order = orders.place()
    trade = on_alipay.add_trade(order["orderId"], ORDER_TOTAL)
    assert orders.pay(order["orderId"], transaction=trade).status == 200
    refund_id = service.request(source="order", source_id="s1", order_id=order["orderId"],
                                    customer_id="cus_alice", items=[("MUG-2", 1)], reason="broken")  # fmt: skip
    service.reserve(refund_id)
    on_alipay.refunds_settle_at_once = False
    assert service.pay_out(refund_id)["payout"] == "PENDING"
    service.manual_review(refund_id, "ProviderOutcomeUnknown")  # what the workflow does after its last poll
    on_alipay.settle(trade, refund_id)
    form = on_alipay.refund_notification(trade, refund_id)
    assert post(api, form).body == b"success"
    assert post(api, form).body == b"success"  # redelivered
    flow.run()  # refunds hear RefundOutcomeReported, once
    assert flow.types().count("RefundOutcomeReported") == 1
    refund = store.get(refund_id)
    assert refund is not None and refund.status == "SUCCEEDED"
    assert refund.timeline[-1].actor == "alipay"
    flow.run()  # the order learns of it from refunds' RefundBalanceChanged
    after = orders.get(order["orderId"])
    assert (after["refundedAmount"], after["reservedForRefunds"]) == (int(refund.amount), 0)


def test_the_route_is_not_there_when_alipay_is_not_the_provider(
    api: Api, fake_alipay: FakeAlipay, fixed_clock: object
) -> None:
    assert post(api, fake_alipay.notification(trade_status="TRADE_SUCCESS")).status == 404

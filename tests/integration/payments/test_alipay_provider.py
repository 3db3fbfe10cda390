"""The Alipay adapter through python-alipay-sdk against a local gateway that follows Alipay's
OpenAPI: RSA2-signed requests and answers, out_request_no idempotency, documented codes."""

from __future__ import annotations

import pytest

from aftercare.payments.alipay_provider import AlipayProvider, fen, yuan
from aftercare.payments.provider import PermanentPaymentError, ProviderRefund, TransientPaymentError
from infra.local.payment_fakes.alipay_fake import FakeAlipay, new_key_pair


def refund(provider: AlipayProvider, trade_no: str, amount: int = 5000, key: str = "rf_01") -> ProviderRefund:
    return provider.refund(
        idempotency_key=key, order_id="ord_1", payment_reference=trade_no, amount=amount, currency="CNY"
    )


@pytest.mark.parametrize(("minor", "text"), [(0, "0.00"), (5, "0.05"), (12900, "129.00"), (26301, "263.01")])
def test_amounts_travel_as_yuan_strings(minor: int, text: str) -> None:
    assert yuan(minor) == text and fen(text) == minor


def test_a_refund_names_our_refund_as_out_request_no_and_moves_the_money_once(
    fake_alipay: FakeAlipay, alipay_provider: AlipayProvider
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    first = refund(alipay_provider, trade)
    assert first == ProviderRefund(f"{trade}/rf_01", "SUCCEEDED")
    assert fake_alipay.calls[-1] == (
        "alipay.trade.refund",
        {
            "refund_amount": "50.00",
            "out_request_no": "rf_01",
            "refund_reason": "售后退款",
            "trade_no": trade,
        },
    )
    # A retried call: Alipay answers fund_change=N, and the status query confirms the refund.
    again = refund(alipay_provider, trade)
    assert again.status == "PENDING"
    assert alipay_provider.status(idempotency_key="rf_01", reference=again.reference).status == "SUCCEEDED"
    assert list(fake_alipay.refunds) == [(trade, "rf_01")]


def test_an_order_paid_without_a_trade_number_is_refunded_by_our_order_id(
    fake_alipay: FakeAlipay, alipay_provider: AlipayProvider
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    assert refund(alipay_provider, "").reference == f"{trade}/rf_01"


@pytest.mark.parametrize(
    ("code", "sub_code", "error"),
    [
        ("20000", "isp.unknow-error", TransientPaymentError),
        ("40004", "ACQ.SYSTEM_ERROR", TransientPaymentError),
        ("40004", "ACQ.SELLER_BALANCE_NOT_ENOUGH", PermanentPaymentError),
        ("40004", "ACQ.TRADE_STATUS_ERROR", PermanentPaymentError),
        ("40006", "isv.insufficient-isv-permissions", PermanentPaymentError),
    ],
)
def test_documented_codes_map_to_what_the_workflow_retries_or_compensates(
    fake_alipay: FakeAlipay, alipay_provider: AlipayProvider, code: str, sub_code: str, error: type[Exception]
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    fake_alipay.fail_next(code, sub_code)
    with pytest.raises(error, match=sub_code):
        refund(alipay_provider, trade)
    assert refund(alipay_provider, trade).status == "SUCCEEDED"


def test_business_refusals_are_permanent(fake_alipay: FakeAlipay, alipay_provider: AlipayProvider) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    with pytest.raises(PermanentPaymentError, match=r"ACQ.TRADE_NOT_EXIST"):
        refund(alipay_provider, "2026000000000000000000009999")
    with pytest.raises(PermanentPaymentError, match=r"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"):
        refund(alipay_provider, trade, amount=30000)
    refund(alipay_provider, trade)
    with pytest.raises(PermanentPaymentError, match=r"ACQ.DISCORDANT_REPEAT_REQUEST"):
        refund(alipay_provider, trade, amount=6000)  # the same out_request_no, another amount
    with pytest.raises(PermanentPaymentError, match=r"CNY"):
        alipay_provider.refund(
            idempotency_key="rf_usd", order_id="o", payment_reference=trade, amount=1, currency="USD"
        )


def test_a_request_signed_with_another_key_is_refused_by_the_gateway(
    fake_alipay: FakeAlipay, alipay_keys: dict[str, str]
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    stranger, _ = new_key_pair()
    provider = AlipayProvider(
        app_id=fake_alipay.app_id,
        app_private_key=stranger,
        alipay_public_key=alipay_keys["alipay_public"],
        gateway_url=f"{fake_alipay.url}/gateway.do",
    )
    with pytest.raises(PermanentPaymentError, match=r"40002"):
        refund(provider, trade)
    assert fake_alipay.refunds == {}


def test_an_answer_not_signed_by_alipay_is_not_believed(
    fake_alipay: FakeAlipay, alipay_keys: dict[str, str]
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    _, impostor_public = new_key_pair()
    provider = AlipayProvider(
        app_id=fake_alipay.app_id,
        app_private_key=alipay_keys["app_private"],
        alipay_public_key=impostor_public,
        gateway_url=f"{fake_alipay.url}/gateway.do",
    )
    with pytest.raises(TransientPaymentError, match=r"signature"):
        refund(provider, trade)


def test_no_gateway_is_transient(alipay_keys: dict[str, str]) -> None:
    provider = AlipayProvider(
        app_id="2021",
        app_private_key=alipay_keys["app_private"],
        alipay_public_key=alipay_keys["alipay_public"],
        gateway_url="http://127.0.0.1:9/gateway.do",
    )
    with pytest.raises(TransientPaymentError):
        refund(provider, "2026")


def test_a_refund_still_processing_reads_pending_until_it_settles(
    fake_alipay: FakeAlipay, alipay_provider: AlipayProvider
) -> None:
    trade = fake_alipay.add_trade("ord_1", 26300)
    fake_alipay.refunds_settle_at_once = False
    pending = refund(alipay_provider, trade)
    assert pending.status == "PENDING"
    assert alipay_provider.status(idempotency_key="rf_01", reference=pending.reference).status == "PENDING"
    fake_alipay.settle(trade, "rf_01")
    assert alipay_provider.status(idempotency_key="rf_01", payment_reference=trade).status == "SUCCEEDED"


def test_the_refunds_of_a_day_are_read_from_alipays_trade_bills(
    fake_alipay: FakeAlipay, alipay_provider: AlipayProvider
) -> None:
    from datetime import timedelta

    from tests.conftest import START

    trade = fake_alipay.add_trade("ord_1", 26300)
    refund(alipay_provider, trade)
    fake_alipay.plant_refund(trade, "console-1", 700)  # refunded in Alipay's merchant console
    day = alipay_provider.refunds_between(START - timedelta(hours=8), START + timedelta(hours=16))
    assert sorted((r.refund_id, r.reference, r.amount, r.currency) for r in day) == [
        ("", f"{trade}/console-1", 700, "CNY"),
        ("rf_01", f"{trade}/rf_01", 5000, "CNY"),
    ]
    assert alipay_provider.refunds_between(START + timedelta(days=1), START + timedelta(days=2)) == []

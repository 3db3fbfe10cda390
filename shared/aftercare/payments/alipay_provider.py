"""Alipay behind the payment port, through `python-alipay-sdk` (RSA2-signed OpenAPI calls).

A refund is `alipay.trade.refund` on the order's trade (`trade_no`, or our order id as its
`out_trade_no`) with our refund id as `out_request_no`: Alipay's idempotency key, kept for
the trade's life, so a retried call refunds nothing more. Alipay answers a repeat with
`fund_change=N`; whether money moved is then `alipay.trade.fastpay.refund.query`'s
`refund_status=REFUND_SUCCESS` (https://opendocs.alipay.com/open/4b7cc5db_alipay.trade.refund).

Errors, as the workflow needs them (https://opendocs.alipay.com/common/02km9f): transient —
no answer, HTTP errors, `20000` (service unavailable), `ACQ.SYSTEM_ERROR`, an answer whose
signature does not verify (retrying the same `out_request_no` is safe); permanent — other
`40004` business refusals (ACQ.TRADE_NOT_EXIST, ACQ.SELLER_BALANCE_NOT_ENOUGH,
ACQ.REFUND_AMT_NOT_EQUAL_TOTAL, ACQ.DISCORDANT_REPEAT_REQUEST, ...) and `4000x` request errors."""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from aftercare.money import CURRENCY_EXPONENTS
from aftercare.payments.contract import (
    PermanentPaymentError,
    ProviderRefund,
    SettledRefund,
    TransientPaymentError,
)

SUCCESS = "10000"
TRANSIENT_CODES = {"20000"}
TRANSIENT_SUB_CODES = {"ACQ.SYSTEM_ERROR", "isp.unknow-error", "aop.ACQ.SYSTEM_ERROR"}
TIMEOUT_SECONDS = 10
CHINA = timezone(timedelta(hours=8))  # Alipay's bills and times are Beijing time


def yuan(minor: int) -> str:
    """Alipay amounts are yuan with two decimals, as a string: 12900 -> '129.00'."""
    units, fen = divmod(minor, 100)
    return f"{units}.{fen:02d}"


def fen(amount: str) -> int:
    units, _, cents = amount.partition(".")
    return int(units) * 100 + int((cents + "00")[:2])


def _answer(call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The verified business answer; raises the port's errors for anything else."""
    from alipay.exceptions import AliPayException, AliPayValidationError

    try:
        answer = call()
    except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
        raise TransientPaymentError(f"alipay: no answer ({error})") from error
    except AliPayValidationError as error:
        raise TransientPaymentError("alipay: the answer's signature does not verify") from error
    except AliPayException as error:  # an unsigned error_response: the gateway refused the call
        code = str(getattr(error, "_AliPayException__code", "") or "")
        if code in TRANSIENT_CODES:
            raise TransientPaymentError(f"alipay {code}: {error}") from error
        raise PermanentPaymentError(f"alipay {code}: {error}") from error
    code, sub_code = str(answer.get("code", "")), str(answer.get("sub_code", ""))
    if code == SUCCESS:
        return answer
    detail = f"alipay {code} {sub_code}: {answer.get('sub_msg') or answer.get('msg') or ''}".strip()
    if code in TRANSIENT_CODES or sub_code in TRANSIENT_SUB_CODES:
        raise TransientPaymentError(detail)
    raise PermanentPaymentError(detail)


class AlipayProvider:
    def __init__(
        self, *, app_id: str, app_private_key: str, alipay_public_key: str, gateway_url: str = ""
    ) -> None:
        from alipay import AliPay
        from alipay.utils import AliPayConfig

        self._alipay = AliPay(
            appid=app_id,
            app_private_key_string=app_private_key,
            alipay_public_key_string=alipay_public_key,
            sign_type="RSA2",
            config=AliPayConfig(timeout=TIMEOUT_SECONDS),
        )
        self.app_id = app_id
        if gateway_url:  # the SDK has no setting for it besides debug (Alipay's sandbox)
            self._alipay._gateway = gateway_url

    @classmethod
    def from_secrets(cls) -> AlipayProvider:
        from aftercare.payments.secrets import provider_secret
        from aftercare.settings import get_settings

        keys = provider_secret("appId", "appPrivateKey", "alipayPublicKey")
        return cls(
            app_id=keys["appId"],
            app_private_key=keys["appPrivateKey"],
            alipay_public_key=keys["alipayPublicKey"],
            gateway_url=get_settings().alipay_gateway_url,
        )

    @property
    def sdk(self) -> Any:
        """The SDK client (its `verify` checks asynchronous notifications)."""
        return self._alipay

    @staticmethod
    def _trade(payment_reference: str, order_id: str) -> dict[str, str]:
        return {"trade_no": payment_reference} if payment_reference else {"out_trade_no": order_id}

    def refund(
        self, *, idempotency_key: str, order_id: str, payment_reference: str, amount: int, currency: str
    ) -> ProviderRefund:
        if CURRENCY_EXPONENTS.get(currency) != 2 or currency != "CNY":
            raise PermanentPaymentError(f"alipay refunds CNY trades, not {currency}")
        trade = self._trade(payment_reference, order_id)
        answer = _answer(
            lambda: self._alipay.api_alipay_trade_refund(
                refund_amount=yuan(amount), out_request_no=idempotency_key, refund_reason="售后退款", **trade
            )
        )
        reference = f"{answer.get('trade_no') or payment_reference}/{idempotency_key}"
        # fund_change=Y: this call moved the money. N: a repeat, or not moved yet — ask.
        return ProviderRefund(reference, "SUCCEEDED" if answer.get("fund_change") == "Y" else "PENDING")

    def status(
        self, *, idempotency_key: str, reference: str | None = None, payment_reference: str = ""
    ) -> ProviderRefund:
        trade_no = (reference or "").split("/", 1)[0] or payment_reference
        if not trade_no:
            raise PermanentPaymentError(f"alipay: no trade to look refund {idempotency_key} up on")
        answer = _answer(
            lambda: self._alipay.api_alipay_trade_fastpay_refund_query(
                out_request_no=idempotency_key, trade_no=trade_no
            )
        )
        settled = answer.get("refund_status") == "REFUND_SUCCESS"
        return ProviderRefund(f"{trade_no}/{idempotency_key}", "SUCCEEDED" if settled else "PENDING")

    def refunds_between(self, start: datetime, end: datetime) -> list[SettledRefund]:
        """The refunds of [start, end) from Alipay's daily trade bills (Beijing dates):
        `alipay.data.dataservice.bill.downloadurl.query` names a zip of GBK CSVs whose 业务明细
        file lists each refund (业务类型 退款) with its amount and 退款批次号/请求号 — our
        out_request_no (https://opendocs.alipay.com/open/028woc)."""
        first, last = (
            start.astimezone(CHINA).date(),
            (end - timedelta(microseconds=1)).astimezone(CHINA).date(),
        )
        found: list[SettledRefund] = []
        day = first
        while day <= last:
            found += [row for at, row in self._bill(day.isoformat()) if start <= at < end]
            day += timedelta(days=1)
        return found

    def _bill(self, bill_date: str) -> list[tuple[datetime, SettledRefund]]:
        try:
            answer = _answer(
                lambda: self._alipay.server_api(
                    "alipay.data.dataservice.bill.downloadurl.query",
                    biz_content={"bill_type": "trade", "bill_date": bill_date},
                )
            )
        except PermanentPaymentError as error:
            if "bill_not_exist" in str(error):  # no trade that day: Alipay has no bill for it
                return []
            raise
        try:
            with urllib.request.urlopen(str(answer["bill_download_url"]), timeout=TIMEOUT_SECONDS) as reply:  # noqa: S310
                archive = reply.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise TransientPaymentError(
                f"alipay: the bill of {bill_date} did not download ({error})"
            ) from error
        return parse_bill(archive)


def parse_bill(archive: bytes) -> list[tuple[datetime, SettledRefund]]:
    """The refunds of one trade bill: (completion time, refund)."""
    rows: list[tuple[datetime, SettledRefund]] = []
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        for name in bundle.namelist():
            if not name.endswith("业务明细.csv"):  # not the 汇总 (totals) file
                continue
            text = bundle.read(name).decode("gbk")
            lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
            for record in csv.DictReader(lines):
                cell = {key.strip(): (value or "").strip() for key, value in record.items() if key}
                if cell.get("业务类型") != "退款":
                    continue
                done = datetime.strptime(cell["完成时间"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
                request_no = cell.get("退款批次号/请求号", "")
                rows.append((done, SettledRefund(
                    refund_id=request_no if request_no.startswith("rf_") else "",
                    reference=f"{cell.get('支付宝交易号', '')}/{request_no}",
                    amount=abs(fen(cell["订单金额（元）"].lstrip("-"))),
                    currency="CNY",
                    status="SUCCEEDED",
                )))  # fmt: skip
    return rows

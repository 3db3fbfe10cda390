"""Alipay's OpenAPI gateway as documented (https://opendocs.alipay.com/common/02kf5q), enough
for the adapter: `alipay.trade.refund` and `alipay.trade.fastpay.refund.query`, and the
asynchronous notifications Alipay posts to a merchant's notify_url.

Documented behaviour it keeps: every request is RSA2-signed by the app (SHA256withRSA over
the sorted `k=v` pairs except `sign`) and refused with `40002 isv.invalid-signature`
otherwise; every answer is `{"<method>_response": {...}, "sign": ...}` signed with Alipay's
key over the exact JSON of the response object; `out_request_no` is the refund's
idempotency key (a repeat answers `10000` with `fund_change=N`; a repeat with another
amount `ACQ.DISCORDANT_REPEAT_REQUEST`); business refusals are `40004` with their sub_code
(`ACQ.TRADE_NOT_EXIST`, `ACQ.REFUND_AMT_NOT_EQUAL_TOTAL`, `ACQ.SYSTEM_ERROR`). Notifications
are form posts signed over the sorted pairs except `sign` and `sign_type`."""

from __future__ import annotations

import base64
import itertools
import json
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from werkzeug.wrappers import Request, Response

from infra.local.payment_fakes.server import FakeServer

CHINA = timezone(timedelta(hours=8))  # Alipay's times are Beijing time, "yyyy-MM-dd HH:mm:ss"


def new_key_pair() -> tuple[str, str]:
    """(private PEM, public PEM), RSA 2048 as Alipay issues them."""
    from Cryptodome.PublicKey import RSA

    key = RSA.generate(2048)
    return key.export_key().decode(), key.publickey().export_key().decode()


def rsa2_sign(private_pem: str, message: str) -> str:
    from Cryptodome.Hash import SHA256
    from Cryptodome.PublicKey import RSA
    from Cryptodome.Signature import pkcs1_15

    signature = pkcs1_15.new(RSA.import_key(private_pem)).sign(SHA256.new(message.encode()))
    return base64.b64encode(signature).decode()


def rsa2_verify(public_pem: str, message: str, signature: str) -> bool:
    from Cryptodome.Hash import SHA256
    from Cryptodome.PublicKey import RSA
    from Cryptodome.Signature import pkcs1_15

    try:
        pkcs1_15.new(RSA.import_key(public_pem)).verify(
            SHA256.new(message.encode()), base64.b64decode(signature)
        )
    except (ValueError, TypeError):
        return False
    return True


def signing_string(params: dict[str, str], *, skip: tuple[str, ...]) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k not in skip and v != "")


def yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def fen(amount: str) -> int:
    units, _, cents = amount.partition(".")
    return int(units) * 100 + int((cents + "00")[:2])


class FakeAlipay(FakeServer):
    def __init__(
        self,
        *,
        app_id: str = "2021000000000000",
        app_public_key: str,
        alipay_private_key: str,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        from aftercare import clock

        self.app_id = app_id
        self.app_public_key = app_public_key
        self.alipay_private_key = alipay_private_key
        self.now = now or clock.now
        self.trades: dict[str, dict[str, Any]] = {}  # trade_no -> trade
        self.refunds: dict[tuple[str, str], dict[str, Any]] = {}  # (trade_no, out_request_no) -> refund
        self.refunds_settle_at_once = True  # False: refunds are PROCESSING until `settle`
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.notify_url = ""  # where `deliver` posts notifications, if anywhere
        self._failures: list[tuple[str, str]] = []
        self._ids = itertools.count(1)
        self._lock = threading.RLock()

    # ------------------------------------------------------------ test controls
    def add_trade(self, out_trade_no: str, total_fen: int) -> str:
        with self._lock:
            trade_no = f"2026{next(self._ids):024d}"
            self.trades[trade_no] = {"trade_no": trade_no, "out_trade_no": out_trade_no, "total": total_fen}
            return trade_no

    def fail_next(self, code: str = "20000", sub_code: str = "isp.unknow-error", times: int = 1) -> None:
        with self._lock:
            self._failures.extend([(code, sub_code)] * times)

    def plant_refund(self, trade_no: str, out_request_no: str, amount_fen: int) -> None:
        """A refund made outside Aftercare (Alipay's merchant console): the bill shows it."""
        with self._lock:
            self.refunds[(trade_no, out_request_no)] = {
                "amount": amount_fen,
                "status": "REFUND_SUCCESS",
                "at": self.now(),
            }

    def settle(self, trade_no: str, out_request_no: str) -> None:
        with self._lock:
            self.refunds[(trade_no, out_request_no)]["status"] = "REFUND_SUCCESS"

    def notification(self, **fields: str) -> dict[str, str]:
        """An asynchronous notification as Alipay posts it (form fields), signed."""
        at = self.now().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
        params = {
            "notify_time": at,
            "notify_type": "trade_status_sync",
            "notify_id": f"ntf{next(self._ids):010d}",
            "app_id": self.app_id,
            "charset": "utf-8",
            "version": "1.0",
            "sign_type": "RSA2",
            **fields,
        }
        params["sign"] = rsa2_sign(
            self.alipay_private_key, signing_string(params, skip=("sign", "sign_type"))
        )
        return params

    def refund_notification(self, trade_no: str, out_request_no: str) -> dict[str, str]:
        trade, refund = self.trades[trade_no], self.refunds[(trade_no, out_request_no)]
        return self.notification(
            trade_no=trade_no,
            out_trade_no=trade["out_trade_no"],
            out_biz_no=out_request_no,
            trade_status="TRADE_SUCCESS",
            total_amount=yuan(trade["total"]),
            refund_fee=yuan(refund["amount"]),
            gmt_refund=self.now().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"),
        )

    def deliver(self, form: dict[str, str]) -> tuple[int, str]:
        """Post a notification to the merchant's notify_url, as Alipay does (a form post)."""
        import urllib.error
        import urllib.parse
        import urllib.request

        request = urllib.request.Request(  # noqa: S310 - a local URL the stack configured
            self.notify_url,
            data=urllib.parse.urlencode(form).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:  # noqa: S310
                return int(reply.status), reply.read().decode()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read().decode()

    # ------------------------------------------------------------ the gateway
    def _answer(self, method: str, body: dict[str, Any], *, signed: bool = True) -> Response:
        name = method.replace(".", "_") + "_response"
        inner = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        if not signed:
            text = f'{{"error_response":{inner}}}'
        else:
            text = f'{{"{name}":{inner},"sign":"{rsa2_sign(self.alipay_private_key, inner)}"}}'
        return Response(text, status=200, content_type="application/json;charset=utf-8")

    def bill(self, bill_date: str) -> bytes:
        """The day's trade bill as Alipay serves it: a zip of GBK CSVs; the 业务明细 file lists
        each refund with 业务类型 退款, its negative amount and 退款批次号/请求号."""
        import io
        import zipfile

        header = (
            "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注"
        )
        lines = [
            "#支付宝业务明细查询",
            f"#账号：[{self.app_id}]",
            "#" + "-" * 40 + "业务明细列表" + "-" * 40,
            header,
        ]
        with self._lock:
            for (trade_no, request_no), refund in self.refunds.items():
                done = refund["at"].astimezone(CHINA)
                if refund["status"] != "REFUND_SUCCESS" or done.strftime("%Y-%m-%d") != bill_date:
                    continue
                out_trade_no = self.trades.get(trade_no, {}).get("out_trade_no", "")
                at = done.strftime("%Y-%m-%d %H:%M:%S")
                amount = "-" + yuan(refund["amount"])
                cells = [
                    trade_no,
                    out_trade_no,
                    "退款",
                    "商品",
                    at,
                    at,
                    "",
                    "",
                    "",
                    "",
                    "159****5620",
                    amount,
                    amount,
                    "0.00",
                    "0.00",
                    "0.00",
                    "0.00",
                    "0.00",
                    "",
                    "0.00",
                    "0.00",
                    request_no,
                    "0.00",
                    "0.00",
                    "",
                ]
                lines.append(",".join(f"{cell}\t" for cell in cells))
        lines += ["#" + "-" * 40 + "业务明细列表结束" + "-" * 40, f"#导出时间：[{bill_date} 09:00:00]"]
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as bundle:
            bundle.writestr(
                f"{self.app_id}_{bill_date.replace('-', '')}_业务明细.csv",
                ("\r\n".join(lines) + "\r\n").encode("gbk"),
            )
            bundle.writestr(
                f"{self.app_id}_{bill_date.replace('-', '')}_业务明细(汇总).csv", "#汇总\r\n".encode("gbk")
            )
        return archive.getvalue()

    def handle(self, request: Request) -> Response:
        if request.path.startswith("/bills/"):  # a download URL: Alipay signs it into the query answer
            return Response(
                self.bill(request.path.removeprefix("/bills/").removesuffix(".zip")),
                content_type="application/zip",
            )
        params = {k: v for k, v in {**request.args, **request.form}.items()}
        method = params.get("method", "")
        signature = params.pop("sign", "")
        if params.get("app_id") != self.app_id:
            return self._answer(
                method,
                {
                    "code": "40002",
                    "msg": "Invalid Arguments",
                    "sub_code": "isv.invalid-app-id",
                    "sub_msg": "无效的AppID参数",
                },
                signed=False,
            )
        if params.get("sign_type") != "RSA2" or not rsa2_verify(
            self.app_public_key, signing_string(params, skip=()), signature
        ):
            return self._answer(
                method,
                {
                    "code": "40002",
                    "msg": "Invalid Arguments",
                    "sub_code": "isv.invalid-signature",
                    "sub_msg": "验签出错",
                },
                signed=False,
            )
        biz = json.loads(params.get("biz_content") or "{}")
        with self._lock:
            self.calls.append((method, biz))
            if self._failures:
                code, sub_code = self._failures.pop(0)
                msg = "Service Currently Unavailable" if code == "20000" else "Business Failed"
                return self._answer(
                    method, {"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": "系统繁忙"}
                )
            if method == "alipay.trade.refund":
                return self._answer(method, self._refund(biz))
            if method == "alipay.trade.fastpay.refund.query":
                return self._answer(method, self._query(biz))
            if method == "alipay.data.dataservice.bill.downloadurl.query":
                return self._answer(
                    method,
                    {
                        "code": "10000",
                        "msg": "Success",
                        "bill_download_url": f"{self.url}/bills/{biz.get('bill_date')}.zip",
                    },
                )
        return self._answer(
            method,
            {
                "code": "40004",
                "msg": "Business Failed",
                "sub_code": "isv.invalid-method",
                "sub_msg": "不存在的方法名",
            },
        )

    def _trade(self, biz: dict[str, Any]) -> dict[str, Any] | None:
        if biz.get("trade_no"):
            return self.trades.get(biz["trade_no"])
        return next((t for t in self.trades.values() if t["out_trade_no"] == biz.get("out_trade_no")), None)

    @staticmethod
    def _refused(sub_code: str, sub_msg: str) -> dict[str, Any]:
        return {"code": "40004", "msg": "Business Failed", "sub_code": sub_code, "sub_msg": sub_msg}

    def _refund(self, biz: dict[str, Any]) -> dict[str, Any]:
        trade = self._trade(biz)
        if trade is None:
            return self._refused("ACQ.TRADE_NOT_EXIST", "交易不存在")
        amount, key = (
            fen(str(biz.get("refund_amount", "0"))),
            str(biz.get("out_request_no") or trade["trade_no"]),
        )
        done = sum(r["amount"] for (t, _), r in self.refunds.items() if t == trade["trade_no"])
        answer = {
            "code": "10000",
            "msg": "Success",
            "trade_no": trade["trade_no"],
            "out_trade_no": trade["out_trade_no"],
            "buyer_logon_id": "159****5620",
        }
        existing = self.refunds.get((trade["trade_no"], key))
        if existing is not None:
            if existing["amount"] != amount:
                return self._refused("ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致")
            return {**answer, "fund_change": "N", "refund_fee": yuan(done)}
        if amount <= 0 or done + amount > trade["total"]:
            return self._refused("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限")
        status = "REFUND_SUCCESS" if self.refunds_settle_at_once else "PROCESSING"
        self.refunds[(trade["trade_no"], key)] = {"amount": amount, "status": status, "at": self.now()}
        return {
            **answer,
            "fund_change": "Y" if status == "REFUND_SUCCESS" else "N",
            "refund_fee": yuan(done + amount),
            "gmt_refund_pay": self.now().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"),
        }

    def _query(self, biz: dict[str, Any]) -> dict[str, Any]:
        trade = self._trade(biz)
        if trade is None:
            return self._refused("ACQ.TRADE_NOT_EXIST", "交易不存在")
        refund = self.refunds.get((trade["trade_no"], str(biz.get("out_request_no"))))
        if refund is None:
            return {"code": "10000", "msg": "Success"}  # documented: no data when no such refund
        answer = {
            "code": "10000",
            "msg": "Success",
            "trade_no": trade["trade_no"],
            "out_trade_no": trade["out_trade_no"],
            "out_request_no": biz["out_request_no"],
            "total_amount": yuan(trade["total"]),
            "refund_amount": yuan(refund["amount"]),
        }
        if refund["status"] == "REFUND_SUCCESS":
            answer["refund_status"] = "REFUND_SUCCESS"
        return answer

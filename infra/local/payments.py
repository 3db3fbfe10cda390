"""The payment provider of the local stack: the sandbox (default), or Stripe or Alipay
through their real SDKs against the fakes in infra/local/payment_fakes
(`PAYMENT_PROVIDER=stripe make dev`, `python -m infra.local --payment-provider alipay`).

For a real provider the local stack starts its fake on a free port, points the template's
StripeApiBase / AlipayGatewayUrl at it, stores the keys as the SecureString SSM parameter
the template names (PaymentProviderSecretName), and has the fake deliver its signed
webhooks to the stack's own routes. `POST /_local/payments/provider` drives the fake:

    {"action": "pay", "orderId": "ord_...", "amount": 26300}   the customer pays (webhook)
    {"action": "refunds", "settle": "later"}                   new refunds stay pending
    {"action": "settle", "refundId": "rf_...", "outcome": "succeeded"}   ... until settled
    {"action": "fail-next", "times": 2}                        the next API calls fail (503 / 20000)
"""

from __future__ import annotations

import json
from typing import Any

PROVIDERS = ("sandbox", "stripe", "alipay")
DEFAULT_SECRET_NAME = "/aftercare/payment-provider"


class LocalPayments:
    def __init__(self, name: str) -> None:
        if name not in PROVIDERS:
            raise ValueError(f"PAYMENT_PROVIDER must be one of {PROVIDERS}, not {name!r}")
        self.name = name
        self.fake: Any = None
        self.secret: dict[str, str] = {}

    def start(self) -> dict[str, str]:
        """Start the fake; returns the template parameters that point the stack at it."""
        if self.name == "stripe":
            from infra.local.payment_fakes.stripe_fake import FakeStripe

            self.fake = FakeStripe()
            self.fake.start()
            self.secret = {"apiKey": self.fake.api_key, "webhookSecret": self.fake.webhook_secret}
            return {"PaymentProvider": "stripe", "StripeApiBase": self.fake.url}
        if self.name == "alipay":
            from infra.local.payment_fakes.alipay_fake import FakeAlipay, new_key_pair

            app_private, app_public = new_key_pair()
            alipay_private, alipay_public = new_key_pair()
            self.fake = FakeAlipay(app_public_key=app_public, alipay_private_key=alipay_private)
            self.fake.start()
            self.secret = {
                "appId": self.fake.app_id,
                "appPrivateKey": app_private,
                "alipayPublicKey": alipay_public,
            }
            return {"PaymentProvider": "alipay", "AlipayGatewayUrl": f"{self.fake.url}/gateway.do"}
        return {}

    def provision(self, ssm: Any, secret_name: str) -> None:
        if self.secret:
            ssm.put_parameter(
                Name=secret_name, Type="SecureString", Value=json.dumps(self.secret), Overwrite=True
            )

    def connect(self, base_url: str) -> None:
        """Where the fake delivers its webhooks: the stack's own routes."""
        if self.name == "stripe":
            self.fake.webhook_url = f"{base_url}/v1/payments/stripe/events"
        elif self.name == "alipay":
            self.fake.notify_url = f"{base_url}/v1/payments/alipay/notify"

    def stop(self) -> None:
        if self.fake is not None:
            self.fake.stop()

    def describe(self) -> str:
        return self.name if self.fake is None else f"{self.name} (fake API at {self.fake.url})"

    # ---------------------------------------------------------------- /_local/payments/provider
    def state(self) -> dict[str, Any]:
        if self.name == "stripe":
            return {"provider": "stripe", "url": self.fake.url, "refunds": list(self.fake.refunds.values())}
        if self.name == "alipay":
            refunds = [{"tradeNo": t, "outRequestNo": k, **{"amount": r["amount"], "status": r["status"]}}
                       for (t, k), r in self.fake.refunds.items()]  # fmt: skip
            return {"provider": "alipay", "url": self.fake.url, "refunds": refunds}
        return {"provider": "sandbox"}

    def control(self, body: dict[str, Any]) -> dict[str, Any]:
        if self.fake is None:
            raise ValueError("the sandbox is driven by POST /_local/payments/sandbox")
        action = str(body.get("action", ""))
        if action == "pay":
            return self._pay(str(body["orderId"]), int(body["amount"]), str(body.get("currency", "CNY")))
        if action == "refunds":
            later = body.get("settle") == "later"
            if self.name == "stripe":
                self.fake.new_refund_status = "pending" if later else "succeeded"
            else:
                self.fake.refunds_settle_at_once = not later
            return {"settle": "later" if later else "at-once"}
        if action == "settle":
            return self._settle(str(body["refundId"]), str(body.get("outcome", "succeeded")))
        if action == "fail-next":
            times = int(body.get("times", 1))
            if self.name == "stripe":
                self.fake.fail_next(503, "api_error", times=times)
            else:
                self.fake.fail_next("20000", "isp.unknow-error", times=times)
            return {"failNext": times}
        raise ValueError(f"unknown action {action!r}: pay, refunds, settle or fail-next")

    def _pay(self, order_id: str, amount: int, currency: str) -> dict[str, Any]:
        if self.name == "stripe":
            pi = self.fake.add_payment_intent(amount, currency)
            intent = {**self.fake.payment_intents[pi], "metadata": {"order_id": order_id}}
            status, answer = self.fake.deliver(self.fake.event("payment_intent.succeeded", intent))
            return {"transactionId": pi, "webhook": status, "answer": answer}
        trade = self.fake.add_trade(order_id, amount)
        from infra.local.payment_fakes.alipay_fake import yuan

        form = self.fake.notification(trade_no=trade, out_trade_no=order_id, trade_status="TRADE_SUCCESS",
                                      total_amount=yuan(amount), buyer_pay_amount=yuan(amount))  # fmt: skip
        status, answer = self.fake.deliver(form)
        return {"transactionId": trade, "webhook": status, "answer": answer}

    def _settle(self, refund_id: str, outcome: str) -> dict[str, Any]:
        if self.name == "stripe":
            found = [
                r
                for r in self.fake.refunds.values()
                if r["metadata"].get("refund_id", "").startswith(refund_id)
            ]
            if not found:
                raise ValueError(f"stripe has no refund for {refund_id}")
            event = self.fake.settle(found[-1]["id"], "failed" if outcome == "failed" else "succeeded")
            return {"reference": found[-1]["id"], "event": event["id"]}
        keys = [key for key in self.fake.refunds if key[1].startswith(refund_id)]
        if not keys or outcome == "failed":
            raise ValueError(f"alipay has no refund for {refund_id} to settle (it notifies successes only)")
        trade, request_no = keys[-1]
        self.fake.settle(trade, request_no)
        status, answer = self.fake.deliver(self.fake.refund_notification(trade, request_no))
        return {"reference": f"{trade}/{request_no}", "webhook": status, "answer": answer}

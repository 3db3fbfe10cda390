"""The payment providers' own webhooks, verified as each provider documents, turned into one
`ProviderNotice` that the service applies once per provider event id.

- Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">` with the
  endpoint's signing secret, checked by the SDK (`stripe.WebhookSignature.verify_header`);
  the replay window is checked here against the service clock, which the SDK's own check
  (the wall clock) would not follow (https://docs.stripe.com/webhooks#verify-events).
- Alipay: asynchronous notifications, form posts signed RSA2 with Alipay's key over the
  sorted `k=v` pairs except `sign` and `sign_type`, checked by the SDK (`AliPay.verify`);
  `notify_time` (Beijing time, the time of this delivery) bounds the replay window, and
  the notification must name our app (https://opendocs.alipay.com/open/270/105902).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Literal

from aftercare.errors import Unauthorized
from aftercare.events import Happened

Kind = Literal["payment.succeeded", "payment.failed", "refund.succeeded", "refund.failed", "ignored"]
CHINA = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class ProviderNotice:
    provider: str
    event_id: str  # the provider's: the key the notice is applied once under
    kind: Kind
    order_id: str = ""
    amount: int = 0
    currency: str = ""
    transaction_id: str = ""
    method: str = ""
    refund_key: str = ""  # the idempotency key our pay-out was made with
    reference: str = ""
    failure_reason: str = ""
    occurred_at: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _outside(sent_at: datetime, now: datetime, tolerance_seconds: int) -> bool:
    return abs((now - sent_at).total_seconds()) > tolerance_seconds


# ---------------------------------------------------------------- Stripe
_STRIPE_REFUND_OUTCOME: dict[str, Kind] = {
    "succeeded": "refund.succeeded",
    "failed": "refund.failed",
    "canceled": "refund.failed",
}


def stripe_notice(
    body: bytes, signature: str | None, *, secret: str, now: datetime, tolerance_seconds: int
) -> ProviderNotice:
    import stripe

    try:
        stripe.WebhookSignature.verify_header(body, signature, secret, tolerance=None)
    except stripe.SignatureVerificationError as error:
        raise Unauthorized("Stripe-Signature does not verify") from error
    stamp = dict(part.split("=", 1) for part in str(signature).split(",") if "=" in part).get("t", "")
    if not stamp.isdigit() or _outside(datetime.fromtimestamp(int(stamp), tz=UTC), now, tolerance_seconds):
        raise Unauthorized("Stripe-Signature timestamp is outside the replay window")
    try:
        event = json.loads(body)
        kind, obj = str(event["type"]), dict(event["data"]["object"])
        event_id = str(event["id"])
    except (ValueError, KeyError, TypeError) as error:
        raise Unauthorized("a signed body that is not a Stripe event") from error
    metadata = dict(obj.get("metadata") or {})
    occurred = datetime.fromtimestamp(int(event.get("created") or stamp), tz=UTC).isoformat()
    base: dict[str, Any] = {"provider": "stripe", "event_id": event_id, "occurred_at": occurred}
    if kind in {"payment_intent.succeeded", "payment_intent.payment_failed"}:
        last_error = dict(obj.get("last_payment_error") or {})
        return ProviderNotice(
            **base,
            kind="payment.succeeded" if kind == "payment_intent.succeeded" else "payment.failed",
            order_id=str(metadata.get("order_id") or ""),
            amount=int(obj.get("amount_received") or obj.get("amount") or 0),
            currency=str(obj.get("currency") or "").upper(),
            transaction_id=str(obj.get("id")),
            method="CARD",
            failure_reason=str(last_error.get("message") or ""),
        )
    if kind.startswith(("refund.", "charge.refund.")) and obj.get("object") == "refund":
        outcome = _STRIPE_REFUND_OUTCOME.get(str(obj.get("status")))
        if outcome and metadata.get("refund_id"):
            return ProviderNotice(
                **base,
                kind=outcome,
                order_id=str(metadata.get("order_id") or ""),
                amount=int(obj.get("amount") or 0),
                currency=str(obj.get("currency") or "").upper(),
                refund_key=str(metadata["refund_id"]),
                reference=str(obj.get("id")),
                failure_reason=str(obj.get("failure_reason") or ""),
            )
    return ProviderNotice(**base, kind="ignored")


# ---------------------------------------------------------------- Alipay
def alipay_notice(
    form: dict[str, str], *, sdk: Any, app_id: str, now: datetime, tolerance_seconds: int
) -> ProviderNotice:
    from aftercare.payments.alipay_provider import fen

    fields = dict(form)
    signature = fields.pop("sign", "")
    if not signature or fields.get("sign_type") != "RSA2":
        raise Unauthorized("an Alipay notification must be RSA2-signed")
    try:
        verified = bool(sdk.verify(dict(fields), signature))
    except Exception as error:  # the SDK raises bare exceptions for a malformed signature
        raise Unauthorized("the Alipay notification's signature does not verify") from error
    if not verified:
        raise Unauthorized("the Alipay notification's signature does not verify")
    if fields.get("app_id") != app_id:
        raise Unauthorized("the Alipay notification is for another app")
    try:
        sent_at = datetime.strptime(fields.get("notify_time", ""), "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    except ValueError as error:
        raise Unauthorized("the Alipay notification has no valid notify_time") from error
    if _outside(sent_at, now, tolerance_seconds):
        raise Unauthorized("the Alipay notification is outside the replay window")
    base: dict[str, Any] = {
        "provider": "alipay",
        "event_id": fields.get("notify_id", ""),
        "occurred_at": sent_at.isoformat(),
    }
    trade_no, status = fields.get("trade_no", ""), fields.get("trade_status", "")
    if fields.get("out_biz_no") and fields.get("refund_fee"):
        return ProviderNotice(
            **base,
            kind="refund.succeeded",
            order_id=fields.get("out_trade_no", ""),
            amount=fen(fields["refund_fee"]),
            currency="CNY",
            refund_key=fields["out_biz_no"],
            reference=f"{trade_no}/{fields['out_biz_no']}",
        )
    if status in {"TRADE_SUCCESS", "TRADE_FINISHED"}:
        return ProviderNotice(
            **base,
            kind="payment.succeeded",
            order_id=fields.get("out_trade_no", ""),
            amount=fen(fields.get("total_amount") or "0"),
            currency="CNY",
            transaction_id=trade_no,
            method="ALIPAY",
        )
    return ProviderNotice(**base, kind="ignored")


# ---------------------------------------------------------------- publishing a notice
def happened_of(notice: ProviderNotice) -> Happened | None:
    """The event a notice stands for; None for one about nothing of ours."""
    from aftercare import clock
    from aftercare.payments.callbacks import PROVIDER
    from aftercare.payments.events import PaymentCaptured, PaymentFailed, RefundOutcomeReported

    now = clock.now_iso()
    if notice.kind == "payment.succeeded" and notice.order_id:
        captured = PaymentCaptured(
            order_id=notice.order_id, amount=notice.amount, currency=notice.currency,
            transaction_id=notice.transaction_id, method=notice.method or "CARD", reported_by=PROVIDER,
            provider_event_id=notice.event_id, occurred_at=notice.occurred_at,
        )  # fmt: skip
        return Happened(captured, subject=notice.order_id, time=now)
    if notice.kind == "payment.failed" and notice.order_id:
        failed = PaymentFailed(
            order_id=notice.order_id, transaction_id=notice.transaction_id,
            failure_reason=notice.failure_reason or "no reason given", reported_by=PROVIDER,
            provider_event_id=notice.event_id, occurred_at=notice.occurred_at,
        )  # fmt: skip
        return Happened(failed, subject=notice.order_id, time=now)
    if notice.kind in {"refund.succeeded", "refund.failed"}:
        outcome = "SUCCEEDED" if notice.kind == "refund.succeeded" else "FAILED"
        reported = RefundOutcomeReported(
            refund_key=notice.refund_key, outcome=outcome, reference=notice.reference,
            order_id=notice.order_id, reported_by=notice.provider, provider_event_id=notice.event_id,
            occurred_at=notice.occurred_at,
        )  # fmt: skip
        return Happened(reported, subject=notice.refund_key.partition(".")[0], time=now)
    return None  # a payment not made through Aftercare, or an event about something else


def apply(notice: ProviderNotice, *, scope: str) -> dict[str, Any]:
    """Publish what the notice says (payments/callbacks.py: announce), once claimed under
    `scope`. JSON-shaped: run_once stores and replays it."""
    from aftercare.payments.callbacks import announce

    answer: dict[str, Any] = {"eventId": notice.event_id, "provider": notice.provider, "type": notice.kind}
    happened = happened_of(notice)
    if happened is None:
        return {**answer, "outcome": "ignored"}
    announce(happened, origin=f"{scope}#{notice.event_id}")
    return {**answer, "outcome": "accepted", "subject": happened.subject}

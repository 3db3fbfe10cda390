"""Stripe behind the payment port, through its SDK (`stripe.StripeClient`).

A refund is `POST /v1/refunds` on the order's PaymentIntent (or Charge) with our refund id
as the `Idempotency-Key` and in `metadata[refund_id]`, so a retried call answers the first
refund and the provider's books name our refund (reconciliation, webhooks). Stripe keeps an
idempotency key for 24 hours; the refund workflow's retries and a staff retry ask the
refund's status first (`status`), so a key that expired cannot pay twice either.

Errors, as the workflow needs them (https://docs.stripe.com/error-handling):
transient — no connection, 429 rate limit, 409 (a concurrent request holds the key or the
object), 5xx api_error; permanent — everything else (4xx: card_error,
invalid_request_error such as charge_already_refunded or amount_too_large, a key reused
with other parameters, authentication)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import stripe

from aftercare.payments.contract import (
    PayoutStatus,
    PermanentPaymentError,
    ProviderRefund,
    SettledRefund,
    TransientPaymentError,
)

T = TypeVar("T")
TIMEOUT_SECONDS = 10  # under the pay-out function's 30 s, so a slow Stripe is a retry, not a crash

# https://docs.stripe.com/api/refunds/object#refund_object-status
_STATUS: dict[str, PayoutStatus] = {
    "succeeded": "SUCCEEDED",
    "pending": "PENDING",
    "requires_action": "PENDING",
    "failed": "FAILED",
    "canceled": "FAILED",
}


def _mapped(call: Callable[[], T]) -> T:
    try:
        return call()
    except (stripe.APIConnectionError, stripe.RateLimitError) as error:
        raise TransientPaymentError(f"stripe: {error.user_message or error}") from error
    except stripe.StripeError as error:
        status = error.http_status or 0
        detail = f"stripe {status} {error.code or type(error).__name__}: {error.user_message or ''}".strip()
        if status == 409 or status >= 500:
            raise TransientPaymentError(detail) from error
        raise PermanentPaymentError(detail) from error


def _our_id(found: Any) -> str:
    metadata = found.metadata.to_dict() if found.metadata else {}
    return str(metadata.get("refund_id") or "")


def _refund(found: Any) -> ProviderRefund:
    return ProviderRefund(reference=str(found.id), status=_STATUS.get(str(found.status), "PENDING"))


class StripeProvider:
    def __init__(self, api_key: str, *, api_base: str = "") -> None:
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_base} if api_base else None,
            # The workflow owns retries (with backoff, across invocations): one try here.
            max_network_retries=0,
            http_client=stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
        )

    @classmethod
    def from_secrets(cls) -> StripeProvider:
        from aftercare.payments.secrets import provider_secret
        from aftercare.settings import get_settings

        return cls(provider_secret("apiKey")["apiKey"], api_base=get_settings().stripe_api_base)

    def refund(
        self, *, idempotency_key: str, order_id: str, payment_reference: str, amount: int, currency: str
    ) -> ProviderRefund:
        target = "charge" if payment_reference.startswith(("ch_", "py_")) else "payment_intent"
        params: Any = {
            target: payment_reference,
            "amount": amount,
            "reason": "requested_by_customer",
            "metadata": {"refund_id": idempotency_key, "order_id": order_id},
        }
        found = _mapped(
            lambda: self._client.v1.refunds.create(
                params=params, options={"idempotency_key": idempotency_key}
            )
        )
        if str(found.currency).upper() != currency.upper() or int(found.amount) != amount:
            raise PermanentPaymentError(
                f"stripe refunded {found.amount} {found.currency}, not {amount} {currency}"
            )
        result = _refund(found)
        if result.status == "FAILED":
            raise PermanentPaymentError(f"stripe: refund {found.id} {found.status}: {found.failure_reason}")
        return result

    def status(
        self, *, idempotency_key: str, reference: str | None = None, payment_reference: str = ""
    ) -> ProviderRefund:
        if reference and reference.startswith("re_"):
            return _refund(_mapped(lambda: self._client.v1.refunds.retrieve(reference)))
        if not payment_reference:
            raise PermanentPaymentError(f"stripe: no reference to look refund {idempotency_key} up by")
        target = "charge" if payment_reference.startswith(("ch_", "py_")) else "payment_intent"
        listed = _mapped(
            lambda: self._client.v1.refunds.list(params={target: payment_reference, "limit": 100})  # type: ignore[arg-type]
        )
        for found in listed.auto_paging_iter():
            if _our_id(found) == idempotency_key:
                return _refund(found)
        raise PermanentPaymentError(f"stripe: no refund {idempotency_key} on {payment_reference}")

    def refunds_between(self, start: datetime, end: datetime) -> list[SettledRefund]:
        params: Any = {"created": {"gte": int(start.timestamp()), "lt": int(end.timestamp())}, "limit": 100}
        listed = _mapped(lambda: self._client.v1.refunds.list(params=params))
        return [
            SettledRefund(
                refund_id=_our_id(found),
                reference=str(found.id),
                amount=int(found.amount),
                currency=str(found.currency).upper(),
                status=_STATUS.get(str(found.status), "PENDING"),
            )
            for found in _mapped(lambda: list(listed.auto_paging_iter()))
        ]

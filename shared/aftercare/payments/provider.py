"""The payment provider port: refund with an idempotency key, ask a refund's status, list
the refunds of a period (reconciliation).

Real providers are one adapter each, chosen by the PAYMENT_PROVIDER setting: `stripe`
(payments/stripe_provider.py), `alipay` (payments/alipay_provider.py); the sandbox is used
locally and in tests. Each adapter maps its provider's errors onto the two the workflow
knows: Transient (retried with backoff) and Permanent (compensated, handed to people).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Literal, Protocol

PayoutStatus = Literal["SUCCEEDED", "PENDING", "FAILED"]


class TransientPaymentError(Exception):
    """The provider could not answer now (timeout, 5xx, throttling): retrying is safe,
    because every call carries the refund id as its idempotency key."""


class PermanentPaymentError(Exception):
    """The provider refused the refund for good (closed account, card expired...)."""


@dataclass(frozen=True)
class ProviderRefund:
    reference: str
    status: PayoutStatus


@dataclass(frozen=True)
class SettledRefund:
    """One refund as the provider's books show it (reconciliation)."""

    refund_id: str  # ours: the idempotency key the refund was asked with
    reference: str
    amount: int  # minor units
    currency: str
    status: PayoutStatus


class PaymentProvider(Protocol):
    def refund(
        self, *, idempotency_key: str, order_id: str, payment_reference: str, amount: int, currency: str
    ) -> ProviderRefund: ...

    def status(
        self, *, idempotency_key: str, reference: str | None = None, payment_reference: str = ""
    ) -> ProviderRefund: ...

    def refunds_between(self, start: datetime, end: datetime) -> list[SettledRefund]: ...


@cache
def provider() -> PaymentProvider:
    from aftercare.settings import get_settings

    name = get_settings().payment_provider
    if name == "sandbox":
        from aftercare.payments.sandbox import SandboxProvider

        return SandboxProvider()
    # The SDKs load only for the provider in use: the others cost no cold start.
    if name == "stripe":
        from aftercare.payments.stripe_provider import StripeProvider

        return StripeProvider.from_secrets()
    if name == "alipay":
        from aftercare.payments.alipay_provider import AlipayProvider

        return AlipayProvider.from_secrets()
    raise RuntimeError(f"no payment provider adapter named {name!r}")

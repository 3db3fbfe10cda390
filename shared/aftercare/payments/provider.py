"""The payment provider port: refund with an idempotency key, ask a refund's status, list
the refunds of a period (reconciliation).

Real providers are one adapter each, chosen by the PAYMENT_PROVIDER setting: `stripe`
(payments/stripe_provider.py), `alipay` (payments/alipay_provider.py); the sandbox is used
locally and in tests. Each adapter maps its provider's errors onto the two the workflow
knows: Transient (retried with backoff) and Permanent (compensated, handed to people).
The errors, results and the adapters' protocol are payments/contract.py, offered here too.
"""

from __future__ import annotations

from functools import cache

from aftercare.payments.contract import (
    PaymentProvider,
    PayoutStatus,
    PermanentPaymentError,
    ProviderRefund,
    SettledRefund,
    TransientPaymentError,
)

__all__ = [
    "PaymentProvider",
    "PayoutStatus",
    "PermanentPaymentError",
    "ProviderRefund",
    "SettledRefund",
    "TransientPaymentError",
    "provider",
]


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

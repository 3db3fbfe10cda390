"""The payment provider port: refund with an idempotency key, ask a refund's status.

Real providers are one adapter each, chosen by the PAYMENT_PROVIDER setting; the sandbox
is used locally and in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, Protocol


class TransientPaymentError(Exception):
    """The provider could not answer now (timeout, 5xx, throttling): retrying is safe,
    because every call carries the refund id as its idempotency key."""


class PermanentPaymentError(Exception):
    """The provider refused the refund for good (closed account, card expired...)."""


@dataclass(frozen=True)
class ProviderRefund:
    reference: str
    status: Literal["SUCCEEDED", "PENDING"]


class PaymentProvider(Protocol):
    def refund(
        self, *, idempotency_key: str, order_id: str, payment_reference: str, amount: int, currency: str
    ) -> ProviderRefund: ...

    def status(self, *, idempotency_key: str) -> ProviderRefund: ...


@cache
def provider() -> PaymentProvider:
    from aftercare.settings import get_settings

    name = get_settings().payment_provider
    if name == "sandbox":
        from aftercare.payments.sandbox import SandboxProvider

        return SandboxProvider()
    raise RuntimeError(f"no payment provider adapter named {name!r}")

"""What the payment provider port speaks: its two errors, what a refund call returns and
the protocol every adapter implements. Apart from provider.py (the port and its factory) so
the adapters, which the factory imports, import no module that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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

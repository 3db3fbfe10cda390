"""What the payments side tells the others: the provider's verified word on a payment or a
refund's pay-out, as events (the contract orders and refunds import; docs/events.md lists
them). The webhook publishes them straight to the bus once it has verified and deduplicated
a callback (functions/payments_webhook); it calls no other domain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class PaymentCaptured:
    """The provider says money for an order arrived. Whether it is the order's payment
    (amount, currency, status) is for orders to decide."""

    TYPE: ClassVar[str] = "PaymentCaptured"
    VERSION: ClassVar[int] = 1

    order_id: str
    amount: int  # minor units
    currency: str
    transaction_id: str
    method: str
    reported_by: str  # the actor the order's timeline names: "payment-provider"
    provider_event_id: str
    occurred_at: str


@dataclass(frozen=True)
class PaymentFailed:
    """The provider says a payment for an order failed."""

    TYPE: ClassVar[str] = "PaymentFailed"
    VERSION: ClassVar[int] = 1

    order_id: str
    transaction_id: str
    failure_reason: str
    reported_by: str
    provider_event_id: str
    occurred_at: str


@dataclass(frozen=True)
class RefundOutcomeReported:
    """The provider says how a refund's pay-out ended."""

    TYPE: ClassVar[str] = "RefundOutcomeReported"
    VERSION: ClassVar[int] = 1

    refund_key: str  # the idempotency key the pay-out was made with (rf_... or rf_....<n>)
    outcome: str  # SUCCEEDED or FAILED
    reference: str  # the provider's reference of the refund
    order_id: str
    reported_by: str  # "payment-provider", "stripe" or "alipay": the refund timeline's actor
    provider_event_id: str
    occurred_at: str


ALL = (PaymentCaptured, PaymentFailed, RefundOutcomeReported)

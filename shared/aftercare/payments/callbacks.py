"""What a payment provider's callback means for an order.

A provider retries until it gets a 2xx, so anything we understand but cannot apply (an
amount that does not match, money for a cancelled order) is acknowledged and put in front
of staff as an order exception instead of being bounced back forever.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.observability import logger, metrics
from aftercare.orders import service as orders
from aftercare.orders.models import RaiseExceptionRequest
from aftercare.orders.rules import ExceptionKind
from aftercare.wire import MinorUnits, WireModel

PROVIDER = "payment-provider"


class PaymentEvent(WireModel):
    event_id: Annotated[str, Field(min_length=1, max_length=128)]
    type: Literal["payment.succeeded", "payment.failed", "refund.succeeded", "refund.failed"]
    order_id: Annotated[str, Field(min_length=1, max_length=64)]
    amount: MinorUnits
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    transaction_id: Annotated[str, Field(min_length=1, max_length=128)]
    method: Annotated[str, Field(pattern=r"^[A-Z_]{2,32}$")] = "CARD"
    failure_reason: Annotated[str, Field(max_length=500)] | None = None
    # refund.*: the refund the outcome is about (the pay-out's idempotency key); the
    # transaction id is then the provider's reference of the refund.
    refund_id: Annotated[str, Field(min_length=1, max_length=128)] | None = None
    occurred_at: str

    @model_validator(mode="after")
    def _refund_outcomes_name_their_refund(self) -> Self:
        if self.type.startswith("refund.") and not self.refund_id:
            raise ValueError("a refund outcome names its refundId")
        return self


class PaymentEventOutcome(WireModel):
    event_id: str
    outcome: Literal[
        "paid", "already-recorded", "held-for-review", "payment-failed",
        "noted", "recorded", "failed", "unknown-refund",
    ]  # fmt: skip
    order_id: str


def _hold(order_id: str, note: str) -> None:
    try:
        orders.raise_exception(
            order_id,
            RaiseExceptionRequest(
                kind=ExceptionKind.PAYMENT_PROBLEM,
                note=note,
                proposal="our team will check the payment and contact you",
            ),
            PROVIDER,
        )
    except Conflict:
        logger.warning("order already holds an exception", extra={"order_id": order_id})


def apply(event: PaymentEvent) -> PaymentEventOutcome:
    if event.type in {"refund.succeeded", "refund.failed"} and event.refund_id:
        from aftercare.refunds import settlement

        told = settlement.provider_outcome(
            event.refund_id,
            "SUCCEEDED" if event.type == "refund.succeeded" else "FAILED",
            event.transaction_id,
            actor=PROVIDER,
        )
        return PaymentEventOutcome(event_id=event.event_id, outcome=told, order_id=event.order_id)
    if event.type == "payment.failed":
        _hold(event.order_id, f"payment failed: {event.failure_reason or 'no reason given'}")
        metrics.add_metric(name="PaymentsFailed", unit="Count", value=1)
        return PaymentEventOutcome(event_id=event.event_id, outcome="payment-failed", order_id=event.order_id)
    before = orders.load_for_system(event.order_id)
    if before.payment and before.payment.as_dict().get("transactionId") == event.transaction_id:
        return PaymentEventOutcome(
            event_id=event.event_id, outcome="already-recorded", order_id=event.order_id
        )
    try:
        orders.record_payment(
            event.order_id,
            amount=event.amount,
            currency=event.currency,
            method=event.method,
            transaction_id=event.transaction_id,
            actor=PROVIDER,
        )
    except (BusinessRuleViolation, Conflict) as refused:
        _hold(
            event.order_id,
            f"payment {event.transaction_id} of {event.amount} {event.currency}: {refused.detail}",
        )
        metrics.add_metric(name="PaymentsHeld", unit="Count", value=1)
        return PaymentEventOutcome(
            event_id=event.event_id, outcome="held-for-review", order_id=event.order_id
        )
    return PaymentEventOutcome(event_id=event.event_id, outcome="paid", order_id=event.order_id)

"""What a payment provider's callback tells the others, and how it is told.

The webhook verifies a callback, deduplicates it on the provider's event id and publishes
what it says as a domain event (payments/events.py) straight to the bus; orders and refunds
react from their own queues (orders/reactions.py, refunds/reactions.py). The event's id is
derived from the provider's event id, so a callback retried after a failed publish, or
published twice because the answer was lost, is still one event, and each reaction runs
once. If the bus refuses, the callback answers 5xx and the provider delivers it again:
nothing is acknowledged that was not published.

A provider retries until it gets a 2xx, so anything orders cannot apply (an amount that does
not match, money for a cancelled order) is not bounced back: orders' reaction puts it in
front of staff as an order exception.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from aftercare import clock
from aftercare.events import Happened, envelope
from aftercare.observability import logger, metrics
from aftercare.payments.events import PaymentCaptured, PaymentFailed, RefundOutcomeReported
from aftercare.wire import MinorUnits, WireModel

PROVIDER = "payment-provider"
SOURCE = "payments"  # the events' source domain: aftercare.payments on the bus


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
    # accepted: verified and published; orders or refunds apply it a moment later
    outcome: Literal["accepted"]
    order_id: str


def happened_of(event: PaymentEvent) -> Happened:
    """The canonical callback as the event it stands for."""
    now = clock.now_iso()
    if event.type in {"refund.succeeded", "refund.failed"}:
        return Happened(
            RefundOutcomeReported(
                refund_key=str(event.refund_id),
                outcome="SUCCEEDED" if event.type == "refund.succeeded" else "FAILED",
                reference=event.transaction_id,
                order_id=event.order_id,
                reported_by=PROVIDER,
                provider_event_id=event.event_id,
                occurred_at=event.occurred_at,
            ),
            subject=str(event.refund_id),
            time=now,
        )
    if event.type == "payment.failed":
        return Happened(
            PaymentFailed(
                order_id=event.order_id,
                transaction_id=event.transaction_id,
                failure_reason=event.failure_reason or "no reason given",
                reported_by=PROVIDER,
                provider_event_id=event.event_id,
                occurred_at=event.occurred_at,
            ),
            subject=event.order_id,
            time=now,
        )
    return Happened(
        PaymentCaptured(
            order_id=event.order_id,
            amount=event.amount,
            currency=event.currency,
            transaction_id=event.transaction_id,
            method=event.method,
            reported_by=PROVIDER,
            provider_event_id=event.event_id,
            occurred_at=event.occurred_at,
        ),
        subject=event.order_id,
        time=now,
    )


def announce(happened: Happened, *, origin: str) -> None:
    """Publish the event; `origin` (the dedup scope and the provider's event id) fixes its
    id. Raises if the bus refuses, so the callback is answered 5xx and delivered again."""
    from aftercare.publishing import publish

    event = envelope(happened, source=SOURCE, origin=origin)
    publish([event])
    metrics.add_metric(name="PaymentCallbacksPublished", unit="Count", value=1)
    logger.info("payment callback published", extra={"event_id": event.id, "event_type": event.type})


def apply(event: PaymentEvent, *, scope: str) -> PaymentEventOutcome:
    """The canonical callback, verified and claimed once under `scope`: published."""
    announce(happened_of(event), origin=f"{scope}#{event.event_id}")
    return PaymentEventOutcome(event_id=event.event_id, outcome="accepted", order_id=event.order_id)

"""Refund shapes on the wire (API.md: refunds, staff refunds)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from aftercare.refunds.rules import RefundStatus
from aftercare.wire import TimelineEntry, WireModel


class RefundItem(WireModel):
    sku: str
    quantity: int


class RefundStep(WireModel):
    at: str
    step: str
    outcome: str
    note: str | None = Field(
        default=None, description="a plain reason, in the caller's Accept-Language (en or zh)"
    )
    cause: str | None = Field(default=None, description="staff only: the technical cause of a failed step")


class RefundOut(WireModel):
    refund_id: str
    order_id: str
    customer_id: str
    case_id: str | None = None
    source: str
    source_id: str
    amount: int
    currency: str
    reason: str
    status: RefundStatus
    items: list[RefundItem] | None = None
    shipping_included: int = 0
    merchant_fault: bool
    flagged: bool
    escalated: bool = False
    steps: list[RefundStep]
    timeline: list[TimelineEntry]
    created_at: str
    updated_at: str


class DecisionRequest(WireModel):
    note: Annotated[str, Field(max_length=1000)] | None = None


class RefundedOutsideRequest(WireModel):
    """The refund was paid by other means (a bank transfer, a voucher): where to find it."""

    reference: Annotated[str, Field(min_length=1, max_length=200)]
    note: Annotated[str, Field(max_length=1000)] | None = None

"""The orders API's request and response shapes (API.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from aftercare.money import CURRENCY_EXPONENTS, is_currency
from aftercare.orders.rules import ExceptionKind, OrderStatus
from aftercare.wire import NOT_BLANK, MinorUnits, Quantity, TimelineEntry, WireModel

# `pattern`: something besides spaces (they are stripped before min_length is checked).
Text = Annotated[str, Field(min_length=1, max_length=200, pattern=NOT_BLANK)]


class Address(WireModel):
    recipient: Text
    # ends on a digit: the server strips blanks before it checks, so a trailing blank the
    # pattern allowed would be refused once stripped
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 -]{4,18}[0-9]$")]
    line1: Text
    line2: Annotated[str, Field(max_length=200)] | None = None
    city: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=100)]
    region: Annotated[str, Field(max_length=100)] | None = None
    postal_code: Annotated[str, Field(min_length=2, max_length=16)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]


class OrderItemIn(WireModel):
    sku: Annotated[str, Field(min_length=1, max_length=64, pattern=NOT_BLANK)]
    name: Text
    category: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    quantity: Quantity
    unit_price: MinorUnits


class LiveStreamSource(WireModel):
    """Sold during a live stream: the session and its host (直播电商)."""

    kind: Literal["live-stream"]
    session_id: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")]
    host: Annotated[str, Field(min_length=1, max_length=64, pattern=NOT_BLANK)]


class StoreSource(WireModel):
    """Sold through the app or the web shop."""

    kind: Literal["app", "web"]


OrderSource = Annotated[LiveStreamSource | StoreSource, Field(discriminator="kind")]


class PlaceOrderRequest(WireModel):
    items: Annotated[list[OrderItemIn], Field(min_length=1, max_length=100)]
    currency: Annotated[
        str, Field(description="ISO 4217 code", json_schema_extra={"enum": sorted(CURRENCY_EXPONENTS)})
    ]
    shipping_fee: MinorUnits = 0
    discount: MinorUnits = 0
    coupon_code: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None = Field(
        default=None, description="one of my ACTIVE coupons: its discount is added to `discount`"
    )
    shipping_address: Address
    payment_method: Annotated[
        str, Field(pattern=r"^[A-Z_]{2,32}$", examples=["CARD", "ALIPAY", "WECHAT_PAY"])
    ]
    total: MinorUnits | None = Field(default=None, description="if sent, must equal the computed total")
    source: OrderSource | None = Field(default=None, description="where the order was sold")

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if not is_currency(value):
            raise ValueError("not a supported ISO 4217 currency")
        return value

    @model_validator(mode="after")
    def _distinct_skus(self) -> PlaceOrderRequest:
        skus = [item.sku for item in self.items]
        if len(set(skus)) != len(skus):
            raise ValueError("each sku may appear once; use quantity")
        return self


class ChangeAddressRequest(WireModel):
    shipping_address: Address


class CancelRequest(WireModel):
    reason: Annotated[str, Field(max_length=500)] | None = None


class PaymentRequest(WireModel):
    amount: MinorUnits
    method: Annotated[str, Field(pattern=r"^[A-Z_]{2,32}$")]
    transaction_id: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=128)]


class ShipRequest(WireModel):
    carrier: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,31}$")]
    tracking_number: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{4,40}$")]


class RaiseExceptionRequest(WireModel):
    kind: ExceptionKind
    note: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=1000)]
    proposal: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=1000)]


class ResolveExceptionRequest(WireModel):
    resolution: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=1000)]


class OrderItemOut(WireModel):
    sku: str
    name: str
    category: str
    quantity: int
    unit_price: int


class OrderExceptionOut(WireModel):
    kind: ExceptionKind
    note: str
    proposal: str
    raised_at: str
    raised_by: str


class OrderOut(WireModel):
    order_id: str
    customer_id: str
    status: OrderStatus
    items: list[OrderItemOut]
    currency: str
    subtotal: int
    shipping_fee: int
    discount: int
    coupon_code: str | None = None
    coupon_discount: int = Field(default=0, description="the part of `discount` the coupon gave")
    total: int
    paid_amount: int
    refund_owed: int
    refunded_amount: int = 0
    reserved_for_refunds: int = 0
    shipping_address: Address
    payment_method: str
    payment: dict[str, str] | None = None
    exception: OrderExceptionOut | None = None
    shipment_ids: list[str]
    delivered_at: str | None = None
    source: OrderSource | None = None
    timeline: list[TimelineEntry]
    created_at: str
    updated_at: str
    version: int

"""What the orders domain tells the others: its published event types (the contract other
domains may import; nothing else of `orders` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class OrderLine:
    sku: str
    quantity: int
    unit_price: int
    category: str = ""


@dataclass(frozen=True)
class OrderSource:
    """Where an order was sold: kind `live-stream` (with its session and host), `app` or `web`."""

    kind: str
    session_id: str = ""
    host: str = ""


@dataclass(frozen=True)
class OrderPlaced:
    """A customer placed an order (once per order: its item was first written)."""

    TYPE: ClassVar[str] = "OrderPlaced"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    currency: str
    total: int  # minor units, what the customer is to pay
    placed_at: str
    lines: list[dict[str, object]] = field(default_factory=list)  # OrderLine fields
    source: dict[str, str] = field(default_factory=dict)  # OrderSource fields; {}: not told

    def ordered(self) -> list[OrderLine]:
        return [
            OrderLine(
                sku=str(line["sku"]),
                quantity=int(str(line.get("quantity") or 0)),
                unit_price=int(str(line.get("unit_price") or 0)),
                category=str(line.get("category") or ""),
            )
            for line in self.lines
            if line.get("sku")
        ]

    def sold_by(self) -> OrderSource | None:
        if not self.source.get("kind"):
            return None
        return OrderSource(
            kind=str(self.source["kind"]),
            session_id=str(self.source.get("session_id") or ""),
            host=str(self.source.get("host") or ""),
        )


@dataclass(frozen=True)
class OrderExceptionRaised:
    """Staff raised an exception on an order (out of stock, address problem...): once per
    order, as an order keeps its first exception."""

    TYPE: ClassVar[str] = "OrderExceptionRaised"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    kind: str
    raised_at: str


@dataclass(frozen=True)
class OrderPaid:
    TYPE: ClassVar[str] = "OrderPaid"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    currency: str
    paid_amount: int
    shipping_fee: int = 0
    discount: int = 0
    lines: list[dict[str, object]] = field(default_factory=list)  # OrderLine fields
    payment_reference: str = ""  # the provider's transaction id: what a refund gives back


@dataclass(frozen=True)
class OrderCancelled:
    TYPE: ClassVar[str] = "OrderCancelled"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    currency: str
    refund_owed: int  # minor units owed back to the customer (0: it was never paid)


@dataclass(frozen=True)
class OrderDelivered:
    TYPE: ClassVar[str] = "OrderDelivered"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    delivered_at: str
    total: int
    currency: str
    categories: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShippedParcel:
    """One parcel of a shipped order: what logistics needs to start tracking it."""

    shipment_id: str
    carrier: str
    tracking_number: str


@dataclass(frozen=True)
class OrderShipped:
    """The order left the warehouse. Its shipment ids are already on the order; logistics
    registers the parcels from this event, so tracking shows them a moment later."""

    TYPE: ClassVar[str] = "OrderShipped"
    VERSION: ClassVar[int] = 1

    order_id: str
    customer_id: str
    shipped_at: str
    parcels: list[dict[str, object]] = field(default_factory=list)  # ShippedParcel fields

    def shipped(self) -> list[ShippedParcel]:
        return [ShippedParcel(**parcel) for parcel in self.parcels]  # type: ignore[arg-type]


@dataclass(frozen=True)
class CouponUsed:
    """An order took a coupon: orders' copy of it was claimed in the same transaction as the
    order was written (once per claim). Subject: the coupon code."""

    TYPE: ClassVar[str] = "CouponUsed"
    VERSION: ClassVar[int] = 1

    coupon_code: str
    customer_id: str
    order_id: str
    revision: int  # claims and releases of this coupon so far: a newer one wins
    used_at: str


@dataclass(frozen=True)
class CouponReleased:
    """The order that took a coupon was cancelled before payment: the coupon may be used
    again (released in the same transaction as the cancellation). Subject: the coupon code."""

    TYPE: ClassVar[str] = "CouponReleased"
    VERSION: ClassVar[int] = 1

    coupon_code: str
    customer_id: str
    order_id: str  # the cancelled order that had it
    revision: int
    released_at: str


ALL = (
    OrderPlaced,
    OrderPaid,
    OrderCancelled,
    OrderDelivered,
    OrderShipped,
    OrderExceptionRaised,
    CouponUsed,
    CouponReleased,
)

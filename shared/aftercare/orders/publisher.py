"""Which changes of an order are events for the other domains: a pure function of the
order's item before and after the change (as the table's stream carries them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.events import Happened
from aftercare.orders.events import (
    CouponReleased,
    CouponUsed,
    OrderCancelled,
    OrderDelivered,
    OrderExceptionRaised,
    OrderPaid,
    OrderPlaced,
    OrderShipped,
)

Image = Mapping[str, Any]


def _status(image: Image | None) -> str | None:
    return str(image["status"]) if image and image.get("status") else None


def _became(old: Image | None, new: Image | None, status: str) -> bool:
    return _status(new) == status and _status(old) != status


def _when(image: Image) -> str:
    timeline = image.get("timeline") or []
    if timeline and isinstance(timeline[-1], Mapping) and timeline[-1].get("at"):
        return str(timeline[-1]["at"])
    return str(image.get("updatedAt") or image.get("createdAt") or "")


def _new_parcels(old: Image | None, new: Image) -> list[dict[str, object]]:
    """The parcels of shipment ids the change added (one ship step adds one)."""
    before = {str(i) for i in (old or {}).get("shipmentIds") or []}
    added = [str(i) for i in new.get("shipmentIds") or [] if str(i) not in before]
    parcels = {str(p["shipmentId"]): p for p in new.get("parcels") or [] if isinstance(p, Mapping)}
    return [
        {
            "shipment_id": shipment_id,
            "carrier": str(parcels[shipment_id]["carrier"]),
            "tracking_number": str(parcels[shipment_id]["trackingNumber"]),
        }
        for shipment_id in added
        if shipment_id in parcels  # an id with no parcel came from before parcels were recorded
    ]


def coupon_events_of(old: Image | None, new: Image) -> list[Happened]:
    """Orders' copy of a coupon (`coupon#<code>`): claimed by an order, or given back."""
    before, after = (old or {}).get("claimedBy"), new.get("claimedBy")
    if before == after:
        return []
    code, owner = str(new["couponCode"]), str(new["couponOwner"])
    revision, at = int(new.get("revision") or 0), str(new.get("updatedAt") or "")
    happened: list[Happened] = []
    if before:
        released = CouponReleased(
            coupon_code=code, customer_id=owner, order_id=str(before), revision=revision, released_at=at
        )
        happened.append(Happened(released, subject=code, time=at))
    if after:
        used = CouponUsed(
            coupon_code=code, customer_id=owner, order_id=str(after), revision=revision, used_at=at
        )
        happened.append(Happened(used, subject=code, time=at))
    return happened


def _lines(image: Image) -> list[dict[str, object]]:
    """The order's lines (OrderLine fields)."""
    return [
        {
            "sku": str(item["sku"]),
            "quantity": int(item["quantity"]),
            "unit_price": int(item["unitPrice"]),
            "category": str(item.get("category") or ""),
        }
        for item in image.get("items") or []
    ]


def _source(image: Image) -> dict[str, str]:
    """Where the order was sold (OrderSource fields), {} when the order does not say."""
    source = image.get("source")
    if not isinstance(source, Mapping) or not source.get("kind"):
        return {}
    found = {"kind": str(source["kind"])}
    if source.get("sessionId"):
        found["session_id"] = str(source["sessionId"])
    if source.get("host"):
        found["host"] = str(source["host"])
    return found


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None:
        return []
    if str(new.get("orderId") or "").startswith("coupon#"):
        return coupon_events_of(old, new)
    order_id, customer_id = str(new["orderId"]), str(new["customerId"])
    currency = str(new.get("currency") or "")
    happened: list[Happened] = []
    if old is None:
        placed_at = str(new.get("createdAt") or _when(new))
        placed = OrderPlaced(
            order_id=order_id,
            customer_id=customer_id,
            currency=currency,
            total=int(new.get("total") or 0),
            placed_at=placed_at,
            lines=_lines(new),
            source=_source(new),
        )
        happened.append(Happened(placed, subject=order_id, time=placed_at))
    if int(new.get("paidAmount") or 0) > 0 and int((old or {}).get("paidAmount") or 0) == 0:
        lines = _lines(new)
        happened.append(
            Happened(
                OrderPaid(
                    order_id=order_id,
                    customer_id=customer_id,
                    currency=currency,
                    paid_amount=int(new["paidAmount"]),
                    shipping_fee=int(new.get("shippingFee") or 0),
                    discount=int(new.get("discount") or 0),
                    lines=lines,
                    payment_reference=str((new.get("payment") or {}).get("transactionId") or ""),
                ),
                subject=order_id,
                time=_when(new),
            )
        )
    if _became(old, new, "CANCELLED"):
        happened.append(
            Happened(
                OrderCancelled(
                    order_id=order_id,
                    customer_id=customer_id,
                    currency=currency,
                    refund_owed=int(new.get("refundOwed") or 0),
                ),
                subject=order_id,
                time=_when(new),
            )
        )
    parcels = _new_parcels(old, new)
    if parcels:
        happened.append(
            Happened(
                OrderShipped(
                    order_id=order_id, customer_id=customer_id, shipped_at=_when(new), parcels=parcels
                ),
                subject=order_id,
                time=_when(new),
            )
        )
    if _became(old, new, "DELIVERED"):
        happened.append(
            Happened(
                OrderDelivered(
                    order_id=order_id,
                    customer_id=customer_id,
                    delivered_at=str(new.get("deliveredAt") or _when(new)),
                    total=int(new.get("total") or 0),
                    currency=currency,
                    categories=[str(i["category"]) for i in new.get("items") or [] if i.get("category")],
                ),
                subject=order_id,
                time=_when(new),
            )
        )
    raised = new.get("exception")
    if isinstance(raised, Mapping) and not (old or {}).get("exception"):
        raised_at = str(raised.get("raisedAt") or _when(new))
        exception = OrderExceptionRaised(
            order_id=order_id,
            customer_id=customer_id,
            kind=str(raised.get("kind") or ""),
            raised_at=raised_at,
        )
        happened.append(Happened(exception, subject=order_id, time=raised_at))
    return happened

"""Which changes of the Customers table are events for the other domains: a pure function of
an item before and after the change (the table's stream). Only a coupon's first write is
news; profiles, ledger entries, deliveries and a coupon's later USED/ACTIVE (which orders
reported) are customers' own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.customers.events import CouponIssued
from aftercare.events import Happened

Image = Mapping[str, Any]
COUPON = "COUPON#"


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if old is not None or new is None or not str(new.get("sk") or "").startswith(COUPON):
        return []
    issued_at = str(new.get("issuedAt") or "")
    code = str(new["couponCode"])
    return [
        Happened(
            CouponIssued(
                coupon_code=code,
                customer_id=str(new["customerId"]),
                discount=int(new.get("discount") or 0),
                min_spend=int(new.get("minSpend") or 0),
                currency=str(new.get("currency") or ""),
                expires_at=str(new.get("expiresAt") or ""),
                source=str(new.get("source") or ""),
                issued_at=issued_at,
            ),
            subject=code,
            time=issued_at,
        )
    ]

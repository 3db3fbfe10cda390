"""What the customers domain tells the others: its published event types (the contract other
domains may import; nothing else of `customers` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class CouponIssued:
    """A customer got a coupon: bought with points (the ledger debited in the same
    transaction) or given by staff. Once per coupon. Subject: the coupon code."""

    TYPE: ClassVar[str] = "CouponIssued"
    VERSION: ClassVar[int] = 1

    coupon_code: str
    customer_id: str
    discount: int  # minor units of `currency`
    min_spend: int  # minor units: the order total (before the coupon) it needs
    currency: str
    expires_at: str  # UTC ISO: unused by then, it can no longer be used
    source: str  # points or goodwill
    issued_at: str


ALL = (CouponIssued,)

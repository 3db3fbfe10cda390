"""What other domains may ask of customer profiles: how to reach a customer (channels,
time zone, opt-outs), points credited once per source, and delivered orders for campaigns."""

from __future__ import annotations

from collections.abc import Iterator

from aftercare.customers.service import Delivered, Member, Reach


def reach(customer_id: str) -> Reach:
    """Channels, contact, time zone and opt-outs (defaults for a customer without a profile)."""
    from aftercare.customers import service

    return service.reach(customer_id)


def credit_points(*, customer_id: str, source: str, source_id: str, points: int, reason: str) -> bool:
    """Credit loyalty points once per (source, source_id); False if already credited."""
    from aftercare.customers import service

    return service.credit_points(
        customer_id, source=source, source_id=source_id, points=points, reason=reason
    )


def record_delivery(
    *, customer_id: str, order_id: str, delivered_at: str, total: int, currency: str, categories: list[str]
) -> None:
    """Note a delivered order where care campaigns look for their audiences (idempotent)."""
    from aftercare.customers import service

    service.record_delivery(
        customer_id=customer_id,
        order_id=order_id,
        delivered_at=delivered_at,
        total=total,
        currency=currency,
        categories=categories,
    )


def ensure_profile(customer_id: str) -> None:
    """Create the customer's profile with defaults unless it exists."""
    from aftercare.customers import service

    service.ensure_profile(customer_id)


def delivered_on(day: str) -> Iterator[Delivered]:
    """Orders delivered on a UTC day (campaign audiences)."""
    from aftercare.customers import service

    return service.delivered_on(day)


def members_of(tier: str) -> Iterator[Member]:
    """Customers of one membership tier (campaign audiences)."""
    from aftercare.customers import service

    return service.members_of(tier)

"""What other domains may still ask customers to do: points credited once per source, a
delivered order noted for the campaigns, a profile made. (What they read of a customer is
customers/queries.py; these writes become reactions to events, issue 18.)"""

from __future__ import annotations


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

"""The one way other domains open a ticket: a logistics exception (source "logistics"), a
disputed after-sales case (source "after-sales"), a low survey score ...

One ticket per (source, source_id), however often and however concurrently it is called:
the ticket and a uniqueness item for the pair are written in one transaction, and a
later call appends its message to that ticket instead (the same message twice is kept
once; a closed ticket gets a linked follow-up). The ticket is triaged for priority and
sentiment, keeps the category given, and is assigned automatically when an agent is free.
Callers need the Tickets and Agents tables (TICKETS_TABLE, AGENTS_TABLE) and the
notifications queue.
"""

from __future__ import annotations


def open_or_update_for(
    *,
    source: str,
    source_id: str,
    customer_id: str,
    subject: str,
    message: str,
    category: str,
    order_id: str | None = None,
    case_id: str | None = None,
) -> str:
    """Open the ticket for (source, source_id), or add `message` to it; returns its id
    (a follow-up's id when the original was closed). `category` is one of ORDER, PAYMENT,
    LOGISTICS, RETURN, REFUND, PRODUCT, COMPLAINT, PRESALE, OTHER."""
    from aftercare.tickets import automatic

    return automatic.open_or_update_for(
        source=source,
        source_id=source_id,
        customer_id=customer_id,
        subject=subject,
        message=message,
        category=category,
        order_id=order_id,
        case_id=case_id,
    )

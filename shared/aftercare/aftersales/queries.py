"""What other domains may read of after-sales: frozen views and one pure policy.

Orders asks when an order's after-sales windows close (it completes the order then);
customers lists a customer's cases in their history; logistics' tracking lists the parcels
an order's cases sent (a parcel it has not registered from CaseParcelSent yet is shown
awaiting its tracking). Analytics learns who handled a case and for how long from its
events, not from here. Nothing here writes, and nothing returns the table's model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from aftercare.aftersales import rules, store


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    status: str
    type: str
    reason: str
    updated_at: str


@dataclass(frozen=True)
class CaseParcel:
    """A parcel a case sent: the customer's return, or the replacement sent to them."""

    shipment_id: str
    case_id: str
    kind: str  # RETURN or REPLACEMENT


def windows_close_at(*, delivered_at: datetime, categories: list[str]) -> datetime:
    """When the last after-sales window of goods of these categories, delivered at
    `delivered_at`, closes: after it the order is complete (PRODUCT.md §2). Pure policy."""
    return delivered_at + timedelta(days=rules.last_window_days(rules.load_policy(), categories))


def recent_for_customer(customer_id: str, *, limit: int) -> tuple[CaseSummary, ...]:
    """The customer's latest `limit` cases, newest first (their customer index)."""
    rows, _ = store.list_for_customer(customer_id, status=None, limit=limit, start_key=None)
    return tuple(
        CaseSummary(
            case_id=case.case_id,
            status=str(case.status),
            type=str(case.type),
            reason=str(case.reason),
            updated_at=case.updated_at,
        )
        for case in rows
    )


def parcels_of_order(customer_id: str, order_id: str) -> tuple[CaseParcel, ...]:
    """The parcels the cases of the customer's order sent, oldest case first."""
    found = []
    for case in sorted(store.list_for_order(customer_id, order_id), key=lambda c: c.created_at):
        for kind, parcel in (("RETURN", case.return_shipment), ("REPLACEMENT", case.replacement_shipment)):
            if parcel.get("shipmentId"):
                found.append(CaseParcel(str(parcel["shipmentId"]), case.case_id, kind))
    return tuple(found)

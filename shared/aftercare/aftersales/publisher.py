"""Which changes of a case are events for the other domains: a pure function of the case's
item before and after the change (the Cases table's stream; its coverage counters, in the
same table, are never events)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.aftersales.events import (
    CaseCompleted,
    CaseDisputed,
    CaseDisputeDecided,
    CaseOpened,
    CaseParcelSent,
    CaseRefundRequested,
    CaseResolutionBreached,
    CaseResolved,
    CaseReviewed,
)
from aftercare.events import Happened

Image = Mapping[str, Any]
REFUND_ONLY = "REFUND_ONLY"
REQUESTED = "REQUESTED"
UNREVIEWED = frozenset({REQUESTED, "CANCELLED"})  # a case cancelled before review got no answer
# The case's parcel records (item attribute → the shipment kind logistics tracks it as).
PARCELS = (("returnShipment", "RETURN"), ("replacementShipment", "REPLACEMENT"))


def _is_case(image: Image | None) -> bool:
    return bool(image and image.get("caseId") and image.get("pk") == image.get("caseId"))


def _status(image: Image | None) -> str | None:
    return str(image["status"]) if image and image.get("status") else None


def _became(old: Image | None, new: Image, status: str) -> bool:
    return _status(new) == status and _status(old) != status


def _when(image: Image) -> str:
    timeline = image.get("timeline") or []
    if timeline and isinstance(timeline[-1], Mapping) and timeline[-1].get("at"):
        return str(timeline[-1]["at"])
    return str(image.get("updatedAt") or image.get("createdAt") or "")


def _dispute(image: Image | None) -> Mapping[str, Any]:
    dispute = (image or {}).get("dispute")
    return dispute if isinstance(dispute, Mapping) else {}


def _became_set(old: Image | None, new: Image, name: str) -> bool:
    return bool(new.get(name)) and not (old or {}).get(name)


def _is_staff(actor: str) -> bool:
    return bool(actor) and not actor.startswith("system")


def _reviewed(new: Image, at: str) -> CaseReviewed:
    """The first answer to a requested case: its timeline's first step out of REQUESTED."""
    step = next(
        (e for e in new.get("timeline") or [] if isinstance(e, Mapping) and e.get("from") == REQUESTED), None
    )
    actor = str(step.get("actor") or "") if step else ""
    automatic = bool(new.get("autoApproved")) or not _is_staff(actor)
    return CaseReviewed(
        case_id=str(new["caseId"]),
        order_id=str(new["orderId"]),
        customer_id=str(new["customerId"]),
        outcome=str(step.get("to") or new["status"]) if step else str(new["status"]),
        reviewer="" if automatic else actor,
        automatic=automatic,
        opened_at=str(new.get("createdAt") or ""),
        reviewed_at=str(step["at"]) if step and step.get("at") else at,
    )


def _lifecycle(old: Image | None, new: Image, at: str) -> list[Happened]:
    """Opened, reviewed, resolved, past its resolution target: what the KPIs count."""
    case_id, order_id, customer_id = str(new["caseId"]), str(new["orderId"]), str(new["customerId"])
    opened_at = str(new.get("createdAt") or at)
    happened: list[Happened] = []
    if old is None:
        opened = CaseOpened(
            case_id,
            order_id,
            customer_id,
            str(new.get("type") or "OTHER"),
            opened_at,
            reason=str(new.get("reason") or ""),
            items=[
                {"sku": str(i["sku"]), "quantity": int(i["quantity"])}
                for i in new.get("items") or []
                if isinstance(i, Mapping) and i.get("sku")
            ],
        )
        happened.append(Happened(opened, subject=case_id, time=opened_at))
    if _status(old) == REQUESTED and _status(new) not in UNREVIEWED:
        reviewed = _reviewed(new, at)
        happened.append(Happened(reviewed, subject=case_id, time=reviewed.reviewed_at))
    if _became_set(old, new, "resolvedAt"):
        resolved_at = str(new["resolvedAt"])
        handled_by = "" if _status(new) in UNREVIEWED else _reviewed(new, at).reviewer
        resolved = CaseResolved(
            case_id, order_id, customer_id, str(new["status"]), opened_at, resolved_at, handled_by
        )
        happened.append(Happened(resolved, subject=case_id, time=resolved_at))
    if _became_set(old, new, "resolveBreachedAt"):
        breached_at = str(new["resolveBreachedAt"])
        breached = CaseResolutionBreached(case_id, order_id, customer_id, breached_at)
        happened.append(Happened(breached, subject=case_id, time=breached_at))
    return happened


def refund_requested(case: Image) -> CaseRefundRequested:
    """What refunds needs to record a case's refund (refunds.service.request's arguments)."""
    case_type = str(case["type"])
    return CaseRefundRequested(
        case_id=str(case["caseId"]),
        order_id=str(case["orderId"]),
        customer_id=str(case["customerId"]),
        case_type=case_type,
        items=[{"sku": str(i["sku"]), "quantity": int(i["quantity"])} for i in case.get("items") or []],
        reason=f"after-sales {case_type}: {case.get('reason') or ''}",
        merchant_fault=bool(case.get("merchantFault")),
        flagged=bool(case.get("autoApproved")) and case_type == REFUND_ONLY,
    )


def _parcel(image: Image | None, name: str) -> Mapping[str, Any]:
    parcel = (image or {}).get(name)
    return parcel if isinstance(parcel, Mapping) and parcel.get("shipmentId") else {}


def new_parcels(old: Image | None, new: Image) -> list[dict[str, Any]]:
    """The parcels the change put on the case: a parcel record with a shipment id the case
    did not name before (a status update of a known parcel is none)."""
    added = []
    for name, kind in PARCELS:
        parcel = _parcel(new, name)
        if parcel and parcel["shipmentId"] != _parcel(old, name).get("shipmentId"):
            added.append(
                {
                    "shipment_id": str(parcel["shipmentId"]),
                    "kind": kind,
                    "carrier": str(parcel["carrier"]),
                    "tracking_number": str(parcel["trackingNumber"]),
                }
            )
    return added


def _released_handoff(old: Image | None, new: Image) -> str | None:
    """The kind of an old hand-off (REFUND, TICKET) the upgrade script just removed: a case
    stored before the domain events waited on it, and its removal asks for what it stood
    for. Refunds and tickets act once per case: a refund already written is only started, and
    a dispute ticket already opened gets the appeal again as a message, not a second ticket."""
    kind = (old or {}).get("handoff")
    return str(kind) if kind and not new.get("handoff") else None


def _disputed(new: Image, at: str) -> CaseDisputed:
    dispute = _dispute(new)
    return CaseDisputed(
        case_id=str(new["caseId"]),
        order_id=str(new["orderId"]),
        customer_id=str(new["customerId"]),
        origin=str(dispute.get("origin") or ""),
        reason=str(dispute.get("reason") or ""),
        opened_at=str(dispute.get("openedAt") or at),
    )


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not _is_case(new):
        return []
    case_id, order_id, customer_id = str(new["caseId"]), str(new["orderId"]), str(new["customerId"])
    at = _when(new)
    happened: list[Happened] = _lifecycle(old, new, at)
    # A case whose refund is known already (e.g. one that returns to REFUNDING) asks for none.
    if _became(old, new, "REFUNDING") and not new.get("refundId"):
        happened.append(Happened(refund_requested(new), subject=case_id, time=at))
    released = _released_handoff(old, new)
    if released == "REFUND":
        happened.append(Happened(refund_requested(new), subject=case_id, time=at))
    if _became(old, new, "DISPUTED") or released == "TICKET":
        happened.append(Happened(_disputed(new, at), subject=case_id, time=at))
    decided = _dispute(new)
    if decided.get("decision") and not _dispute(old).get("decision"):
        decision = CaseDisputeDecided(
            case_id=case_id,
            order_id=order_id,
            customer_id=customer_id,
            decision=str(decided["decision"]),
            note=str(decided.get("note") or ""),
            decided_at=str(decided.get("decidedAt") or at),
        )
        happened.append(Happened(decision, subject=case_id, time=at))
    parcels = new_parcels(old, new)
    if parcels:
        sent = CaseParcelSent(
            case_id=case_id, order_id=order_id, customer_id=customer_id, sent_at=at, parcels=parcels
        )
        happened.append(Happened(sent, subject=case_id, time=at))
    if _became(old, new, "COMPLETED"):
        completed = CaseCompleted(
            case_id=case_id,
            order_id=order_id,
            customer_id=customer_id,
            case_type=str(new["type"]),
            completed_at=at,
        )
        happened.append(Happened(completed, subject=case_id, time=at))
    return happened

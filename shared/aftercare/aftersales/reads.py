"""Reading cases: one case for the caller allowed to see it, the customer's list, the staff
work queue, and the wire shape of a case."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aftercare.aftersales import rules, store
from aftercare.aftersales.appointment_rules import AppointmentStatus, SlotKind
from aftercare.aftersales.models import (
    AppointmentOut,
    CaseItemOut,
    CaseOut,
    Deadlines,
    DisputeOut,
    InspectionOut,
    NextDeadline,
    RepairOut,
    RepairStepOut,
    ShipmentOut,
)
from aftercare.aftersales.rules import CaseStatus, DisputeDecision, InspectionResult, RepairStage
from aftercare.aftersales.state import Case
from aftercare.auth import CUSTOMER, Principal, require_owner, require_owner_or_staff, require_role
from aftercare.errors import NotFound
from aftercare.pagination import Lane, clamp_limit, decode_cursor, encode_cursor, merged_page
from aftercare.wire import Page, TimelineEntry

WHAT = "case"


def _shipment_out(data: Any) -> ShipmentOut | None:
    if not data:
        return None
    return ShipmentOut(
        shipment_id=data["shipmentId"],
        carrier=data["carrier"],
        tracking_number=data["trackingNumber"],
        status=data.get("status", "INFO_RECEIVED"),
        registered_at=data["registeredAt"],
        updated_at=data.get("updatedAt"),
    )


def appointment_out(appointment: Mapping[str, Any]) -> AppointmentOut:
    return AppointmentOut(
        slot_id=appointment["slotId"],
        start=appointment["start"],
        end=appointment["end"],
        kind=SlotKind(appointment["kind"]),
        location=appointment.get("location"),
        status=AppointmentStatus(appointment["status"]),
        booked_at=appointment["bookedAt"],
        reminded_at=appointment.get("remindedAt"),
        settled_at=appointment.get("settledAt"),
    )


def to_wire(case: Case) -> CaseOut:
    deadlines = case.deadlines
    pending = rules.pending_deadlines(
        case.status, deadlines, inspection_failed=case.inspection_failed, breached=case.breached
    )
    visible = [p for p in pending if p.name in rules.PUBLIC_DEADLINES]
    inspection, repair, dispute, appointment = case.inspection, case.repair, case.dispute, case.appointment
    return CaseOut(
        case_id=case.case_id,
        order_id=case.order_id,
        customer_id=case.customer_id,
        type=case.type,
        reason=case.reason,
        status=case.status,
        items=[
            CaseItemOut(
                sku=i.sku, name=i.name, category=i.category, quantity=i.quantity, unit_price=i.unit_price
            )
            for i in case.items
        ],
        description=case.description,
        evidence_keys=list(case.evidence_keys),
        merchant_fault=case.merchant_fault,
        deadlines=Deadlines(**{name: deadlines.get(name) for name in rules.PUBLIC_DEADLINES}),
        next_deadline=NextDeadline(name=visible[0].name, at=visible[0].at) if visible else None,
        resolve_target_breached=case.breached,
        rejection_reason=case.rejection.get("reason"),
        return_shipment=_shipment_out(case.return_shipment),
        replacement_shipment=_shipment_out(case.replacement_shipment),
        inspection=InspectionOut(
            result=InspectionResult(inspection["result"]),
            notes=inspection.get("notes"),
            at=inspection["at"],
            by=inspection["by"],
            automatic=bool(inspection.get("automatic")),
        )
        if inspection
        else None,
        repair=RepairOut(
            stage=RepairStage(repair["stage"]),
            stages=[
                RepairStepOut(stage=RepairStage(s["stage"]), at=s["at"], actor=s["actor"], note=s.get("note"))
                for s in repair.get("stages", [])
            ],
        )
        if repair
        else None,
        dispute=DisputeOut(
            reason=dispute["reason"],
            origin=CaseStatus(dispute["origin"]),
            opened_at=dispute["openedAt"],
            ticket_id=dispute.get("ticketId"),
            decision=DisputeDecision(dispute["decision"]) if dispute.get("decision") else None,
            note=dispute.get("note"),
            decided_by=dispute.get("decidedBy"),
            decided_at=dispute.get("decidedAt"),
        )
        if dispute
        else None,
        appointment=appointment_out(appointment) if appointment else None,
        refund_id=case.refund_id,
        refund_status=case.refund_status,
        resolved_at=case.resolved_at,
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in case.timeline
        ],
        created_at=case.created_at,
        updated_at=case.updated_at,
        version=case.version,
    )


def load(case_id: str) -> Case:
    case = store.get(case_id, consistent=True)
    if case is None:
        raise NotFound(f"{WHAT} not found")
    return case


def load_for(principal: Principal, case_id: str) -> Case:
    """The case if the caller may see it (owner or staff); another customer's is a 404."""
    case = load(case_id)
    require_owner_or_staff(principal, case.customer_id, WHAT)
    return case


def load_owned(principal: Principal, case_id: str) -> Case:
    case = load(case_id)
    require_owner(principal, case.customer_id, WHAT)
    return case


def get_case(principal: Principal, case_id: str) -> CaseOut:
    return to_wire(load_for(principal, case_id))


def list_mine(
    principal: Principal, *, status: CaseStatus | None, limit: int | None, cursor: str | None
) -> Page[CaseOut]:
    require_role(principal, CUSTOMER)
    scope = f"cases:customer:{principal.sub}:{status or '*'}"
    rows, last = store.list_for_customer(
        principal.sub,
        status=status,
        limit=clamp_limit(limit),
        start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
    )
    return Page[CaseOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def work_queue(
    principal: Principal, *, status: CaseStatus | None, limit: int | None, cursor: str | None
) -> Page[CaseOut]:
    """Cases in `status` (with none: every case not yet closed), the nearest deadline
    first (cases without one last)."""
    if status is None:
        scope = "cases:queue:open"
        lanes = [
            Lane(str(state), _queue_lane(state), store.resume_after_in_queue)
            for state in CaseStatus
            if state not in rules.TERMINAL
        ]
        rows, last = merged_page(
            lanes,
            order=lambda row: (row.queue_at, row.case_id),
            limit=clamp_limit(limit),
            position=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    else:
        scope = f"cases:queue:{status}"
        rows, last = store.work_queue(
            status,
            limit=clamp_limit(limit),
            start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    return Page[CaseOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def _queue_lane(
    status: CaseStatus,
) -> Callable[[dict[str, Any] | None, int], tuple[list[Case], dict[str, Any] | None]]:
    return lambda start, limit: store.work_queue(status, limit=limit, start_key=start)

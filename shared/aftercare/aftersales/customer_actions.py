"""What the customer does to their own case: ship the return parcel, cancel before it ships,
accept the resolution. (An appeal opens a dispute: disputes.py.)"""

from __future__ import annotations

from aftercare import clock
from aftercare.aftersales import appointments, effects, reads, rules
from aftercare.aftersales.models import CaseOut, ShipmentIn
from aftercare.aftersales.moves import move
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Field
from aftercare.aftersales.transitions import Move
from aftercare.auth import Principal
from aftercare.errors import Conflict

S = CaseStatus


def ship_return(principal: Principal, case_id: str, parcel: ShipmentIn) -> CaseOut:
    case = reads.load_owned(principal, case_id)
    if case.status is not S.AWAITING_RETURN:
        raise Conflict(f"a case in {case.status} is not waiting for a return parcel")
    wanted = Move(
        (S.RETURN_IN_TRANSIT,),
        principal.sub,
        f"return shipped with {parcel.carrier} {parcel.tracking_number}",
        sets={Field.RETURN_SHIPMENT: effects.new_parcel(parcel, clock.now_iso())},
    )
    return to_wire(move(case, wanted))


def cancel(principal: Principal, case_id: str, reason: str | None) -> CaseOut:
    case = reads.load_owned(principal, case_id)
    if case.status not in rules.CANCELLABLE:
        raise Conflict(f"a case in {case.status} can no longer be cancelled (the return has shipped)")
    note = f"cancelled by the customer: {reason}" if reason else "cancelled by the customer"
    sets, removes, seats = appointments.freed_with_case(case, clock.now_iso())  # a booked repair slot
    return to_wire(
        move(case, Move((S.CANCELLED,), principal.sub, note, sets=sets, removes=removes, seats=seats))
    )


def confirm(principal: Principal, case_id: str) -> CaseOut:
    case = reads.load_owned(principal, case_id)
    if not rules.is_resolved(case.status, inspection_failed=case.inspection_failed):
        raise Conflict(f"a case in {case.status} has no resolution to accept yet")
    return to_wire(move(case, Move((S.COMPLETED,), principal.sub, "the customer accepted the resolution")))

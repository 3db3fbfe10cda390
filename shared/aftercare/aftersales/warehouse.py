"""The warehouse's part: receiving a return, inspecting it (which moves the case on to its
refund, replacement or repair), and the repair's stages until it ships back."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.aftersales import effects, reads, rules
from aftercare.aftersales.models import CaseOut, RepairProgressRequest, ShipmentIn
from aftercare.aftersales.moves import move
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.rules import CaseStatus, CaseType, InspectionResult, RepairStage
from aftercare.aftersales.state import Field
from aftercare.aftersales.transitions import Move
from aftercare.errors import BusinessRuleViolation, Conflict

S = CaseStatus


def receive(case_id: str, actor: str, note: str | None = None) -> CaseOut:
    case = reads.load(case_id)
    if case.status not in {S.AWAITING_RETURN, S.RETURN_IN_TRANSIT}:
        raise Conflict(f"a case in {case.status} is not waiting for its return")
    return to_wire(move(case, Move((S.RECEIVED,), actor, note or "return received at the warehouse")))


def repair_started(at: str, actor: str) -> dict[str, Any]:
    """The repair record of a case whose repair starts now."""
    step = {"stage": RepairStage.RECEIVED.value, "at": at, "actor": actor}
    return {"stage": RepairStage.RECEIVED.value, "stages": [step]}


def _replacement(parcel: ShipmentIn, at: str) -> tuple[dict[Field, Any], str]:
    """The replacement parcel the case sends (an exchange's, or a repaired item going back)."""
    text = f"replacement shipped with {parcel.carrier} {parcel.tracking_number}"
    return {Field.REPLACEMENT_SHIPMENT: effects.new_parcel(parcel, at)}, text


def inspect(
    case_id: str,
    actor: str,
    result: InspectionResult,
    notes: str | None,
    replacement: ShipmentIn | None = None,
    *,
    automatic: bool = False,
) -> CaseOut:
    case = reads.load(case_id)
    status, case_type = case.status, case.type
    at = clock.now_iso()
    if replacement is not None and (case_type is not CaseType.EXCHANGE or result is InspectionResult.FAIL):
        raise BusinessRuleViolation(
            "a replacement is sent only for an exchange that passed inspection",
            errors=[{"field": "replacement", "message": "only with an exchange's PASS"}],
        )
    if status is S.INSPECTED and case_type is CaseType.EXCHANGE and not case.inspection_failed:
        # The exchange passed (automatically or on appeal): this call sends its replacement.
        if result is not InspectionResult.PASS or replacement is None:
            raise Conflict(
                "this exchange passed inspection; send its replacement with result PASS and replacement"
            )
        shipped, text = _replacement(replacement, at)
        wanted = Move((S.EXCHANGE_SHIPPED,), actor, text, sets=shipped)
        return to_wire(move(case, wanted))
    if status is not S.RECEIVED:
        raise Conflict(f"a case in {status} is not waiting for inspection")
    path = rules.inspection_path(case_type, result, replacement=replacement is not None)
    inspection: dict[str, Any] = {"result": result.value, "at": at, "by": actor, "automatic": automatic}
    if notes:
        inspection["notes"] = notes
    sets: dict[Field, Any] = {Field.INSPECTION: inspection}
    texts: list[str | None] = [f"inspection {result}" + (f": {notes}" if notes else "")]
    if path[-1] is S.EXCHANGE_SHIPPED and replacement is not None:
        shipped, text = _replacement(replacement, at)
        sets.update(shipped)
        texts.append(text)
    elif path[-1] is S.REPAIRING:
        sets[Field.REPAIR] = repair_started(at, actor)
        texts.append("repair started")
    elif path[-1] is S.REFUNDING:
        texts.append("refund requested")
    wanted = Move(
        tuple(path),
        actor,
        texts[0],
        notes=tuple(texts),
        sets=sets,
        inspection_failed=result is InspectionResult.FAIL,
    )
    return to_wire(move(case, wanted))


def repair_progress(case_id: str, actor: str, request: RepairProgressRequest) -> CaseOut:
    case = reads.load(case_id)
    if case.status is not S.REPAIRING:
        raise Conflict(f"a case in {case.status} is not being repaired")
    repair = dict(case.repair) or repair_started(case.updated_at, actor)
    stage = rules.repair_stage_after(RepairStage(repair["stage"]), request.stage)
    at = clock.now_iso()
    step: dict[str, Any] = {"stage": stage.value, "at": at, "actor": actor}
    if request.note:
        step["note"] = request.note
    sets: dict[Field, Any] = {
        Field.REPAIR: {"stage": stage.value, "stages": [*repair.get("stages", []), step]}
    }
    text = f"repair {stage}" + (f": {request.note}" if request.note else "")
    if stage is not RepairStage.SHIPPED_BACK:
        return to_wire(move(case, Move((), actor, text, sets=sets)))
    assert request.carrier
    assert request.tracking_number  # the request model requires both
    parcel = ShipmentIn(carrier=request.carrier, tracking_number=request.tracking_number)
    shipped, _ = _replacement(parcel, at)
    wanted = Move((S.REPAIR_SHIPPED,), actor, text, sets={**sets, **shipped})
    return to_wire(move(case, wanted))

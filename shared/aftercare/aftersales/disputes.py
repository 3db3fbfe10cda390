"""Disputes: the customer appeals a rejection or a failed inspection (once, within the
window), and a supervisor decides it. The dispute's ticket is tickets' reaction to the
case's CaseDisputed (and the decision goes on it on CaseDisputeDecided)."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.aftersales import effects, reads, rules
from aftercare.aftersales.models import CaseOut
from aftercare.aftersales.moves import move, move_latest
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.rules import CaseStatus, DisputeDecision, InspectionResult
from aftercare.aftersales.state import Case, Field
from aftercare.aftersales.transitions import Move
from aftercare.aftersales.warehouse import repair_started
from aftercare.auth import Principal
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.observability import metrics

S = CaseStatus


def appeal(principal: Principal, case_id: str, reason: str) -> CaseOut:
    case = reads.load_owned(principal, case_id)
    status = case.status
    appealable = status is S.REJECTED or (status is S.INSPECTED and case.inspection_failed)
    if not appealable:
        raise Conflict(f"a case in {status} cannot be appealed; only a rejection or a failed inspection can")
    if case.appealed:
        raise Conflict("this case was appealed once already; the supervisor's decision is final")
    appeal_by = case.deadlines.get(rules.APPEAL_BY)
    now = clock.now_iso()
    if appeal_by and now > appeal_by:
        raise BusinessRuleViolation(
            f"the appeal window closed at {appeal_by}",
            errors=[{"field": "reason", "message": "window closed"}],
        )
    dispute = {"reason": reason, "origin": status.value, "openedAt": now}
    wanted = Move(
        (S.DISPUTED,),
        principal.sub,
        f"appealed: {reason}",
        sets={Field.DISPUTE: dispute, Field.APPEALED: True},
    )
    case = move(case, wanted)
    metrics.add_metric(name="CasesDisputed", unit="Count", value=1)
    return to_wire(case)


def resolve_dispute(case_id: str, actor: str, decision: DisputeDecision, note: str) -> CaseOut:
    """Planned again on a fresh read when a reaction wrote the case meanwhile (the dispute's
    ticket id arrives from tickets at about the time a supervisor opens the case); another
    decision that won is a Conflict, since the case is then no longer disputed."""
    written = move_latest(case_id, lambda case: decided(case, actor, decision, note))
    assert written is not None  # decided always moves
    case = written[0]
    effects.notify(case, "case.dispute-decided")
    return to_wire(case)


def decided(case: Case, actor: str, decision: DisputeDecision, note: str) -> Move:
    if case.status is not S.DISPUTED:
        raise Conflict(f"a case in {case.status} has no open dispute")
    dispute = case.dispute
    origin = CaseStatus(dispute.get("origin", S.REJECTED))
    path = rules.dispute_path(case.type, origin, decision)
    at = clock.now_iso()
    record = {**dispute, "decision": decision.value, "note": note, "decidedBy": actor, "decidedAt": at}
    sets: dict[Field, Any] = {Field.DISPUTE: record}
    removes: frozenset[Field] = frozenset()
    inspection_failed = None
    for_customer = decision is DisputeDecision.FOR_CUSTOMER
    if origin is S.INSPECTED and for_customer:
        sets[Field.INSPECTION] = {
            **case.inspection,
            "result": InspectionResult.PASS.value,
            "at": at,
            "by": actor,
            "notes": f"overturned on appeal: {note}",
            "automatic": False,
        }
        inspection_failed = False
        if path[-1] is S.REPAIRING:
            sets[Field.REPAIR] = repair_started(at, actor)
    if origin is S.REJECTED and for_customer:
        removes = frozenset({Field.REJECTION})
    text = f"dispute decided {decision}: {note}"
    return Move(tuple(path), actor, text, sets=sets, removes=removes, inspection_failed=inspection_failed)

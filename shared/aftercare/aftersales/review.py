"""An agent's review of a requested case: approve it (by hand, or automatically when nobody
reviewed it in time) or reject it."""

from __future__ import annotations

from aftercare import clock
from aftercare.aftersales import reads, rules
from aftercare.aftersales.models import CaseOut
from aftercare.aftersales.moves import move
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Field
from aftercare.aftersales.transitions import Move
from aftercare.errors import Conflict

S = CaseStatus


def approve(case_id: str, actor: str, note: str | None = None, *, automatic: bool = False) -> CaseOut:
    case = reads.load(case_id)
    if case.status is not S.REQUESTED:
        raise Conflict(f"a case in {case.status} cannot be approved")
    path = rules.approval_path(case.type)
    text = note or ("approved automatically: not reviewed within 48 hours" if automatic else "approved")
    follow = (
        "waiting for the customer's return parcel" if path[-1] is S.AWAITING_RETURN else "refund requested"
    )
    # Written with the move: the refund it asks for (a refund-only case) is flagged from it.
    wanted = Move(tuple(path), actor, text, notes=(text, follow), sets={Field.AUTO_APPROVED: automatic})
    return to_wire(move(case, wanted))


def reject(case_id: str, actor: str, reason: str) -> CaseOut:
    case = reads.load(case_id)
    rejection = {"reason": reason, "at": clock.now_iso(), "by": actor}
    wanted = Move((S.REJECTED,), actor, f"rejected: {reason}", sets={Field.REJECTION: rejection})
    return to_wire(move(case, wanted))

"""Hand-offs a case waits on: a refund that could not be written or started with the case's
change, or a dispute's ticket. The change that calls for one records it on the case (the
`handoff` field and its retry deadline, transitions.py); `after` tries it at once, and the
deadline job retries it until it succeeds."""

from __future__ import annotations

from aftercare.aftersales import effects, reads
from aftercare.aftersales.moves import move
from aftercare.aftersales.state import Case, Field
from aftercare.aftersales.transitions import AFTER_SALES, REFUND, TICKET, Move
from aftercare.errors import Conflict
from aftercare.observability import logger, metrics

_RETRIES = 4


def after(case: Case) -> Case:
    """Run a hand-off the last change called for (best effort: the job retries it)."""
    if case.handoff:
        try:
            return run(case)
        except Exception:
            metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
            logger.exception(
                "case hand-off failed; the deadline job retries it", extra={"case_id": case.case_id}
            )
    return case


def run(case: Case) -> Case:
    """Do the hand-off the case waits on and record it, on the condition that it still
    waits on it (a racing run records nothing twice)."""
    for _ in range(_RETRIES):
        kind = case.handoff
        if kind == REFUND:
            refund_id = effects.request_refund(case)
            # The refund may be on the case already, its workflow's start failed: now started.
            text = f"refund {refund_id} " + ("started" if case.refund_id == refund_id else "requested")
            done = Move((), AFTER_SALES, text, refund_id=refund_id, only_if_handoff=kind)
        elif kind == TICKET:
            ticket_id = effects.open_ticket(case)
            done = Move(
                (),
                AFTER_SALES,
                f"ticket {ticket_id} opened for the dispute",
                sets={Field.DISPUTE: {**case.dispute, "ticketId": ticket_id}},
                ticket_id=ticket_id,
                only_if_handoff=kind,
            )
        else:
            return case
        try:
            return move(case, done)
        except Conflict:
            case = reads.load(case.case_id)  # moved meanwhile (the refund may have settled): look again
    return case

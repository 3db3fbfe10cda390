"""The one way a case changes: `move` plans a `Move` into a `Transition`, has the store write
it, then does what follows a written change (notify the customer, schedule the survey,
count it). What the change owes other domains (a refund written with it, a hand-off) is
handoffs.py's; `move` writes what that room returns.
"""

from __future__ import annotations

from aftercare import clock
from aftercare.aftersales import effects, handoffs, reads, store
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case
from aftercare.aftersales.transitions import Move, plan
from aftercare.errors import Conflict
from aftercare.observability import logger, metrics

S = CaseStatus
_RETRIES = 4
NOTICE = {
    S.AWAITING_RETURN: "case.approved",
    S.REJECTED: "case.rejected",
    S.CLOSED_TIMEOUT: "case.closed",
    S.RECEIVED: "case.received",
    S.INSPECTED: "case.inspected",
    S.REFUNDING: "case.refund-requested",
    S.REFUNDED: "case.refunded",
    S.EXCHANGE_SHIPPED: "case.exchange-shipped",
    S.REPAIRING: "case.repair-started",
    S.REPAIR_SHIPPED: "case.repair-shipped",
    S.COMPLETED: "case.completed",
}


def move(case: Case, wanted: Move) -> Case:
    """Apply `wanted` to `case` as read; returns the case as written. Conflict if it changed
    meanwhile (or the transition table refuses), as the store and rules raise it. A move
    into REFUNDING writes its refund in the same transaction, so both commit or neither."""
    refund = handoffs.refund_to_write(case, wanted)
    change = plan(
        case,
        wanted,
        clock.now(),
        new_refund_id=refund.refund_id if refund is not None else None,
        refund_write=refund.add_to if refund is not None else None,
    )
    written = store.apply(change)
    if refund is not None:
        written = _record(written, handoffs.start(written, refund), refund.refund_id)
    if change.breached_now:
        metrics.add_metric(name="CaseResolutionTargetBreaches", unit="Count", value=1)
    if change.moved:
        final = change.to
        metrics.add_metric(name=f"Cases{final.title().replace('_', '')}", unit="Count", value=1)
        logger.info(
            "case moved",
            extra={"case_id": case.case_id, "from": case.status, "to": final, "actor": wanted.actor},
        )
        if final in NOTICE and wanted.actor != case.customer_id:
            effects.notify(written, NOTICE[final])
        if final is S.COMPLETED:
            effects.schedule_survey(written)
    return written


def _record(case: Case, handoff: Move | None, refund_id: str) -> Case:
    if handoff is None:
        return case
    try:
        return move(case, handoff)
    except Exception:
        logger.exception(
            "could not record the refund hand-off; the refund waits for a person",
            extra={"case_id": case.case_id, "refund_id": refund_id},
        )
        return case


def after(case: Case) -> Case:
    """Run a hand-off the last change called for (best effort: the job retries it)."""
    if case.handoff:
        try:
            return run_handoff(case)
        except Exception:
            metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
            logger.exception(
                "case hand-off failed; the deadline job retries it", extra={"case_id": case.case_id}
            )
    return case


def run_handoff(case: Case) -> Case:
    """Do the hand-off the case waits on and record it; a case moved meanwhile (the refund
    may have settled) is read again."""
    for _ in range(_RETRIES):
        done = handoffs.perform(case)
        if done is None:
            return case
        try:
            return move(case, done)
        except Conflict:
            case = reads.load(case.case_id)
    return case

"""The one way a case changes: `move` plans a `Move` into a `Transition`, has the store write
it, then does what follows a written change (start the refund written with it, notify the
customer, schedule the survey, count it).

A move into REFUNDING writes its refund in the same transaction as the case, so both commit
or neither does. If the refund cannot be prepared, or its workflow not started, the case is
given a REFUND hand-off that handoffs.py tries at once and the deadline job retries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aftercare import clock
from aftercare.aftersales import effects, store
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case
from aftercare.aftersales.transitions import AFTER_SALES, REFUND, Move, needs_refund, plan
from aftercare.observability import logger, metrics

if TYPE_CHECKING:
    from aftercare.refunds.port import NewRefund

S = CaseStatus
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
    meanwhile (or the transition table refuses), as the store and rules raise it."""
    new_refund = effects.prepare_refund(case) if needs_refund(case, wanted) else None
    change = plan(
        case,
        wanted,
        clock.now(),
        new_refund_id=new_refund.refund_id if new_refund is not None else None,
        refund_write=new_refund.add_to if new_refund is not None else None,
    )
    written = store.apply(change)
    if new_refund is not None:
        written = _start_refund(written, new_refund)
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


def _start_refund(case: Case, refund: NewRefund) -> Case:
    """The refund is stored with the case: start its workflow. If that fails, the case is
    given a REFUND hand-off (a second write, on this failure only), so the deadline job
    retries the start until it succeeds."""
    try:
        refund.start()
        return case
    except Exception:
        metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
        logger.exception(
            "refund workflow not started; the deadline job retries it",
            extra={"case_id": case.case_id, "refund_id": refund.refund_id},
        )
    try:
        note = f"refund {refund.refund_id} not started yet; retried"
        return move(case, Move((), AFTER_SALES, note, handoff=REFUND))
    except Exception:
        logger.exception(
            "could not record the refund hand-off; the refund waits for a person",
            extra={"case_id": case.case_id, "refund_id": refund.refund_id},
        )
        return case

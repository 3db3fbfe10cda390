"""The one way a case changes: `move` plans a `Move` into a `Transition`, has the store write
it, then does what follows a written change (notify the customer, count it). What the change
owes other domains (a refund, a dispute's ticket, a survey) is not done here: the Cases
table's stream publishes it (publisher.py) and those domains react from their queues.
"""

from __future__ import annotations

from collections.abc import Callable

from aftercare import clock
from aftercare.aftersales import effects, reads, store
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case
from aftercare.aftersales.transitions import Move, plan
from aftercare.errors import Conflict
from aftercare.observability import logger, metrics

S = CaseStatus
ATTEMPTS = 4
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
    change = plan(case, wanted, clock.now())
    written = store.apply(change)
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
    return written


def move_latest(case_id: str, plan: Callable[[Case], Move | None]) -> tuple[Case, Move] | None:
    """Plan the move from the case as it is now and write it, planning again when another
    change won the write: reactions note a parcel, a refund or a dispute's ticket on a case
    at any time, and neither they nor a person acting on the case should fail for it.
    `plan` sees every fresh read, so it refuses (raises) when the case no longer allows the
    move. None: nothing to do. NotFound for an unknown case; the last Conflict if the case
    keeps changing."""
    for attempt in range(ATTEMPTS):
        case = reads.load(case_id)
        wanted = plan(case)
        if wanted is None:
            return None
        try:
            return move(case, wanted), wanted
        except Conflict:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")

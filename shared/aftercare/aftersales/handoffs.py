"""Hand-offs to other domains a case's change owes, and how they are done: a refund written
with the change (refunds' `prepare_refund(...).add_to(tx)`) and started after it, or a
REFUND / TICKET hand-off recorded on the case (its `handoff` field and retry deadline) when
that cannot be done now, tried at once and retried by the deadline job.

Nothing here writes the case: each function returns the `Move` that records what it did,
and moves.py writes it. This is the one room the domain events replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aftercare.aftersales import effects
from aftercare.aftersales.state import Case, Field
from aftercare.aftersales.transitions import AFTER_SALES, REFUND, TICKET, Move, needs_refund
from aftercare.observability import logger, metrics

if TYPE_CHECKING:
    from aftercare.refunds.port import NewRefund


def refund_to_write(case: Case, wanted: Move) -> NewRefund | None:
    """The refund a move into REFUNDING writes with the case (None: none is owed, or the
    refunds side cannot be asked now and the move records a REFUND hand-off instead)."""
    return effects.prepare_refund(case) if needs_refund(case, wanted) else None


def start(case: Case, refund: NewRefund) -> Move | None:
    """Start the workflow of a refund written with the case. If that fails, the Move that
    gives the case a REFUND hand-off (a second write, on this failure only), so the deadline
    job retries the start until it succeeds."""
    try:
        refund.start()
        return None
    except Exception:
        metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
        logger.exception(
            "refund workflow not started; the deadline job retries it",
            extra={"case_id": case.case_id, "refund_id": refund.refund_id},
        )
    return Move((), AFTER_SALES, f"refund {refund.refund_id} not started yet; retried", handoff=REFUND)


def perform(case: Case) -> Move | None:
    """Do the hand-off the case waits on; the Move that records it was done, on the
    condition that the case still waits on it (a racing run records nothing twice)."""
    kind = case.handoff
    if kind == REFUND:
        refund_id = effects.request_refund(case)
        # The refund may be on the case already, its workflow's start failed: now started.
        text = f"refund {refund_id} " + ("started" if case.refund_id == refund_id else "requested")
        return Move((), AFTER_SALES, text, refund_id=refund_id, only_if_handoff=kind)
    if kind == TICKET:
        ticket_id = effects.open_ticket(case)
        return Move(
            (),
            AFTER_SALES,
            f"ticket {ticket_id} opened for the dispute",
            sets={Field.DISPUTE: {**case.dispute, "ticketId": ticket_id}},
            ticket_id=ticket_id,
            only_if_handoff=kind,
        )
    return None

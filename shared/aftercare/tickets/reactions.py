"""What tickets does when other domains act.

- A parcel has a problem (exception, lost, repeated failed attempts, delay): customer
  service gets one LOGISTICS ticket per problem (logistics' ShipmentProblemsFound).
- A survey answered with a score surveys says needs recovery: one service-recovery
  COMPLAINT ticket per survey (surveys' SurveyAnswered).
- The refunds reconciliation found a mismatch with the provider's books: one REFUND
  ticket per mismatch (refunds' RefundMismatchFound).
- A customer appeals an after-sales case: the dispute's ticket is opened (CaseDisputed),
  and the supervisor's decision is added to it (CaseDisputeDecided).
"""

from __future__ import annotations

from aftercare.aftersales.events import CaseDisputed, CaseDisputeDecided
from aftercare.events import DomainEvent
from aftercare.logistics.events import ProblemFound, ShipmentProblemsFound
from aftercare.money import format_amount
from aftercare.observability import metrics
from aftercare.reacting import Reaction
from aftercare.refunds.events import RefundMismatchFound
from aftercare.surveys.events import SurveyAnswered
from aftercare.tickets import port
from aftercare.tickets.events import CASE_TICKET_SOURCE

_TITLES = {
    "EXCEPTION": "delivery exception",
    "LOST": "parcel lost",
    "REPEATED_ATTEMPT_FAIL": "repeated failed delivery attempts",
    "DELAYED": "parcel delayed",
}


def logistics_message(found: ShipmentProblemsFound, problem: ProblemFound) -> tuple[str, str]:
    """The ticket's subject and first message for one problem of a parcel."""
    title = _TITLES.get(problem.kind, problem.kind.lower().replace("_", " "))
    detail = problem.description or problem.reason
    message = (
        f"{title.capitalize()} ({problem.reason}): {detail}. "
        f"Carrier {found.carrier}, tracking {found.tracking_number}, status {found.status}."
    )
    if problem.proposal == "RESHIP_OR_REFUND":
        message += " Offer the customer a reshipment or a refund."
    return f"Parcel {found.tracking_number}: {title}", message


def open_logistics_tickets(event: DomainEvent) -> None:
    """One ticket per problem id, however often this runs: open_or_update_for is idempotent
    on (source, source id) and keeps the same message once."""
    found: ShipmentProblemsFound = event.read(ShipmentProblemsFound)
    for problem in found.found():
        subject, message = logistics_message(found, problem)
        port.open_or_update_for(
            source="logistics",
            source_id=problem.problem_id,
            customer_id=found.customer_id,
            subject=subject,
            message=message,
            category="LOGISTICS",
            order_id=found.order_id,
            case_id=found.case_id,
        )


def open_recovery_ticket(event: DomainEvent) -> None:
    """One ticket per survey (source "survey", the survey's id), however often this runs."""
    answered: SurveyAnswered = event.read(SurveyAnswered)
    if not answered.needs_recovery:
        return
    csat = answered.csat
    port.open_or_update_for(
        source="survey",
        source_id=answered.survey_id,
        customer_id=answered.customer_id,
        subject=f"Service recovery: CSAT {csat}/5 after {answered.subject_kind} {answered.subject_id}",
        message=answered.comment or f"The customer rated our service {csat}/5 without a comment.",
        category="COMPLAINT",
        order_id=answered.order_id or None,
        case_id=answered.case_id or None,
    )
    metrics.add_metric(name="SurveyRecoveryTickets", unit="Count", value=1)


RECONCILIATION = "refund-reconciliation"  # the source of a mismatch's ticket
_MISMATCH_SUBJECTS = {
    "missing": "Refund recorded as paid, but the payment provider has no such refund",
    "extra": "The payment provider paid a refund Aftercare did not record",
    "different-amount": "Refund amount differs between Aftercare and the payment provider",
}


def mismatch_message(found: RefundMismatchFound) -> tuple[str, str]:
    """The ticket's subject and first message for one reconciliation mismatch."""

    def money(amount: int | None) -> str:
        return "none" if amount is None else format_amount(amount, found.currency)

    message = (
        f"Reconciliation of {found.day}: {found.kind}. Refund {found.refund_id or '(not ours)'}, "
        f"provider reference {found.reference or '(none)'}; Aftercare {money(found.ours)}, "
        f"provider {money(found.theirs)}."
    )
    subject = _MISMATCH_SUBJECTS.get(found.kind, f"Refund reconciliation: {found.kind}")
    return subject, message


def open_mismatch_ticket(event: DomainEvent) -> None:
    """One ticket per (day, refund): the same source id the job used when it opened them itself."""
    found: RefundMismatchFound = event.read(RefundMismatchFound)
    subject, message = mismatch_message(found)
    port.open_or_update_for(
        source=RECONCILIATION,
        source_id=f"{found.day}:{found.refund_id or found.reference}",
        customer_id=found.customer_id or "merchant",
        subject=subject,
        message=message,
        category="REFUND",
        order_id=found.order_id or None,
    )


AFTER_SALES = CASE_TICKET_SOURCE  # one ticket per case


def dispute_ticket(disputed: CaseDisputed) -> dict[str, str]:
    """The subject, first message and category of a disputed case's ticket."""
    rejected = disputed.origin == "REJECTED"
    what = "the rejection" if rejected else "the failed inspection"
    return {
        "subject": f"Appeal against {what} of after-sales case {disputed.case_id}",
        "message": disputed.reason or "the customer appealed",
        "category": "COMPLAINT" if rejected else "RETURN",
    }


def open_dispute_ticket(event: DomainEvent) -> None:
    """One ticket per case: open_or_update_for is idempotent on (source, source id)."""
    disputed: CaseDisputed = event.read(CaseDisputed)
    port.open_or_update_for(
        source=AFTER_SALES,
        source_id=disputed.case_id,
        customer_id=disputed.customer_id,
        order_id=disputed.order_id,
        case_id=disputed.case_id,
        **dispute_ticket(disputed),
    )


def note_dispute_decision(event: DomainEvent) -> None:
    """The decision goes on the case's ticket (opened now if its CaseDisputed is late)."""
    decided: CaseDisputeDecided = event.read(CaseDisputeDecided)
    port.open_or_update_for(
        source=AFTER_SALES,
        source_id=decided.case_id,
        customer_id=decided.customer_id,
        subject=f"Appeal on after-sales case {decided.case_id}",
        message=f"Decision {decided.decision}: {decided.note}",
        category="RETURN",
        order_id=decided.order_id,
        case_id=decided.case_id,
    )


REACTIONS: dict[str, Reaction] = {
    ShipmentProblemsFound.TYPE: open_logistics_tickets,
    SurveyAnswered.TYPE: open_recovery_ticket,
    RefundMismatchFound.TYPE: open_mismatch_ticket,
    CaseDisputed.TYPE: open_dispute_ticket,
    CaseDisputeDecided.TYPE: note_dispute_decision,
}

"""Settling what the workflow alone cannot: the provider's asynchronous word on a pay-out,
and staff settling a refund in MANUAL_REVIEW — retry the pay-out, record that it was
refunded outside Aftercare, or reject it and release its reservation.

Money moves at most once: before anything new is paid or rejected the provider is asked how
the last pay-out went (a success is recorded, a pending one refused), and a retry pays
under a new idempotency key only then. Every settlement is a timeline entry with its actor.
"""

from __future__ import annotations

from typing import Literal

from aftercare import clock
from aftercare.auth import SUPERVISOR, Principal, require_role
from aftercare.errors import BusinessRuleViolation, Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.payments.provider import (
    PermanentPaymentError,
    ProviderRefund,
    TransientPaymentError,
    provider,
)
from aftercare.refunds import ledger, service, store
from aftercare.refunds.models import RefundOut
from aftercare.refunds.rules import RefundStatus
from aftercare.refunds.store import RefundModel

S = RefundStatus
Outcome = Literal["SUCCEEDED", "FAILED"]
Told = Literal["noted", "recorded", "failed", "already-recorded", "held-for-review", "unknown-refund"]


def refund_of_key(idempotency_key: str) -> str:
    """Our refund id from a pay-out's idempotency key (`rf_...` or a retry's `rf_....<n>`)."""
    return idempotency_key.partition(".")[0]


def _tell_customer(refund: RefundModel, status: RefundStatus) -> None:
    # The same id the workflow's Notify step would use: the customer hears once.
    data = {"refundId": refund.refundId, "orderId": refund.orderId, "amount": int(refund.amount),
            "currency": refund.currency}  # fmt: skip
    notifications.send_once(
        f"ntf_{refund.refundId}_{status}", refund.customerId, f"refund.{str(status).lower()}", data
    )


def _alert(refund: RefundModel, what: str) -> None:
    logger.warning(what, extra={"refund_id": refund.refundId})
    notifications.send(
        "role:supervisor", "refund.manual-review", {"refundId": refund.refundId, "cause": what}
    )


def _paid(refund: RefundModel, reference: str, *, actor: str, note: str, outcome: str = "SUCCEEDED") -> None:
    """The money went back (confirmed late, or outside Aftercare): hold the reservation again
    if it was released, settle it, and record the refund as succeeded."""
    if not ledger.reserve_again(service.balance_of(refund.orderId), refund.refundId):
        raise BusinessRuleViolation("the order no longer has this refund's amount or units to give")
    ledger.settle(refund.orderId, refund.refundId, int(refund.amount))
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status,
        to_status=S.SUCCEEDED,
        actor=actor,
        at=at,
        step_entry=store.step(at, "Record", "succeeded", f"{note}: {reference}"),
        note=note,
        # OUTSIDE: paid by other means, so reconciliation does not look for it at the provider.
        actions=[RefundModel.providerReference.set(reference), RefundModel.providerOutcome.set(outcome)],
    )
    metrics.add_metric(name="RefundsSucceeded", unit="Count", value=1)
    metrics.add_metric(name="RefundedMinorUnits", unit="Count", value=int(refund.amount))
    _tell_customer(refund, S.SUCCEEDED)


# ---------------------------------------------------------------- provider notifications
def provider_outcome(idempotency_key: str, outcome: Outcome, reference: str, *, actor: str) -> Told:
    """A provider notification says how a pay-out ended. While the workflow waits, the
    outcome is noted for its next status check; after the workflow handed the refund to
    people, a success is recorded and a failure releases the reservation."""
    refund = store.get(refund_of_key(idempotency_key))
    if refund is None:
        logger.warning("a provider notification names no refund of ours", extra={"key": idempotency_key})
        return "unknown-refund"
    at = clock.now_iso()
    if refund.status == S.PROCESSING:
        store.change(
            refund,
            expected_status=S.PROCESSING,
            to_status=S.PROCESSING,
            actor=actor,
            at=at,
            step_entry=store.step(at, "ProviderNotice", outcome.lower(), reference),
            actions=[RefundModel.providerOutcome.set(outcome), RefundModel.providerReference.set(reference)],
        )
        return "noted"
    if refund.status == S.MANUAL_REVIEW and outcome == "SUCCEEDED":
        try:
            _paid(refund, reference, actor=actor, note="the provider confirmed the pay-out")
        except BusinessRuleViolation as refused:
            # Released and given to another refund meanwhile: the provider paid more than the
            # order has left. Acknowledged (the provider would redeliver forever), for people.
            _alert(refund, f"the provider paid {reference}, but {refused.detail}")
            return "held-for-review"
        return "recorded"
    if refund.status == S.MANUAL_REVIEW:
        released = ledger.release(service.balance_of(refund.orderId), refund.refundId)
        store.change(
            refund,
            expected_status=S.MANUAL_REVIEW,
            to_status=S.MANUAL_REVIEW,
            actor=actor,
            at=at,
            step_entry=store.step(at, "ProviderNotice", "failed", "released" if released else reference),
            actions=[RefundModel.providerOutcome.set("FAILED")],
        )
        return "failed"
    if refund.status == S.SUCCEEDED and outcome == "SUCCEEDED":
        return "already-recorded"
    # Paid after we rejected it, or failed after it was recorded: the ledger and the
    # provider disagree, and only people can decide who is right.
    _alert(refund, f"the provider reports {outcome} for a refund that is {refund.status}")
    return "held-for-review"


# ---------------------------------------------------------------- staff settle a manual review
def _in_review(principal: Principal, refund_id: str) -> RefundModel:
    require_role(principal, SUPERVISOR)
    refund = store.get(refund_id)
    if refund is None:
        raise NotFound("refund not found")
    if refund.status != S.MANUAL_REVIEW:
        raise Conflict(f"the refund is {refund.status}, not in manual review")
    return refund


def _last_payout(refund: RefundModel) -> ProviderRefund | None:
    """What the provider says about the last pay-out, None if it never made one."""
    try:
        return provider().status(
            idempotency_key=refund.payoutKey or refund.refundId,
            reference=refund.providerReference,
            payment_reference=service.payment_reference(refund),
        )
    except PermanentPaymentError:
        return None
    except TransientPaymentError as error:
        raise Conflict(f"the payment provider did not answer; try again ({error})") from error


def retry_payout(principal: Principal, refund_id: str, note: str | None) -> RefundOut:
    refund = _in_review(principal, refund_id)
    last = _last_payout(refund)
    if last is not None and last.status == "SUCCEEDED":
        _paid(refund, last.reference, actor=principal.sub, note="the provider had paid it")
        return service.to_wire(service._load(refund_id))
    if last is not None and last.status == "PENDING":
        raise Conflict("the provider is still processing the last pay-out; wait for its outcome")
    if not ledger.reserve_again(service.balance_of(refund.orderId), refund_id):
        raise BusinessRuleViolation("the order no longer has this refund's amount or units to give")
    attempt = 1 + sum(1 for entry in refund.steps if entry.step == "Retry")
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=S.MANUAL_REVIEW,
        to_status=S.PROCESSING,
        actor=principal.sub,
        at=at,
        step_entry=store.step(at, "Retry", "requested", note),
        note=note or "pay-out retried",
        # A new idempotency key: the provider answers a used one with its first (failed) result.
        actions=[
            RefundModel.payoutKey.set(f"{refund_id}.{attempt}"),
            RefundModel.providerOutcome.remove(),
            RefundModel.providerReference.remove(),
            RefundModel.payoutPolls.set(0),
        ],
    )
    service._start(refund_id, resume="PayOut", name=f"{refund_id}-retry-{attempt}")
    return service.to_wire(service._load(refund_id))


def refunded_outside(principal: Principal, refund_id: str, reference: str, note: str | None) -> RefundOut:
    refund = _in_review(principal, refund_id)
    last = _last_payout(refund)
    if last is not None and last.status != "FAILED":
        raise Conflict(
            f"the provider has this refund {last.status} ({last.reference}); it was not refunded outside"
        )
    _paid(
        refund,
        reference,
        actor=principal.sub,
        note=f"refunded outside Aftercare{': ' + note if note else ''}",
    )
    return service.to_wire(service._load(refund_id))


def reject(principal: Principal, refund_id: str, note: str | None) -> RefundOut:
    refund = _in_review(principal, refund_id)
    last = _last_payout(refund)
    if last is not None and last.status == "SUCCEEDED":
        raise Conflict(f"the provider paid this refund ({last.reference}); retry-payout records it")
    if last is not None and last.status == "PENDING":
        raise Conflict("the provider is still processing the last pay-out; wait for its outcome")
    ledger.release(service.balance_of(refund.orderId), refund_id)
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=S.MANUAL_REVIEW,
        to_status=S.REJECTED,
        actor=principal.sub,
        at=at,
        step_entry=store.step(at, "Reject", "rejected", note),
        note=note,
    )
    _tell_customer(refund, S.REJECTED)
    return service.to_wire(service._load(refund_id))


def reject_or_decline(principal: Principal, refund_id: str, note: str | None) -> RefundOut:
    """`POST .../reject`: declines an approval, or (a supervisor) rejects a manual review."""
    refund = store.get(refund_id)
    if refund is not None and refund.status == S.MANUAL_REVIEW:
        return reject(principal, refund_id, note)
    return service.decide(principal, refund_id, approve=False, note=note)

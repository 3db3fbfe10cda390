"""Refund use cases: the port's request, each step of the workflow, staff decisions, reads.

The workflow (infra/statemachines/refund.asl.json) calls one function per step; each
step is idempotent, because Step Functions retries tasks and a step may run twice.
"""

from __future__ import annotations

import json
from typing import Any

from aftercare import clock, ids
from aftercare.auth import Principal, require_owner_or_staff
from aftercare.aws import client
from aftercare.errors import BusinessRuleViolation, Conflict, NotFound
from aftercare.money import major_to_minor
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.payments.provider import PermanentPaymentError, provider
from aftercare.refunds import failures, ledger, rules, store
from aftercare.refunds.failures import REASONS, FailureKind
from aftercare.refunds.ledger import Balance
from aftercare.refunds.models import RefundItem, RefundOut, RefundStep
from aftercare.refunds.rules import RefundStatus
from aftercare.refunds.store import RefundModel
from aftercare.settings import get_settings
from aftercare.wire import Page, TimelineEntry

S = RefundStatus
WORKFLOW = "refund-workflow"
_RESERVE_ATTEMPTS = 5


# ---------------------------------------------------------------- reads
def _step_out(entry: Any, *, language: str, staff: bool) -> RefundStep:
    failure = FailureKind(entry.failure) if entry.failure else None
    return RefundStep(
        at=entry.at,
        step=entry.step,
        outcome=entry.outcome,
        note=REASONS[failure].get(language, REASONS[failure]["en"]) if failure else entry.note,
        cause=entry.cause if staff else None,
    )


def to_wire(refund: RefundModel, *, language: str = "en", staff: bool = True) -> RefundOut:
    """The refund as the caller sees it: customers read each failed step's plain reason in
    their language; only staff see its technical cause."""
    return RefundOut(
        refund_id=refund.refundId,
        order_id=refund.orderId,
        customer_id=refund.customerId,
        case_id=refund.caseId,
        source=refund.source,
        source_id=refund.sourceId,
        amount=int(refund.amount),
        currency=refund.currency,
        reason=refund.reason,
        status=RefundStatus(refund.status),
        items=[RefundItem(sku=i["sku"], quantity=int(i["quantity"])) for i in refund.items]
        if refund.items is not None
        else None,
        shipping_included=int(refund.shippingIncluded or 0),
        merchant_fault=bool(refund.merchantFault),
        flagged=bool(refund.flagged),
        escalated=bool(refund.escalated),
        steps=[_step_out(s, language=language, staff=staff) for s in refund.steps],
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in refund.timeline
        ],
        created_at=refund.createdAt,
        updated_at=refund.updatedAt,
    )


def _load(refund_id: str) -> RefundModel:
    refund = store.get(refund_id)
    if refund is None:
        raise NotFound("refund not found")
    return refund


def get_for(principal: Principal, refund_id: str, *, language: str = "en") -> RefundOut:
    refund = _load(refund_id)
    require_owner_or_staff(principal, refund.customerId, "refund")
    return to_wire(refund, language=language, staff=principal.is_staff)


def list_for_order(principal: Principal, order_id: str, *, language: str = "en") -> list[RefundOut]:
    """404 unless the caller may see the order: its owner is the one whose payment refunds
    recorded. Before that no refund of it can exist, so every caller gets the same empty
    list (which tells nobody whether the order exists)."""
    balance = ledger.get(order_id)
    refunds = store.list_for_order(order_id) if balance is not None else []
    if balance is not None:
        require_owner_or_staff(principal, balance.customer_id, "order")
    return [to_wire(refund, language=language, staff=principal.is_staff) for refund in refunds]


class PaymentNotRecorded(Conflict):
    """Refunds learns of a payment from `OrderPaid`, a moment after the order is paid: a
    refund asked for before that is refused for now. The caller retries (a reaction by its
    queue's redelivery, a case by its hand-off, a person after a moment)."""

    def __init__(self) -> None:
        super().__init__("the order's payment is not recorded with refunds yet; retry in a moment")


def balance_of(order_id: str) -> Balance:
    """The order's ledger; a refund exists only for an order whose payment refunds recorded."""
    balance = ledger.get(order_id)
    if balance is None:
        raise PaymentNotRecorded()
    return balance


def queue(
    principal: Principal, status: RefundStatus, limit: int | None, cursor: str | None
) -> Page[RefundOut]:
    scope = f"refunds:status:{status}"
    rows, last = store.list_by_status(
        status, limit=clamp_limit(limit), start_key=decode_cursor(cursor, owner=principal.sub, scope=scope)
    )
    return Page[RefundOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


# ---------------------------------------------------------------- the port
def _new_refund(
    *,
    source: str,
    source_id: str,
    order_id: str,
    customer_id: str,
    items: list[tuple[str, int]] | None,
    reason: str,
    merchant_fault: bool,
    flagged: bool,
) -> RefundModel:
    balance = balance_of(order_id)
    now = clock.now_iso()
    return RefundModel(
        refundId=ids.new_id("rf"),
        orderId=order_id,
        customerId=customer_id,
        caseId=source_id if source == "case" else None,
        source=source,
        sourceId=source_id,
        amount=0,
        currency=balance.currency,
        reason=reason,
        status=S.REQUESTED,
        items=[{"sku": sku, "quantity": quantity} for sku, quantity in items] if items is not None else None,
        merchantFault=merchant_fault,
        flagged=flagged,
        steps=[store.step(now, "Request", "recorded", f"{source} {source_id}")],
        timeline=[
            store.TimelineAttribute(at=now, from_status=None, to=S.REQUESTED, actor=source, note=reason)
        ],
        createdAt=now,
        updatedAt=now,
    )


def request(
    *,
    source: str,
    source_id: str,
    order_id: str,
    customer_id: str,
    items: list[tuple[str, int]] | None,
    reason: str,
    merchant_fault: bool = False,
    flagged: bool = False,
) -> str:
    """Record the refund and start its workflow; returns the refund id. `source` is
    "order", "case" or "logistics", `source_id` the order, case or problem id: a second
    request for the same source returns the first refund's id and starts nothing new.
    `items` are (sku, quantity) pairs; None refunds everything not yet refunded, shipping
    included. Refunds' reactions call this; nothing outside refunds does."""
    existing = store.claimed_refund(source, source_id)
    if existing:
        _start(existing)  # a retried request also retries a start that may have failed
        return existing
    refund = _new_refund(
        source=source, source_id=source_id, order_id=order_id, customer_id=customer_id, items=items,
        reason=reason, merchant_fault=merchant_fault, flagged=flagged,
    )  # fmt: skip
    try:
        store.create(refund)
    except Conflict:
        winner = store.claimed_refund(source, source_id)
        if winner is None:
            raise
        return winner
    _started(refund.refundId)
    return refund.refundId


def _started(refund_id: str) -> None:
    """A new refund is stored: start its workflow."""
    _start(refund_id)
    metrics.add_metric(name="RefundsRequested", unit="Count", value=1)


def _start(refund_id: str, *, resume: str | None = None, name: str | None = None) -> None:
    """Execution name = refund id: Step Functions refuses a second execution of it. A staff
    retry from manual review resumes at the pay-out, as an execution of its own name."""
    settings = get_settings()
    timing = {
        "approvalTimeoutSeconds": settings.refund_approval_timeout_seconds,
        "escalationTimeoutSeconds": settings.refund_escalation_timeout_seconds,
        "providerPollSeconds": settings.refund_provider_poll_seconds,
    }
    payload: dict[str, Any] = {"refundId": refund_id, "timing": timing}
    if resume:
        payload["resume"] = resume
    try:
        client("stepfunctions").start_execution(
            stateMachineArn=settings.refund_state_machine_arn,
            name=name or refund_id,
            input=json.dumps(payload),
        )
    except client("stepfunctions").exceptions.ExecutionAlreadyExists:
        logger.info("refund workflow already started", extra={"refund_id": refund_id})


# ---------------------------------------------------------------- workflow steps
def _threshold(currency: str) -> int:
    return major_to_minor(get_settings().refund_approval_threshold, currency)


def reserve(refund_id: str) -> dict[str, Any]:
    refund = _load(refund_id)
    if refund.status != S.REQUESTED:  # a retried step: report what it decided the first time
        return _reserve_outcome(refund)
    for _ in range(_RESERVE_ATTEMPTS):
        balance = balance_of(refund.orderId)
        already = balance.units
        try:
            quote = rules.quote(
                list(balance.lines),
                discount=balance.discount,
                shipping_fee=balance.shipping_fee,
                already=already,
                wanted={i["sku"]: int(i["quantity"]) for i in refund.items}
                if refund.items is not None
                else None,
                shipping_refunded=balance.shipping_refunded,
                merchant_fault=bool(refund.merchantFault),
            )
        except BusinessRuleViolation as refused:
            return _refuse(refund, refused.detail)
        if quote.amount <= 0 or quote.amount > balance.refundable:
            return _refuse(refund, f"nothing left to refund ({balance.refundable} refundable)")
        if ledger.reserve(
            balance.order_id,
            refund_id,
            amount=quote.amount,
            units=quote.units,
            already=already,
            shipping=quote.shipping,
        ):
            store.change(
                refund,
                expected_status=S.REQUESTED,
                to_status=S.RESERVED,
                actor=WORKFLOW,
                at=clock.now_iso(),
                step_entry=store.step(clock.now_iso(), "Reserve", "reserved", str(quote.amount)),
                actions=[
                    RefundModel.amount.set(quote.amount),
                    RefundModel.shippingIncluded.set(quote.shipping),
                ],
            )
            return _reserve_outcome(refund)
        # Another refund of this order reserved meanwhile: quote again from what is left.
    raise Conflict("the order kept changing while reserving; the step will be retried")


def _reserve_outcome(refund: RefundModel) -> dict[str, Any]:
    if refund.status == S.REJECTED:
        return {"refundId": refund.refundId, "outcome": "REJECTED"}
    amount = int(refund.amount)
    return {
        "refundId": refund.refundId,
        "outcome": "RESERVED",
        "amount": amount,
        "needsApproval": rules.needs_approval(
            amount, threshold=_threshold(refund.currency), flagged=bool(refund.flagged)
        ),
    }


def _refuse(refund: RefundModel, why: str) -> dict[str, Any]:
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status,
        to_status=S.REJECTED,
        actor=WORKFLOW,
        at=at,
        step_entry=store.step(at, "Reserve", "refused", why),
        note=why,
    )
    return {"refundId": refund.refundId, "outcome": "REJECTED"}


def await_approval(refund_id: str, task_token: str, *, escalated: bool) -> None:
    refund = _load(refund_id)
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status if refund.status == S.AWAITING_APPROVAL else S.RESERVED,
        to_status=S.AWAITING_APPROVAL,
        actor=WORKFLOW,
        at=at,
        step_entry=store.step(at, "Escalate" if escalated else "Approval", "waiting"),
        actions=[RefundModel.taskToken.set(task_token), RefundModel.escalated.set(escalated)],
    )
    who = "supervisor" if escalated else "agent"
    notifications.send(
        f"role:{who}",
        "refund.approval-needed",
        {
            "refundId": refund_id,
            "orderId": refund.orderId,
            "amount": int(refund.amount),
            "escalated": escalated,
        },
    )


def decide(principal: Principal, refund_id: str, *, approve: bool, note: str | None) -> RefundOut:
    """A staff decision answers the workflow's stored task token, exactly once."""
    refund = _load(refund_id)
    if refund.status != S.AWAITING_APPROVAL or not refund.taskToken:
        raise Conflict(f"the refund is {refund.status}, not awaiting approval")
    if refund.escalated and "supervisor" not in principal.roles:
        raise Conflict("this approval was escalated: a supervisor decides")
    token = refund.taskToken
    at = clock.now_iso()
    decision = "APPROVED" if approve else "REJECTED"
    store.change(
        refund,
        expected_status=S.AWAITING_APPROVAL,
        to_status=S.AWAITING_APPROVAL,
        actor=principal.sub,
        at=at,
        step_entry=store.step(at, "Approval", decision.lower(), note),
        actions=[RefundModel.taskToken.remove()],
        condition=RefundModel.taskToken == token,
    )
    client("stepfunctions").send_task_success(
        taskToken=token, output=json.dumps({"decision": decision, "by": principal.sub, "note": note})
    )
    return to_wire(_load(refund_id))


def payment_reference(refund: RefundModel) -> str:
    """The provider's id of the payment this refund gives back (its transaction id, which
    `OrderPaid` told refunds)."""
    return balance_of(refund.orderId).payment_reference


def pay_out(refund_id: str) -> dict[str, Any]:
    refund = _load(refund_id)
    if refund.status in {S.RESERVED, S.AWAITING_APPROVAL}:
        at = clock.now_iso()
        store.change(
            refund,
            expected_status=refund.status,
            to_status=S.PROCESSING,
            actor=WORKFLOW,
            at=at,
            step_entry=store.step(at, "PayOut", "started"),
        )
    elif refund.status != S.PROCESSING:
        raise Conflict(f"a refund in {refund.status} cannot be paid out")
    key = refund.payoutKey or refund_id
    result = provider().refund(
        idempotency_key=key,
        order_id=refund.orderId,
        payment_reference=payment_reference(refund),
        amount=int(refund.amount),
        currency=refund.currency,
    )
    if result.status == "PENDING":
        at = clock.now_iso()
        store.change(
            refund,
            expected_status=S.PROCESSING,
            to_status=S.PROCESSING,
            actor=WORKFLOW,
            at=at,
            step_entry=store.step(at, "PayOut", "pending at the provider", result.reference),
            actions=[
                RefundModel.providerReference.set(result.reference),
                RefundModel.payoutPolls.set(0),
            ],
        )
    return {
        "refundId": refund_id,
        "payout": result.status,
        "reference": result.reference,
        "waitSeconds": get_settings().refund_provider_poll_seconds,
        "exhausted": False,
    }


def poll_wait_seconds(polls: int, *, base: int, cap: int) -> int:
    """Exponential backoff between status polls: base, 2 base, 4 base ... at most cap."""
    return int(min(base * 2 ** min(polls, 30), cap))


def check_payout(refund_id: str) -> dict[str, Any]:
    """How a pending pay-out went: the outcome a provider notification recorded, else the
    provider's answer to a status query. A failure raises (the workflow compensates); a
    pay-out still pending after the last poll is `exhausted` (the workflow hands it to
    people with the reservation still held, since the money may yet move)."""
    refund = _load(refund_id)
    if refund.providerOutcome:
        status, reference = refund.providerOutcome, refund.providerReference or ""
    else:
        result = provider().status(
            idempotency_key=refund.payoutKey or refund_id,
            reference=refund.providerReference,
            payment_reference=payment_reference(refund),
        )
        status, reference = result.status, result.reference
    if status == "FAILED":
        raise PermanentPaymentError(f"the provider reports refund {reference} failed")
    settings = get_settings()
    polls = store.count_poll(refund) if status == "PENDING" else int(refund.payoutPolls or 0)
    return {
        "refundId": refund_id,
        "payout": status,
        "reference": reference,
        "waitSeconds": poll_wait_seconds(
            polls, base=settings.refund_provider_poll_seconds, cap=settings.refund_provider_max_poll_seconds
        ),
        "exhausted": polls >= settings.refund_provider_max_polls,
    }


def record(refund_id: str, reference: str) -> dict[str, Any]:
    refund = _load(refund_id)
    if refund.status == S.SUCCEEDED:
        return _notice(refund)
    ledger.settle(refund.orderId, refund_id, int(refund.amount))
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status,
        to_status=S.SUCCEEDED,
        actor=WORKFLOW,
        at=at,
        step_entry=store.step(at, "Record", "succeeded", reference),
        actions=[RefundModel.providerReference.set(reference)],
    )
    metrics.add_metric(name="RefundsSucceeded", unit="Count", value=1)
    metrics.add_metric(name="RefundedMinorUnits", unit="Count", value=int(refund.amount))
    return _notice(refund)


def _notice(refund: RefundModel) -> dict[str, Any]:
    """What the workflow's Notify step puts on the notifications queue."""
    return {
        "notificationId": f"ntf_{refund.refundId}_{refund.status}",
        "recipientId": refund.customerId,
        "kind": f"refund.{str(refund.status).lower()}",
        "data": {"refundId": refund.refundId, "orderId": refund.orderId, "amount": int(refund.amount),
                 "currency": refund.currency},
        "requestedAt": clock.now_iso(),
    }  # fmt: skip


def compensate(refund_id: str, cause: str) -> None:
    failure = failures.explain(cause)
    logger.warning("refund pay-out failed", extra={"refundId": refund_id, "cause": cause})
    refund = _load(refund_id)
    released = ledger.release(balance_of(refund.orderId), refund_id)
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status,
        to_status=refund.status,
        actor=WORKFLOW,
        at=at,
        step_entry=store.step(
            at, "Compensate", "released" if released else "nothing reserved", failure=failure
        ),
    )


def manual_review(refund_id: str, cause: str) -> dict[str, Any]:
    failure = failures.explain(cause)
    refund = _load(refund_id)
    if refund.status != S.MANUAL_REVIEW:
        at = clock.now_iso()
        store.change(
            refund,
            expected_status=refund.status,
            to_status=S.MANUAL_REVIEW,
            actor=WORKFLOW,
            at=at,
            step_entry=store.step(at, "ManualReview", "handed over", failure=failure),
            note=f"handed to staff ({failure.kind.lower()})",
        )
        logger.warning("refund handed to manual review", extra={"refundId": refund_id, "cause": cause})
        metrics.add_metric(name="RefundsToManualReview", unit="Count", value=1)
        notifications.send(
            "role:supervisor", "refund.manual-review", {"refundId": refund_id, "cause": failure.technical}
        )
    return _notice(_load(refund_id))


def reject(refund_id: str, note: str | None) -> dict[str, Any]:
    refund = _load(refund_id)
    if refund.status == S.REJECTED:
        return _notice(refund)
    ledger.release(balance_of(refund.orderId), refund_id)
    at = clock.now_iso()
    store.change(
        refund,
        expected_status=refund.status,
        to_status=S.REJECTED,
        actor=WORKFLOW,
        at=at,
        step_entry=store.step(at, "Reject", "rejected", note),
        note=note,
    )
    return _notice(_load(refund_id))

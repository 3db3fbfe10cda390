"""Refunds HTTP API: the customer's view and the staff approval queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.auth import AGENT, STAFF_ROLES, SUPERVISOR
from aftercare.http import allow, create_app, current_principal, http_handler, once
from aftercare.pagination import CURSOR_PATTERN
from aftercare.refunds import service, settlement
from aftercare.refunds.failures import language_of
from aftercare.refunds.models import DecisionRequest, RefundedOutsideRequest, RefundOut
from aftercare.refunds.rules import RefundStatus
from aftercare.settings import load
from aftercare.wire import Page, WireModel


@dataclass(frozen=True)
class RefundsApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cursor_secret_id: str
    idempotency_table: str
    notifications_queue_url: str
    refund_state_machine_arn: str
    refunds_table: str


SETTINGS = load(RefundsApiSettings)

app = create_app()


class RefundList(WireModel):
    items: list[RefundOut]


@app.get("/v1/refunds/<refundId>", tags=["refunds"], summary="A refund: status, amount, steps")
def get_refund(refundId: str) -> RefundOut:
    return service.get_for(current_principal(app), refundId, language=_language())


@app.get("/v1/orders/<orderId>/refunds", tags=["refunds"], summary="The refunds of an order")
def order_refunds(orderId: str) -> RefundList:
    return RefundList(items=service.list_for_order(current_principal(app), orderId, language=_language()))


def _language() -> str:
    return language_of(app.current_event.headers.get("accept-language"))


@app.get(
    "/v1/admin/refunds", tags=["staff: refunds"], summary="Refunds awaiting approval or in manual review"
)
@allow(*STAFF_ROLES)
def refund_queue(
    status: Annotated[RefundStatus, Query()] = RefundStatus.AWAITING_APPROVAL,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[RefundOut]:
    principal = current_principal(app)
    return service.queue(principal, status, limit, cursor)


@app.post(
    "/v1/admin/refunds/<refundId>/approve", tags=["staff: refunds"], summary="Approve (answers the workflow)"
)
@allow(AGENT, SUPERVISOR)
def approve(refundId: str, body: DecisionRequest | None = None) -> RefundOut:
    principal = current_principal(app)
    note = body.note if body else None
    return once(
        app, principal, "approve-refund", lambda: service.decide(principal, refundId, approve=True, note=note)
    )


@app.post(
    "/v1/admin/refunds/<refundId>/reject", tags=["staff: refunds"], summary="Reject (answers the workflow)"
)
@allow(AGENT, SUPERVISOR)
def reject(refundId: str, body: DecisionRequest | None = None) -> RefundOut:
    principal = current_principal(app)
    note = body.note if body else None
    # An approval answers the workflow; a refund in manual review is settled by a supervisor.
    return once(
        app, principal, "reject-refund", lambda: settlement.reject_or_decline(principal, refundId, note)
    )


@app.post(
    "/v1/admin/refunds/<refundId>/retry-payout",
    tags=["staff: refunds"],
    summary="Manual review: pay out again (asks the provider first; a supervisor)",
)
@allow(SUPERVISOR)
def retry_payout(refundId: str, body: DecisionRequest | None = None) -> RefundOut:
    principal = current_principal(app)
    note = body.note if body else None
    return once(app, principal, "retry-refund", lambda: settlement.retry_payout(principal, refundId, note))


@app.post(
    "/v1/admin/refunds/<refundId>/refunded-outside",
    tags=["staff: refunds"],
    summary="Manual review: record a refund paid outside Aftercare, with its reference (a supervisor)",
)
@allow(SUPERVISOR)
def refunded_outside(refundId: str, body: RefundedOutsideRequest) -> RefundOut:
    principal = current_principal(app)
    return once(
        app,
        principal,
        "refund-outside",
        lambda: settlement.refunded_outside(principal, refundId, body.reference, body.note),
    )


lambda_handler = http_handler(app)

"""The refund workflow's steps (infra/statemachines/refund.asl.json): one handler each.

A step's exception becomes the Lambda error type Step Functions matches in Retry/Catch
(`TransientPaymentError` is retried with backoff; anything else is compensated)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.handlers import task_handler
from aftercare.refunds import service
from aftercare.settings import load


@dataclass(frozen=True)
class RefundWorkflowSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    notifications_queue_url: str
    refunds_table: str


SETTINGS = load(RefundWorkflowSettings)

REFUND_ID = "refundId"


@task_handler(REFUND_ID)
def reserve(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.reserve(event[REFUND_ID])


@task_handler(REFUND_ID)
def await_approval(event: dict[str, Any], context: Any) -> None:
    service.await_approval(event[REFUND_ID], event["taskToken"], escalated=bool(event.get("escalated")))


@task_handler(REFUND_ID)
def pay_out(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.pay_out(event[REFUND_ID])


@task_handler(REFUND_ID)
def check_payout(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.check_payout(event[REFUND_ID])


@task_handler(REFUND_ID)
def compensate(event: dict[str, Any], context: Any) -> None:
    service.compensate(event[REFUND_ID], str(event.get("cause") or "payout failed"))


@task_handler(REFUND_ID)
def manual_review(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.manual_review(event[REFUND_ID], str(event.get("cause") or "unknown"))


@task_handler(REFUND_ID)
def reject(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.reject(event[REFUND_ID], event.get("note"))


@task_handler(REFUND_ID)
def record(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.record(event[REFUND_ID], str(event["reference"]))

"""Scheduled (EventBridge): sends the surveys that fell due, in each customer's daytime,
and expires those unanswered 7 days after sending."""

from __future__ import annotations

from typing import Any

from aftercare.handlers import task_handler
from aftercare.surveys import service


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return service.dispatch_due().as_dict()

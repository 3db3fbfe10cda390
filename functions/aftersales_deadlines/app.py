"""Scheduled (EventBridge, every 5 minutes): enforces the after-sales deadlines of
PRODUCT.md §4 on every case whose next deadline has passed: auto-approve, close without a
return, auto-pass inspection, auto-complete, count missed resolution targets, and retry
hand-offs to refunds and tickets. Safe to run twice or concurrently."""

from __future__ import annotations

from typing import Any

from aftercare.aftersales import deadlines
from aftercare.handlers import task_handler


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    def time_left() -> float:
        return float(context.get_remaining_time_in_millis()) / 1000

    return deadlines.sweep_deadlines(time_left=time_left).as_dict()

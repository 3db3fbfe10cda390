"""Scheduled (EventBridge, every 5 minutes): enforces the after-sales deadlines of
PRODUCT.md §4 on every case whose next deadline has passed: auto-approve, close without a
return, auto-pass inspection, auto-complete, and count missed resolution targets. What a
case's change owes other domains is published from the Cases table's stream, not retried
here. Safe to run twice or concurrently."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.aftersales import deadlines
from aftercare.handlers import task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AftersalesDeadlinesSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    notifications_queue_url: str


SETTINGS = load(AftersalesDeadlinesSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    def time_left() -> float:
        return float(context.get_remaining_time_in_millis()) / 1000

    return deadlines.sweep_deadlines(time_left=time_left).as_dict()

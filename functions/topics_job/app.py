"""The weekly recurring-issues job: groups the customer tickets of the 7 days up to yesterday
into topics (top terms, count, trend against the 7 days before, example tickets) and stores
them in the Analytics table, where GET /v1/admin/analytics/topics and the daily report read
them (analytics/recurring.py). An event with `detail: {from, to}` finds the topics of that
period instead (at most 14 days)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.analytics import recurring
from aftercare.handlers import detail_days, task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class TopicsJobSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_table: str


SETTINGS = load(TopicsJobSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return recurring.run(*detail_days(event))

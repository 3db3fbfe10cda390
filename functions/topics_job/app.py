"""The weekly recurring-issues job: groups the customer tickets of the 7 days up to yesterday
into topics (top terms, count, trend against the 7 days before, example tickets) and stores
them in the Analytics table, where GET /v1/admin/analytics/topics and the daily report read
them (analytics/recurring.py). An event with `detail: {from, to}` finds the topics of that
period instead (at most 14 days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from aftercare.analytics import recurring
from aftercare.handlers import task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class TopicsJobSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_table: str


SETTINGS = load(TopicsJobSettings)


def _day(detail: dict[str, Any], name: str) -> date | None:
    value = detail.get(name)
    return date.fromisoformat(str(value)) if value else None


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    detail = event.get("detail")
    detail = detail if isinstance(detail, dict) else {}
    return recurring.run(_day(detail, "from"), _day(detail, "to"))

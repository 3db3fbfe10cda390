"""The daily KPI report: an HTML page with inline SVG charts written to the reports bucket
as reports/<day>.html (the 30 days up to yesterday). An event with `detail: {from, to}`
renders that range instead (the local stack's /_local/reports/kpis)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.analytics import service
from aftercare.handlers import detail_days, task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AnalyticsReportSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    analytics_table: str
    reports_bucket: str


SETTINGS = load(AnalyticsReportSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.write_report(*detail_days(event))

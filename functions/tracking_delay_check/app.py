"""Hourly: flag shipments with no courier event for 72 hours, or past their estimate, as DELAYED."""

from __future__ import annotations

from typing import Any

from aftercare.handlers import task_handler
from aftercare.logistics import service


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return {"flagged": service.check_delays()}

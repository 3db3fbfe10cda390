"""Hourly: flag shipments with no courier event for 72 hours, or past their estimate, as DELAYED."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.handlers import task_handler
from aftercare.logistics import service
from aftercare.settings import load


@dataclass(frozen=True)
class TrackingDelayCheckSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    shipments_table: str


SETTINGS = load(TrackingDelayCheckSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return {"flagged": service.check_delays()}
